/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF
 * records and RFC 4180 quoting. One row per clip per collection it is in. Cells that a spreadsheet
 * would take for a formula (starting with = + - @, or a tab / carriage return) get a leading
 * apostrophe, so a page cannot plant a formula in the researcher's sheet.
 */
import type { Clip } from '../model';
import { ok, type Result } from '../result';
import type { CollectionsState } from '../schema';
import { displayedCanonical, selectForExport, type ExportOptions } from './select';

export const CSV_COLUMNS = [
  'collection',
  'kind',
  'text',
  'canonical',
  'canonicalDisplay',
  'value',
  'unit',
  'approx',
  'measure',
  'note',
  'tags',
  'title',
  'url',
  'site',
  'publishedAt',
  'createdAt',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell: defused if a spreadsheet would evaluate it, then quoted if needed. */
/** A leading apostrophe on text a spreadsheet would take for a formula. */
export function defuseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvTextCell(value: string): string {
  const safe = defuseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(collectionName: string, clip: Clip, options: ExportOptions): string {
  const number = clip.value === undefined ? '' : String(clip.value); // our own number: never a formula
  const cells = [
    csvTextCell(collectionName),
    csvTextCell(clip.kind),
    csvTextCell(clip.text),
    csvTextCell(clip.canonical ?? ''),
    csvTextCell(displayedCanonical(clip, options) ?? ''),
    number,
    csvTextCell(clip.unit ?? ''),
    clip.approx === undefined ? '' : String(clip.approx),
    csvTextCell(clip.measure ?? ''),
    csvTextCell(clip.note),
    csvTextCell(clip.tags.join('; ')),
    csvTextCell(clip.target.title),
    csvTextCell(clip.target.url),
    csvTextCell(clip.target.site),
    csvTextCell(clip.target.publishedAt ?? ''),
    csvTextCell(clip.createdAt),
  ];
  return cells.join(',');
}

export function exportCsv(state: CollectionsState, options: ExportOptions = {}): Result<string> {
  const selection = selectForExport(state, options);
  if (!selection.ok) return selection;
  const lines = [CSV_COLUMNS.join(',')];
  for (const { collection, clips } of selection.value.byCollection) {
    for (const clip of clips) lines.push(row(collection.name, clip, options));
  }
  return ok('\uFEFF' + lines.join('\r\n') + '\r\n');
}
