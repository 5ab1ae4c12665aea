/**
 * Statistics: reported figures, found by a hand-written number scanner over the normalised text.
 *
 * A figure is a number (Arabic with thousands separators and decimals, Chinese numerals, or mixed:
 * 3180余亿元, 2.1万余人次, 两千余) with a unit or measure word (起, 名, 人次, 元, %, 个月 …), or an Arabic
 * number with a multiplier (46.4万). Kept out: dates and times (2022年, 3月24日, 21:31:24), time units
 * without a duration trigger (为期/连续/集中 …), ordinals (第三), phone numbers and identifiers (no unit,
 * or glued to letters/dashes), numbers inside quotes (“四个坚持”), vague counts (数十名), and a lone 一
 * (一批, 一起, 一人多企) unless it is a duration (集中一年), demonstrative counts (这3个人) and 两人 used as a
 * pronoun (将两人送医). Prison terms are durations (有期徒刑五年); 到/至 make a range (三到四年 → 3, approx);
 * a number can go on after 万 (2万2500 → 22500) and a bare last digit takes the next magnitude (三千五 → 3500).
 */
import statData from '../data/annotate-statistics.json';
import { isAsciiDigit as isAsciiDigitImported, isHan as isHanImported, isLatinLetter as isLatinLetterImported, codesOf as codesOfImported, endsWithAny as endsWithAnyImported, endsWithAt as endsWithAtImported } from './chars';
import type { Hit } from './hit';
import { measureFor } from './measure';
import { wordTrie } from './trie';
// Local bindings: module-namespace getters (tsx, some bundlers) are slow in hot loops.
const isAsciiDigit = isAsciiDigitImported;
const isLatinLetter = isLatinLetterImported;
const isHanCode = isHanImported;
const codesOf = codesOfImported;
const endsWithAt = endsWithAtImported;
const endsWithAny = endsWithAnyImported;

const unitTrie = wordTrie(statData.units);
const timeUnits = new Set(statData.timeUnits);
const moneyUnits = statData.moneyUnits as Record<string, string>;
const unitAliases = statData.unitAliases as Record<string, string>;
const rangeJoiner = new Uint8Array(0x10000);
for (const ch of statData.rangeJoiners) rangeJoiner[ch.charCodeAt(0)] = 1;
const unitsNeedingDigit = new Set(statData.unitsNeedingDigit);
const unitsNeedingArabic = new Set(statData.unitsNeedingArabic);
const unitNotBefore = statData.unitNotBefore as Record<string, string>;
const pairCountAfter = wordTrie(statData.pairCountAfter);
const FULLWIDTH_COLON = '：'.charCodeAt(0);
const durationTriggers = statData.durationTriggers.map(codesOf);
const approxPrefixes = statData.approxPrefixes.map(codesOf).sort((a, b) => b.length - a.length);
const yiChargeWords = statData.chargeWordsBeforeYi.map(codesOf);
const moneyAfterTrie = wordTrie(statData.moneyWordsAfter);
const moneyBeforeWords = statData.moneyWordsBefore.map(codesOf);
const MONEY_REACH = 6;
/** Whether a money word ends in the same run of Han text within a few characters before `start` (市值高達近4億). */
function moneyBefore(codes: Uint16Array, start: number, floor: number): boolean {
  const limit = Math.max(floor, start - MONEY_REACH);
  for (let k = start; k > limit; k--) {
    for (const word of moneyBeforeWords) if (endsWithAt(codes, k, word)) return true;
    if (!isHanCode(codes[k - 1])) return false;
  }
  return false;
}
/** Length of the longest approximation prefix (約, 超過 …) ending right before `at`, or 0. */
function approxPrefixBefore(codes: Uint16Array, at: number): number {
  for (const prefix of approxPrefixes) if (endsWithAt(codes, at, prefix)) return prefix.length;
  return 0;
}
/** Last units of the approximation prefixes: a cheap test before looking for one between currency and figure. */
const approxPrefixLast = new Uint8Array(0x10000);
for (const prefix of approxPrefixes) approxPrefixLast[prefix[prefix.length - 1]] = 1;
const approxSuffixTrie = wordTrie(statData.approxSuffixes);
const approxInfix = new Uint8Array(0x10000);
for (const w of statData.approxInfixes) approxInfix[w.charCodeAt(0)] = 1;
const vaguePrefix = new Uint8Array(0x10000);
for (const ch of statData.vaguePrefixes) vaguePrefix[ch.charCodeAt(0)] = 1;
const yiWordPrefix = new Uint8Array(0x10000);
for (const ch of statData.yiWordPrefixes) yiWordPrefix[ch.charCodeAt(0)] = 1;
const currencyPrefixes = statData.currencyPrefixes.map(codesOf).sort((a, b) => b.length - a.length);
const SPACE = 0x20;
const NBSP = 0xa0;
const isSpace = (code: number) => code === SPACE || code === NBSP;
const PERCENT_WORD = codesOf('百分之');
const rejectPrefix = new Uint8Array(0x10000);
for (const ch of statData.rejectPrefixes) rejectPrefix[ch.charCodeAt(0)] = 1;

