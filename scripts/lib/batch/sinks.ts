/**
 * Where output lines go: stdout, or a file written under a temporary name and renamed when complete, so
 * a killed run never leaves a file that looks complete (`--resume` trusts any final name it finds).
 * Parquet is written by DuckDB from a temporary JSONL file at close: the lines stream to disk as documents
 * finish, and DuckDB converts that file in bounded memory.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { CSV_HEADER, CSV_RECORD_HEADER } from '../../../lib/report/page-report';

export type OutputFormat = 'json' | 'jsonl' | 'csv' | 'parquet';

export interface Sink {
  /** One document's lines (without line ends); resolves when the stream can take more. */
  write(lines: string[]): Promise<void> | void;
  /** Finishes the output (renames a file into place). */
  close(): Promise<void>;
}

function header(format: OutputFormat, csvRecords: boolean): string | undefined {
  return format === 'csv' ? '\ufeff' + (csvRecords ? CSV_RECORD_HEADER : CSV_HEADER) : undefined;
}

function lineEnd(format: OutputFormat): string {
  return format === 'csv' ? '\r\n' : '\n';
}

class StreamSink implements Sink {
  constructor(
    private readonly stream: Writable,
    private readonly end: string,
    first?: string,
  ) {
    if (first !== undefined) stream.write(first + end);
  }
  write(lines: string[]): Promise<void> | void {
    if (lines.length === 0) return;
    if (!this.stream.write(lines.join(this.end) + this.end)) return once(this.stream, 'drain').then(() => undefined);
  }
  async close(): Promise<void> {}
}

export function stdoutSink(format: OutputFormat, csvRecords: boolean): Sink {
  if (format === 'parquet') throw new Error('--format parquet writes a file: give --output FILE or --output-dir DIR');
  return new StreamSink(process.stdout, lineEnd(format), header(format, csvRecords));
}

/** The temporary name of an output file: hidden, in the same directory (so the rename is atomic), never a final name. */
export function partialName(path: string, suffix = ''): string {
  return join(dirname(path), `.${basename(path)}${suffix}.partial`);
}

class FileSink implements Sink {
  private readonly inner: StreamSink;
  private constructor(
    private readonly stream: WriteStream,
    private readonly temp: string,
    private readonly path: string,
    private readonly format: OutputFormat,
    first?: string,
  ) {
    this.inner = new StreamSink(stream, lineEnd(format), first);
  }
  static async open(path: string, format: OutputFormat, csvRecords: boolean): Promise<FileSink> {
    await mkdir(dirname(path), { recursive: true });
    const temp = partialName(path, format === 'parquet' ? '.jsonl' : '');
    const stream = createWriteStream(temp);
    await once(stream, 'open');
    return new FileSink(stream, temp, path, format, header(format, csvRecords));
  }
  write(lines: string[]) {
    return this.inner.write(lines);
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.format !== 'parquet') {
      await rename(this.temp, this.path);
      return;
    }
    const parquetTemp = partialName(this.path);
    await jsonlToParquet(this.temp, parquetTemp);
    await rename(parquetTemp, this.path);
    await rm(this.temp, { force: true });
  }
}

export function fileSink(path: string, format: OutputFormat, csvRecords: boolean): Promise<Sink> {
  return FileSink.open(path, format, csvRecords);
}

/** The columns of a `--format jsonl` line, typed for DuckDB: annotations are a nested list of structs. */
export const JSONL_COLUMNS = `{
  file: 'VARCHAR', id: 'VARCHAR', url: 'VARCHAR', warcRecordId: 'VARCHAR', warcDate: 'VARCHAR', warcOffset: 'BIGINT',
  title: 'VARCHAR', date: 'VARCHAR', source: 'VARCHAR', script: 'VARCHAR', body: 'VARCHAR', noArticle: 'VARCHAR',
  annotations: 'STRUCT(kind VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, canonical VARCHAR, value DOUBLE, unit VARCHAR, approx BOOLEAN, measure VARCHAR)[]'
}`;

export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * DuckDB reads JSONL with these columns. `maximum_object_size` (128 MB) lets through the 16 M-character
 * pages the CLI handles (about 50 MB of JSON); DuckDB's read buffer is twice that, so not more.
 */
export function readJsonlSql(path: string): string {
  return `read_json(${sqlString(path)}, format = 'newline_delimited', columns = ${JSONL_COLUMNS}, maximum_object_size = 134217728)`;
}

async function jsonlToParquet(jsonl: string, parquet: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: '1GB', preserve_insertion_order: 'true' });
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (SELECT * FROM ${readJsonlSql(jsonl)}) TO ${sqlString(parquet)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
