import { annotate } from '../../../lib/annotate';
import type { AnnotationKind } from '../../../lib/annotate/types';

/** Exact-span F1 of `annotate` against hand-annotated pages, for one kind (all pages pooled). */
export function exactSpanF1(
  pages: readonly { body: string; annotations: readonly { kind: string; start: number; end: number }[] }[],
  kind: AnnotationKind,
): number {
  let gold = 0;
  let found = 0;
  let right = 0;
  for (const page of pages) {
    const expected = page.annotations.filter((a) => a.kind === kind);
    const got = annotate(page.body).filter((a) => a.kind === kind);
    gold += expected.length;
    found += got.length;
    right += expected.filter((e) => got.some((a) => a.start === e.start && a.end === e.end)).length;
  }
  const precision = right / found;
  const recall = right / gold;
  return (2 * precision * recall) / (precision + recall);
}