/** Chinese digits 0–9 (index = code unit, -1 = not a digit). */
const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const chineseDigit = new Int8Array(0x10000).fill(-1);
for (const [ch, v] of Object.entries(CHINESE_DIGITS)) chineseDigit[ch.charCodeAt(0)] = v;
/** Chinese multipliers 十 百 千 (within a section) and 万 亿 (section ends). */
const SMALL_MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** Written tens (卅人 = 30, 廿五 = 25), still common in Taiwan and Hong Kong papers. */
const TENS: Record<string, number> = { 廿: 20, 卅: 30, 卌: 40 };
const tensValue = new Float64Array(0x10000);
for (const [ch, v] of Object.entries(TENS)) tensValue[ch.charCodeAt(0)] = v;
const BIG_MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const smallMultiplier = new Float64Array(0x10000);
for (const [ch, v] of Object.entries(SMALL_MULTIPLIERS)) smallMultiplier[ch.charCodeAt(0)] = v;
const bigMultiplier = new Float64Array(0x10000);
for (const [ch, v] of Object.entries(BIG_MULTIPLIERS)) bigMultiplier[ch.charCodeAt(0)] = v;

const OPEN_QUOTES = '“「『"';
const openQuote = new Uint8Array(0x10000);
for (const ch of OPEN_QUOTES) openQuote[ch.charCodeAt(0)] = 1;
/** Glue characters that make a number part of a code, date or time (2023-05-31, 21:31, 30/40, v1.2). */
const glue = new Uint8Array(0x10000);
for (const ch of '-:/._#@～~') glue[ch.charCodeAt(0)] = 1;

const SHANG = '上'.charCodeAt(0);
const REN = '人'.charCodeAt(0);
const LING = '零'.charCodeAt(0);
const LING_CIRCLE = '〇'.charCodeAt(0);
const WHITE_CIRCLE = '○'.charCodeAt(0);
const YI = '一'.charCodeAt(0);
const BAN = '半'.charCodeAt(0);
const GE = '个'.charCodeAt(0);
const YUE = '月'.charCodeAt(0);
const DIAN = '点'.charCodeAt(0);
const LING_JOIN = '零'.charCodeAt(0);
const YOU = '又'.charCodeAt(0);
const NIAN = '年'.charCodeAt(0);
const MONTHS = codesOf('个月');
const COMMA = 0x2c;
const DOT = 0x2e;

/** Start units: ASCII/full-width digits, Chinese digits and 十/百/千 (十起), 万/千/百 after 上 (上万人). */
const startUnit = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) startUnit[c] = 1;
for (let c = 0xff10; c <= 0xff19; c++) startUnit[c] = 1;
// From the lists, not by scanning all 65,536 units (this runs when the content script starts).
for (const ch of Object.keys({ ...CHINESE_DIGITS, ...SMALL_MULTIPLIERS, ...BIG_MULTIPLIERS, ...TENS })) startUnit[ch.charCodeAt(0)] = 1;

function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

function clean(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toPrecision(15));
}

interface Numeral {
  end: number;
  value: number;
  /** Two digits in a row (三四台): a range, keep the lower bound. */
  range: boolean;
  hasMultiplier: boolean;
}

/**
 * A Chinese numeral from `at` (一千二百, 两万三, 三四): 零 only separates; a last digit right after 百/千/万
 * without its own multiplier takes the next magnitude down (三千五 → 3500, 两万三 → 23000).
 */
