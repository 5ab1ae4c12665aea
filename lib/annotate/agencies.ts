/**
 * Agencies: a curated gazetteer (lib/data/agencies.json) plus local bodies built from a place and a
 * body word (汉中市公安局, 长春市公安局绿园分局刑警大队). A bare 市公安局 takes the nearest earlier place
 * with the same admin suffix (漢中市 … 市公安局 → 汉中市公安局).
 *
 * Not agencies: generic words (公安机关, 各部门, 网信部门, 公安部门): they are not in the gazetteer, and
 * a ministry name glued to 门 (公安部门, 财政部门) is rejected.
 */
import agencyData from '../data/agencies.json';
import patternData from '../data/annotate-agency-patterns.json';
import placeData from '../data/annotate-places.json';
import { isHan as isHanImported, sliceCodes as sliceCodesImported } from './chars';
import type { Hit } from './hit';
import { simplify } from './normalize';
import { CodeTrie, wordTrie } from './trie';
// Local bindings: module-namespace getters (tsx, some bundlers) are slow in hot loops.
const isHan = isHanImported;
const sliceCodes = sliceCodesImported;

interface AgencyTerm {
  canonical: string;
  strict: boolean;
  notAfter: string;
  notBefore: string;
}

type Guards = Record<string, { notAfter?: string; notBefore?: string }>;
const guards = agencyData.aliasGuards as unknown as Guards;

const gazetteer = new CodeTrie<AgencyTerm>();
for (const entry of agencyData.agencies as { canonical: string; aliases: string[]; strictAliases?: string[] }[]) {
  const strictAliases = new Set(entry.strictAliases ?? []);
  for (const term of [entry.canonical, ...entry.aliases]) {
    const guard = guards[term] ?? {};
    gazetteer.add(simplify(term), {
      canonical: entry.canonical,
      strict: strictAliases.has(term),
      notAfter: guard.notAfter ?? '',
      notBefore: guard.notBefore ?? '',
    });
  }
}

const placeTrie = new CodeTrie<string>();
for (const name of [...placeData.provinces, ...placeData.cities]) placeTrie.add(name, name);
const adminSuffixTrie = wordTrie(placeData.adminSuffixes);
const bodyTrie = wordTrie(patternData.bodies);
const subUnitTrie = wordTrie(patternData.subUnits);
const namedSubUnitTrie = wordTrie(patternData.namedSubUnitSuffixes);

/** Single-character admin suffixes that can stand alone before a body (市公安局, 县法院). */
const bareAdmin = new Uint8Array(0x10000);
for (const ch of '市县省区州') bareAdmin[ch.charCodeAt(0)] = 1;
const placeStop = new Uint8Array(0x10000);
for (const ch of patternData.placeStopChars) placeStop[ch.charCodeAt(0)] = 1;

const BU = '部'.charCodeAt(0);
const MEN = '门'.charCodeAt(0);
const MAX_NAMED_SUBUNIT = 4;

/** Positions worth a look: any gazetteer, place, admin or body first unit. */
const interesting = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  interesting[c] = gazetteer.firstUnit[c] | placeTrie.firstUnit[c] | bareAdmin[c] | bodyTrie.firstUnit[c];
}

function termIsValid(codes: Uint16Array, length: number, start: number, end: number, term: AgencyTerm, adjacent: boolean): boolean {
  const before = start > 0 ? codes[start - 1] : 0;
  const after = end < length ? codes[end] : 0;
  if (term.strict && start > 0 && isHan(before) && !adjacent) return false;
  if (term.notAfter && before && term.notAfter.indexOf(String.fromCharCode(before)) !== -1) return false;
  if (term.notBefore && after && term.notBefore.indexOf(String.fromCharCode(after)) !== -1) return false;
  // 公安部门, 财政部门: a department in general, not the ministry.
  if (codes[end - 1] === BU && after === MEN) return false;
  return true;
}

