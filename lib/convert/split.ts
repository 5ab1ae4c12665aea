import type { ConversionKind } from './types';

/**
 * Splits the conversion of a whole block back over the block's original text nodes.
 *
 * Guarantee: the returned strings, joined, equal `converted` exactly, one string per segment.
 *
 * - `char` conversions keep code points one to one, so segment i receives exactly the converted
 *   code points at its own positions (by code point, not UTF-16 unit: 𠮷 may change width).
 * - `phrase` conversions change length (U盘 → 隨身碟). The block is aligned against the converted
 *   text (equal characters match for free, one Han character may stand for another, the rest are
 *   insertions and deletions). A length-changing stretch of the alignment is one unit, and a
 *   boundary that falls inside a unit moves to the unit's end: the whole replacement goes to the
 *   segment that holds its first character. Why that one: it keeps the phrase readable in one
 *   piece, and the first character's element (a link, a highlight) is the one the reader sees the
 *   phrase start in; the other segments get the empty string rather than half a word.
 * - `segmentsConverted` (optional): each segment converted on its own. When they already join to
 *   `converted` (no phrase spans a boundary, the usual case) they are the answer; otherwise the
 *   alignment runs between them and `converted`, where nearly every character matches, so the
 *   units are exactly the phrases that span a boundary.
 */
export function splitConverted(
  segments: string[],
  converted: string,
  kind: ConversionKind,
  segmentsConverted?: string[],
): string[] {
  if (segments.length === 0) {
    if (converted !== '') throw new RangeError('splitConverted: text without segments');
    return [];
  }
  if (segments.length === 1) return [converted];

  // Character conversions keep code points one to one. Phrase conversions may not, even when the
  // total length is unchanged (a lengthening and a shortening replacement in one sentence, seen in
  // seed 002), so they always go through the alignment.
  if (kind === 'char') {
    const sliced = sliceWithoutSurrogates(segments, converted);
    if (sliced) return sliced;
  }
  const convertedPoints = Array.from(converted);
  if (kind === 'char') {
    const lengths = segments.map(codePointLength);
    if (sum(lengths) === convertedPoints.length) return cutAt(convertedPoints, cumulative(lengths));
  }
  if (segmentsConverted && segmentsConverted.length === segments.length) {
    if (segmentsConverted.join('') === converted) return segmentsConverted.slice();
    return splitByAlignment(segmentsConverted, convertedPoints, false);
  }
  return splitByAlignment(segments, convertedPoints, true);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** The common case, without building code point arrays: no astral characters anywhere, so UTF-16
 * offsets are code point offsets. */
function sliceWithoutSurrogates(segments: string[], converted: string): string[] | null {
  let total = 0;
  for (const segment of segments) total += segment.length;
  if (total !== converted.length || SURROGATE.test(converted)) return null;
  for (const segment of segments) if (SURROGATE.test(segment)) return null;
  const pieces: string[] = [];
  let start = 0;
  for (const segment of segments) {
    pieces.push(converted.slice(start, (start += segment.length)));
  }
  return pieces;
}

function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Boundary positions between segments (all but the final end), in code points. */
function cumulative(lengths: number[]): number[] {
  const boundaries: number[] = [];
  let position = 0;
  for (let i = 0; i < lengths.length - 1; i++) boundaries.push((position += lengths[i]));
  return boundaries;
}

function cutAt(points: string[], boundaries: number[]): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const end of boundaries) {
    pieces.push(points.slice(start, end).join(''));
    start = end;
  }
  pieces.push(points.slice(start).join(''));
  return pieces;
}

const enum Op {
  Match = 0,
  Substitute = 1,
  Delete = 2, // a reference character with no counterpart in the converted text
  Insert = 3, // a converted character with no counterpart in the reference
}

const INDEL_COST = 1;
const SUBSTITUTE_COST = 1;
/** Above two indels: an ASCII letter never stands for a Han character (U盘 → 隨身碟 drops the U). */
const MISMATCHED_CLASS_COST = 3;