function readChineseNumeral(codes: Uint16Array, length: number, at: number): Numeral {
  let j = at;
  let total = 0;
  let section = 0;
  let digit = 0;
  let sawDigit = false;
  let range = false;
  let hasMultiplier = false;
  /** The multiplier right before the pending digit (0: none, or a 零 came between). */
  let lastMultiplier = 0;
  let afterMultiplier = false;
  // Each section (the part before a 万 / 亿, and the rest) may be written digit by digit instead
  // (三一八○件 = 3180, 一億九三一二萬 = 1億9312萬, 二○三萬 = 203萬): its digits in order, their count,
  // whether a 零 is among them and whether 十/百/千 came in it.
  let positional = 0;
  let digitCount = 0;
  let zeroDigit = false;
  let sectionRange = false;
  let sectionSmall = false;
  let lastBig = 0;
  while (j < length) {
    const code = codes[j];
    // ○ (a white circle) is a zero inside a numeral only: 王○明 masks a name.
    const d = code === WHITE_CIRCLE && j > at ? 0 : chineseDigit[code];
    if (d >= 0 && !sectionSmall && !(d === 0 && code === LING && digitCount === 0)) {
      positional = positional * 10 + d;
      digitCount++;
      if (d === 0) zeroDigit = true;
    }
    if (tensValue[code] > 0 && !sawDigit) {
      section += tensValue[code];
      hasMultiplier = true;
      sectionSmall = true;
      lastMultiplier = 10;
      afterMultiplier = true;
    } else if ((code === LING || code === LING_CIRCLE || code === WHITE_CIRCLE) && (sectionSmall || (hasMultiplier && digitCount <= 1 && !sawDigit))) {
      // 一千零五, 一億零三百萬: a 零 after a multiplier only separates.
      afterMultiplier = false;
      lastMultiplier = 0;
      if (!sectionSmall) {
        positional = 0;
        digitCount = 0;
        zeroDigit = false;
      }
    } else if (d >= 0) {
      if (sawDigit) sectionRange = true;
      else {
        digit = d;
        if (!afterMultiplier) lastMultiplier = 0;
      }
      sawDigit = true;
      afterMultiplier = false;
    } else if (smallMultiplier[code] > 0) {
      section += (sawDigit ? digit : 1) * smallMultiplier[code];
      digit = 0;
      sawDigit = false;
      if (sectionRange) range = true; // 四五千: the range is before its multiplier
      sectionRange = false;
      hasMultiplier = true;
      sectionSmall = true;
      lastMultiplier = smallMultiplier[code];
      afterMultiplier = true;
    } else if (bigMultiplier[code] > 0) {
      const value = sectionValue(section, digit, sawDigit, lastMultiplier, positional, digitCount, zeroDigit, sectionRange, sectionSmall);
      if (value < 0) range = true;
      const empty = value === 0 && !sawDigit && digitCount === 0;
      const big = bigMultiplier[code];
      // 一億九千萬: a 萬 after a 億 multiplies its own section only; 三萬億 multiplies all before it.
      if (empty && total > 0) total *= big;
      else if (lastBig > big) total += Math.abs(value) * big;
      else total = (total + (empty ? 1 : Math.abs(value))) * big;
      lastBig = big;
      section = 0;
      digit = 0;
      sawDigit = false;
      positional = 0;
      digitCount = 0;
      zeroDigit = false;
      sectionRange = false;
      sectionSmall = false;
      hasMultiplier = true;
      lastMultiplier = bigMultiplier[code];
      afterMultiplier = true;
    } else break;
    j++;
  }
  const last = sectionValue(section, digit, sawDigit, lastMultiplier, positional, digitCount, zeroDigit, sectionRange, sectionSmall);
  if (last < 0) range = true;
  return { end: j, value: total + Math.abs(last), range, hasMultiplier };
}

/**
 * The value of one section of a Chinese numeral, negated when it is a range (三四 → -3: keep the lower
 * bound). A section written digit by digit has three digits or more, or two with a zero (二〇).
 */
