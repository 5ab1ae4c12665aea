/**
 * Operations: named campaigns. Three ways in:
 * 1. quoted names, alone or listed, followed by a suffix (“云剑”“断卡”“断流”等专项行动, “斩链”“清源”“利剑”三大战役,
 *    “拔钉”行动) — any quoted name counts here, except case codes without Han characters (“12.15”专案);
 *    without a suffix only known names count (“断卡”), so “厦门经验”, “一键查卡”, “五进” stay out;
 * 2. known names written without quotes before a suffix (断卡行动2.0, 净网2022专项行动, 云剑、断卡等专项行动);
 * 3. descriptive campaigns: from 打击/严打/整治/扫黑 to 专项行动/攻坚行动/专项整治 in one clause.
 * A bare known name (长城 the wall, 利剑 as a metaphor) is never an operation.
 *
 * Span: the name between the quotes; an unquoted name directly followed by its suffix spans both.
 */
import operationData from '../data/operations.json';
import patternData from '../data/annotate-operations-patterns.json';
import { codesOf as codesOfImported, endsWithAny as endsWithAnyImported, endsWithAt as endsWithAtImported, isAsciiDigit as isAsciiDigitImported, isHan as isHanImported, sliceCodes as sliceCodesImported } from './chars';
import type { Hit } from './hit';
import { simplify } from './normalize';
import { CodeTrie, wordTrie } from './trie';
// Local bindings: module-namespace getters (tsx, some bundlers) are slow in hot loops.
const codesOf = codesOfImported;
const endsWithAt = endsWithAtImported;
const endsWithAny = endsWithAnyImported;
const isAsciiDigit = isAsciiDigitImported;
const isHan = isHanImported;
const sliceCodes = sliceCodesImported;

interface OperationEntry {
  name: string;
  canonical?: string;
  aliases?: string[];
}

interface OperationTerm {
  entry: OperationEntry;
  /** The term already names the operation type (百日行动), so it needs no suffix. */
  complete: boolean;
}

type SuffixKind = '行动' | '战役' | '专案';

const operations = operationData.operations as OperationEntry[];
const operationTrie = new CodeTrie<OperationTerm>();
const COMPLETE_ENDINGS = ['行动', '战役', '专案', '攻势', '斗争'];
for (const entry of operations) {
  for (const term of [entry.name, ...(entry.aliases ?? [])]) {
    const simplified = simplify(term);
    operationTrie.add(simplified, { entry, complete: COMPLETE_ENDINGS.some((e) => simplified.endsWith(e)) });
  }
}

const openQuote = new Uint8Array(0x10000);
const closeQuote = new Uint8Array(0x10000);
for (const ch of patternData.openQuotes) openQuote[ch.charCodeAt(0)] = 1;
for (const ch of patternData.closeQuotes) closeQuote[ch.charCodeAt(0)] = 1;
const listSeparator = new Uint8Array(0x10000);
for (const ch of patternData.listSeparators) listSeparator[ch.charCodeAt(0)] = 1;
const descriptiveListSeparator = new Uint8Array(0x10000);
for (const ch of patternData.descriptiveListSeparators) descriptiveListSeparator[ch.charCodeAt(0)] = 1;

const joinerTrie = wordTrie(patternData.listJoiners);
const counterTrie = wordTrie(patternData.counters);
const suffixTrie = wordTrie(patternData.suffixes);
const versionTrie = wordTrie(patternData.trailingVersions);
const descriptiveSuffixTrie = wordTrie(patternData.descriptiveSuffixes);
const descriptiveStartTrie = wordTrie(patternData.descriptiveStarts);
const startWords = patternData.descriptiveStarts.map(codesOf);
const launchWords = patternData.descriptiveLaunchWords.map(codesOf);
const launchBeforeQuotes = patternData.quotedLaunchWords.map(codesOf);
const namingBeforeQuotes = patternData.namingWordsBeforeQuotes.map(codesOf);
const suffixNotBefore = wordTrie(patternData.descriptiveSuffixNotBefore);
const plainSuffixes = new Set(patternData.plainSuffixes);
const battleSuffixes = new Set(patternData.battleSuffixes);
const caseSuffixes = new Set(patternData.caseSuffixes);

interface Suffix {
  end: number;
  kind: SuffixKind;
  /** The suffix follows the name directly (no 等 / 三大 in between). */
  direct: boolean;
  /** A version (2.0) after the suffix. */
  version: string;
}

