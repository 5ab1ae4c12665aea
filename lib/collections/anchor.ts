/**
 * Describing a quote on a page with W3C Web Annotation selectors, and finding it again when the
 * page has changed. Strategies, in order: the stored position; the exact quote (disambiguated by
 * prefix/suffix, then nearness to the old position); the prefix and suffix with something similar
 * between them; a whitespace-insensitive match; then a bounded approximate match allowing edits
 * on ~20 % of the quote. Characters are compared as they are: traditional and simplified forms of
 * a character are different characters here, on purpose (a quote from a simplified page is not a
 * quote from its traditional edition).
 */
import { editDistanceWithin, findApproximate } from './fuzzy';
import type { ClipSelectors, TextPositionSelector, TextQuoteSelector } from './model';

export const CONTEXT_LENGTH = 32;
/** Share of the quote that may differ in a fuzzy match. */
export const FUZZY_ERROR_RATE = 0.2;
/** Longer quotes are found only by position, exact text, context or whitespace-insensitive match. */
export const MAX_FUZZY_QUOTE_LENGTH = 1_000;
const MAX_EXACT_CANDIDATES = 10_000;
const MAX_CONTEXT_CANDIDATES = 200;

export type AnchorMethod = 'position' | 'exact' | 'context' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function describe(text: string, start: number, end: number): ClipSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`describe: invalid range ${start}–${end} in a text of ${text.length} characters`);
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  // Never cut a surrogate pair (CJK Extension B characters, emoji) in half at the context edges.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return [
    { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
    { type: 'TextPositionSelector', start, end },
  ];
}

type AnySelector = TextQuoteSelector | TextPositionSelector;

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return commonSuffixLength(before, quote.prefix) + commonPrefixLength(after, quote.suffix);
}

function byExactQuote(text: string, quote: TextQuoteSelector, expected: number): Anchored | null {
  const length = quote.exact.length;
  let best: { start: number; score: number } | null = null;
  let from = 0;
  for (let found = 0; found < MAX_EXACT_CANDIDATES; found++) {
    const at = text.indexOf(quote.exact, from);
    if (at === -1) break;
    const score = contextScore(text, at, at + length, quote);
    if (!best || score > best.score || (score === best.score && Math.abs(at - expected) < Math.abs(best.start - expected))) {
      best = { start: at, score };
    }
    from = at + 1;
  }
  return best ? { start: best.start, end: best.start + length, method: 'exact' } : null;
}

function byContext(text: string, quote: TextQuoteSelector, expected: number): Anchored | null {
  const { prefix, suffix, exact } = quote;
  // Short contexts are found everywhere in Chinese text; they must not decide anything.
  if (prefix.length < 4 || suffix.length < 4) return null;
  const longestGap = Math.ceil(exact.length * 1.5) + 8;
  const shortestGap = Math.floor(exact.length * 0.5);
  const allowed = Math.ceil(exact.length * 0.5);
  let best: { start: number; end: number; distance: number } | null = null;
  let from = 0;
  for (let tries = 0; tries < MAX_CONTEXT_CANDIDATES; tries++) {
    const p = text.indexOf(prefix, from);
    if (p === -1) break;
    from = p + 1;
    const start = p + prefix.length;
    const s = text.indexOf(suffix, start + shortestGap);
    if (s === -1 || s - start > longestGap) continue;
    const between = text.slice(start, s);
    const distance = exact.length > MAX_FUZZY_QUOTE_LENGTH ? Math.abs(between.length - exact.length) : editDistanceWithin(between, exact, allowed);
    if (distance > allowed) continue;
    if (!best || distance < best.distance || (distance === best.distance && Math.abs(start - expected) < Math.abs(best.start - expected))) {
      best = { start, end: s, distance };
    }
  }
  return best ? { start: best.start, end: best.end, method: 'context' } : null;
}

function byTextIgnoringWhitespace(text: string, quote: TextQuoteSelector, expected: number): Anchored | null {
  const squeezedQuote = quote.exact.replace(/\s+/g, '');
  if (squeezedQuote.length === 0) return null;
  const squeezed = text.replace(/\s+/g, '');
  if (!squeezed.includes(squeezedQuote)) return null;
  // Only now map squeezed offsets back to the text (one pass; most anchors never get here).
  const original = new Int32Array(squeezed.length);
  const isSpace = /\s/;
  for (let i = 0, k = 0; i < text.length; i++) if (!isSpace.test(text[i])) original[k++] = i;
  let best = -1;
  for (let at = squeezed.indexOf(squeezedQuote); at !== -1; at = squeezed.indexOf(squeezedQuote, at + 1)) {
    if (best === -1 || Math.abs(original[at] - expected) < Math.abs(original[best] - expected)) best = at;
  }
  return { start: original[best], end: original[best + squeezedQuote.length - 1] + 1, method: 'fuzzy' };
}

function byApproximateMatch(text: string, quote: TextQuoteSelector, expected: number): Anchored | null {
  if (quote.exact.length > MAX_FUZZY_QUOTE_LENGTH) return null;
  const maxErrors = Math.floor(quote.exact.length * FUZZY_ERROR_RATE);
  if (maxErrors === 0) return null;
  const match = findApproximate(text, quote.exact, maxErrors, expected);
  return match ? { start: match.start, end: match.end, method: 'fuzzy' } : null;
}

export function anchor(text: string, selectors: readonly AnySelector[]): Anchored | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (!quote) {
    // Without a quote nothing can confirm the position; trust it only if it still fits the text.
    return position && position.end <= text.length && position.start <= position.end
      ? { start: position.start, end: position.end, method: 'position' }
      : null;
  }
  if (quote.exact.length === 0) return null;
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  const expected = position ? position.start : 0;
  return (
    byExactQuote(text, quote, expected) ??
    byContext(text, quote, expected) ??
    byTextIgnoringWhitespace(text, quote, expected) ??
    byApproximateMatch(text, quote, expected)
  );
}
