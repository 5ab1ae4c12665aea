/**
 * #14: the CLI over crawls — WARC and WARC.gz of real corpus pages (packed here with warcio), JSONL
 * records, directories, .gz files and stdin; the per-document result is the per-file CLI's; bad input is
 * reported by file and record while every good record still comes out.
 */
import { createReadStream, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WARCParser } from 'warcio';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Each test runs the CLI as child processes (tsx start-up, worker threads): slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });
import { packWarc, packWarcRecords } from '../../../scripts/lib/batch/pack-warc';
import { cli, corpusPages, lines, result, type CorpusPage, type Line } from './batch-helpers';

const dir = mkdtempSync(join(tmpdir(), 'fzl-batch-'));
const pages: CorpusPage[] = corpusPages(14);
const warcGz = join(dir, 'crawl.warc.gz');
/** A stylesheet response among the pages: a crawl has them, and they are not documents. */
const css = { url: 'https://news.example/site.css', bytes: Buffer.from('body { color: #333 }'), contentType: 'text/css' };
let records: { id: string; url: string; offset: number }[] = [];
let perFile: Line[] = [];

beforeAll(async () => {
  const all = [...pages.slice(0, 5), css, ...pages.slice(5)];
  writeFileSync(warcGz, await packWarc(all, true));
  const parser = new WARCParser(createReadStream(warcGz));
  for await (const record of parser) {
    records.push({ id: record.warcHeader('WARC-Record-ID')!, url: record.warcTargetURI!, offset: parser.offset });
    await record.readFully(true);
  }
  records = records.filter((r) => r.url !== css.url);
  const run = cli(['--quiet', ...pages.map((p) => p.path)]);
  expect(run.status).toBe(0);
  perFile = lines(run.stdout);
});

describe('annotate over a WARC.gz', () => {
  it('prints one JSON object per HTML record, keyed by the record, with the per-file result', () => {
    const run = cli(['--format', 'jsonl', '--jobs', '2', '--quiet', warcGz]);
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    expect(out).toHaveLength(pages.length);
    for (const [k, line] of out.entries()) {
      expect(line.file).toBe(warcGz);
      expect(line.warcRecordId).toBe(records[k].id);
      expect(line.url).toBe(pages[k].url);
      expect(line.warcOffset).toBe(records[k].offset);
      expect(line.warcDate).toBe('2024-05-01T08:00:00Z');
      for (const a of line.annotations) expect(line.body.slice(a.start, a.end)).toBe(a.text);
      expect(result(line)).toEqual(result(perFile[k]));
    }
    // The page metadata comes along: a script for every article, dates where the pages give them.
    expect(out.filter((l) => !l.noArticle).every((l) => l.script !== null)).toBe(true);
    expect(out.some((l) => l.date !== null)).toBe(true);
    // The Big5 page decoded right (the HTTP charset), not as GB18030 garbage.
    const big5 = out[pages.findIndex((p) => p.encoding === 'big5')];
    expect(big5.body).toMatch(/[\u4e00-\u9fff]{10}/);
    expect(big5.body).not.toContain('\ufffd');
  });

  it('keeps input order with --jobs 2, and gives the same set with --unordered', () => {
    const ordered = lines(cli(['--format', 'jsonl', '--jobs', '2', '--quiet', warcGz, warcGz]).stdout);
    expect(ordered.map((l) => l.warcRecordId)).toEqual([...records, ...records].map((r) => r.id));
    const unordered = lines(cli(['--format', 'jsonl', '--jobs', '2', '--unordered', '--quiet', warcGz, warcGz]).stdout);
    const key = (l: Line) => JSON.stringify(l);
    expect(unordered.map(key).sort()).toEqual(ordered.map(key).sort());
  });

  it('reads a WARC from stdin, and CSV names the record of each row', () => {
    const gz = readFileSync(warcGz);
    const run = cli(['--format', 'jsonl', '--jobs', '1', '--quiet', '-'], { input: gz });
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    expect(out.map((l) => l.warcRecordId)).toEqual(records.map((r) => r.id));
    expect(out.every((l) => l.file === '-')).toBe(true);
    const csv = cli(['--format', 'csv', '--jobs', '1', '--quiet', warcGz]);
    const rows = csv.stdout.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe('\ufefffile,kind,text,canonical,value,unit,approx,measure,start,end,id,url,warcRecordId');
    expect(rows.length - 1).toBe(out.reduce((n, l) => n + l.annotations.length, 0));
    expect(rows.filter((r) => r.endsWith(`,${records[1].id}`)).length).toBe(out[1].annotations.length);
  });
});

