/**
 * Annotating a long article without freezing the page: the text map is built block by block and
 * the text annotated slice by slice, each slice within a time budget, yielding to the page between
 * slices (a 200,000-character article must never hold the main thread for 50 ms).
 */
import { annotate } from '../annotate';
import type { AnnotationKind } from '../annotate/types';
import type { AnnotatedText, PageAnnotation } from '../highlight/page-annotations';
import { createTextMapBuilder, piecesOf, type TextMapOptions } from '../highlight/text-map';

export interface SliceScheduler {
  /** Milliseconds of work per slice before yielding. */
  budgetMs: number;
  yieldToPage: () => Promise<void>;
  now: () => number;
  /** A newer scan started: stop (the result is discarded). */
  cancelled: () => boolean;
  /** Told the length of every slice of synchronous work (for the "no long task" measurement). */
  onSliceDone?: (ms: number) => void;
}

/** Text per annotate() call; hits are kept only from the slice, its preceding context only informs. */
const SLICE_CHARS = 6_000;
/** Earlier text given with each slice, so "市公安局" still finds the city named before it. */
const CONTEXT_CHARS = 2_000;

export class ScanCancelled extends Error {}

export async function annotateBlocksSliced(
  blocks: readonly Element[],
  options: TextMapOptions & { kinds: Record<AnnotationKind, boolean> },
  scheduler: SliceScheduler,
  onSlice?: (annotations: PageAnnotation[]) => void,
): Promise<AnnotatedText> {
  let sliceStart = scheduler.now();
  const checkpoint = async () => {
    const elapsed = scheduler.now() - sliceStart;
    if (elapsed < scheduler.budgetMs) return;
    scheduler.onSliceDone?.(elapsed);
    await scheduler.yieldToPage();
    if (scheduler.cancelled()) throw new ScanCancelled();
    sliceStart = scheduler.now();
  };

  const builder = createTextMapBuilder(options);
  for (const block of blocks) {
    builder.add(block);
    await checkpoint();
  }
  const map = builder.finish();
  await checkpoint();

  const text = map.text;
  const annotations: PageAnnotation[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + SLICE_CHARS);
    if (to < text.length) {
      const newline = text.indexOf('\n', to);
      to = newline === -1 ? text.length : newline;
    }
    const contextStart = Math.max(0, from - CONTEXT_CHARS);
    const slice: PageAnnotation[] = [];
    for (const a of annotate(text.slice(contextStart, to))) {
      const start = a.start + contextStart;
      if (start < from) continue;
      if (!options.kinds[a.kind]) continue;
      const end = a.end + contextStart;
      const pieces = piecesOf(map, start, end);
      if (!pieces.length) continue;
      slice.push({ ...a, start, end, index: annotations.length + slice.length, pieces });
    }
    for (const annotation of slice) annotations.push(annotation);
    onSlice?.(slice);
    from = to;
    await checkpoint();
  }
  scheduler.onSliceDone?.(scheduler.now() - sliceStart);
  return { map, annotations };
}
