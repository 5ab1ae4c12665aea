/**
 * #14: output shards, Parquet, resume after a killed run, the DuckDB summary, and the contract that lets
 * Spark's `RDD.pipe` (or GNU parallel) spread a crawl over many CLI processes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Each test runs the CLI as child processes (tsx start-up, worker threads): slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });
import { packWarc } from '../../../scripts/lib/batch/pack-warc';
import { cli, corpusPages, lines, root, type Line } from './batch-helpers';

const dir = mkdtempSync(join(tmpdir(), 'fzl-shards-'));
const pages = corpusPages(120, 1);
/** Six WARC.gz shards of (up to) 20 corpus pages each: a crawl segment in miniature. */
const shardInputs = Array.from({ length: 6 }, (_, k) => join(dir, 'crawl', `segment-${k}.warc.gz`));

beforeAll(async () => {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'crawl'), { recursive: true });
  for (const [k, path] of shardInputs.entries()) writeFileSync(path, await packWarc(pages.slice(k * 20, k * 20 + 20), true));
}, 30_000);

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('shards, Parquet and the summary', () => {
  it('writes one Parquet shard per input whose rows, read back, are the JSONL records', async () => {
    const out = join(dir, 'parquet');
    const run = cli(['--format', 'parquet', '--output-dir', out, '--jobs', '2', '--quiet', shardInputs[0], shardInputs[1]]);
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['segment-0.warc.gz.parquet', 'segment-1.warc.gz.parquet']);
    const jsonl = lines(cli(['--format', 'jsonl', '--jobs', '1', '--quiet', shardInputs[1]]).stdout);
    const rows = await query(`SELECT * FROM read_parquet('${join(out, 'segment-1.warc.gz.parquet')}')`);
    expect(rows).toHaveLength(20);
    const [types] = await query(`SELECT typeof(annotations) AS t FROM read_parquet('${join(out, 'segment-1.warc.gz.parquet')}') LIMIT 1`);
    expect(types.t).toMatch(/^STRUCT\(kind VARCHAR, "start" INTEGER, "end" INTEGER, .*\)\[\]$/);
    for (const [k, row] of rows.entries()) {
      const line = jsonl[k];
      expect(row.warcRecordId).toBe(line.warcRecordId);
      expect(row.url).toBe(line.url);
      expect(Number(row.warcOffset)).toBe(line.warcOffset);
      expect(row.title).toBe(line.title);
      expect(row.body).toBe(line.body);
      expect(row.date).toBe(line.date);
      expect(row.annotations).toEqual(line.annotations);
    }
  });

  it('summarises JSONL and Parquet alike, counting by operation, agency and year', async () => {
    const jsonlFile = join(dir, 'all.jsonl');
    const parquetFile = join(dir, 'all.parquet');
    expect(cli(['--format', 'jsonl', '--output', jsonlFile, '--quiet', ...shardInputs.slice(0, 3)]).status).toBe(0);
    expect(cli(['--format', 'parquet', '--output', parquetFile, '--quiet', ...shardInputs.slice(0, 3)]).status).toBe(0);
    const fromJsonl = cli(['summary', jsonlFile]);
    const fromParquet = cli(['summary', parquetFile]);
    expect(fromJsonl.status).toBe(0);
    expect(fromParquet.stdout).toBe(fromJsonl.stdout);
    const docs = readFileSync(jsonlFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
    const agencies = new Map<string, number>();
    for (const doc of docs) for (const a of doc.annotations) if (a.kind === 'agency') agencies.set(a.canonical ?? a.text, (agencies.get(a.canonical ?? a.text) ?? 0) + 1);
    const [top, mentions] = [...agencies].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    const section = (title: string) => fromJsonl.stdout.split('## ').find((s) => s.startsWith(title))!;
    expect(section('documents')).toMatch(new RegExp(`^documents.*\\n${docs.length} `, 'm'));
    expect(section('by agency').split('\n')[2]).toMatch(new RegExp(`^${top}\\s+${mentions}\\s`));
    const years = new Map<string, number>();
    for (const doc of docs) years.set((doc.date ?? doc.warcDate ?? 'unknown').slice(0, 4), (years.get((doc.date ?? doc.warcDate ?? 'unknown').slice(0, 4)) ?? 0) + 1);
    for (const [year, n] of years) expect(section('by year')).toMatch(new RegExp(`^${year}\\s+${n}\\s`, 'm'));
    expect(section('statistics')).toMatch(/^measure\s+unit\s+mentions/m);
  });
});

describe('resume after a killed run', () => {
  it('leaves only complete shards under their final names, and --resume completes them identically', async () => {
    const reference = join(dir, 'reference');
    expect(cli(['--format', 'jsonl', '--output-dir', reference, '--jobs', '2', '--quiet', join(dir, 'crawl')]).status).toBe(0);
    const out = join(dir, 'killed');
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/annotate.ts'), '--format', 'jsonl', '--output-dir', out, '--jobs', '1', '--quiet', join(dir, 'crawl')], { cwd: root, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const finals = () => (existsSync(out) ? readdirSync(out).filter((f) => !f.startsWith('.')) : []);
    while (finals().length < 1) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    const complete = finals();
    // Killed part-way: some shard was not finished (any output of it is under a hidden .partial name).
    expect(complete.length).toBeLessThan(shardInputs.length);
    for (const name of complete) expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(reference, name), 'utf8'));
    const resumed = cli(['--format', 'jsonl', '--output-dir', out, '--jobs', '2', '--resume', join(dir, 'crawl')]);
    expect(resumed.status).toBe(0);
    // Only the unfinished shards were run again.
    const remaining = readdirSync(reference).filter((name) => !complete.includes(name));
    const remainingRecords = remaining.reduce((n, name) => n + readFileSync(join(reference, name), 'utf8').trim().split('\n').length, 0);
    expect(resumed.stderr).toMatch(new RegExp(`done: ${remainingRecords} documents`));
    expect(readdirSync(out).sort()).toEqual(readdirSync(reference).sort());
    for (const name of readdirSync(reference)) expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(reference, name), 'utf8'));
  }, 60_000);
});

describe('the contract for RDD.pipe and GNU parallel', () => {
  it('gives the same records from one process per partition as from one process over everything', () => {
    // As Spark's RDD.pipe does: the elements (JSONL records) of each partition are written to one process's stdin.
    const records = pages.slice(0, 24).map((p, k) => JSON.stringify({ id: `rec-${k}`, url: p.url, html: new TextDecoder(p.encoding).decode(p.bytes) }));
    const single = cli(['--format', 'jsonl', '--jobs', '2', '--quiet', '-'], { input: records.join('\n') + '\n' });
    expect(single.status).toBe(0);
    const partitions = [records.slice(0, 7), records.slice(7, 8), records.slice(8, 19), records.slice(19)];
    const union = partitions.flatMap((part) => {
      const run = cli(['--format', 'jsonl', '--jobs', '1', '--quiet', '-'], { input: part.join('\n') + '\n' });
      expect(run.status).toBe(0);
      return lines(run.stdout);
    });
    expect(union).toHaveLength(24);
    expect(union.map((l) => l.id)).toEqual(records.map((_, k) => `rec-${k}`));
    expect(union).toEqual(lines(single.stdout));
  });
});
