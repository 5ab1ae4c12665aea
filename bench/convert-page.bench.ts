/**
 * Script conversion of a whole page in Chromium, full path (content script collects the blocks, the
 * worker converts them with opencc-js, the content script writes them back over the text nodes),
 * against raw opencc-js `Converter` on the same text in the same page, in the same run.
 *
 * Fair comparison: both sides convert in the same direction (the page's detected script, e.g. `t`
 * for a traditional page without a regional `lang`, to the target) with the same opencc-js version.
 * raw = one `Converter` call on the page's `innerText`, in the page, converter built beforehand and
 * warmed by the runs before it; full = from the `page/setScript` request reaching the content script
 * to the last text node and attribute written (the `ms` the content script reports). Full and raw
 * runs alternate, so that both see the same machine load. The first conversion after the worker
 * starts (dictionaries loaded and the converter built cold) is reported separately. Long tasks on
 * the page during the full path are recorded with a PerformanceObserver. Needs `npm run build:chrome`
 * (or FZL_EXTENSION_DIR=<a copy of .output/chrome-mv3>).
 *
 *   node --import tsx bench/convert-page.bench.ts [runs]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { detectScript } from '../lib/convert/detect';
import { sourceScriptOf } from '../lib/convert/source';
import type { ConversionReport } from '../lib/convert';
import { launchExtension, repoRoot } from '../scripts/lib/extension-browser';
import { sendToTab } from '../scripts/lib/page-state';

const runs = Number(process.argv[2] ?? 7);
const openccFull = readFileSync(join(repoRoot, 'node_modules/opencc-js/dist/umd/full.js'), 'utf8');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
type Timings = ConversionReport['timings'];
type Target = 'tw' | 'twp' | 'hk' | 'cn';

/**
 * Two ~200,000-character pages: the long fixture (three quarters traditional, so its source is
 * generic traditional `t`), and a simplified page made of that fixture's simplified paragraphs
 * repeated (the heavy direction: nearly every character changes), served on the same origin.
 */
const LONG_PAGE = 'pages/long-article.html';
const SIMPLIFIED_PAGE = 'pages/long-article-simplified.bench.html';
function simplifiedPage(): string {
  const html = readFileSync(join(repoRoot, 'tests/fixtures', LONG_PAGE), 'utf8');
  const open = html.indexOf('<div class="article-content"');
  const close = html.lastIndexOf('</div>');
  const paragraphs = html.slice(open, close).match(/<p>.*?<\/p>/gs) ?? [];
  const simplified = paragraphs.filter((p) => detectScript(p) === 'zh-Hans');
  const out: string[] = [];
  for (let i = 0, length = 0; length < 200_000; i++) {
    out.push(simplified[i % simplified.length]);
    length += simplified[i % simplified.length].replace(/<[^>]+>/g, '').length;
  }
  const body = `<div class="article-content" id="artibody">\n${out.join('\n')}\n`;
  return html.slice(0, open) + body + html.slice(close);
}
const PAGES: { path: string; targets: Target[]; html?: string }[] = [
  { path: LONG_PAGE, targets: ['cn', 'tw', 'twp'] },
  { path: SIMPLIFIED_PAGE, targets: ['tw', 'twp'], html: simplifiedPage() },
];

const session = await launchExtension({ extensionDir: process.env.FZL_EXTENSION_DIR });
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));
/** Rendering time (ms) of each long animation frame since the last call: the browser laying out rewritten text. */
const frameRendering = (page: Page) => page.evaluate(() => (window as unknown as { __frameRendering: number[] }).__frameRendering.splice(0));
/** Whole durations (ms) of the long animation frames (over 50 ms) since the last call; [] when none was long. */
const longFrames = (page: Page) => page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.splice(0));
const longest = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
/** The content script's own account of the last conversion (a performance measure with the report). */
const lastReport = (page: Page) =>
  page.evaluate(() => {
    const measures = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('fzl-convert:'));
    return ((measures.at(-1) as PerformanceMeasure | undefined)?.detail ?? null) as ConversionReport | null;
  });

