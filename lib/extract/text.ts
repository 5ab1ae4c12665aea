/** Character-level measures of a piece of text that work for Chinese as well as for Latin scripts. */

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Sentence punctuation, full-width and half-width: what separates prose from headlines and menus. */
const PUNCTUATION_GLOBAL = /[，。；：！？、“”‘’「」『』（）《》,.;:!?]/g;
/** Punctuation that ends or splits a sentence: headlines and link labels rarely have it. */
const SENTENCE_PUNCTUATION = /[，。；！？,;!?]|[.:](?=\s|$)|：/;

export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

const isHanCode = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

// Counting loops rather than `match(/…/g)`: no arrays of matches on long pages.
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) n++;
  return n;
}

export function countPunctuation(text: string): number {
  return text.match(PUNCTUATION_GLOBAL)?.length ?? 0;
}

export function hasSentencePunctuation(text: string): boolean {
  return SENTENCE_PUNCTUATION.test(text);
}

/**
 * How much reading a text holds, in "Chinese characters": a Han character counts 1, a Latin letter 1/3
 * (an English word carries about as much as one or two Chinese characters), digits 1/2.
 * This keeps one length threshold meaningful for both scripts: a 60-character Chinese paragraph
 * weighs as much as a 180-letter English one.
 */
export function textWeight(text: string): number {
  let han = 0;
  let latin = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const kind = WEIGHT_CLASS[text.charCodeAt(i)];
    if (kind === HAN_UNIT) han++;
    else if (kind === DIGIT_UNIT) digits++;
    else if (kind === LATIN_UNIT) latin++;
  }
  return han + latin / 3 + digits / 2;
}

const HAN_UNIT = 1;
const DIGIT_UNIT = 2;
const LATIN_UNIT = 3;
/**
 * What each UTF-16 unit weighs in `textWeight`: one table read per character instead of a chain of
 * range tests (every block of every page is weighed, and the content script runs this cold).
 */
const WEIGHT_CLASS = (() => {
  const table = new Uint8Array(0x10000);
  const fill = (kind: number, from: number, to: number) => table.fill(kind, from, to + 1);
  fill(LATIN_UNIT, 0x41, 0x5a);
  fill(LATIN_UNIT, 0x61, 0x7a);
  fill(LATIN_UNIT, 0xc0, 0x24f);
  fill(LATIN_UNIT, 0x400, 0x4ff);
  fill(DIGIT_UNIT, 0x30, 0x39);
  fill(HAN_UNIT, 0x3400, 0x9fff);
  fill(HAN_UNIT, 0xf900, 0xfaff);
  return table;
})();

/**
 * Removes pinyin glosses that some page dumps put after a character, `來(lái)源` → `來源`, so that
 * keyword patterns (来源, 编辑 …) still match. Only for pattern matching: block text is left as it is.
 */
export function stripPinyinGlosses(text: string): string {
  // Most lines hold no bracket: skip the pattern (this runs on every block of every page).
  if (!text.includes('(')) return text;
  return text.replace(/\((?:[a-zA-Z\u00e0-\u00fc\u0101-\u01dc\u0300-\u036f]{1,8})\)/g, '');
}