function sectionValue(
  section: number, digit: number, sawDigit: boolean, lastMultiplier: number, positional: number,
  digitCount: number, zeroDigit: boolean, sectionRange: boolean, sectionSmall: boolean,
): number {
  if (!sectionSmall && (digitCount >= 3 || (digitCount === 2 && zeroDigit))) return positional;
  const tail = sawDigit && !sectionRange && lastMultiplier >= 100 ? (digit * lastMultiplier) / 10 : digit;
  const value = section + tail;
  return sectionRange && value > 0 ? -value : value;
}

/** A small count at `at` in Arabic or Chinese numerals (3, 十一), for the months of 四年零三個月; or null. */
function smallNumberAt(codes: Uint16Array, length: number, at: number): { value: number; end: number } | null {
  let k = at;
  let value = 0;
  while (k < length && digitValue(codes[k]) >= 0) value = value * 10 + digitValue(codes[k++]);
  if (k > at) return { value, end: k };
  if (chineseDigit[codes[at]] < 0 && smallMultiplier[codes[at]] === 0) return null;
  const numeral = readChineseNumeral(codes, length, at);
  return numeral.end > at && !numeral.range ? { value: numeral.value, end: numeral.end } : null;
}

/** True when a Chinese digit (not only 十/百/千) occurs in `codes[from..to)`: 三百度 yes, 百度 no. */
function hasDigitBefore(codes: Uint16Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (chineseDigit[codes[k]] >= 0) return true;
  return false;
}

/** End of the second number of a range (三到四, 3至5) starting at the joiner `at`, or -1. */
function rangeEnd(codes: Uint16Array, length: number, at: number, arabic: boolean): number {
  if (rangeJoiner[codes[at]] === 0) return -1;
  let j = at + 1;
  if (arabic) {
    while (j < length && (digitValue(codes[j]) >= 0 || codes[j] === DOT)) j++;
  } else {
    while (j < length && (chineseDigit[codes[j]] >= 0 || smallMultiplier[codes[j]] > 0)) j++;
  }
  return j > at + 1 ? j : -1;
}