/** The kind a suffix word gives its operation (战役 for 战役/会战, 专案, otherwise 行动). */
function suffixKind(suffix: string): SuffixKind {
  for (const battle of battleSuffixes) if (suffix.endsWith(battle)) return '战役';
  return caseSuffixes.has(suffix) ? '专案' : '行动';
}

function suffixAfter(codes: Uint16Array, length: number, at: number): Suffix | null {
  let j = at;
  const joiner = joinerTrie.longestAt(codes, j, length);
  if (joiner !== null) j = joiner.end;
  const counter = counterTrie.longestAt(codes, j, length);
  if (counter !== null) j = counter.end;
  const suffix = suffixTrie.longestAt(codes, j, length);
  if (suffix === null) return null;
  const kind = suffixKind(suffix.value);
  const version = versionTrie.longestAt(codes, suffix.end, length);
  // 2.0 only when it is not the start of a longer number (行动2.05亿 would be odd, but be safe).
  const versionOk = version !== null && !(version.end < length && isAsciiDigit(codes[version.end]));
  return {
    end: versionOk ? version!.end : suffix.end,
    kind,
    direct: j === at,
    version: versionOk ? version!.value : '',
  };
}

/**
 * Whether the clause before the quotes at `at` describes a campaign (在打击电信网络诈骗和网络赌博犯罪“断源”行动中):
 * a descriptive start word within one run of Han text right before them.
 */
function describedBefore(codes: Uint16Array, at: number): boolean {
  const floor = Math.max(0, at - patternData.maxDescriptiveLength);
  let k = at;
  while (k > floor && isHan(codes[k - 1])) k--;
  for (; k < at - 1; k++) if (descriptiveStartTrie.longestAt(codes, k, at) !== null) return true;
  return false;
}

/**
 * The suffix ending a description right after a code name (打击电信网络诈骗犯罪专项行动 after “雷霆21号”), or
 * null: one run of Han text holding a descriptive start word and ending in a suffix, within the limit.
 * `plain` when that suffix is a plain 行动 (治安打击整治行动), not 专项行动 and its kin.
 */
function describedSuffixAfter(codes: Uint16Array, length: number, at: number): (Suffix & { plain: boolean }) | null {
  let sawStart = false;
  const limit = Math.min(length, at + patternData.maxDescriptiveLength);
  for (let k = at; k < limit && isHan(codes[k]); k++) {
    if (!sawStart && descriptiveStartTrie.longestAt(codes, k, length) !== null) sawStart = true;
    if (!sawStart) continue;
    const suffix = suffixTrie.longestAt(codes, k, length);
    if (suffix === null || k === at) continue;
    if (suffixNotBefore.longestAt(codes, suffix.end, length) !== null) return null;
    // 专案行动 is a 专案's plain 行动 too; 专项行动, 集中行动 … are named kinds.
    const plain = plainSuffixes.has(suffix.value) || (caseSuffixes.has(suffix.value.slice(0, -2)) && plainSuffixes.has(suffix.value.slice(-2)));
    return { end: suffix.end, kind: suffixKind(suffix.value), direct: false, version: '', plain };
  }
  return null;
}

const CHINESE_DIGITS = '〇○零一二三四五六七八九';
function isChineseDigit(code: number): boolean {
  return CHINESE_DIGITS.indexOf(String.fromCharCode(code)) !== -1;
}
/** 雷霆二○二二 → 雷霆2022: a year written digit by digit in Chinese, in Arabic digits in the canonical name. */
function arabicYear(name: string): string {
  return name.replace(/([〇○零一二三四五六七八九]{4})(?=$|行动|专案|战役)/, (year) =>
    [...year].map((ch) => String(Math.max(0, CHINESE_DIGITS.indexOf(ch) - 2))).join(''),
  );
}

/** Whether a name already ends in its kind (百日行动), or does so before its year (冬防行动2026). */
function endsComplete(content: string): boolean {
  const name = content.replace(/\d{1,4}$/, '');
  return COMPLETE_ENDINGS.some((e) => name.endsWith(e));
}

function canonicalFor(content: string, kind: SuffixKind): string {
  const name = arabicYear(content);
  if (endsComplete(name)) return name;
  return name + kind;
}

const NIAN = '年'.charCodeAt(0);