describe('annotate over directories, .gz files, JSONL and stdin', () => {
  it('walks a directory recursively, reading .html.gz and .txt.gz, skipping other files', () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'a/b'), { recursive: true });
    writeFileSync(join(tree, 'a/one.html'), pages[0].bytes);
    writeFileSync(join(tree, 'a/b/two.html.gz'), gzipSync(pages[1].bytes));
    writeFileSync(join(tree, 'a/b/three.txt.gz'), gzipSync(perFile[2].body));
    writeFileSync(join(tree, 'a/README.md'), '# not a page');
    const run = cli(['--format', 'jsonl', '--quiet', tree]);
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    expect(out.map((l) => l.file)).toEqual([join(tree, 'a/b/three.txt.gz'), join(tree, 'a/b/two.html.gz'), join(tree, 'a/one.html')]);
    expect(result(out[2])).toEqual(result(perFile[0]));
    expect(result(out[1])).toEqual(result(perFile[1]));
    expect(out[0].annotations.length).toBeGreaterThan(0);
  });

  it('reads JSONL records from a file and from stdin, reports bad lines by number and id, exits 2', () => {
    const jsonl = [
      JSON.stringify({ id: 'p0', url: pages[0].url, html: new TextDecoder(pages[0].encoding).decode(pages[0].bytes) }),
      '{"id": "broken", "html": ',
      JSON.stringify({ id: 7, text: perFile[3].body }),
      JSON.stringify({ id: 'nothing', url: 'https://news.example/x' }),
      '',
      JSON.stringify({ html: new TextDecoder(pages[1].encoding).decode(pages[1].bytes) }),
    ].join('\n');
    const file = join(dir, 'records.jsonl');
    writeFileSync(file, jsonl);
    for (const run of [cli(['--format', 'jsonl', '--quiet', file]), cli(['--format', 'jsonl', '--quiet', '-'], { input: jsonl })]) {
      expect(run.status).toBe(2);
      const out = lines(run.stdout);
      expect(out.map((l) => l.id)).toEqual(['p0', '7', undefined]);
      expect(out[0].url).toBe(pages[0].url);
      expect(result(out[0])).toEqual(result(perFile[0]));
      expect(result(out[2])).toEqual(result(perFile[1]));
      expect(out[1].body).toBe(perFile[3].body);
      const errors = run.stderr.trim().split('\n');
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(/: line 2: not JSON/);
      expect(errors[1]).toMatch(/: line 4, id nothing: has neither an "html" nor a "text" string/);
    }
  });

  it('reports a corrupt gzip member and a truncated record by file and offset, and still reads every good record', async () => {
    const members = await packWarcRecords(pages.slice(0, 6), true);
    const corrupt = members.map((m) => Buffer.from(m));
    corrupt[2][corrupt[2].length >> 1] ^= 0xff; // a flipped byte in the third member's deflate data
    corrupt[2][(corrupt[2].length >> 1) + 7] ^= 0xff;
    const badGz = join(dir, 'corrupt.warc.gz');
    writeFileSync(badGz, Buffer.concat(corrupt));
    const plain = Buffer.concat(await packWarcRecords(pages.slice(0, 4), false));
    const truncated = join(dir, 'truncated.warc');
    writeFileSync(truncated, plain.subarray(0, plain.length - 500));
    const undecodable = join(dir, 'binary.html');
    writeFileSync(undecodable, Buffer.from([0x3c, 0x00, 0x01, 0x02, 0x00, 0x00, 0xff]));
    const run = cli(['--format', 'jsonl', '--jobs', '2', badGz, undecodable, truncated]);
    expect(run.status).toBe(2);
    const out = lines(run.stdout);
    const offsetOf3rd = members[0].length + members[1].length;
    expect(run.stderr).toContain(`annotate: ${badGz}: offset ${offsetOf3rd}: corrupt gzip member`);
    expect(run.stderr).toMatch(new RegExp(`annotate: ${truncated}: offset \\d+: truncated WARC record`));
    expect(run.stderr).toContain(`annotate: ${undecodable}: not a text file`);
    // Five of six records of the gzip file (the one after the bad member too), three of four of the cut one.
    expect(out.filter((l) => l.file === badGz).map((l) => l.url)).toEqual([0, 1, 3, 4, 5].map((k) => pages[k].url));
    expect(out.filter((l) => l.file === truncated).map((l) => l.url)).toEqual([0, 1, 2].map((k) => pages[k].url));
    for (const line of out) expect(result(line)).toEqual(result(perFile[pages.findIndex((p) => p.url === line.url)]));
    expect(run.stderr).toMatch(/annotate: done: 8 documents, \d+ annotations, 3 errors, [\d.]+ s/);
  });

  it('writes progress lines to a pipe every interval, and none with --quiet', () => {
    const env = { FZL_PROGRESS_MS: '20' };
    const loud = cli(['--format', 'jsonl', '--jobs', '1', warcGz], { env });
    expect(loud.stderr).toMatch(/^annotate: \d+ documents, [\d.]+ docs\/s(, ETA \d+:\d\d)?, \d+ annotations, 0 errors$/m);
    expect(loud.stderr).toMatch(new RegExp(`annotate: done: ${pages.length} documents`));
    const quiet = cli(['--format', 'jsonl', '--jobs', '1', '--quiet', warcGz], { env });
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
  });
});
