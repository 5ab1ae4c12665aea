import type { AnnotationKind } from './types';

/** A recogniser hit in normalised-text offsets (mapped back to the original by index.ts). */
export interface Hit {
  kind: AnnotationKind;
  start: number;
  end: number;
  canonical?: string;
  value?: number;
  unit?: string;
  approx?: boolean;
  measure?: string;
}