export function findStatistics(codes: Uint16Array, length: number, agencies: readonly Hit[]): Hit[] {
  const hits: Hit[] = [];
  let floor = 0;
  let lastDurationEnd = -1;

  for (let i = 0; i < length; i++) {
    const first = codes[i];
    if (startUnit[first] === 0) continue;
    const before = i > 0 ? codes[i - 1] : 0;

    // 百分之37.5, 百分之四十七点九: a percentage written out.
    let percentWord = false;
    if (first === PERCENT_WORD[0] && codes[i + 1] === PERCENT_WORD[1] && codes[i + 2] === PERCENT_WORD[2] && startUnit[codes[i + 3]] === 1) {
      percentWord = true;
    }
    const numberStart = percentWord ? i + 3 : i;
    let j = numberStart;
    let value = 0;
    let arabic = false;
    let loneYi = false;
    let hasMultiplier = false;
    let approx = false;

    if (digitValue(codes[numberStart]) >= 0) {
      arabic = true;
      // Part of a code (ICP11041399, 029-63903870, v2.0) or a time (3：35)?
      if (isLatinLetter(before) || glue[before] === 1 || isAsciiDigit(before) || (before === FULLWIDTH_COLON && digitValue(codes[i - 2]) >= 0)) {
        while (j < length && (digitValue(codes[j]) >= 0 || glue[codes[j]] === 1)) j++;
        i = j - 1;
        continue;
      }
      let mantissa = 0;
      let scale = 0;
      for (;;) {
        const d = digitValue(codes[j]);
        if (d >= 0) {
          mantissa = mantissa * 10 + d;
          if (scale > 0) scale++;
          j++;
        } else if (
          codes[j] === COMMA && scale === 0 &&
          digitValue(codes[j + 1]) >= 0 && digitValue(codes[j + 2]) >= 0 && digitValue(codes[j + 3]) >= 0 && digitValue(codes[j + 4]) < 0
        ) {
          j++;
        } else if (codes[j] === DOT && scale === 0 && digitValue(codes[j + 1]) >= 0) {
          scale = 1;
          j++;
        } else break;
      }
      value = scale > 0 ? mantissa / 10 ** (scale - 1) : mantissa;
      // 2023-05-31, 21:31:24, 30/40: codes, dates and times.
      if (j < length && glue[codes[j]] === 1 && digitValue(codes[j + 1]) >= 0) {
        while (j < length && (digitValue(codes[j]) >= 0 || glue[codes[j]] === 1)) j++;
        i = j - 1;
        continue;
      }
      if (isLatinLetter(codes[j])) {
        i = j - 1;
        continue;
      }
      if (isSpace(codes[j]) && (bigMultiplier[codes[j + 1]] > 0 || unitTrie.longestAt(codes, j + 1, length) !== null)) j++;
      if (approxInfix[codes[j]] === 1 && (smallMultiplier[codes[j + 1]] > 0 || bigMultiplier[codes[j + 1]] > 0)) {
        approx = true;
        j++;
      }
      let multiplier = 1;
      let big = 0;
      while (j < length && (smallMultiplier[codes[j]] > 0 || bigMultiplier[codes[j]] > 0)) {
        multiplier *= smallMultiplier[codes[j]] || bigMultiplier[codes[j]];
        if (bigMultiplier[codes[j]] > 0) big = bigMultiplier[codes[j]];
        hasMultiplier = true;
        j++;
      }
      value = value * multiplier;
      // 2万2500元, 3万5千, 2億1,910萬5,185元, 1 億 7,244 萬元: the number goes on below the 万 / 亿.
      while (big > 0) {
        let k = j;
        // 2亿零五百万元: the part below written in Chinese numerals, after a 零 or not.
        const chineseAt = (codes[k] === LING || codes[k] === LING_CIRCLE) && chineseDigit[codes[k + 1]] > 0 ? k + 1 : chineseDigit[codes[k]] > 0 ? k : -1;
        if (chineseAt !== -1) {
          const below = readChineseNumeral(codes, length, chineseAt);
          // 10万一次 is "100,000 a time": a bare digit after the 万 is no part of the number.
          if (!below.range && below.hasMultiplier && below.value > 0 && below.value < big) {
            value += below.value;
            j = below.end;
          }
          break;
        }
        if (isSpace(codes[k]) && (digitValue(codes[k + 1]) >= 0 || codes[k + 1] === LING || codes[k + 1] === LING_CIRCLE)) k++;
        // 3億零500元: a 零 says the 萬 section is empty.
        const afterZero = (codes[k] === LING || codes[k] === LING_CIRCLE) && digitValue(codes[k + 1]) >= 0;
        if (afterZero) k++;
        if (digitValue(codes[k]) < 0) break;
        const from = k;
        let rest = 0;
        let digits = 0;
        for (;;) {
          const d = digitValue(codes[k]);
          if (d >= 0) {
            rest = rest * 10 + d;
            digits++;
            k++;
          } else if (codes[k] === COMMA && digitValue(codes[k + 1]) >= 0 && digitValue(codes[k + 2]) >= 0 && digitValue(codes[k + 3]) >= 0 && digitValue(codes[k + 4]) < 0) k++;
          else break;
        }
        if (glue[codes[k]] === 1 || isLatinLetter(codes[k]) || digits > 4) break;
        let next = 0;
        if (isSpace(codes[k]) && bigMultiplier[codes[k + 1]] > 0) k++;
        if (smallMultiplier[codes[k]] > 0) {
          rest *= smallMultiplier[codes[k++]];
          // 1億9千萬: the 千 counts 萬s, not units.
          if (bigMultiplier[codes[k]] > 0 && bigMultiplier[codes[k]] < big) {
            next = bigMultiplier[codes[k]];
            rest *= bigMultiplier[codes[k++]];
          }
        } else if (bigMultiplier[codes[k]] > 0 && bigMultiplier[codes[k]] < big) {
          next = bigMultiplier[codes[k]];
          rest *= bigMultiplier[codes[k++]];
        } else if (digits === 1 && k - from === 1) rest *= big / 10;
        if (rest >= big) break;
        value += rest;
        j = k;
        big = next;
      }
    } else {
      if (first === YI && yiWordPrefix[before] === 1) continue; // 唯一, 统一, 之一: words, not counts
      if (vaguePrefix[before] === 1) {
        // 数十名, 几百万: vague, skip the whole numeral run.
        while (j < length && (chineseDigit[codes[j]] >= 0 || smallMultiplier[codes[j]] > 0 || bigMultiplier[codes[j]] > 0)) j++;
        i = j - 1;
        continue;
      }
      if (chineseDigit[first] < 0 && smallMultiplier[first] === 0 && before !== SHANG) {
        // 万/亿 alone (万一, 亿万) is not a number; 十/百/千 alone can be (十起).
        if (bigMultiplier[first] > 0) continue;
      }
      // 三四台, 四五千元: a range; keep the lower bound, mark it approximate.
      const numeral = readChineseNumeral(codes, length, numberStart);
      j = numeral.end;
      value = numeral.value;
      if (numeral.range) approx = true;
      if (numeral.hasMultiplier) hasMultiplier = true;
      // 三点五亿元, 百分之二十五点三: Chinese decimals, then the 万 / 亿 they multiply.
      if (codes[j] === DIAN && chineseDigit[codes[j + 1]] >= 0) {
        let scale = 0.1;
        j++;
        while (j < length && chineseDigit[codes[j]] >= 0) {
          value += chineseDigit[codes[j]] * scale;
          scale /= 10;
          j++;
        }
        if (bigMultiplier[codes[j]] > 0) {
          value *= bigMultiplier[codes[j]];
          hasMultiplier = true;
          j++;
        }
      }
      // 三千多万元: the approximate part sits before the 万 / 亿 it multiplies.
      if (approxInfix[codes[j]] === 1 && bigMultiplier[codes[j + 1]] > 0) {
        approx = true;
        value *= bigMultiplier[codes[j + 1]];
        hasMultiplier = true;
        j += 2;
      }
      // 百分之百 is a fixed phrase ("completely"), not a reported figure.
      if (percentWord && j - numberStart === 1 && smallMultiplier[codes[numberStart]] > 0) {
        i = j - 1;
        continue;
      }
      loneYi = j - numberStart === 1 && value === 1;
    }

    // 三到四年, 14至89歲, 4、5名: a range or list gives one item per number; the first takes the unit
    // written after the last (the second is found on its own next).
    const secondEnd = rangeEnd(codes, length, j, arabic);
    const rangeUnit = secondEnd === -1 ? null : unitTrie.longestAt(codes, secondEnd, length);
    if (rangeUnit !== null) loneYi = false;

    if (approxInfix[codes[j]] === 1) {
      approx = true;
      j++;
    }
    // 2,343 萬6,072 元: Taiwan's statistics tables put a space before the unit after the last part too.
    if (hasMultiplier && arabic && isSpace(codes[j]) && unitTrie.longestAt(codes, j + 1, length) !== null) j++;

    let unit: string | undefined;
    let end = j;
    const unitMatch = unitTrie.longestAt(codes, j, length);
    if (
      unitMatch !== null &&
      !(unitsNeedingDigit.has(unitMatch.value) && !arabic && !hasDigitBefore(codes, i, j)) &&
      !(unitsNeedingArabic.has(unitMatch.value) && !arabic) &&
      !(unitNotBefore[unitMatch.value] !== undefined && unitNotBefore[unitMatch.value].indexOf(String.fromCharCode(codes[unitMatch.end])) !== -1)
    ) {
      unit = unitMatch.value;
      end = unitMatch.end;
    } else if (percentWord) {
      unit = '%';
    } else if (rangeUnit !== null && approxInfix[codes[j]] !== 1) {
      unit = rangeUnit.value;
    }
    const halfTime = codes[j] === GE && codes[j + 1] === BAN ? unitTrie.longestAt(codes, j + 2, length) : null;
    if (halfTime !== null && timeUnits.has(halfTime.value)) {
      // 3個半月, 1個半小時: a duration of N and a half.
      unit = timeUnits.has('个' + halfTime.value) ? '个' + halfTime.value : halfTime.value;
      value += 0.5;
      end = halfTime.end;
    } else if (codes[j] === GE && approxInfix[codes[j + 1]] === 1) {
      // 5个多月, 三个多小时: a duration, not a count of 个.
      const time = unitTrie.longestAt(codes, j + 2, length);
      if (time !== null && timeUnits.has(time.value)) {
        unit = timeUnits.has('个' + time.value) ? '个' + time.value : time.value;
        approx = true;
        end = time.end;
      }
    }

    let start = i;
    let duration = false;
    if (unit !== undefined && timeUnits.has(unit)) {
      for (const trigger of durationTriggers) if (endsWithAt(codes, i, trigger)) duration = true;
      // The second number of a range whose first was a duration (获刑三到四年).
      if (rangeJoiner[before] === 1 && lastDurationEnd === i - 1) duration = true;
      if (!duration) {
        i = j - 1;
        continue;
      }
      if (codes[end] === BAN) {
        value += 0.5;
        end++;
      }
      // 四年零三個月, 二年二個月: one term in months.
      if (unit === '年' && codes[end - 1] === NIAN) {
        let k = end;
        if (codes[k] === LING_JOIN || codes[k] === YOU) k++;
        const months = smallNumberAt(codes, length, k);
        if (months !== null && months.value < 12 && codes[months.end] === MONTHS[0] && codes[months.end + 1] === MONTHS[1]) {
          value = value * 12 + months.value;
          unit = '个月';
          end = months.end + 2;
        }
      }
    }

    // A currency written before the figure (新臺幣 1 億 7,244 萬元, 港幣3萬) is in the span and is its unit.
    let currency: string | undefined;
    {
      let at = isSpace(codes[start - 1]) ? start - 1 : start;
      // 新臺幣約180萬餘元: an approximation may sit between the currency and the figure.
      const between = approxPrefixLast[codes[at - 1]] === 1 ? approxPrefixBefore(codes, at) : 0;
      const approxBetween = between > 0 && endsWithAny(codes, at - between, currencyPrefixes);
      if (approxBetween) at -= between;
      for (const prefix of currencyPrefixes) {
        if (endsWithAt(codes, at, prefix)) {
          start = at - prefix.length;
          currency = String.fromCharCode(...prefix);
          if (approxBetween) approx = true;
          break;
        }
      }
    }
    if (currency !== undefined && (unit === undefined || unit === '元')) unit = currency;

    // 一 is an article (一名男子), except in a parallel count of casualties (致使一人死亡，三人受伤).
    // …, and the number of charges (被控以一項「串謀欺詐」罪, 承認一項): the court reports count them.
    const countedYi = loneYi && (pairCountAfter.longestAt(codes, end, length) !== null || endsWithAny(codes, i, yiChargeWords));
    const rejected =
      // 第 17 名: an ordinal even with a space before the figure.
      ((rejectPrefix[before] === 1 || (isSpace(before) && rejectPrefix[codes[i - 2]] === 1)) && !percentWord) ||
      openQuote[before] === 1 ||
      (unit === undefined && (!arabic || !hasMultiplier)) ||
      (loneYi && !duration && !countedYi);
    if (rejected) {
      i = j - 1;
      continue;
    }

    // 超過約400萬: two qualifiers may stack; both are in the span.
    for (let stacked = 0; stacked < 2; stacked++) {
      const at = isSpace(codes[start - 1]) ? start - 1 : start;
      const prefix = approxPrefixBefore(codes, at);
      if (prefix === 0) break;
      start = at - prefix;
      approx = true;
    }
    if (before === SHANG && !arabic && hasMultiplier) {
      start--;
      approx = true;
    }
    // 涉及超過200萬贓款, 市值高達近4億, 案损100万以上: an amount of money with its 元 left unwritten.
    if (unit === undefined && hasMultiplier && (moneyAfterTrie.longestAt(codes, end, length) !== null || moneyBefore(codes, start, floor))) unit = '元';
    const approxSuffix = approxSuffixTrie.longestAt(codes, end, length);
    if (approxSuffix !== null && unit !== undefined) {
      end = approxSuffix.end;
      approx = true;
    }

    // 六成 is 60 %: tenths as the percentage they are, so shares compare across papers.
    if (unit === '成') {
      value *= 10;
      unit = '%';
    }
    const hit: Hit = { kind: 'statistic', start, end, value: clean(value) };
    if (unit !== undefined) hit.unit = moneyUnits[unit] ?? unitAliases[unit] ?? (unit === '％' ? '%' : unit);
    if (approx) hit.approx = true;
    if (!duration) {
      const measure = measureFor(codes, length, start, end, floor, agencies);
      if (measure !== undefined) hit.measure = measure;
    }
    hits.push(hit);
    if (duration) lastDurationEnd = end;
    floor = end;
    i = end - 1;
  }
  return hits;
}
