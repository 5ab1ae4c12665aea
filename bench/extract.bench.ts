/**
 * Extraction time per page, `findArticle` vs `@mozilla/readability`, on the same linkedom documents in
 * the same run:  node --import tsx bench/extract.bench.ts [--runs N]
 *
 * Fairness: every page is decoded and parsed once, outside the timers. Readability mutates the document
 * it is given, so each of its runs gets a fresh `cloneNode(true)` made BEFORE its timer starts (the clone
 * is not charged to it); `findArticle` is read-only and runs on the original document. Each page is
 * timed `runs` times per extractor, interleaved, and the median per page is kept; the report gives the
 * sum and the median over pages of those per-page medians, and their ratio.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeHtml, findArticle } from '../lib/extract/index';

const corpus = fileURLToPath(new URL('../tests/fixtures/corpus/', import.meta.url));
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;

function pagePaths(): string[] {
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'source.html') paths.push(path);
    }
  };
  if (existsSync(corpus)) walk(corpus);
  return paths.sort();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const pages = pagePaths().map((path) => ({ path, document: parseHTML(decodeHtml(new Uint8Array(readFileSync(path))).html).document as unknown as Document }));

/** Readability throws on a few saved pages whose content sits outside <body> under linkedom; timed all the same. */
let readabilityErrors = 0;
const runReadability = (doc: Document) => {
  try {
    new Readability(doc).parse();
  } catch {
    readabilityErrors++;
  }
};

const ours: number[] = [];
const theirs: number[] = [];
for (const { document } of pages) {
  // One untimed warm-up each, so JIT compilation is not charged to the first page.
  findArticle(document);
  runReadability(document.cloneNode(true) as Document);
  const oursRuns: number[] = [];
  const theirsRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    findArticle(document);
    oursRuns.push(performance.now() - start);
    const clone = document.cloneNode(true) as Document;
    start = performance.now();
    runReadability(clone);
    theirsRuns.push(performance.now() - start);
  }
  ours.push(median(oursRuns));
  theirs.push(median(theirsRuns));
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
console.log(`pages: ${pages.length}, runs per page: ${runs} (median per page)`);
console.log(`findArticle   total ${sum(ours).toFixed(1)} ms, median page ${median(ours).toFixed(2)} ms`);
console.log(`Readability   total ${sum(theirs).toFixed(1)} ms, median page ${median(theirs).toFixed(2)} ms (clone not timed)`);
console.log(`Readability threw on ${readabilityErrors / (runs + 1)} pages (caught; their time counts)`);
console.log(`ratio findArticle/Readability: total ${(sum(ours) / sum(theirs)).toFixed(2)}, median page ${(median(ours) / median(theirs)).toFixed(2)}`);
