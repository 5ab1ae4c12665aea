/**
 * The CLI: `npm run -s annotate -- [--no-extract] [--format json|csv] FILE...`
 * Runs the extension's own lib/ code over saved pages. JSON: one object per file per line.
 * CSV: one row per annotation, UTF-8 with BOM. A file that cannot be read or parsed gets a one-line
 * error on stderr, the others are still processed, and the exit code is 2.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { CSV_HEADER, reportPage, toCsvRows, toJsonLine } from '../lib/report/page-report';

const usage = 'usage: npm run -s annotate -- [--no-extract] [--format json|csv] FILE...';
const args = process.argv.slice(2);
let extract = true;
let format: 'json' | 'csv' = 'json';
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--no-extract') extract = false;
  else if (arg === '--format') {
    const value = args[++i];
    if (value !== 'json' && value !== 'csv') fail(`--format takes json or csv, not ${JSON.stringify(value)}`);
    format = value;
  } else if (arg.startsWith('--format=')) {
    const value = arg.slice('--format='.length);
    if (value !== 'json' && value !== 'csv') fail(`--format takes json or csv, not ${JSON.stringify(value)}`);
    format = value;
  } else if (arg === '--help' || arg === '-h') {
    console.log(usage);
    process.exit(0);
  } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
  else files.push(arg);
}
if (files.length === 0) fail('no FILE given');

function fail(message: string): never {
  console.error(`annotate: ${message}\n${usage}`);
  process.exit(2);
}

const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;
const out: string[] = [];
if (format === 'csv') out.push('\ufeff' + CSV_HEADER);
let failed = 0;
for (const file of files) {
  try {
    const report = reportPage(file, readFileSync(file), { extract, parseHtml });
    if (format === 'json') out.push(toJsonLine(report));
    else for (const row of toCsvRows(report)) out.push(row);
    if (report.noArticle) console.error(`annotate: ${file}: no article found (${report.noArticle})`);
    for (const warning of report.warnings ?? []) console.error(`annotate: ${file}: warning: ${warning}`);
  } catch (error) {
    failed++;
    console.error(`annotate: ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.stdout.write(out.join(format === 'csv' ? '\r\n' : '\n') + (out.length ? (format === 'csv' ? '\r\n' : '\n') : ''));
process.exitCode = failed ? 2 : 0;
