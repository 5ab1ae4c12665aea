/** Character-level measures of a piece of text that work for Chinese as well as for Latin scripts. */

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const HAN_GLOBAL = /[\u3400-\u9fff\uf900-\ufaff]/g;
/** Sentence punctuation, full-width and half-width: what separates prose from headlines and menus. */
const PUNCTUATION_GLOBAL = /[，。；：！？、“”‘’「」『』（）《》,.;:!?]/g;
/** Punctuation that ends or splits a sentence: headlines and link labels rarely have it. */
const SENTENCE_PUNCTUATION = /[，。；！？,;!?]|[.:](?=\s|$)|：/;
const LATIN_LETTER_GLOBAL = /[A-Za-z\u00c0-\u024f\u0400-\u04ff]/g;

export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export function countHan(text: string): number {
  return text.match(HAN_GLOBAL)?.length ?? 0;
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
  const han = countHan(text);
  const latin = text.match(LATIN_LETTER_GLOBAL)?.length ?? 0;
  const digits = text.match(/[0-9]/g)?.length ?? 0;
  return han + latin / 3 + digits / 2;
}

/**
 * Removes pinyin glosses that some page dumps put after a character, `來(lái)源` → `來源`, so that
 * keyword patterns (来源, 编辑 …) still match. Only for pattern matching: block text is left as it is.
 */
export function stripPinyinGlosses(text: string): string {
  return text.replace(/\((?:[a-zA-Z\u00e0-\u00fc\u0101-\u01dc\u0300-\u036f]{1,8})\)/g, '');
}
