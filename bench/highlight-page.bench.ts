/**
 * Highlighting speed in the real Chromium, per page, in the same run:
 * - ours: main-thread work of the content script (finding the article, annotating, painting, all
 *   synchronous slices added up), its longest slice, and the wall time from its start to all
 *   highlights painted (which includes waiting for the page to be idle, by design);
 * - mark.js highlighting the same terms the way keyword highlighters use it: `mark(terms)` with
 *   the gazetteer's names, plus `markRegExp` for local bodies and figures;
 * - mark.js with everything in one `markRegExp` alternation (its fastest way), for reference.
 * mark.js runs on a copy of the page served from 127.0.0.2, where our content script does not run.
 * mark.js is synchronous, so its time is also its longest task. Needs `npm run build:chrome`.
 *
 *   node --import tsx bench/highlight-page.bench.ts [runs]
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, fixturesDir, repoRoot } from '../scripts/lib/extension-browser';
import { sendToTab } from '../scripts/lib/page-state';
import { startStaticServer } from '../scripts/lib/static-server';
import { gazetteerPatternSource, gazetteerTerms, localBodyPatternSource, statisticPatternSource } from './lib/gazetteer-regexp';

const runs = Number(process.argv[2] ?? 3);
const pages = [
  'pages/long-article.html',
  'pages/seeds/002_cd855594ea86f9d9.html',
  'pages/seeds/004_daf76fd60bbc25c0.html',
  'corpus/news-html/cwce/0ef8393b-0415-494c-b608-1d45bb33c6fb/source.html',
  'corpus/news-html/cwce/2397c95d-2de8-4ca5-a569-4fffd20b9d50/source.html',
];
const markJs = readFileSync(join(repoRoot, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
const pattern = gazetteerPatternSource();
const terms = gazetteerTerms();
const extraPattern = `${localBodyPatternSource()}|${statisticPatternSource()}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const session = await launchExtension();
const plain = await startStaticServer(fixturesDir, '127.0.0.2');
type Phases = { find: number; pinyin: number; annotate: number; paint: number };
type Row = { page: string; kb: number; ours: number; oursWork: number; oursLongest: number; oursHits: number; markTerms: number; mark: number; markHits: number; phases: Phases | null };
const rows: Row[] = [];
try {
  for (const path of pages) {
    const ours: number[] = [];
    const oursWork: number[] = [];
    const markTerms: number[] = [];
    const oursLongest: number[] = [];
    const mark: number[] = [];
    const phases: Phases[] = [];
    let oursHits = 0;
    let markHits = 0;
    for (let r = 0; r < runs; r++) {
      const page = await session.context.newPage();
      await page.goto(session.fixtureUrl(path), { waitUntil: 'load' });
      for (let i = 0; i < 200; i++) {
        const state = await sendToTab(session, page, 'page/state', {});
        if (state.ok && state.value.lens.status === 'active' && state.value.firstPaintMs !== null) {
          ours.push(state.value.firstPaintMs);
          oursLongest.push(state.value.lens.longestTaskMs);
          oursWork.push(state.value.lens.workMs);
          // Builds from before the phase breakdown have none.
          if (state.value.lens.workPhases) phases.push(state.value.lens.workPhases);
          const c = state.value.lens.summary.counts;
          oursHits = c.operation + c.agency + c.statistic;
          break;
        }
        if (state.ok && state.value.lens.status === 'no-article') throw new Error(`${path}: no article (${state.value.lens.reason})`);
        await page.waitForTimeout(25);
      }
      await page.close();

      const markPage = await session.context.newPage();
      await markPage.goto(`${plain.origin}/${path}`, { waitUntil: 'load' });
      await markPage.addScriptTag({ content: markJs });
      // A string, not a function: tsx's name-keeping helpers do not exist in the page.
      const result = (await markPage.evaluate(`(() => {
        const started = performance.now();
        let hits = 0;
        // mark.js walks the whole body: it has no idea where the article is.
        new Mark(document.body).markRegExp(new RegExp(${JSON.stringify(pattern)}, 'gm'), { each: () => hits++ });
        return { ms: performance.now() - started, hits };
      })()`)) as { ms: number; hits: number };
      mark.push(result.ms);
      markHits = result.hits;
      await markPage.close();

      const termsPage = await session.context.newPage();
      await termsPage.goto(`${plain.origin}/${path}`, { waitUntil: 'load' });
      await termsPage.addScriptTag({ content: markJs });
      const termsResult = (await termsPage.evaluate(`(() => {
        const started = performance.now();
        const instance = new Mark(document.body);
        instance.mark(${JSON.stringify(terms)}, { separateWordSearch: false, diacritics: false });
        instance.markRegExp(new RegExp(${JSON.stringify(extraPattern)}, 'gm'));
        return { ms: performance.now() - started };
      })()`)) as { ms: number };
      markTerms.push(termsResult.ms);
      await termsPage.close();
    }
    rows.push({
      page: path.replace(/^.*\//, '').replace('/source.html', ''),
      kb: Math.round(statSync(join(fixturesDir, path)).size / 1024),
      ours: median(ours),
      oursWork: median(oursWork),
      markTerms: median(markTerms),
      oursLongest: median(oursLongest),
      oursHits,
      mark: median(mark),
      markHits,
      phases: phases.length === 0 ? null : {
        find: median(phases.map((p) => p.find)),
        pinyin: median(phases.map((p) => p.pinyin)),
        annotate: median(phases.map((p) => p.annotate)),
        paint: median(phases.map((p) => p.paint)),
      },
    });
  }
} finally {
  await plain.close();
  await session.close();
}

console.log(`\nHighlight a page in Chromium (median of ${runs}); times in ms; speed-up = mark.js time / our main-thread work`);
console.log(
  'page'.padEnd(26), 'KB'.padStart(4), 'our work'.padStart(9), 'longest'.padStart(8), 'to paint'.padStart(9), 'hits'.padStart(5),
  'mark(terms)'.padStart(12), 'speed-up'.padStart(9), 'markRegExp'.padStart(11), 'speed-up'.padStart(9), 'hits'.padStart(5),
);
for (const r of rows) {
  console.log(
    r.page.slice(0, 26).padEnd(26),
    String(r.kb).padStart(4),
    r.oursWork.toFixed(1).padStart(9),
    r.oursLongest.toFixed(1).padStart(8),
    r.ours.toFixed(1).padStart(9),
    String(r.oursHits).padStart(5),
    r.markTerms.toFixed(1).padStart(12),
    `${(r.markTerms / r.oursWork).toFixed(1)}×`.padStart(9),
    r.mark.toFixed(1).padStart(11),
    `${(r.mark / r.oursWork).toFixed(1)}×`.padStart(9),
    String(r.markHits).padStart(5),
  );
}
console.log(`\nOur main-thread work by phase (median of ${runs} per phase, so they need not add up to the median total)`);
console.log('page'.padEnd(26), 'find'.padStart(8), 'pinyin'.padStart(8), 'annotate'.padStart(9), 'paint'.padStart(8));
for (const r of rows) {
  const p = r.phases;
  if (!p) continue;
  console.log(r.page.slice(0, 26).padEnd(26), p.find.toFixed(1).padStart(8), p.pinyin.toFixed(1).padStart(8), p.annotate.toFixed(1).padStart(9), p.paint.toFixed(1).padStart(8));
}
const long = rows.find((r) => r.page === 'long-article.html')!;
const tenfold = rows.filter((r) => r.markTerms / r.oursWork >= 10).length;
console.log(`goal: ≥ 10× faster than mark.js highlighting the same terms — met on ${tenfold} of ${rows.length} pages`);
console.log(`goal: no task > 50 ms on the 200,000-character page — longest ${long.oursLongest.toFixed(1)} ms: ${long.oursLongest <= 50 ? 'met' : 'not met'}`);
