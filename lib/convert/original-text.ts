/**
 * The article text as the page wrote it, while the page is shown converted: clips quote the
 * original, not our conversion of it, and anchor again on an unconverted visit.
 *
 * Character conversions keep every node's length, so the text map's offsets index the original
 * text too. Phrase conversions (软件 → 軟體, U盘 → 隨身碟) change lengths: each such node's original
 * is aligned with its converted text (`alignConversion`), and offsets are translated both ways
 * through the pieces of that alignment. A selection that cuts a converted phrase quotes the whole
 * original phrase (selecting 隨身 of 隨身碟 quotes U盘): a quote is never half a word.
 */
import type { TextMap } from '../highlight/text-map';
import { alignConversion, type AlignedPiece } from './split';

export interface OriginalText {
  /** The article text in the page's own script. */
  text: string;
  /** A range of the map's (shown) text → the range of `text` it was converted from. */
  toOriginal(start: number, end: number): { start: number; end: number };
  /** A range of `text` → the range of the map's (shown) text that shows it. */
  toShown(start: number, end: number): { start: number; end: number };
}

export function originalTextOf(map: TextMap, originalOf: (node: Text) => string): OriginalText {
  const length = map.text.length;
  const parts: string[] = [];
  // For each shown offset: the range of the original text it stands for. Both are non-decreasing.
  const originalStart = new Int32Array(length);
  const originalEnd = new Int32Array(length);
  let position = 0;
  let sameLengths = true;

  const aligned = new Map<Text, AlignedPiece[]>();
  let lastNode: Text | null = null;
  let lastPiece = -1;
  let pieceStart = 0;

  for (let i = 0; i < length; i++) {
    const node = map.nodes[i];
    const shown = map.text[i];
    const original = node ? originalOf(node) : '';
    if (!node || shown === ' ' || shown === '\n' || original.length === node.data.length) {
      // Collapsed whitespace and block breaks are the map's own; same-length nodes index alike.
      parts.push(!node || shown === ' ' || shown === '\n' ? shown : original[map.offsets[i]]);
      originalStart[i] = position;
      originalEnd[i] = ++position;
      lastNode = null;
      continue;
    }
    sameLengths = false;
    let pieces = aligned.get(node);
    if (!pieces) aligned.set(node, (pieces = alignConversion(original, node.data)));
    const offset = map.offsets[i];
    let index = node === lastNode ? lastPiece : 0;
    while (index < pieces.length - 1 && pieces[index].shownEnd <= offset) index++;
    if (node !== lastNode || index !== lastPiece) {
      // Original text no shown character stands for (a dropped character) goes with the next piece.
      const from = node === lastNode ? pieces[lastPiece].originalEnd : pieces[index].originalStart;
      pieceStart = position;
      const quoted = original.slice(from, pieces[index].originalEnd);
      parts.push(quoted);
      position += quoted.length;
      lastNode = node;
      lastPiece = index;
    }
    originalStart[i] = pieceStart;
    originalEnd[i] = position;
  }

  const text = parts.join('');
  if (sameLengths) return { text, toOriginal: sameRange, toShown: sameRange };
  return {
    text,
    toOriginal(start, end) {
      if (end <= start) {
        const at = start < length ? originalStart[start] : text.length;
        return { start: at, end: at };
      }
      return { start: originalStart[start], end: originalEnd[end - 1] };
    },
    toShown(start, end) {
      // First shown offset whose original range ends after `start`; last one starting before `end`.
      const first = firstIndex(originalEnd, (value) => value > start);
      const last = firstIndex(originalStart, (value) => value >= end);
      return { start: first, end: Math.max(first, last) };
    },
  };
}

/** The first index of a non-decreasing array where `test` holds (the array's length if none). */
function firstIndex(values: Int32Array, test: (value: number) => boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(values[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The view of a page shown in its own script: the map's text, offsets unchanged. */
export function shownTextOf(map: TextMap): OriginalText {
  return { text: map.text, toOriginal: sameRange, toShown: sameRange };
}

/** Offsets of a text whose every unit stands for itself. */
function sameRange(start: number, end: number): { start: number; end: number } {
  return { start, end };
}
