/**
 * The matching copy of a text: traditional characters mapped to simplified (one code point to one
 * code point, from lib/data/annotate-t2s-chars.json) and pinyin artefact brackets dropped, with a map
 * back to offsets in the original string.
 */
import t2sData from '../data/annotate-t2s-chars.json';
import { pinyinArtefactEnd } from './pinyin';

export interface NormalizedText {
  /** Simplified code units, artefacts removed. Only `codes[0..length)` is meaningful. */
  codes: Uint16Array;
  length: number;
  /** normalised index → original index of the code point it came from; null when identical offsets. */
  toOriginal: Int32Array | null;
  original: string;
  /** How many characters simplification changed: traditional text changes one in four or five. */
  traditionalChars: number;
}

/** BMP source → BMP target (0 = unchanged). */
const bmpTable = new Uint16Array(0x10000);
/** Any mapping that involves an astral code point, keyed by source code point. */
const astralMap = new Map<number, number>();
{
  const pairs = t2sData.pairs;
  let i = 0;
  while (i < pairs.length) {
    const from = pairs.codePointAt(i)!;
    i += from > 0xffff ? 2 : 1;
    const to = pairs.codePointAt(i)!;
    i += to > 0xffff ? 2 : 1;
    if (from <= 0xffff && to <= 0xffff) bmpTable[from] = to;
    else astralMap.set(from, to);
  }
}
/** BMP sources whose target is astral: handled on the slow path. */
const bmpToAstral = new Uint8Array(0x10000);
for (const [from] of astralMap) if (from <= 0xffff) bmpToAstral[from] = 1;

/** Simplified form of a single code point (for data files and tests). */
export function simplifyCodePoint(cp: number): number {
  if (cp <= 0xffff && bmpTable[cp] !== 0) return bmpTable[cp];
  return astralMap.get(cp) ?? cp;
}

/** Simplified copy of a short string (gazetteer terms, measures). Not for page text. */
export function simplify(text: string): string {
  // Runs over every gazetteer term when the content script starts, so it must be cheap: most terms
  // are simplified already and come back as they are, without building a new string.
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0xd800 && code <= 0xdfff) || bmpTable[code] !== 0) break;
  }
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (const ch of text.slice(i)) out += String.fromCodePoint(simplifyCodePoint(ch.codePointAt(0)!));
  return out;
}

const OPEN_BRACKET = 0x28;

export function normalize(text: string): NormalizedText {
  const n = text.length;
  const codes = new Uint16Array(n + 1);
  // Fast path: BMP-only text without artefacts keeps offsets one to one.
  let i = 0;
  let changed = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdfff) || bmpToAstral[c] === 1) break;
    if (c === OPEN_BRACKET && pinyinArtefactEnd(text, i) !== -1) break;
    const mapped = bmpTable[c];
    if (mapped === 0) codes[i] = c;
    else {
      codes[i] = mapped;
      changed++;
    }
  }
  if (i === n) return { codes, length: n, toOriginal: null, original: text, traditionalChars: changed };
  return normalizeSlow(text, codes, i, changed);
}

/** From `start` on, offsets may shift: keep the index map. */
function normalizeSlow(text: string, prefix: Uint16Array, start: number, changedBefore: number): NormalizedText {
  let changed = changedBefore;
  const n = text.length;
  // Artefacts only shrink the text; an astral target from a BMP source grows it by one unit (grown below).
  let codes = new Uint16Array(n + 1);
  codes.set(prefix.subarray(0, start));
  let toOriginal = new Int32Array(n + 1);
  for (let k = 0; k < start; k++) toOriginal[k] = k;
  let out = start;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === OPEN_BRACKET) {
      const end = pinyinArtefactEnd(text, i);
      if (end !== -1) {
        i = end;
        continue;
      }
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const target = cp > 0xffff || bmpToAstral[cp] === 1 ? (astralMap.get(cp) ?? cp) : bmpTable[cp] || cp;
    if (target !== cp) changed++;
    // Room for this character's units and the closing `toOriginal[out] = n`: once an astral target has
    // grown the text, BMP characters after it need room too (writes past the end of a typed array are
    // dropped, and `length` would then count units that are not there).
    if (out + (target > 0xffff ? 2 : 1) + 1 > codes.length) {
      const grownCodes = new Uint16Array(codes.length * 2);
      grownCodes.set(codes);
      codes = grownCodes;
      const grownMap = new Int32Array(toOriginal.length * 2);
      grownMap.set(toOriginal);
      toOriginal = grownMap;
    }
    if (target > 0xffff) {
      codes[out] = 0xd800 + ((target - 0x10000) >> 10);
      toOriginal[out++] = i;
      codes[out] = 0xdc00 + ((target - 0x10000) & 0x3ff);
      toOriginal[out++] = i;
    } else {
      codes[out] = target;
      toOriginal[out++] = i;
    }
    i += width;
  }
  toOriginal[out] = n;
  return { codes, length: out, toOriginal, original: text, traditionalChars: changed };
}

/** Original offset of a normalised start offset. */
export function originalStart(norm: NormalizedText, start: number): number {
  return norm.toOriginal === null ? start : norm.toOriginal[start];
}

/** Original offset just after the character that ends a normalised span (artefacts after it stay out). */
export function originalEnd(norm: NormalizedText, end: number): number {
  if (norm.toOriginal === null) return end;
  if (end <= 0) return 0;
  const at = norm.toOriginal[end - 1];
  const cp = norm.original.codePointAt(at)!;
  return at + (cp > 0xffff ? 2 : 1);
}