interface Row {
  page: string;
  characters: number;
  direction: string;
  cold: number;
  full: number[];
  raw: number[];
  longest: number;
  /** The longest rendering step of an animation frame during the full path (layout of the new text). */
  longestRendering: number;
  timings: Timings[];
  batches: number;
  /** Layout, style, pre-paint and paint on the page's thread inside one traced full path. */
  rendering: number;
  /** Median round trip of the page's text to the worker and back with no conversion (identity). */
  floor: number;
  /** The longest animation frame (whole, ms; 0 when none over 50 ms) while converting, and while restoring. */
  convertFrame: number;
  restoreFrame: number;
  firstScreen: number[];
  restore: number[];
  /** opencc-js's own DOM converter on the same page, same converter: its run (one task), longest task and frame. */
  peer: number[];
  peerTask: number;
  peerFrame: number;
}

/** The browser's rendering work (ms) inside the content script's `fzl-convert:*` measure of one
 * conversion, from a Chromium trace: text rewritten by earlier chunks is laid out while later
 * chunks are with the worker, so this time is part of the full path (raw writes nothing). */
async function renderingInside(page: Page, convert: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const events: { name: string; ph: string; ts: number; dur?: number }[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  await convert();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const marks = events.filter((e) => e.name.startsWith('fzl-convert:'));
  if (marks.length === 0) return NaN; // a build without the measure
  const start = Math.min(...marks.map((e) => e.ts));
  const end = Math.max(...marks.map((e) => e.ts + (e.dur ?? 0)));
  const RENDERING = new Set(['Layout', 'UpdateLayoutTree', 'PrePaint', 'Paint', 'Layerize', 'Commit']);
  let total = 0;
  for (const e of events) {
    if (e.ph === 'X' && RENDERING.has(e.name) && e.ts >= start && e.ts < end) total += Math.min(e.dur ?? 0, end - e.ts);
  }
  return total / 1000;
}
/**
 * The transport's own cost, the floor under any full path: the page's text (its lines, as blocks)
 * sent to the worker and back in the same chunks as a conversion (~24,000 characters, all in
 * flight), as `convert/texts` from `cn` to `cn`, which the worker answers without converting.
 * Sent from an extension page: the same renderer → browser → worker route as the content script's.
 */
async function messagingFloor(page: Page, runs: number): Promise<number> {
  const lines = await page.evaluate(() => document.body.innerText.split('\n').filter((line) => line.trim()));
  const chunks: string[][] = [[]];
  let size = 0;
  for (const line of lines) {
    if (size + line.length > 24_000 && chunks.at(-1)!.length) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(line);
    size += line.length;
  }
  const extensionPage = await session.context.newPage();
  try {
    await extensionPage.goto(session.extensionUrl(`popup.html`));
    const times = await extensionPage.evaluate(
      async ({ chunks, runs }) => {
        const out: number[] = [];
        for (let r = 0; r <= runs; r++) {
          const started = performance.now();
          const answers = await Promise.all(
            chunks.map((texts) => chrome.runtime.sendMessage({ fzl: 1, name: 'convert/texts', request: { from: 'cn', to: 'cn', texts } })),
          );
          if (answers.some((a) => !a?.ok)) throw new Error(`identity round trip refused: ${JSON.stringify(answers.find((a) => !a?.ok))}`);
          out.push(performance.now() - started);
        }
        return out.slice(1);
      },
      { chunks, runs },
    );
    return median(times);
  } finally {
    await extensionPage.close();
  }
}

const from_ = (direction: string) => direction.split('→')[0];

/**
 * The peer: opencc-js's own DOM converter (`OpenCC.HTMLConverter`, node by node on the main thread,
 * the converter built beforehand) on the same page, from the same source to the same target. Its run
 * is one task; its frame is the layout of everything it rewrote. Restored by its own `restore()`.
 */
async function peerRuns(row: Row, from: string, to: string): Promise<void> {
  const page = currentPage!;
  for (let r = 0; r <= runs; r++) {
    await page.waitForTimeout(50);
    await longTasks(page);
    await longFrames(page);
    const ms = await page.evaluate(
      ({ from, to }) => {
        type Handler = { convert(): void; restore(): void };
        const w = window as unknown as {
          OpenCC: { Converter(o: { from: string; to: string }): (s: string) => string; HTMLConverter(c: (s: string) => string, root: Element, from: string, to: string): Handler };
          __converters?: Record<string, (s: string) => string>;
          __peer?: { handler: Handler; lang: string | null };
        };
        const convert = ((w.__converters ??= {})[`${from}>${to}`] ??= w.OpenCC.Converter({ from, to }));
        const root = document.documentElement;
        const lang = root.getAttribute('lang');
        root.setAttribute('lang', 'zh-x-peer-from'); // HTMLConverter converts the subtree whose lang is its source tag
        const handler = w.OpenCC.HTMLConverter(convert, root, 'zh-x-peer-from', 'zh-x-peer-to');
        w.__peer = { handler, lang };
        const started = performance.now();
        handler.convert();
        return performance.now() - started;
      },
      { from, to },
    );
    await page.waitForTimeout(100);
    if (r > 0) {
      row.peer.push(ms);
      row.peerTask = Math.max(row.peerTask, ms, ...(await longTasks(page))); // its run is one task
      row.peerFrame = Math.max(row.peerFrame, longest(await longFrames(page)));
    }
    await page.evaluate(() => {
      const w = window as unknown as { __peer?: { handler: { restore(): void }; lang: string | null } };
      w.__peer!.handler.restore();
      if (w.__peer!.lang === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', w.__peer!.lang);
    });
  }
}
let currentPage: Page | null = null;

const rows: Row[] = [];
try {
  for (const { path, targets, html } of PAGES) {
    const page = await session.context.newPage();
    if (html) await page.route(session.fixtureUrl(path), (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await page.addInitScript(() => {
      const list: number[] = [];
      (window as unknown as { __longTasks: number[] }).__longTasks = list;
      const frames: number[] = [];
      (window as unknown as { __frameRendering: number[] }).__frameRendering = frames;
      const whole: number[] = [];
      (window as unknown as { __frames: number[] }).__frames = whole;
      new PerformanceObserver((entries) => {
        for (const e of entries.getEntries()) list.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
      new PerformanceObserver((entries) => {
        for (const e of entries.getEntries()) {
          const renderStart = (e as PerformanceEntry & { renderStart?: number }).renderStart ?? 0;
          if (renderStart > 0) frames.push(e.startTime + e.duration - renderStart);
          whole.push(e.duration);
        }
      }).observe({ type: 'long-animation-frame', buffered: false });
    });
    currentPage = page;
    await page.goto(session.fixtureUrl(path), { waitUntil: 'load' });
    await sendToTab(session, page, 'page/setHighlights', { on: false });
    await page.waitForTimeout(500);
    await longTasks(page);
    const characters = await page.evaluate(() => document.body.innerText.length);
    await page.addScriptTag({ content: openccFull });

    const setScript = async (target: Target | 'original') => {
      const r = await sendToTab(session, page, 'page/setScript', { target }, { timeoutMs: 60_000 });
      if (!r.ok) throw new Error(r.error.message);
      if (r.value.error) throw new Error(r.value.error);
      return r.value;
    };
    const rawConversion = (from: string, to: string) =>
      page.evaluate(
        ({ from, to }) => {
          const cache = ((window as unknown as { __converters?: Record<string, (s: string) => string> }).__converters ??= {});
          const OpenCC = (window as unknown as { OpenCC: { Converter(o: { from: string; to: string }): (s: string) => string } }).OpenCC;
          const convert = (cache[`${from}>${to}`] ??= OpenCC.Converter({ from, to }));
          const text = document.body.innerText;
          const started = performance.now();
          convert(text);
          return performance.now() - started;
        },
        { from, to },
      );

    for (const target of targets) {
      const row: Row = { page: path, characters, direction: '', cold: 0, full: [], raw: [], longest: 0, longestRendering: 0, timings: [], batches: 0, rendering: 0, floor: 0, convertFrame: 0, restoreFrame: 0, firstScreen: [], restore: [], peer: [], peerTask: 0, peerFrame: 0 };
      for (let r = 0; r <= runs; r++) {
        // Long tasks of the raw run before (observer entries arrive late) are not the full path's.
        await page.waitForTimeout(50);
        await longTasks(page);
        await frameRendering(page);
        await longFrames(page);
        const state = await setScript(target);
        if (state.target !== target) throw new Error(`page shows ${state.target}, not ${target}`);
        const from = sourceScriptOf(await page.evaluate(() => document.documentElement.lang), state.source) ?? '?';
        row.direction = `${from}→${target}`;
        const report = await lastReport(page);
        if (r === 0) row.cold = state.ms;
        else {
          row.full.push(state.ms);
          if (report) row.timings.push(report.timings);
          if (report) row.firstScreen.push(report.firstScreen);
        }
        row.batches = report?.batches ?? 0;
        row.longest = Math.max(row.longest, ...(await longTasks(page)));
        // Frames still rendering the last writes are reported after the path returns: wait for them.
        await page.waitForTimeout(100);
        row.longestRendering = Math.max(row.longestRendering, ...(await frameRendering(page)));
        if (r > 0) row.convertFrame = Math.max(row.convertFrame, longest(await longFrames(page)));
        const restored = await setScript('original');
        await page.waitForTimeout(100);
        if (r > 0) {
          row.restore.push(restored.ms);
          row.restoreFrame = Math.max(row.restoreFrame, longest(await longFrames(page)));
          row.longest = Math.max(row.longest, ...(await longTasks(page)));
        }
        // Raw after each full run (the first one warms the converter up and is dropped).
        row.raw.push(await rawConversion(from, target));
      }
      row.raw.shift();
      await peerRuns(row, from_(row.direction), target);
      row.rendering = await renderingInside(page, () => setScript(target));
      await setScript('original');
      row.floor = await messagingFloor(page, runs);
      rows.push(row);
    }
    await page.close();
  }

  console.log(`\nConvert a whole page in Chromium, median of ${runs} (cold first: one run); ms`);
  console.log(
    'page'.padEnd(28),
    'direction'.padEnd(9),
    'cold first'.padStart(10),
    'full path'.padStart(10),
    'raw opencc'.padStart(11),
    'raw/full'.padStart(9),
    'longest task'.padStart(13),
    'frame render'.padStart(13),
    'rendering'.padStart(10),
    'transport'.padStart(10),
    'raw/transport'.padStart(14),
    ' full path: collect / send / wait for worker / split+write / yield / attributes; messages',
  );
  for (const row of rows) {
    const full = median(row.full);
    const raw = median(row.raw);
    const phase = (key: keyof Timings) => (row.timings.length ? median(row.timings.map((t) => t[key] ?? NaN)).toFixed(1) : '-');
    console.log(
      `${row.page.replace('pages/', '')} (${Math.round(row.characters / 1000)}k)`.padEnd(28),
      row.direction.padEnd(9),
      row.cold.toFixed(0).padStart(10),
      full.toFixed(0).padStart(10),
      raw.toFixed(1).padStart(11),
      `${(raw / full).toFixed(2)}×`.padStart(9),
      row.longest.toFixed(0).padStart(13),
      row.longestRendering.toFixed(0).padStart(13),
      row.rendering.toFixed(0).padStart(10),
      row.floor.toFixed(0).padStart(10),
      `${(raw / row.floor).toFixed(2)}×`.padStart(14),
      ` ${(['collect', 'send', 'wait', 'write', 'yield', 'attributes'] as const).map(phase).join(' / ')}; ${row.batches}`,
    );
  }
  console.log('\nFrames (whole long animation frames, > 50 ms; 0 = none was long), first converted screen, restore; ms');
  console.log('page'.padEnd(28), 'direction'.padEnd(9), 'first screen'.padStart(13), 'full path'.padStart(10), 'restore'.padStart(8), 'convert frame'.padStart(14), 'restore frame'.padStart(14), '| peer HTMLConverter'.padStart(20), 'peer task'.padStart(10), 'peer frame'.padStart(11), 'peer/full'.padStart(10));
  for (const row of rows) {
    console.log(
      `${row.page.replace('pages/', '')} (${Math.round(row.characters / 1000)}k)`.padEnd(28),
      row.direction.padEnd(9),
      median(row.firstScreen).toFixed(0).padStart(13),
      median(row.full).toFixed(0).padStart(10),
      median(row.restore).toFixed(0).padStart(8),
      row.convertFrame.toFixed(0).padStart(14),
      row.restoreFrame.toFixed(0).padStart(14),
      median(row.peer).toFixed(0).padStart(20),
      row.peerTask.toFixed(0).padStart(10),
      row.peerFrame.toFixed(0).padStart(11),
      `${(median(row.peer) / median(row.full)).toFixed(2)}×`.padStart(10),
    );
  }
  const longestTask = Math.max(...rows.map((r) => r.longest));
  console.log(`goal: no main-thread task > 50 ms during conversion or restore — ${longestTask <= 50 ? 'met' : 'not met'} (longest ${longestTask.toFixed(0)} ms)`);
  const longestFrame = Math.max(...rows.map((r) => Math.max(r.convertFrame, r.restoreFrame)));
  console.log(`goal: no frame over 50 ms during conversion or restore — ${longestFrame <= 50 ? 'met' : 'not met'} (longest ${longestFrame.toFixed(0)} ms)`);
  // The heavy direction (nearly every character changes) is the comparison that counts.
  const heavy = rows.find((r) => r.direction === 'cn→tw') ?? rows[0];
  const peer = median(heavy.peer);
  const full = median(heavy.full);
  console.log(
    `peer: opencc-js HTMLConverter ${peer.toFixed(0)} ms, full path ${full.toFixed(0)} ms (${(peer / full).toFixed(2)}× faster), peer longest task ${heavy.peerTask.toFixed(0)} ms`,
  );
  console.log(
    `peer ${heavy.direction}: its one frame (task and layout, the page blocked) ${heavy.peerFrame.toFixed(0)} ms; ours: first screen ${median(heavy.firstScreen).toFixed(0)} ms, longest frame ${Math.max(heavy.convertFrame, heavy.restoreFrame).toFixed(0)} ms (0 = none over 50)`,
  );
  console.log('(raw blocks the page for its whole run; the full path converts in the worker and yields to the page;');
  console.log(' rendering = layout/style/paint of the rewritten text inside one traced full path, which raw never does;');
  console.log(' frame render = the longest rendering step of a long animation frame (> 50 ms) during or right after the full path:');
  console.log('   the browser laying out rewritten text, not script; 0 when no frame was long;');
  console.log(' transport = the same text to the worker and back unconverted, from an extension page (structured-clone');
  console.log('   messaging): a full path that sends each text there and its conversion back cannot be faster, so');
  console.log('   raw/transport bounds the ratio any design of this path can reach)');
} finally {
  await session.close();
}

/**
 * The first switch on a fresh worker, as a reader meets it: straight away (the keyboard command),
 * and after opening the popup, which has the worker build the likely converter beforehand
 * (`convert/prepare`). Each case in its own browser, so each meets a worker that built nothing.
 */
async function firstSwitch(openPopupFirst: boolean): Promise<number> {
  const fresh = await launchExtension({ extensionDir: process.env.FZL_EXTENSION_DIR });
  try {
    const page = await fresh.context.newPage();
    await page.route(fresh.fixtureUrl(SIMPLIFIED_PAGE), (route) => route.fulfill({ body: PAGES[1].html!, contentType: 'text/html; charset=utf-8' }));
    await page.goto(fresh.fixtureUrl(SIMPLIFIED_PAGE), { waitUntil: 'load' });
    await sendToTab(fresh, page, 'page/setHighlights', { on: false });
    if (openPopupFirst) {
      await sendToTab(fresh, page, 'page/state', {}); // what the popup asks when it opens
      await page.waitForTimeout(1000); // the reader reads the popup before choosing
    }
    const r = await sendToTab(fresh, page, 'page/setScript', { target: 'tw' }, { timeoutMs: 60_000 });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.ms;
  } finally {
    await fresh.close();
  }
}
const straight: number[] = [];
const prepared: number[] = [];
for (let r = 0; r < 3; r++) {
  straight.push(await firstSwitch(false));
  prepared.push(await firstSwitch(true));
}
console.log(
  `\nFirst switch cn→tw on a fresh worker (${SIMPLIFIED_PAGE.replace('pages/', '')}, median of 3): straight away ${median(straight).toFixed(0)} ms; ` +
    `after the popup opened (converter prepared) ${median(prepared).toFixed(0)} ms`,
);