/** A known name at `at` (with its optional year, 净网2022), or null. */
function knownNameAt(codes: Uint16Array, length: number, at: number): { end: number; term: OperationTerm } | null {
  const match = operationTrie.longestAt(codes, at, length);
  if (match === null) return null;
  let end = match.end;
  // The ministries number each year's round of a campaign (净网2022, 猎狐2014): a year of four digits
  // belongs to the name, unless 年 follows (断卡2024年以来 is a date).
  if (!match.value.complete) {
    let k = end;
    const digits = k;
    // The year in Arabic digits or digit by digit in Chinese (雷霆二○二二).
    const digit = isAsciiDigit(codes[k]) ? isAsciiDigit : isChineseDigit;
    while (k < length && k - digits < 4 && digit(codes[k])) k++;
    if (k - digits === 4 && !(k < length && (digit(codes[k]) || codes[k] === NIAN))) end = k;
  }
  return { end, term: match.value };
}

function hasDigit(codes: Uint16Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (isAsciiDigit(codes[k]) || '一二三四五六七八九十'.includes(String.fromCharCode(codes[k]))) return true;
  return false;
}

function hasHan(codes: Uint16Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (isHan(codes[k])) return true;
  return false;
}

/** Close quote for an open quote at `at`, within the length limit and one clause, or -1. */
function closeQuoteFor(codes: Uint16Array, length: number, at: number): number {
  const limit = Math.min(length, at + 2 + patternData.maxQuotedLength);
  for (let k = at + 1; k < limit; k++) {
    const code = codes[k];
    if (closeQuote[code] === 1) return k > at + 1 ? k : -1;
    if (openQuote[code] === 1 || code === 0x3002 /* 。 */ || code === 0xff0c /* ， */ || code === 0x0a) return -1;
  }
  return -1;
}

// Set from the lists, not by scanning all 65,536 units (this runs when the content script starts).
const interesting = new Uint8Array(0x10000);
for (const ch of patternData.openQuotes) interesting[ch.charCodeAt(0)] = 1;
for (const trie of [operationTrie, descriptiveSuffixTrie]) for (const c of trie.firstUnits) interesting[c] = 1;