function isWide(char: string): boolean {
  return char.charCodeAt(0) > 0x7f;
}

function substituteCost(a: string, b: string): number {
  if (a === b) return 0;
  return isWide(a) && isWide(b) && a.trim() !== '' && b.trim() !== '' ? SUBSTITUTE_COST : MISMATCHED_CLASS_COST;
}

/**
 * Minimal-cost alignment, computed in a band around the diagonal (conversions change lengths
 * locally, so the optimal path never strays far from it). Returns the operations from the start.
 */
function align(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const halfWidth = Math.abs(m - n) + 24;
  const low = new Int32Array(n + 1);
  const high = new Int32Array(n + 1);
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) {
    const centre = n === 0 ? 0 : Math.round((i * m) / n);
    low[i] = Math.max(0, centre - halfWidth);
    high[i] = Math.min(m, centre + halfWidth);
    if (i === n) high[i] = m;
    if (i === 0) low[i] = 0;
    offset[i + 1] = offset[i] + (high[i] - low[i] + 1);
  }
  const cost = new Float64Array(offset[n + 1]).fill(Infinity);
  const move = new Uint8Array(offset[n + 1]);
  const at = (i: number, j: number) => (j < low[i] || j > high[i] ? -1 : offset[i] + j - low[i]);

  for (let i = 0; i <= n; i++) {
    for (let j = low[i]; j <= high[i]; j++) {
      const here = offset[i] + j - low[i];
      if (i === 0 && j === 0) {
        cost[here] = 0;
        continue;
      }
      let best = Infinity;
      let op = Op.Insert;
      // Order of checks = preference on ties: insertion, then deletion, then the diagonal. The
      // backtrace runs from the end, so extra characters land as late as possible in a stretch:
      // next to the characters they were inserted for, not spread before them.
      if (j > 0) {
        const k = at(i, j - 1);
        if (k >= 0 && cost[k] + INDEL_COST < best) {
          best = cost[k] + INDEL_COST;
          op = Op.Insert;
        }
      }
      if (i > 0) {
        const k = at(i - 1, j);
        if (k >= 0 && cost[k] + INDEL_COST < best) {
          best = cost[k] + INDEL_COST;
          op = Op.Delete;
        }
      }
      if (i > 0 && j > 0) {
        const k = at(i - 1, j - 1);
        if (k >= 0) {
          const c = cost[k] + substituteCost(a[i - 1], b[j - 1]);
          if (c < best) {
            best = c;
            op = a[i - 1] === b[j - 1] ? Op.Match : Op.Substitute;
          }
        }
      }
      cost[here] = best;
      move[here] = op;
    }
  }

  const ops: Op[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const op = move[at(i, j)] as Op;
    ops.push(op);
    if (op === Op.Match || op === Op.Substitute) {
      i--;
      j--;
    } else if (op === Op.Delete) i--;
    else j--;
  }
  return ops.reverse();
}

interface Unit {
  referenceStart: number;
  referenceEnd: number;
  convertedEnd: number;
}

/**
 * Groups alignment operations into units that must not be cut. A match is a unit; so is a
 * substitution standing alone. A stretch of non-matching operations that contains insertions or
 * deletions is a length-changing replacement: one unit when the reference is the per-segment
 * conversion (there such a stretch is exactly a phrase spanning a boundary). When the reference is
 * the unconverted original, nearly every Han character is a substitution, so a stretch is cut at
 * each substitution (`breakAtSubstitution`): every character keeps its own counterpart, extra
 * characters join the character before them, and extras before the stretch's first substitution
 * join that substitution (a dropped `U` and the `盘` after it form the unit U盘 → 隨身碟).
 */
