/**
 * The batch CLI over a crawl (#14): pages/s at `--jobs 1` and `--jobs 2` in the same run, and peak RSS at
 * 500 vs 5,000 records (flat memory: output streams, at most a few documents in flight).
 *
 * Input: WARC.gz files generated into a temp dir (not committed) from the corpus pages of
 * tests/fixtures/corpus/news-html (116 pages, GB18030, Big5 and UTF-8, served with their charset),
 * cycled to 2,000 / 500 / 5,000 response records with distinct URLs, one gzip member each (as Common
 * Crawl). The CLI runs as a child process (`--format jsonl --quiet`, stdout to a file) and reports
 * its own `process.resourceUsage().maxRSS` (FZL_REPORT_RSS=1; worker threads share the process).
 * Also checks that every record's result equals the per-file CLI's for the same page.
 *
 *   node --import tsx bench/batch.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packWarcRecords } from '../scripts/lib/batch/pack-warc';
import { corpusPages, result, type Line } from '../tests/unit/report/batch-helpers';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'fzl-batch-bench-'));
const pages = corpusPages(1000, 1);

async function writeWarc(path: string, records: number): Promise<void> {
  const out = createWriteStream(path);
  for (let k = 0; k < records; k += 50) {
    const batch = [];
    for (let j = k; j < Math.min(records, k + 50); j++) {
      const page = pages[j % pages.length];
      batch.push({ ...page, url: `${page.url}?copy=${Math.floor(j / pages.length)}` });
    }
    for (const member of await packWarcRecords(batch, true)) if (!out.write(member)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface Run {
  seconds: number;
  rssKb: number;
  documents: number;
}

function runCli(args: string[], stdoutPath: string): Run {
  const fd = openSync(stdoutPath, 'w');
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/annotate.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', fd, 'pipe'],
    env: { ...process.env, FZL_REPORT_RSS: '1' },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  closeSync(fd);
  if (run.status !== 0) throw new Error(`annotate ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const rss = /max RSS (\d+) KB/.exec(run.stderr);
  const documents = readFileSync(stdoutPath, 'utf8').split('\n').filter(Boolean).length;
  return { seconds, rssKb: Number(rss?.[1]), documents };
}

const goal = (text: string, met: boolean) => console.log(`goal: ${text} — ${met ? 'met' : 'not met'}`);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

const warc2000 = join(dir, 'crawl-2000.warc.gz');
const warc500 = join(dir, 'crawl-500.warc.gz');
const warc5000 = join(dir, 'crawl-5000.warc.gz');
let t0 = performance.now();
await writeWarc(warc2000, 2000);
await writeWarc(warc500, 500);
await writeWarc(warc5000, 5000);
console.log(`inputs: ${pages.length} corpus pages cycled into WARC.gz of 2,000, 500 and 5,000 records (${((performance.now() - t0) / 1000).toFixed(1)} s to write)`);

// Warm the file cache and tsx's compile cache, so neither run pays for them.
runCli(['--format', 'jsonl', '--jobs', '1', '--quiet', warc500], join(dir, 'warm.jsonl'));

const one = runCli(['--format', 'jsonl', '--jobs', '1', '--quiet', warc2000], join(dir, 'jobs1.jsonl'));
const two = runCli(['--format', 'jsonl', '--jobs', '2', '--quiet', warc2000], join(dir, 'jobs2.jsonl'));
const rate = (r: Run) => r.documents / r.seconds;
console.log(`--jobs 1: ${one.documents} documents in ${one.seconds.toFixed(1)} s = ${rate(one).toFixed(1)} pages/s (wall time, process start included)`);
console.log(`--jobs 2: ${two.documents} documents in ${two.seconds.toFixed(1)} s = ${rate(two).toFixed(1)} pages/s`);
const speedup = rate(two) / rate(one);
console.log(`speed-up jobs 2 / jobs 1: ${speedup.toFixed(2)}×`);
goal('jobs 2 ≥ 1.6× jobs 1', speedup >= 1.6);

const small = runCli(['--format', 'jsonl', '--jobs', '2', '--quiet', warc500], join(dir, 'rss500.jsonl'));
const large = runCli(['--format', 'jsonl', '--jobs', '2', '--quiet', warc5000], join(dir, 'rss5000.jsonl'));
const ratio = large.rssKb / small.rssKb;
console.log(`peak RSS (--jobs 2): ${mb(small.rssKb)} at 500 records, ${mb(large.rssKb)} at 5,000 records: ${ratio.toFixed(2)}×`);
goal('peak RSS at 5,000 ≤ 1.3× at 500', ratio <= 1.3);

// Per-document results: the batch run's records against the per-file CLI over the same pages.
t0 = performance.now();
const perFile = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/annotate.ts'), '--quiet', ...pages.map((p) => p.path)], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
const expected = perFile.stdout.trim().split('\n').map((l) => JSON.stringify(result(JSON.parse(l) as Line)));
let same = 0;
let compared = 0;
for (const file of ['jobs1.jsonl', 'jobs2.jsonl']) {
  for (const [k, l] of readFileSync(join(dir, file), 'utf8').trim().split('\n').entries()) {
    compared++;
    if (JSON.stringify(result(JSON.parse(l) as Line)) === expected[k % pages.length]) same++;
  }
}
const jobsSame = readFileSync(join(dir, 'jobs1.jsonl'), 'utf8') === readFileSync(join(dir, 'jobs2.jsonl'), 'utf8');
console.log(`per-document results equal to the per-file CLI: ${same} of ${compared}; jobs 1 and jobs 2 output byte-identical: ${jobsSame} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
goal('per-document results identical to the per-file CLI', same === compared && jobsSame);

rmSync(dir, { recursive: true, force: true });
