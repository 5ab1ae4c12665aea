/**
 * Character-level F1 of an extracted text against the expected one, whitespace ignored: the
 * multiset overlap of characters (bag of characters), the usual score for Chinese extraction.
 */
const compact = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, '');

export function bagOfCharactersF1(extracted: string, expected: string): number {
  const a = Array.from(compact(extracted));
  const b = Array.from(compact(expected));
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of b) counts.set(char, (counts.get(char) ?? 0) + 1);
  let overlap = 0;
  for (const char of a) {
    const left = counts.get(char) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(char, left - 1);
    }
  }
  const precision = overlap / a.length;
  const recall = overlap / b.length;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
