/**
 * What the CLI reports for one saved page: decode it by its own charset, find the article (unless
 * told not to), annotate the body. Pure: the HTML parser is injected (linkedom in Node).
 */
import { annotate } from '../annotate';
import type { Annotation } from '../annotate/types';
import { articleText, decodeHtml, findArticle, findArticleInText, type Script } from '../extract';
import { csvTextCell } from '../collections/export/csv';

export interface PageReport {
  file: string;
  title: string;
  body: string;
  /** Set when extraction was asked for and the page is not an article. */
  noArticle?: string;
  annotations: Annotation[];
  /** The article's date as the page gives it (ISO 8601, possibly reduced), its source and script, when extracted. */
  date?: string;
  source?: string;
  script?: Script;
  /** Decoding problems worth a line on stderr (invalid bytes replaced), not part of the output record. */
  warnings?: string[];
}

export type ParseHtml = (html: string) => Document;

export interface ReportOptions {
  extract: boolean;
  parseHtml: ParseHtml;
}

export function isHtmlFile(name: string): boolean {
  return /\.html?$/i.test(name);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What one document is: a saved file's bytes (decoded by its charset), or text already decoded (JSONL records). */
export type DocumentContent =
  | { kind: 'html-bytes'; bytes: Uint8Array; /** the HTTP Content-Type it was served with (WARC) */ contentType?: string | null }
  | { kind: 'html'; html: string }
  | { kind: 'text-bytes'; bytes: Uint8Array }
  | { kind: 'text'; text: string };

export function reportPage(file: string, bytes: Uint8Array, options: ReportOptions): PageReport {
  return reportDocument(file, isHtmlFile(file) ? { kind: 'html-bytes', bytes } : { kind: 'text-bytes', bytes }, options);
}

export function reportDocument(file: string, content: DocumentContent, options: ReportOptions): PageReport {
  if (content.kind === 'html-bytes') {
    const { html, warnings } = decodeHtml(content.bytes, { contentType: content.contentType });
    return reportHtml(file, html, warnings, options);
  }
  if (content.kind === 'html') return reportHtml(file, content.html, undefined, options);
  // Plain text is UTF-8 (a byte-order mark is not part of the text).
  let text = content.kind === 'text' ? content.text : utf8.decode(content.bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!options.extract) return { file, title: '', body: text, annotations: annotate(text) };
  const found = findArticleInText(text);
  if (!found.ok) return { file, title: '', body: '', noArticle: found.reason, annotations: [] };
  const body = articleText(found);
  return { file, title: found.title, body, annotations: annotate(body), ...articleMeta(found) };
}

function reportHtml(file: string, html: string, warnings: string[] | undefined, options: ReportOptions): PageReport {
  const doc = options.parseHtml(html);
  if (!doc || !doc.documentElement) throw new Error('not parseable as HTML');
  const warned = warnings === undefined ? {} : { warnings };
  if (options.extract) {
    const found = findArticle(doc);
    if (!found.ok) return { file, title: pageTitle(doc), body: '', noArticle: found.reason, annotations: [], ...warned };
    const body = articleText(found);
    return { file, title: found.title, body, annotations: annotate(body), ...articleMeta(found), ...warned };
  }
  const body = visibleText(doc);
  return { file, title: pageTitle(doc), body, annotations: annotate(body), ...warned };
}

function articleMeta(found: { publishedAt?: string; source?: string; script: Script }): Pick<PageReport, 'date' | 'source' | 'script'> {
  return {
    ...(found.publishedAt ? { date: found.publishedAt } : {}),
    ...(found.source ? { source: found.source } : {}),
    script: found.script,
  };
}

function pageTitle(doc: Document): string {
  return (doc.querySelector('title')?.textContent ?? '').trim();
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RT', 'RP', 'HEAD']);
const BLOCK = /^(P|DIV|LI|TR|H[1-6]|SECTION|ARTICLE|HEADER|FOOTER|NAV|ASIDE|BLOCKQUOTE|TABLE|UL|OL|DL|DT|DD|FIGCAPTION|BR|MAIN)$/;

/**
 * `--no-extract` on HTML: all text of the page body, one line per block. An explicit stack, not recursion:
 * a page nested tens of thousands of elements deep must not overflow the call stack (#19).
 */
function visibleText(doc: Document): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  /** Nodes still to visit, and block ends (a flush) interleaved as null markers. */
  const stack: (Node | null)[] = [];
  const pushChildren = (node: Node) => {
    const children: Node[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
  };
  pushChildren(doc.body ?? doc.documentElement);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null) {
      flush();
      continue;
    }
    if (node.nodeType === 3) line += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      const block = BLOCK.test(tag);
      if (block) {
        flush();
        stack.push(null);
      }
      pushChildren(node);
    }
  }
  flush();
  return lines.join('\n');
}

export const JSON_FIELDS = ['kind', 'start', 'end', 'text', 'canonical', 'value', 'unit', 'approx', 'measure'] as const;

export function toJsonLine(report: PageReport): string {
  return JSON.stringify({
    file: report.file,
    title: report.title,
    body: report.body,
    ...(report.noArticle ? { noArticle: report.noArticle } : {}),
    annotations: report.annotations.map((a) => Object.fromEntries(JSON_FIELDS.map((k) => [k, a[k] ?? null]))),
  });
}

/** Which record of a crawl or JSONL file a document is (absent for a plain file). */
export interface DocumentKey {
  /** JSONL records: their own `id`. */
  id?: string;
  url?: string;
  warcRecordId?: string;
  warcDate?: string;
  /** WARC records: byte offset of the record in the (compressed) file, as cc-pyspark indexes it. */
  warcOffset?: number;
}

/**
 * `--format jsonl`: today's object plus the record's key and the page's date, source and script (null when
 * the page does not give them, so every line has the same columns for Parquet and DuckDB).
 */
export function toJsonlLine(report: PageReport, key: DocumentKey = {}): string {
  return JSON.stringify({
    file: report.file,
    ...key,
    title: report.title,
    date: report.date ?? null,
    source: report.source ?? null,
    script: report.script ?? null,
    body: report.body,
    ...(report.noArticle ? { noArticle: report.noArticle } : {}),
    annotations: report.annotations.map((a) => Object.fromEntries(JSON_FIELDS.map((k) => [k, a[k] ?? null]))),
  });
}

export const CSV_HEADER = 'file,kind,text,canonical,value,unit,approx,measure,start,end';

export function toCsvRows(report: PageReport): string[] {
  return report.annotations.map((a) =>
    [
      csvTextCell(report.file),
      a.kind,
      csvTextCell(a.text),
      csvTextCell(a.canonical ?? ''),
      a.value === undefined ? '' : String(a.value),
      csvTextCell(a.unit ?? ''),
      a.approx === undefined ? '' : String(a.approx),
      csvTextCell(a.measure ?? ''),
      String(a.start),
      String(a.end),
    ].join(','),
  );
}

/** CSV of crawl or JSONL records: the same columns, then which record each annotation comes from. */
export const CSV_RECORD_HEADER = CSV_HEADER + ',id,url,warcRecordId';

export function toCsvRecordRows(report: PageReport, key: DocumentKey): string[] {
  const suffix = ',' + [key.id, key.url, key.warcRecordId].map((v) => csvTextCell(v ?? '')).join(',');
  return toCsvRows(report).map((row) => row + suffix);
}
