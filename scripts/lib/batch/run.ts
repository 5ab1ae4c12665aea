/**
 * The batch run behind the CLI: inputs → documents → tasks (this thread or workers) → output, in one
 * pipeline with bounded work in flight. With `--output-dir`, each input file has its own output shard,
 * opened on its first result and renamed into place after its last; `--resume` skips inputs whose shard
 * is there.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { createRunner, pipeline } from './pool';
import { Progress } from './progress';
import { fileSink, partialName, stdoutSink, type OutputFormat, type Sink } from './sinks';
import { expandInputs, readInput, type InputFile, type ReadProgress, type SourceItem } from './sources';
import { documentName, type DocumentResult, type LineFormat } from './task';

export interface BatchOptions {
  paths: string[];
  extract: boolean;
  format: OutputFormat;
  jobs: number;
  unordered: boolean;
  output?: string;
  outputDir?: string;
  resume: boolean;
  quiet: boolean;
}

const EXTENSION: Record<OutputFormat, string> = { json: '.jsonl', jsonl: '.jsonl', csv: '.csv', parquet: '.parquet' };

/** The shard of an input: its path below the named directory (or its name), plus the format's extension. */
export function shardPath(outputDir: string, input: InputFile, format: OutputFormat): string {
  const name = input.path === '-' ? 'stdin' : input.root ? relative(input.root, input.path) : basename(input.path);
  return join(outputDir, name + EXTENSION[format]);
}

interface Shard {
  path: string;
  sink?: Promise<Sink>;
  expected: number;
  done: number;
  ended: boolean;
  /** Set once: both the last result and the end marker may find the shard complete. */
  closed?: Promise<void>;
}

type Step =
  | { type: 'result'; result: DocumentResult; shard?: Shard }
  | { type: 'end'; shard: Shard };

/** Runs the batch; resolves to the exit code (2 when any input or document failed). */
export async function runBatch(options: BatchOptions): Promise<number> {
  const inputs = await expandInputs(options.paths);
  // CSV of crawl or JSONL records names the record of each row; CSV of plain files keeps its old columns.
  const csvRecords = inputs.some((i) => i.kind === 'warc' || i.kind === 'jsonl' || i.kind === 'stdin');
  const lineFormat: LineFormat =
    options.format === 'csv' ? (csvRecords ? 'csv-records' : 'csv') : options.format === 'json' ? 'json' : 'jsonl';

  const shards = new Map<InputFile, Shard>();
  const todo: InputFile[] = [];
  if (options.outputDir) {
    const seen = new Map<string, string>();
    for (const input of inputs) {
      const path = shardPath(options.outputDir, input, options.format);
      if (seen.has(path)) throw new Error(`${seen.get(path)} and ${input.path} would both write ${path}`);
      seen.set(path, input.path);
      if (options.resume && existsSync(path)) continue;
      shards.set(input, { path, expected: 0, done: 0, ended: false });
      todo.push(input);
    }
  } else todo.push(...inputs);

  const read: ReadProgress = { bytes: 0 };
  const total = todo.reduce((sum, i) => sum + i.size, 0);
  const progress = new Progress(options.quiet, () => ({ read: read.bytes, total }), envInterval());
  const runner = createRunner(options.jobs);
  const single: Sink | undefined = options.outputDir
    ? undefined
    : options.output
      ? await fileSink(options.output, options.format, csvRecords)
      : stdoutSink(options.format, csvRecords);
  let failed = false;

  // Wrapped: an async generator awaits a promise it yields, which would run one document at a time.
  async function* steps(): AsyncGenerator<{ started: Promise<Step> }> {
    for (const input of todo) {
      const shard = shards.get(input);
      for await (const item of readInput(input, read) as AsyncGenerator<SourceItem>) {
        if (shard) shard.expected++;
        if (item.type === 'error') {
          const result: DocumentResult = { lines: [], annotations: 0, messages: [`annotate: ${documentName(item.file, item.where)}: ${item.message}`], failed: true };
          yield { started: Promise.resolve<Step>({ type: 'result', result, shard }) };
        } else {
          const task = { file: item.file, key: item.key, content: item.content, where: item.where, extract: options.extract, format: lineFormat };
          yield { started: runner.run(task).then((result): Step => ({ type: 'result', result, shard })) };
        }
      }
      if (shard) {
        shard.ended = true;
        yield { started: Promise.resolve<Step>({ type: 'end', shard }) };
      }
    }
  }

  const sinkOf = (shard: Shard) => (shard.sink ??= fileSink(shard.path, options.format, csvRecords));
  const closeIfComplete = async (shard: Shard) => {
    if (shard.ended && shard.done === shard.expected) await (shard.closed ??= sinkOf(shard).then((sink) => sink.close()));
  };

  const emit = async (step: Step) => {
    if (step.type === 'end') return closeIfComplete(step.shard);
    const { result, shard } = step;
    for (const message of result.messages) progress.message(message);
    if (result.failed) {
      failed = true;
      progress.errors++;
    } else {
      progress.documents++;
      progress.annotations += result.annotations;
    }
    const sink = shard ? await sinkOf(shard) : single!;
    await sink.write(result.lines);
    if (shard) {
      shard.done++;
      await closeIfComplete(shard);
    }
  };

  try {
    // Each step is already started when the generator yields it; the pipeline awaits and orders them.
    await pipeline(steps(), (step) => step.started, emit, runner.window, options.unordered);
    await single?.close();
  } catch (error) {
    // A run that failed part-way leaves no partial file behind under a name that looks finished.
    if (options.output) await rm(partialName(options.output, options.format === 'parquet' ? '.jsonl' : ''), { force: true });
    throw error;
  } finally {
    await runner.close();
    progress.finish();
  }
  if (process.env.FZL_REPORT_RSS) process.stderr.write(`annotate: max RSS ${process.resourceUsage().maxRSS} KB\n`);
  return failed ? 2 : 0;
}

/** `FZL_PROGRESS_MS`: how often the progress line is written (tests make it short). */
function envInterval(): number | undefined {
  const value = Number(process.env.FZL_PROGRESS_MS);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
