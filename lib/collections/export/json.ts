/** Lossless, versioned JSON export of our own format; `import.ts` reads it back. */
import { EXCHANGE_FORMAT, EXCHANGE_FORMAT_VERSION } from '../format';
import type { Clip, Collection } from '../model';
import { ok, type Result } from '../result';
import type { CollectionsState } from '../schema';
import { exportTime, selectForExport, type ExportOptions } from './select';

export interface ExchangeFile {
  format: typeof EXCHANGE_FORMAT;
  version: typeof EXCHANGE_FORMAT_VERSION;
  exportedAt: string;
  collections: Collection[];
  clips: Clip[];
}

export function buildExchangeFile(state: CollectionsState, options: ExportOptions = {}): Result<ExchangeFile> {
  const selection = selectForExport(state, options);
  if (!selection.ok) return selection;
  return ok({
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_FORMAT_VERSION,
    exportedAt: exportTime(options),
    collections: selection.value.collections,
    clips: selection.value.clips,
  });
}

export function exportJson(state: CollectionsState, options: ExportOptions = {}): Result<string> {
  const file = buildExchangeFile(state, options);
  return file.ok ? ok(JSON.stringify(file.value, null, 2)) : file;
}