export function findOperations(codes: Uint16Array, length: number): Hit[] {
  const hits: Hit[] = [];
  let lastEnd = 0;

  for (let i = 0; i < length; i++) {
    const code = codes[i];
    if (interesting[code] === 0) continue;

    if (openQuote[code] === 1) {
      const segments: [number, number][] = [];
      let j = i;
      while (j < length && openQuote[codes[j]] === 1) {
        const close = closeQuoteFor(codes, length, j);
        if (close === -1) break;
        segments.push([j + 1, close]);
        j = close + 1;
        if (j + 1 < length && listSeparator[codes[j]] === 1 && openQuote[codes[j + 1]] === 1) j++;
      }
      if (segments.length === 0) continue;
      let suffix = suffixAfter(codes, length, j);
      // “雷霆21号”打击电信网络诈骗犯罪专项行动, “长风2024”治安打击整治行动: a code name, then what the campaign
      // does. The quotes hold the operation; the description after them is no second one.
      // 打击“两卡”违法犯罪…: a start word right before the quotes makes them part of one descriptive name.
      if (suffix === null && segments.length === 1 && !endsWithAny(codes, i, startWords)) {
        const described = describedSuffixAfter(codes, length, j);
        // A plain 行动 at the end needs what makes a code name: a launch word before it, a number in it
        // (雷霆21号, 长风2024) or a known name; “我们要”打击犯罪行动 is a quotation.
        const [start, end] = segments[0];
        const codeLike = endsWithAny(codes, i, launchBeforeQuotes) || hasDigit(codes, start, end) || knownNameAt(codes, end, start)?.end === end;
        if (described !== null && (!described.plain || codeLike)) suffix = described;
      }
      // “过火”行动 (overdone actions) is no campaign: a plain 行动 after an unknown name needs 开展/部署 … before.
      const launched = endsWithAny(codes, i, launchBeforeQuotes) || describedBefore(codes, i);
      const plain = suffix !== null && suffix.direct && plainSuffixes.has(sliceCodes(codes, j, suffix.end - suffix.version.length));
      // 代號「合璧」, 執法行動「謀攻」: the quotes hold an operation's code name, suffix or not.
      const named = segments.length === 1 && endsWithAny(codes, i, namingBeforeQuotes);
      for (const [start, end] of segments) {
        const content = sliceCodes(codes, start, end);
        // 「靖城掃黑結合打詐專案」: the name already says what it is; 「冬防行動2026」 with its year after.
        const complete = end - start >= 4 && endsComplete(content);
        if (suffix === null && (named || complete) && hasHan(codes, start, end)) {
          hits.push({ kind: 'operation', start, end, canonical: canonicalFor(content, '行动') });
        } else if (suffix !== null && (!plain || launched || knownNameAt(codes, end, start)?.end === end)) {
          if (!hasHan(codes, start, end)) continue; // “12.15”专案: a case code
          hits.push({ kind: 'operation', start, end, canonical: canonicalFor(sliceCodes(codes, start, end), suffix.kind) });
        } else {
          const known = knownNameAt(codes, length, start);
          if (known === null) continue;
          let nameEnd = known.end;
          const inner = known.term.complete ? null : suffixAfter(codes, end, nameEnd);
          if (inner !== null && inner.direct) nameEnd = inner.end;
          if (nameEnd !== end) continue;
          // “断卡行动2.0”: the version goes after the canonical name, not before its 行动.
          const canonical =
            known.term.entry.canonical ??
            (inner !== null ? canonicalFor(sliceCodes(codes, start, end - inner.version.length), inner.kind) + inner.version : canonicalFor(sliceCodes(codes, start, known.end), '行动'));
          hits.push({ kind: 'operation', start, end, canonical });
        }
      }
      const stop = suffix !== null ? suffix.end : j;
      lastEnd = stop;
      i = stop - 1;
      continue;
    }

    if (operationTrie.firstUnit[code] === 1 && (i === 0 || closeQuote[codes[i - 1]] === 0)) {
      const names: { start: number; end: number; term: OperationTerm }[] = [];
      let j = i;
      for (;;) {
        const known = knownNameAt(codes, length, j);
        if (known === null) break;
        names.push({ start: j, end: known.end, term: known.term });
        j = known.end;
        if (j + 1 < length && listSeparator[codes[j]] === 1 && knownNameAt(codes, length, j + 1) !== null) j++;
        else break;
      }
      if (names.length > 0) {
        const suffix = suffixAfter(codes, length, j);
        const single = names.length === 1 ? names[0] : null;
        if (single !== null && single.term.complete && (suffix === null || !suffix.direct)) {
          hits.push({ kind: 'operation', start: single.start, end: single.end, canonical: single.term.entry.canonical ?? sliceCodes(codes, single.start, single.end) });
          lastEnd = single.end;
          i = single.end - 1;
          continue;
        }
        if (suffix !== null) {
          if (single !== null && suffix.direct) {
            const name = sliceCodes(codes, single.start, single.end);
            const canonical = (single.term.entry.canonical ?? canonicalFor(name, suffix.kind)) + suffix.version;
            hits.push({ kind: 'operation', start: single.start, end: suffix.end, canonical });
          } else {
            for (const name of names) {
              const text = sliceCodes(codes, name.start, name.end);
              hits.push({ kind: 'operation', start: name.start, end: name.end, canonical: name.term.entry.canonical ?? canonicalFor(text, suffix.kind) });
            }
          }
          lastEnd = suffix.end;
          i = suffix.end - 1;
          continue;
        }
      }
    }

    if (descriptiveSuffixTrie.firstUnit[code] === 1 && i > lastEnd && closeQuote[codes[i - 1]] === 0) {
      const suffix = descriptiveSuffixTrie.longestAt(codes, i, length);
      if (suffix === null || suffixNotBefore.longestAt(codes, suffix.end, length) !== null) continue;
      let back = i;
      // One clause of Han text; a 、 inside lists the campaign's targets (打詐、掃黑及肅槍專案) when Han text follows it.
      while (
        back > lastEnd &&
        i - back < patternData.maxDescriptiveLength &&
        (isHan(codes[back - 1]) || (descriptiveListSeparator[codes[back - 1]] === 1 && back < i && isHan(codes[back]) && back - 1 > lastEnd && isHan(codes[back - 2])))
      )
        back--;
      let start = -1;
      for (let k = back; k < i - 1; k++) {
        if (descriptiveStartTrie.longestAt(codes, k, i) === null) continue;
        if (start === -1) start = k;
        else if (endsWithAny(codes, k, launchWords)) start = k;
      }
      if (start !== -1) {
        hits.push({ kind: 'operation', start, end: suffix.end, canonical: sliceCodes(codes, start, suffix.end) });
        lastEnd = suffix.end;
        i = suffix.end - 1;
      }
    }
  }
  return hits;
}
