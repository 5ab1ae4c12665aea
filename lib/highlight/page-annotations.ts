/**
 * From a found article to what the page shows: the article's text map, the annotations of its text,
 * the DOM pieces of each, and the summary the popup and the statistics table read. Pure apart from
 * reading the DOM it is given.
 */
import { annotate } from '../annotate';
import { csvTextCell, defuseFormula } from '../collections/export/csv';
import type { Annotation, AnnotationKind } from '../annotate/types';
import { buildTextMap, piecesOf, type TextMap, type TextMapOptions, type TextRangePiece } from './text-map';

export interface PageAnnotation extends Annotation {
  /** Position in document order, used as the highlight's id on this page. */
  index: number;
  pieces: TextRangePiece[];
}

export interface AnnotatedText {
  map: TextMap;
  annotations: PageAnnotation[];
}

export function annotateElements(blocks: readonly Element[], options: TextMapOptions = {}): AnnotatedText {
  const map = buildTextMap(blocks, options);
  const annotations = annotate(map.text)
    .map((a, index) => ({ ...a, index, pieces: piecesOf(map, a.start, a.end) }))
    .filter((a) => a.pieces.length > 0);
  return { map, annotations };
}

/** The sentence around a span: from the previous sentence end to the next one, within the block. */
export function sentenceAround(text: string, start: number, end: number): string {
  // Sentence ends only: a figure's sentence often runs over several clauses separated by ；.
  const stop = /[。！？!?\n]/;
  let from = start;
  while (from > 0 && !stop.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !stop.test(text[to])) to++;
  if (to < text.length && text[to] !== '\n') to++;
  return text.slice(from, to).trim();
}

export interface EntitySummary {
  kind: 'operation' | 'agency';
  canonical: string;
  /** Surface forms seen, in order of first appearance (最高法, 最高人民法院 …). */
  surfaces: string[];
  mentions: number;
  /** Index of the first mention (for scrolling to it). */
  first: number;
}

export interface StatisticRow {
  index: number;
  text: string;
  value: number | null;
  unit: string;
  approx: boolean;
  measure: string;
  sentence: string;
}

export interface PageSummary {
  counts: Record<AnnotationKind, number>;
  operations: EntitySummary[];
  agencies: EntitySummary[];
  statistics: StatisticRow[];
}

/**
 * Counts, entities and statistics of an annotated article. `display` turns a text of the page into
 * what the reader is shown (the pinyin-artefact cleanup): surfaces and sentences are listed as read.
 */
export function summarize(annotated: AnnotatedText, display: (text: string) => string = (text) => text): PageSummary {
  const counts: Record<AnnotationKind, number> = { operation: 0, agency: 0, statistic: 0 };
  const entities = new Map<string, EntitySummary>();
  const statistics: StatisticRow[] = [];
  for (const a of annotated.annotations) {
    counts[a.kind]++;
    if (a.kind === 'statistic') {
      statistics.push({
        index: a.index,
        text: display(a.text),
        value: a.value ?? null,
        unit: a.unit ?? '',
        approx: a.approx ?? false,
        measure: display(a.measure ?? ''),
        sentence: display(sentenceAround(annotated.map.text, a.start, a.end)),
      });
      continue;
    }
    const canonical = a.canonical ?? a.text;
    const key = `${a.kind}:${canonical}`;
    const entry = entities.get(key);
    const surface = display(a.text);
    if (entry) {
      entry.mentions++;
      if (!entry.surfaces.includes(surface)) entry.surfaces.push(surface);
    } else entities.set(key, { kind: a.kind, canonical, surfaces: [surface], mentions: 1, first: a.index });
  }
  const byMentions = (x: EntitySummary, y: EntitySummary) => y.mentions - x.mentions || x.first - y.first;
  const all = [...entities.values()];
  return {
    counts,
    operations: all.filter((e) => e.kind === 'operation').sort(byMentions),
    agencies: all.filter((e) => e.kind === 'agency').sort(byMentions),
    statistics,
  };
}

/** The statistics table as CSV (UTF-8, for pasting) or TSV (for spreadsheets). */
export function statisticsTable(rows: readonly StatisticRow[], format: 'csv' | 'tsv'): string {
  const header = ['text', 'value', 'unit', 'approx', 'measure', 'sentence'];
  // The collections export's cells: formula-defused; CSV quoted per RFC 4180, TSV (no quoting) with
  // tabs and line breaks inside a cell turned into spaces.
  const cell = (value: string) => (format === 'csv' ? csvTextCell(value) : defuseFormula(value).replace(/[\t\r\n]+/g, ' '));
  const sep = format === 'csv' ? ',' : '\t';
  const lines = [header.join(sep)];
  for (const r of rows)
    lines.push([cell(r.text), r.value === null ? '' : String(r.value), cell(r.unit), String(r.approx), cell(r.measure), cell(r.sentence)].join(sep));
  return lines.join('\r\n');
}

/** "破案 · 464,000 起" — how a card states a statistic; `approxMark` says "about" in the reader's language. */
export function describeStatistic(a: Pick<Annotation, 'value' | 'unit' | 'approx' | 'measure'>, approxMark = '约'): string {
  const number = a.value === undefined ? '' : a.value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  const amount = [a.approx ? approxMark : '', number, a.unit ? ` ${a.unit}` : ''].join('');
  return a.measure ? `${a.measure} · ${amount}` : amount;
}
