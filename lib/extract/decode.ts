/**
 * Turns the raw bytes of a saved page into text. Many Chinese pages are GB2312/GBK/GB18030 or Big5,
 * and their declaration is not always right or present, so: byte-order mark first, then the page's
 * own `<meta charset>` / `http-equiv` declaration in the first 4 KB, else sniffing. A crawled page (WARC
 * record) also has the server's HTTP `Content-Type` charset, which comes before the page's own declaration.
 */

const LABEL_ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb_2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  cp936: 'gb18030',
  'x-euc-cn': 'gb18030',
  'euc-cn': 'gb18030',
  hz: 'gb18030',
  'big5-hkscs': 'big5',
  'x-big5': 'big5',
  cp950: 'big5',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

/** Characters frequent in any Chinese prose; a wrong decoder turns them into rarities or U+FFFD. */
const COMMON_CHARACTERS = new Set(Array.from('的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們地到说說会會年就出也对對生能而子那得于於着著下自之日发發后後作里裡经經新闻聞网網'));

export interface DecodedHtml {
  html: string;
  charset: string;
  /** Problems a reader should hear of (invalid bytes replaced), when any. */
  warnings?: string[];
}

export function normalizeCharsetLabel(label: string): string | undefined {
  const lower = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const mapped = LABEL_ALIASES[lower] ?? lower;
  try {
    return new TextDecoder(mapped).encoding;
  } catch {
    return undefined;
  }
}

function charsetFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Reads `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` from the first 4 KB. */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const metas = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const meta of metas) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (direct) {
      const label = normalizeCharsetLabel(direct[1]);
      if (label) return label;
    }
  }
  const xml = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return xml ? normalizeCharsetLabel(xml[1]) : undefined;
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  return new TextDecoder(charset).decode(bytes);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** Higher is more plausible: common Chinese characters count for, replacement characters against. */
function plausibility(text: string): number {
  let score = 0;
  for (const char of text) {
    if (char === '\ufffd') score -= 5;
    else if (COMMON_CHARACTERS.has(char)) score += 1;
  }
  return score;
}

/** Picks between GB18030 and Big5 (the two legacy encodings of Chinese pages) by trying both. */
export function sniffChineseCharset(bytes: Uint8Array): string {
  if (isValidUtf8(bytes)) return 'utf-8';
  const candidates = ['gb18030', 'big5'];
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const charset of candidates) {
    const score = plausibility(decodeWith(bytes, charset));
    if (score > bestScore) {
      best = charset;
      bestScore = score;
    }
  }
  return best;
}

/** The `charset` parameter of an HTTP `Content-Type` value (`text/html; charset=GBK` → `gb18030`). */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match ? normalizeCharsetLabel(match[1]) : undefined;
}

export interface DecodeOptions {
  /** The HTTP `Content-Type` header the page was served with (crawls), when known. */
  contentType?: string | null;
}

export function decodeHtml(bytes: Uint8Array, options: DecodeOptions = {}): DecodedHtml {
  if (looksBinary(bytes)) throw new Error('not a text file (binary bytes: control characters or NULs), refused');
  const bom = charsetFromBom(bytes);
  if (bom) return { html: new TextDecoder(bom).decode(bytes), charset: bom };
  const meta = charsetFromMeta(bytes);
  const http = charsetFromContentType(options.contentType);
  // ISO-8859-1 is many servers' default (Tomcat, old Apache), sent whatever the page is; on a page that
  // declares its own charset the header is that default, not a statement about the page.
  const declared = http && !(http === 'windows-1252' && meta) ? http : meta;
  const validUtf8 = isValidUtf8(bytes);
  // Saved pages are often re-encoded to UTF-8 while keeping their old `charset=gb2312` declaration.
  // Non-ASCII text in GBK or Big5 is essentially never valid UTF-8, so valid multibyte UTF-8 wins over
  // a declared legacy charset.
  if (validUtf8 && hasNonAscii(bytes)) return { html: decodeWith(bytes, 'utf-8'), charset: 'utf-8' };
  if (declared === 'utf-8' && !validUtf8) {
    // A declared UTF-8 page with a few stray bytes is still UTF-8 (#19: one bad byte made it GB18030
    // garbage); only a page whose UTF-8 reading is mostly broken is really in another charset.
    const html = decodeWith(bytes, 'utf-8');
    const bad = countReplacements(html);
    if (bad * 100 <= nonAsciiChars(html)) {
      return { html, charset: 'utf-8', warnings: [`${bad} invalid UTF-8 byte sequence${bad === 1 ? '' : 's'} replaced by U+FFFD`] };
    }
  } else if (declared) {
    return { html: decodeWith(bytes, declared), charset: declared };
  }
  const sniffed = sniffChineseCharset(bytes);
  return { html: decodeWith(bytes, sniffed), charset: sniffed };
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function nonAsciiChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) n++;
  return n;
}

/**
 * Binary, not text: NUL bytes, or more than 1 in 100 of the first 64 KB being control bytes other than tab,
 * newline, form feed and carriage return. Text in any charset the web uses has (almost) none.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65_536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  return control * 100 > n;
}
