/**
 * `npm run demo`: the built extension in Chromium on local demo news pages (the five seeds rendered
 * as the pages they were, and a long article). With a display it opens a window and stays open;
 * without one it runs headless, saves screenshots of every page (highlighted), of a highlight card
 * and of the popup into demo-output/, and prints what the extension found on each page.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PageState } from '../lib/messaging';
import { launchExtension, openPopupFor, repoRoot, type ExtensionSession } from './lib/extension-browser';
import { sendToTab } from './lib/page-state';

const outDir = join(repoRoot, 'demo-output');
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.DEMO_HEADLESS !== '1';

const pages = [
  ...readdirSync(join(repoRoot, 'tests/fixtures/pages/seeds'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => `pages/seeds/${f}`),
  'pages/long-article.html',
];

async function settledState(session: ExtensionSession, page: Page): Promise<PageState | null> {
  for (let i = 0; i < 100; i++) {
    const r = await sendToTab(session, page, 'page/state', {});
    if (r.ok && r.value.lens.status !== 'off') return r.value;
    await page.waitForTimeout(100);
  }
  return null;
}

function describe(state: PageState | null): string[] {
  if (!state) return ['extension not active on this page'];
  const lens = state.lens;
  if (lens.status === 'no-article') return [`no article: ${lens.reason}`];
  if (lens.status !== 'active') return ['highlights off'];
  const { article, summary } = lens;
  const lines = [
    `article: ${article.title}${article.publishedAt ? ` (${article.publishedAt.replace('T', ' ')})` : ''}${article.source ? ` — 来源 ${article.source}` : ''}`,
    `script: ${article.script}; ${article.blocks} blocks, ${article.characters.toLocaleString('en-US')} characters; pinyin brackets hidden: ${lens.pinyinHidden}`,
    `found: ${summary.counts.operation} operations, ${summary.counts.agency} agencies, ${summary.counts.statistic} statistics (annotated in ${lens.workMs} ms of main-thread work, longest slice ${lens.longestTaskMs} ms)`,
  ];
  if (summary.operations.length) lines.push(`operations: ${summary.operations.slice(0, 8).map((o) => o.canonical).join('、')}`);
  if (summary.agencies.length)
    lines.push(`agencies: ${summary.agencies.slice(0, 6).map((a) => `${a.canonical}×${a.mentions}`).join('、')}${summary.agencies.length > 6 ? ' …' : ''}`);
  for (const s of summary.statistics.slice(0, 3))
    lines.push(`figure: ${s.text} = ${s.value?.toLocaleString('en-US')} ${s.unit}${s.approx ? ' (approx.)' : ''}${s.measure ? ` — ${s.measure}` : ''}`);
  return lines;
}

const session = await launchExtension({ headed });
mkdirSync(outDir, { recursive: true });
console.log(`Fanzha Lens demo — extension ${session.extensionId}, pages served at ${session.server.origin}`);
console.log(headed ? 'A display was found: the browser window stays open (Ctrl-C to quit).' : `Headless: screenshots go to ${outDir}/`);

for (const path of pages) {
  const page = await session.context.newPage();
  await page.goto(session.fixtureUrl(path), { waitUntil: 'load' });
  const state = await settledState(session, page);
  const name = path.split('/').pop()!.replace(/\.html$/, '');
  console.log(`\n• ${name}\n  ${describe(state).join('\n  ')}`);
  if (headed) continue;
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  // A card: hover the first agency highlight on screen.
  const first = await page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('fzl-agency');
    for (const painted of highlight ?? []) {
      const range = document.createRange(); // painted ranges may be static: measure a live one
      range.setStart(painted.startContainer, painted.startOffset);
      range.setEnd(painted.endContainer, painted.endOffset);
      const r = range.getBoundingClientRect();
      if (r.top > 80 && r.bottom < innerHeight - 200 && r.width > 0) return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  });
  if (first) {
    await page.mouse.move(first.x, first.y);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(outDir, `${name}-card.png`) });
  }
  const popup = await openPopupFor(session, page);
  await popup.waitForTimeout(400);
  await popup.screenshot({ path: join(outDir, `${name}-popup.png`) });
  console.log(`  screenshots: demo-output/${name}.png${first ? `, ${name}-card.png` : ''}, ${name}-popup.png`);
  await popup.close();
  await page.close();
}

if (headed) await new Promise<void>((resolve) => process.on('SIGINT', () => resolve()));
await session.close();
