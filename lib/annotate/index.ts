/**
 * annotate(): operations, agencies and statistics in Chinese news text, simplified or traditional.
 * Matching runs on a simplified copy with pinyin artefacts removed (normalize.ts); hits are mapped
 * back to offsets in the original string, so `text === input.slice(start, end)`.
 */
import { findAgencies } from './agencies';
import type { Hit } from './hit';
import { normalize, originalEnd, originalStart } from './normalize';
import { findOperations } from './operations';
import { detectRegion, type Region } from './region';
import { findStatistics } from './statistics';
import type { Annotation, AnnotationKind } from './types';

export type { Annotation, AnnotationKind } from './types';
export type { Region } from './region';
export { findPinyinArtefacts, withoutPinyinArtefacts } from './pinyin';

export interface AnnotateOptions {
  /** Kinds to look for (default: all three). */
  kinds?: readonly AnnotationKind[];
  /** The region the text is about, when the caller knows it (a site's region); detected from the text otherwise. */
  region?: Region;
}

const ALL_KINDS: readonly AnnotationKind[] = ['operation', 'agency', 'statistic'];

/** Annotations sorted by start (then by kind order: operation, agency, statistic). */
export function annotate(text: string, options: AnnotateOptions = {}): Annotation[] {
  const kinds = options.kinds ?? ALL_KINDS;
  const norm = normalize(text);
  const { codes, length } = norm;

  // Traditional text: at least 1 character in 40 changed by simplification (simplified text changes ~none).
  const traditional = norm.traditionalChars >= 3 && norm.traditionalChars * 40 >= length;
  const region = options.region ?? detectRegion(codes, length, traditional);
  const agencies = findAgencies(codes, length, region);
  // concat, not push(...): a spread of hundreds of thousands of hits overflows the stack (#19).
  let hits: Hit[] = [];
  if (kinds.includes('operation')) hits = hits.concat(findOperations(codes, length));
  if (kinds.includes('agency')) hits = hits.concat(agencies);
  if (kinds.includes('statistic')) hits = hits.concat(findStatistics(codes, length, agencies));

  const kindOrder = (kind: AnnotationKind) => ALL_KINDS.indexOf(kind);
  hits.sort((a, b) => a.start - b.start || kindOrder(a.kind) - kindOrder(b.kind));

  return hits.map((hit) => {
    const start = originalStart(norm, hit.start);
    const end = originalEnd(norm, hit.end);
    const annotation: Annotation = { kind: hit.kind, start, end, text: text.slice(start, end) };
    if (hit.canonical !== undefined) annotation.canonical = hit.canonical;
    if (hit.value !== undefined) annotation.value = hit.value;
    if (hit.unit !== undefined) annotation.unit = hit.unit;
    if (hit.approx) annotation.approx = true;
    if (hit.measure !== undefined) annotation.measure = hit.measure;
    return annotation;
  });
}
