/**
 * The measure of a statistic: the short phrase saying what is counted. Taken from the clause before
 * the number (破获案件811起 → 破获案件), cut after stop words (共, 累计 …), agency names and generic
 * actors (公安机关); when that leaves nothing or a preposition (对319名…), taken after the unit instead
 * (由23个部门和单位组成 → 部门和单位). A phrase that names nothing an enforcement report counts (法官,
 * 每层有, 40显卡杀入) gives no measure: the words are in measureDomainWords.
 */
import statData from '../data/annotate-statistics.json';
import { HAN, isAsciiDigit as isAsciiDigitImported, isHan as isHanImported, isLatinLetter as isLatinLetterImported, sliceCodes as sliceCodesImported } from './chars';
import type { Hit } from './hit';
import { wordTrie } from './trie';
// Local bindings: module-namespace getters (tsx, some bundlers) are slow in hot loops.
const isAsciiDigit = isAsciiDigitImported;
const isHan = isHanImported;
const isLatinLetter = isLatinLetterImported;
const sliceCodes = sliceCodesImported;

const MAX_BEFORE = 24;
const MAX_AFTER = 12;

const stopWords = statData.measureStopWords.map((w) => w);
const stripThrough = statData.measureStripThrough;
const trailingWords = statData.measureTrailingWords;
const takeAfterEnding = new Uint8Array(0x10000);
for (const ch of statData.measureTakeAfterEndings) takeAfterEnding[ch.charCodeAt(0)] = 1;
const afterStopTrie = wordTrie(statData.measureAfterStopWords);
const domainWords = statData.measureDomainWords;

/** True when the phrase names something an enforcement report counts (案件, 资金, 嫌疑人 …). */
function namesCountedThing(phrase: string): boolean {
  for (const word of domainWords) if (phrase.indexOf(word) !== -1) return true;
  return false;
}

// Han (the HAN table's ranges), Latin letters and ASCII digits; filled by ranges, not by testing all 65,536 units.
const wordUnit = new Uint8Array(HAN);
wordUnit.fill(1, 0x30, 0x3a);
wordUnit.fill(1, 0x41, 0x5b);
wordUnit.fill(1, 0x61, 0x7b);
function isWordUnit(code: number): boolean {
  return wordUnit[code] === 1;
}

/** Index just after the last occurrence of any word in `words` within `text`, or 0. */
function cutAfterLast(text: string, words: readonly string[]): number {
  let cut = 0;
  for (const word of words) {
    const at = text.lastIndexOf(word);
    if (at !== -1 && at + word.length > cut) cut = at + word.length;
  }
  return cut;
}

/**
 * @param start first unit of the statistic (its qualifier, if any)
 * @param end just after the statistic
 * @param floor measure may not reach before this (end of the previous statistic)
 * @param agencies agency hits, to cut their names off the phrase
 */
export function measureFor(codes: Uint16Array, length: number, start: number, end: number, floor: number, agencies: readonly Hit[]): string | undefined {
  let from = start;
  while (from > floor && start - from < MAX_BEFORE && isWordUnit(codes[from - 1])) from--;
  // Agencies are sorted: binary-search the last one ending at or before `start`.
  let lo = 0;
  let hi = agencies.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (agencies[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && agencies[lo - 1].end > from) from = agencies[lo - 1].end;
  let phrase = sliceCodes(codes, from, start);
  phrase = phrase.slice(cutAfterLast(phrase, stopWords));
  phrase = phrase.slice(cutAfterLast(phrase, stripThrough));
  for (const word of trailingWords) {
    if (phrase.endsWith(word)) {
      phrase = phrase.slice(0, phrase.length - word.length);
      break;
    }
  }
  if (phrase.length > 0 && takeAfterEnding[phrase.charCodeAt(phrase.length - 1)] === 0) return namesCountedThing(phrase) ? phrase : undefined;

  let to = end;
  while (to < length && to - end < MAX_AFTER && isWordUnit(codes[to]) && afterStopTrie.longestAt(codes, to, length) === null) to++;
  const after = to > end ? sliceCodes(codes, end, to) : '';
  return namesCountedThing(after) ? after : undefined;
}