/** End of a body word plus its sub-units starting at `at`, or -1. */
function bodyEnd(codes: Uint16Array, length: number, at: number): number {
  const body = bodyTrie.longestAt(codes, at, length);
  if (body === null) return -1;
  let end = body.end;
  for (let round = 0; round < 2; round++) {
    const sub = subUnitTrie.longestAt(codes, end, length);
    if (sub !== null) {
      end = sub.end;
      continue;
    }
    let named = -1;
    for (let k = 1; k <= MAX_NAMED_SUBUNIT && end + k < length; k++) {
      const code = codes[end + k - 1];
      if (!isHan(code) || placeStop[code] === 1) break;
      const suffix = namedSubUnitTrie.longestAt(codes, end + k, length);
      if (suffix !== null) {
        named = suffix.end;
        break;
      }
    }
    if (named === -1) break;
    end = named;
  }
  return end;
}

interface PlaceChain {
  end: number;
  /** Admin suffix of the last level (市, 省 …), '' when the name stands without one. */
  suffix: string;
}

/** Known places chained with admin suffixes from `at` (广东省深圳市), or null. */
function placeChainAt(codes: Uint16Array, length: number, at: number): PlaceChain | null {
  let end = at;
  let suffix = '';
  for (;;) {
    const place = placeTrie.longestAt(codes, end, length);
    if (place === null) break;
    const admin = adminSuffixTrie.longestAt(codes, place.end, length);
    if (admin === null) {
      if (end === at) return { end: place.end, suffix: '' };
      break;
    }
    end = admin.end;
    suffix = admin.value;
  }
  return end === at ? null : { end, suffix };
}

export function findAgencies(codes: Uint16Array, length: number): Hit[] {
  const hits: Hit[] = [];
  let lastEnd = -1;
  /** Last place seen per single-character admin suffix, for bare 市公安局. */
  const lastPlace = new Map<number, string>();

  for (let i = 0; i < length; i++) {
    if (interesting[codes[i]] === 0) continue;
    let bestEnd = -1;
    let bestStart = i;
    let canonical = '';

    const longest = gazetteer.longestAt(codes, i, length);
    const matches = longest === null ? [] : termIsValid(codes, length, i, longest.end, longest.value, i === lastEnd) ? [longest] : gazetteer.allAt(codes, i, length);
    for (let k = matches.length - 1; k >= 0; k--) {
      const m = matches[k];
      if (termIsValid(codes, length, i, m.end, m.value, i === lastEnd)) {
        bestEnd = m.end;
        canonical = m.value.canonical;
        break;
      }
    }

    const chain = placeTrie.firstUnit[codes[i]] === 1 ? placeChainAt(codes, length, i) : null;
    if (chain !== null) {
      const end = bodyEnd(codes, length, chain.end);
      if (end > bestEnd) {
        bestEnd = end;
        canonical = sliceCodes(codes, i, end);
      } else if (end === -1 && chain.suffix.length === 1) {
        lastPlace.set(chain.suffix.charCodeAt(0), sliceCodes(codes, i, chain.end));
      }
    }

    const code = codes[i];
    if (bareAdmin[code] === 1 && (i === 0 || !isHan(codes[i - 1]))) {
      const end = bodyEnd(codes, length, i + 1);
      if (end > bestEnd) {
        bestEnd = end;
        const place = lastPlace.get(code);
        canonical = place !== undefined ? place + sliceCodes(codes, i + 1, end) : sliceCodes(codes, i, end);
      }
    }

    // A place missing from the list: two Han characters + admin suffix right before a body word.
    if (bestEnd === -1 && bodyTrie.firstUnit[code] === 1 && i >= 3 && bareAdmin[codes[i - 1]] === 1) {
      const start = i - 3;
      if (start >= lastEnd && isHan(codes[start]) && isHan(codes[start + 1]) && placeStop[codes[start]] === 0 && placeStop[codes[start + 1]] === 0) {
        const end = bodyEnd(codes, length, i);
        if (end !== -1) {
          bestStart = start;
          bestEnd = end;
          canonical = sliceCodes(codes, start, end);
        }
      }
    }

    if (bestEnd !== -1) {
      hits.push({ kind: 'agency', start: bestStart, end: bestEnd, canonical });
      lastEnd = bestEnd;
      i = bestEnd - 1;
    }
  }
  return hits;
}
