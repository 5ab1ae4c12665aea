import scriptCharacters from './data/script-characters.json';

const SIMPLIFIED_ONLY = 1;
const TRADITIONAL_ONLY = 2;
/**
 * Per UTF-16 unit of the BMP: which script only it belongs to (0: both or neither). A table, not a
 * Set of one-character strings: reading a 200,000-character page is then a loop over char codes,
 * with no string made per character (the Set version cost ~20 ms per page on the conversion path).
 * The lists' astral characters (CJK extensions) are looked up in Sets, only at surrogate pairs.
 */
const scriptOfUnit = new Uint8Array(0x10000);
const astralSimplified = new Set<string>();
const astralTraditional = new Set<string>();
for (const char of scriptCharacters.traditionalOnly) {
  if (char.length === 1) scriptOfUnit[char.charCodeAt(0)] = TRADITIONAL_ONLY;
  else astralTraditional.add(char);
}
// Written second: a character in both lists counts as simplified (the order the Sets were asked in).
for (const char of scriptCharacters.simplifiedOnly) {
  if (char.length === 1) scriptOfUnit[char.charCodeAt(0)] = SIMPLIFIED_ONLY;
  else astralSimplified.add(char);
}

export type DetectedScript = 'zh-Hans' | 'zh-Hant' | 'none';

/**
 * Which script a text is written in, by counting characters that exist in only one script
 * (derived from OpenCC's character tables). Shared characters are ignored; a tie or no
 * discriminating character at all gives `none`. `limit` caps how many characters are read
 * so that calling it on a whole page stays cheap.
 */
export function detectScript(text: string, limit = 20_000): DetectedScript {
  const { simplified, traditional } = scriptEvidence(text, limit);
  if (simplified === traditional) return 'none';
  return simplified > traditional ? 'zh-Hans' : 'zh-Hant';
}

/** Counts of characters that exist in only one script (the evidence `detectScript` weighs). */
export function scriptEvidence(text: string, limit = 20_000): { simplified: number; traditional: number } {
  let simplified = 0;
  let traditional = 0;
  let read = 0;
  for (let i = 0; i < text.length; i++) {
    // `limit` counts code points, as iterating the string would.
    if (++read > limit) break;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const char = text.slice(i, i + 2);
        i++;
        if (astralSimplified.has(char)) simplified++;
        else if (astralTraditional.has(char)) traditional++;
        continue;
      }
    }
    const script = scriptOfUnit[code];
    if (script === SIMPLIFIED_ONLY) simplified++;
    else if (script === TRADITIONAL_ONLY) traditional++;
  }
  return { simplified, traditional };
}

/**
 * The script of one block on a page whose script is `page`: the block's own only when it is
 * unambiguous (at least `minimum` characters of the other script and none of the page's, a quoted
 * traditional paragraph in a simplified article); text that mixes both scripts, or says too little,
 * converts as the page does (OpenCC's own tests mix scripts in one line on purpose).
 */
export function blockScript(text: string, page: DetectedScript, minimum = 3): DetectedScript {
  if (page === 'none') return detectScript(text);
  const { simplified, traditional } = scriptEvidence(text);
  if (page === 'zh-Hans' && simplified === 0 && traditional >= minimum) return 'zh-Hant';
  if (page === 'zh-Hant' && traditional === 0 && simplified >= minimum) return 'zh-Hans';
  return page;
}
