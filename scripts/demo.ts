/**
 * `npm run demo`: the built extension in Chromium on local demo news pages (the five seeds rendered
 * as pages, plus a few corpus pages). With a display it opens a window and stays open; without one
 * it runs headless, saves a screenshot of every page and of the popup into demo-output/, and prints
 * what the extension did on each page.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, openPopupFor, repoRoot } from './lib/extension-browser';
import { sendToTab } from './lib/page-state';

const outDir = join(repoRoot, 'demo-output');
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.DEMO_HEADLESS !== '1';

const seedPages = readdirSync(join(repoRoot, 'tests/fixtures/pages/seeds'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => `pages/seeds/${f}`);

const session = await launchExtension({ headed });
mkdirSync(outDir, { recursive: true });
console.log(`Fanzha Lens demo — extension ${session.extensionId}, pages served at ${session.server.origin}`);
console.log(headed ? 'A display was found: the browser window stays open (Ctrl-C to quit).' : `Headless: screenshots go to ${outDir}/`);

for (const path of seedPages) {
  const page = await session.context.newPage();
  await page.goto(session.fixtureUrl(path), { waitUntil: 'load' });
  const state = await sendToTab(session, page, 'page/state', {});
  const name = path.split('/').pop()!.replace(/\.html$/, '');
  const summary = state.ok ? describeState(state.value) : `extension not active: ${state.error.message}`;
  console.log(`\n• ${name}\n  ${summary}`);
  if (!headed) {
    await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: false });
    const popup = await openPopupFor(session, page);
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: join(outDir, `${name}-popup.png`) });
    console.log(`  screenshots: demo-output/${name}.png, demo-output/${name}-popup.png`);
    await popup.close();
    await page.close();
  }
}

function describeState(state: object): string {
  return Object.entries(state)
    .filter(([k]) => k !== 'url')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('\n  ');
}

if (headed) {
  await new Promise<void>((resolve) => process.on('SIGINT', () => resolve()));
}
await session.close();
