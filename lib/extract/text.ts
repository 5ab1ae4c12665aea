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
    const code = text.charCodeAt(i);
    if (isHanCode(code)) han++;
    else if (code >= 0x30 && code <= 0x39) digits++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f) || (code >= 0x400 && code <= 0x4ff)) latin++;
  }
  return han + latin / 3 + digits / 2;
}

/**
 * Removes pinyin glosses that some page dumps put after a character, `來(lái)源` → `來源`, so that
 * keyword patterns (来源, 编辑 …) still match. Only for pattern matching: block text is left as it is.
 */
export function stripPinyinGlosses(text: string): string {
  return text.replace(/\((?:[a-zA-Z\u00e0-\u00fc\u0101-\u01dc\u0300-\u036f]{1,8})\)/g, '');
}
