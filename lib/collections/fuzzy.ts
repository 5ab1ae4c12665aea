/**
 * Approximate substring matching for re-anchoring quotes on pages that changed: Sellers' dynamic
 * programming (edit distance, free start in the text) with Ukkonen's cut-off, which only computes
 * the rows that can still stay within `maxErrors`. Expected time O(text length × maxErrors); a
 * 300-char quote with 60 allowed errors scans a 100,000-char page in a few milliseconds. Works on
 * UTF-16 code units, which is one unit per Chinese character in the BMP.
 */
export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/** Where `pattern` ends in `text` with the fewest edits (ties: nearest to `expectedEnd`), or null. */
function bestEnd(text: string, pattern: string, maxErrors: number, expectedEnd: number): { end: number; errors: number } | null {
  const m = pattern.length;
  const k = maxErrors;
  const codes = new Uint16Array(m);
  for (let i = 0; i < m; i++) codes[i] = pattern.charCodeAt(i);
  // column[i]: edit distance of pattern[0..i) against the best text substring ending here.
  const column = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let lastActive = Math.min(k, m);
  let bestErrors = k + 1;
  let bestAt = -1;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    const limit = lastActive < m ? lastActive + 1 : m;
    let diagonal = 0;
    let above = 0;
    for (let i = 1; i <= limit; i++) {
      // Rows beyond the last active one are known to exceed k; k + 1 is a safe stand-in.
      const left = i <= lastActive ? column[i] : k + 1;
      let value = diagonal + (codes[i - 1] === c ? 0 : 1);
      if (left + 1 < value) value = left + 1;
      if (above + 1 < value) value = above + 1;
      diagonal = left;
      column[i] = value;
      above = value;
    }
    lastActive = limit;
    while (lastActive > 0 && column[lastActive] > k) lastActive--;
    if (lastActive === m) {
      const errors = column[m];
      const end = j + 1;
      if (errors < bestErrors || (errors === bestErrors && Math.abs(end - expectedEnd) < Math.abs(bestAt - expectedEnd))) {
        bestErrors = errors;
        bestAt = end;
      }
    }
  }
  return bestAt === -1 ? null : { end: bestAt, errors: bestErrors };
}

/** Start of the cheapest alignment of the whole pattern ending exactly at `end` (DP right to left). */
function startFor(text: string, pattern: string, end: number, maxErrors: number): number {
  const m = pattern.length;
  const from = Math.max(0, end - m - maxErrors);
  const width = end - from;
  // row[j]: cost of aligning the last i pattern units with the last j text units before `end`.
  let previous = new Int32Array(width + 1);
  let current = new Int32Array(width + 1);
  for (let j = 0; j <= width; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const p = pattern.charCodeAt(m - i);
    for (let j = 1; j <= width; j++) {
      const t = text.charCodeAt(end - j);
      let value = previous[j - 1] + (p === t ? 0 : 1);
      if (previous[j] + 1 < value) value = previous[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      current[j] = value;
    }
    [previous, current] = [current, previous];
  }
  let bestLength = m <= width ? m : width;
  for (let j = 0; j <= width; j++) {
    const better = previous[j] < previous[bestLength];
    const asGoodButCloserToPatternLength = previous[j] === previous[bestLength] && Math.abs(j - m) < Math.abs(bestLength - m);
    if (better || asGoodButCloserToPatternLength) bestLength = j;
  }
  return end - bestLength;
}

export function findApproximate(text: string, pattern: string, maxErrors: number, expectedStart = 0): ApproximateMatch | null {
  if (pattern.length === 0 || maxErrors < 0) return null;
  const found = bestEnd(text, pattern, maxErrors, expectedStart + pattern.length);
  if (!found) return null;
  return { start: startFor(text, pattern, found.end, maxErrors), end: found.end, errors: found.errors };
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      let value = previous[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      if (previous[j] + 1 < value) value = previous[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], limit + 1);
}
