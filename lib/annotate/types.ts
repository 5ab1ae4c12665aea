/** What the recogniser found. `start`/`end` are JavaScript string (UTF-16) offsets into the input. */
export type AnnotationKind = 'operation' | 'agency' | 'statistic';

export interface Annotation {
  kind: AnnotationKind;
  start: number;
  end: number;
  /** Exactly `input.slice(start, end)`. */
  text: string;
  /** Full official simplified name (agencies), simplified name + 行动/战役/专案 (operations). */
  canonical?: string;
  /** Statistics: the plain number (46.4万起 → 464000; 3180余亿元 → 318000000000). */
  value?: number;
  /** Statistics: the unit or measure word (起, 名, 人次, 元, %, 个月 …). */
  unit?: string;
  /** Statistics: true for 余/多/近/超/逾/约/上/左右 … */
  approx?: boolean;
  /** Statistics: the short phrase saying what is counted (破案, 涉案资金 …). */
  measure?: string;
}
