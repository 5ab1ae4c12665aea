/**
 * The CLI: runs the extension's own lib/ code over saved pages, crawls and record streams.
 *
 *   npm run -s annotate -- [options] PATH...        PATH: file, directory (recursive) or - (stdin)
 *   npm run -s annotate -- summary OUT.jsonl|OUT.parquet...
 *
 * Inputs: .html/.htm (decoded by their own charset), .txt (UTF-8), their .gz, .warc/.warc.gz (HTML response
 * records, decoded by the HTTP charset, then the page's, then sniffed), .jsonl ({"id"?, "url"?, "html"|"text"}).
 * `--format json` (default) is the original object per document; `jsonl` adds url, warcRecordId, warcDate,
 * warcOffset or id, and the page's date, source and script; `csv` one row per annotation (UTF-8 with BOM);
 * `parquet` the jsonl columns with annotations as a nested list (needs --output or --output-dir).
 * Output streams as documents finish. Bad input gets one stderr line naming the file and the record, the
 * rest is still processed, and the exit code is 2.
 */
import { availableParallelism } from 'node:os';
import { runBatch, type BatchOptions } from './lib/batch/run';
import type { OutputFormat } from './lib/batch/sinks';
import { formatTables, summarise } from './lib/batch/summary';

const usage = `usage: npm run -s annotate -- [--no-extract] [--format json|jsonl|csv|parquet] [--jobs N] [--unordered]
                              [--output FILE | --output-dir DIR [--resume]] [--quiet] PATH...
       npm run -s annotate -- summary OUT.jsonl|OUT.parquet...
PATH: a file (.html .htm .txt .warc .jsonl, each also .gz), a directory (recursive) or - (stdin)`;

const FORMATS = ['json', 'jsonl', 'csv', 'parquet'] as const;

function fail(message: string): never {
  console.error(`annotate: ${message}\n${usage}`);
  process.exit(2);
}

function parse(args: string[]): BatchOptions {
  const options: BatchOptions = {
    paths: [],
    extract: true,
    format: 'json',
    jobs: availableParallelism(),
    unordered: false,
    resume: false,
    quiet: false,
  };
  for (let i = 0; i < args.length; i++) {
    let arg = args[i];
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = () => {
      const v = value ?? args[++i];
      if (v === undefined) fail(`${arg} needs a value`);
      return v;
    };
    if (arg === '--no-extract') options.extract = false;
    else if (arg === '--format') {
      const format = take();
      if (!(FORMATS as readonly string[]).includes(format)) fail(`--format takes ${FORMATS.join(', ')}, not ${JSON.stringify(format)}`);
      options.format = format as OutputFormat;
    } else if (arg === '--jobs' || arg === '-j') {
      const jobs = Number(take());
      if (!Number.isInteger(jobs) || jobs < 1) fail('--jobs takes a whole number ≥ 1');
      options.jobs = jobs;
    } else if (arg === '--unordered') options.unordered = true;
    else if (arg === '--output' || arg === '-o') options.output = take();
    else if (arg === '--output-dir') options.outputDir = take();
    else if (arg === '--resume') options.resume = true;
    else if (arg === '--quiet' || arg === '-q') options.quiet = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    } else if (arg.startsWith('-') && arg !== '-') fail(`unknown option ${arg}`);
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) fail('no PATH given');
  if (options.output && options.outputDir) fail('give --output or --output-dir, not both');
  if (options.resume && !options.outputDir) fail('--resume needs --output-dir');
  if (options.format === 'parquet' && !options.output && !options.outputDir) fail('--format parquet writes files: give --output FILE or --output-dir DIR');
  return options;
}

const args = process.argv.slice(2);
try {
  if (args[0] === 'summary') {
    const paths = args.slice(1);
    if (paths.length === 0) fail('summary needs an output file (.jsonl or .parquet)');
    process.stdout.write(formatTables(await summarise(paths)));
  } else {
    process.exitCode = await runBatch(parse(args));
  }
} catch (error) {
  console.error(`annotate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
