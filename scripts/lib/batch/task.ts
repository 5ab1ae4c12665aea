/**
 * One document's work, the same in the main thread (`--jobs 1`) and in a worker: decode, find the article,
 * annotate, and format the output lines, so only short strings travel back from a worker.
 */
import { parseHTML } from 'linkedom';
import {
  reportDocument,
  toCsvRecordRows,
  toCsvRows,
  toJsonLine,
  toJsonlLine,
  type DocumentContent,
  type DocumentKey,
} from '../../../lib/report/page-report';

/** `json` is the CLI's original object; `jsonl` adds the record's key and the page's metadata; `parquet` is written from jsonl. */
export type LineFormat = 'json' | 'jsonl' | 'csv' | 'csv-records';

export interface DocumentTask {
  file: string;
  key: DocumentKey;
  content: DocumentContent;
  where?: string;
  extract: boolean;
  format: LineFormat;
}

export interface DocumentResult {
  /** The document's output lines, each without its line end (CSV: one per annotation, possibly none). */
  lines: string[];
  annotations: number;
  /** Lines for stderr (no article, decoding warnings, the error). */
  messages: string[];
  failed: boolean;
}

const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;

/** How a message names the document: the file, then the record when it is one of many. */
export function documentName(file: string, where?: string): string {
  return where ? `${file}: ${where}` : file;
}

export function runDocumentTask(task: DocumentTask): DocumentResult {
  const name = documentName(task.file, task.where);
  try {
    const report = reportDocument(task.file, task.content, { extract: task.extract, parseHtml });
    const lines =
      task.format === 'json'
        ? [toJsonLine(report)]
        : task.format === 'jsonl'
          ? [toJsonlLine(report, task.key)]
          : task.format === 'csv'
            ? toCsvRows(report)
            : toCsvRecordRows(report, task.key);
    const messages: string[] = [];
    if (report.noArticle) messages.push(`annotate: ${name}: no article found (${report.noArticle})`);
    for (const warning of report.warnings ?? []) messages.push(`annotate: ${name}: warning: ${warning}`);
    return { lines, annotations: report.annotations.length, messages, failed: false };
  } catch (error) {
    return { lines: [], annotations: 0, messages: [`annotate: ${name}: ${error instanceof Error ? error.message : String(error)}`], failed: true };
  }
}

export default runDocumentTask;