function unitsOf(ops: Op[], breakAtSubstitution: boolean): Unit[] {
  const units: Unit[] = [];
  let reference = 0;
  let converted = 0;
  let index = 0;
  while (index < ops.length) {
    if (ops[index] === Op.Match) {
      units.push({ referenceStart: reference, referenceEnd: ++reference, convertedEnd: ++converted });
      index++;
      continue;
    }
    let end = index;
    let hasIndel = false;
    while (end < ops.length && ops[end] !== Op.Match) {
      if (ops[end] !== Op.Substitute) hasIndel = true;
      end++;
    }
    const oneUnit = hasIndel && (!breakAtSubstitution || !ops.slice(index, end).includes(Op.Substitute));
    let unit: Unit | null = null;
    let unitHasSubstitution = false;
    for (let k = index; k < end; k++) {
      const op = ops[k];
      if (!unit || (!oneUnit && op === Op.Substitute && unitHasSubstitution)) {
        unit = { referenceStart: reference, referenceEnd: reference, convertedEnd: converted };
        units.push(unit);
        unitHasSubstitution = false;
      }
      if (op === Op.Substitute) unitHasSubstitution = true;
      if (op !== Op.Insert) unit!.referenceEnd = ++reference;
      if (op !== Op.Delete) unit!.convertedEnd = ++converted;
    }
    index = end;
  }
  return units;
}

function splitByAlignment(reference: string[], convertedPoints: string[], fromOriginal: boolean): string[] {
  const referencePoints = Array.from(reference.join(''));
  const units = unitsOf(align(referencePoints, convertedPoints), fromOriginal);
  const boundaries = cumulative(reference.map(codePointLength));
  const mapped: number[] = [];
  let unitIndex = 0;
  let convertedBefore = 0; // converted length of all units that end at or before the boundary
  for (const boundary of boundaries) {
    while (unitIndex < units.length && units[unitIndex].referenceEnd <= boundary) {
      convertedBefore = units[unitIndex].convertedEnd;
      unitIndex++;
    }
    const unit = units[unitIndex];
    // A boundary inside a unit: the whole unit goes to the segment holding its first character.
    mapped.push(unit && unit.referenceStart < boundary ? unit.convertedEnd : convertedBefore);
  }
  return cutAt(convertedPoints, mapped);
}

/** original[originalStart, originalEnd) is shown as shown[shownStart, shownEnd) (UTF-16 offsets). */
export interface AlignedPiece {
  originalStart: number;
  originalEnd: number;
  shownStart: number;
  shownEnd: number;
}

/**
 * How one node's original text lines up with its phrase conversion, as the smallest pieces the
 * alignment can be sure of, in order, covering both texts: an unchanged character, a character
 * converted alone (软 → 軟), or a stretch of changed characters whose length changed. Inside such a
 * stretch (打击U盘诈骗 → 打擊隨身碟詐騙) equal-cost alignments pair the characters differently, so
 * the stretch stays one piece: a clip of part of it quotes the whole original stretch, a little
 * more than was selected rather than the wrong characters.
 */
export function alignConversion(original: string, shown: string): AlignedPiece[] {
  const originalPoints = Array.from(original);
  const shownPoints = Array.from(shown);
  const units = unitsOf(align(originalPoints, shownPoints), false);
  const utf16 = (points: string[]) => {
    const at = new Int32Array(points.length + 1);
    for (let i = 0; i < points.length; i++) at[i + 1] = at[i] + points[i].length;
    return at;
  };
  const originalAt = utf16(originalPoints);
  const shownAt = utf16(shownPoints);
  const pieces: AlignedPiece[] = [];
  let shownStart = 0;
  for (const unit of units) {
    pieces.push({
      originalStart: originalAt[unit.referenceStart],
      originalEnd: originalAt[unit.referenceEnd],
      shownStart: shownAt[shownStart],
      shownEnd: shownAt[unit.convertedEnd],
    });
    shownStart = unit.convertedEnd;
  }
  return pieces;
}
