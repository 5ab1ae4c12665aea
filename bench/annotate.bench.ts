/**
 * annotate() throughput against a baseline measured in the same run.
 *
 * Input: the five seed pages (tests/fixtures/seeds, whole files with boilerplate) repeated to 1 MB of
 * UTF-8. Throughput is reported in MB/s of UTF-8 bytes (1 MB = 1,000,000 bytes); the UTF-16 code-unit
 * rate is printed too.
 * Baseline: one JavaScript RegExp alternation of the same gazetteer terms (agency names and aliases,
 * operation names, place names + body words) plus a statistics pattern, run as a plain matchAll loop
 * over the text — no normalisation, no validation, so it does less work than annotate().
 *
 *   node --import tsx bench/annotate.bench.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import agencyData from '../lib/data/agencies.json';
import operationData from '../lib/data/operations.json';
import placeData from '../lib/data/annotate-places.json';
import patternData from '../lib/data/annotate-agency-patterns.json';
import statData from '../lib/data/annotate-statistics.json';
import { annotate } from '../lib/annotate/index';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seedDir = join(root, 'tests/fixtures/seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), 'utf8'));

const TARGET_BYTES = 1_000_000;
let text = '';
for (let k = 0; Buffer.byteLength(text, 'utf8') < TARGET_BYTES; k++) text += seeds[k % seeds.length] + '\n';
const bytes = Buffer.byteLength(text, 'utf8');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const terms = new Set<string>();
for (const a of agencyData.agencies as { canonical: string; aliases: string[] }[]) for (const t of [a.canonical, ...a.aliases]) terms.add(t);
for (const o of operationData.operations as { name: string; aliases?: string[] }[]) for (const t of [o.name, ...(o.aliases ?? [])]) terms.add(t);
const places = [...placeData.provinces, ...placeData.cities].map(escape).join('|');
const bodies = patternData.bodies.map(escape).join('|');
const units = [...statData.units].sort((a, b) => b.length - a.length).map(escape).join('|');
const statistic = `(?:近|超过|超|逾|约)?(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿]+)(?:余|多)?[十百千万亿]*(?:余|多)?(?:${units})`;
const baseline = new RegExp(
  [...[...terms].sort((a, b) => b.length - a.length).map(escape), `(?:${places})(?:省|市|县|区)?(?:${bodies})`, statistic].join('|'),
  'g',
);

function baselineRun(input: string): number {
  let n = 0;
  for (const m of input.matchAll(baseline)) n += m.index! >= 0 ? 1 : 0;
  return n;
}

interface Contender {
  name: string;
  run: () => number;
  times: number[];
  hits: number;
}

/** Runs the contenders alternately (A B A B …) so that load from other processes hits both alike. */
function race(contenders: Contender[]): void {
  for (const c of contenders) for (let k = 0; k < 3; k++) c.hits = c.run(); // warm-up
  const deadline = performance.now() + 6000;
  for (let round = 0; round < 60 && (round < 7 || performance.now() < deadline); round++) {
    for (const c of contenders) {
      const t0 = performance.now();
      c.run();
      c.times.push(performance.now() - t0);
    }
  }
}

function report(c: Contender): number {
  const sorted = [...c.times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const mbPerS = bytes / 1e6 / (median / 1000);
  const unitsPerS = text.length / 1e6 / (median / 1000);
  console.log(
    `${c.name.padEnd(26)} ${mbPerS.toFixed(1).padStart(6)} MB/s (UTF-8) ${unitsPerS.toFixed(1).padStart(6)} M UTF-16 units/s  median ${median.toFixed(2)} ms (best ${sorted[0].toFixed(2)}) over ${sorted.length} runs, ${c.hits} hits`,
  );
  return mbPerS;
}

console.log(`input: ${bytes} UTF-8 bytes, ${text.length} UTF-16 units (five seeds repeated)`);
const ours: Contender = { name: 'annotate()', run: () => annotate(text).length, times: [], hits: 0 };
const base: Contender = { name: 'baseline RegExp matchAll', run: () => baselineRun(text), times: [], hits: 0 };
race([ours, base]);
const oursMbPerS = report(ours);
const baseMbPerS = report(base);
console.log(`annotate() is ${(oursMbPerS / baseMbPerS).toFixed(2)}× the baseline; goal ≥ 30 MB/s: ${oursMbPerS >= 30 ? 'met' : 'NOT met'}`);
