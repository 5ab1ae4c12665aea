/**
 * Script conversion of a whole page in Chromium, full path (content script collects the blocks, the
 * worker converts them with opencc-js, the content script writes them back over the text nodes),
 * against raw opencc-js `Converter` on the same text in the same page, in the same run. The first
 * conversion after the worker starts (converter built cold) is reported separately. Long tasks on
 * the page during conversion are recorded with a PerformanceObserver. Needs `npm run build:chrome`.
 *
 *   node --import tsx bench/convert-page.bench.ts [runs]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, repoRoot } from '../scripts/lib/extension-browser';
import { sendToTab } from '../scripts/lib/page-state';

const runs = Number(process.argv[2] ?? 5);
const openccFull = readFileSync(join(repoRoot, 'node_modules/opencc-js/dist/umd/full.js'), 'utf8');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const PAGE = 'pages/long-article.html';

const session = await launchExtension();
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));
try {
  const page = await session.context.newPage();
  await page.addInitScript(() => {
    const list: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = list;
    new PerformanceObserver((entries) => {
      for (const e of entries.getEntries()) list.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(session.fixtureUrl(PAGE), { waitUntil: 'load' });
  await sendToTab(session, page, 'page/setHighlights', { on: false });
  await page.waitForTimeout(500);
  await longTasks(page);
  const characters = await page.evaluate(() => document.body.innerText.length);

  const convert = async (target: 'tw' | 'cn' | 'original') => {
    const r = await sendToTab(session, page, 'page/setScript', { target }, { timeoutMs: 60_000 });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const results: Record<string, { cold: number; warm: number[]; raw: number[]; longest: number }> = {};
  for (const target of ['tw', 'twp'] as const) {
    const row = { cold: 0, warm: [] as number[], raw: [] as number[], longest: 0 };
    for (let r = 0; r <= runs; r++) {
      const state = await sendToTab(session, page, 'page/setScript', { target }, { timeoutMs: 60_000 });
      if (!state.ok) throw new Error(state.error.message);
      if (r === 0) row.cold = state.value.ms;
      else row.warm.push(state.value.ms);
      row.longest = Math.max(row.longest, ...(await longTasks(page)));
      await convert('original');
      await longTasks(page);
    }
    // Raw opencc-js on the same text, in the same page (converter built outside the timing).
    await page.addScriptTag({ content: openccFull });
    for (let r = 0; r < runs; r++) {
      row.raw.push(
        (await page.evaluate(`(() => {
          const text = document.body.innerText;
          const convert = OpenCC.Converter({ from: 'cn', to: ${JSON.stringify(target)} });
          const started = performance.now();
          convert(text);
          return performance.now() - started;
        })()`)) as number,
      );
    }
    results[target] = row;
  }
  console.log(`\nConvert a ${characters.toLocaleString('en-US')}-character page (${PAGE}) in Chromium, median of ${runs}; ms`);
  console.log('target'.padEnd(8), 'cold first'.padStart(11), 'full path'.padStart(10), 'raw opencc'.padStart(11), 'ratio raw/full'.padStart(15), 'longest task'.padStart(13));
  for (const [target, row] of Object.entries(results)) {
    const full = median(row.warm);
    const raw = median(row.raw);
    console.log(
      target.padEnd(8),
      row.cold.toFixed(0).padStart(11),
      full.toFixed(0).padStart(10),
      raw.toFixed(0).padStart(11),
      `${(raw / full).toFixed(2)}×`.padStart(15),
      row.longest.toFixed(0).padStart(13),
    );
  }
  const worst = Math.min(...Object.values(results).map((r) => median(r.raw) / median(r.warm)));
  console.log(`goal: full path ≥ 0.8× raw opencc-js throughput — ${worst >= 0.8 ? 'met' : 'not met'} (worst ${worst.toFixed(2)}×)`);
  console.log('(the raw converter blocks the page for its whole run; the full path yields between chunks)');
} finally {
  await session.close();
}
