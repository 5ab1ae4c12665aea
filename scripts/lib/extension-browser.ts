/**
 * Launching the built extension (used by the e2e tests, the demo and the page benchmarks): the built extension in Debian's Chromium, driven by Playwright.
 * Browser downloads cannot work on these machines, so the system Chromium is required; when it is
 * missing the run fails with the install command, never skips.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStaticServer, type StaticServer } from './static-server';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const fixturesDir = join(repoRoot, 'tests/fixtures');
export const screenshotsDir = join(repoRoot, 'test-output/screenshots');

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's Chromium with \`bash scripts/ensure-chromium\` ` +
        `(as root: apt-get install chromium fonts-noto-cjk), or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

export const chromiumFlags = (extensionDir: string) => [
  `--disable-extensions-except=${extensionDir}`,
  `--load-extension=${extensionDir}`,
  '--no-sandbox',
  '--headless=new',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-gpu',
];

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  server: StaticServer;
  /** URL of a file under tests/fixtures served on localhost. */
  fixtureUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchExtension(
  options: { extensionDir?: string; serveDir?: string; headed?: boolean } = {},
): Promise<ExtensionSession> {
  // FZL_EXTENSION_DIR: a copy of the build, for runs beside other builds rewriting .output.
  const extensionDir = options.extensionDir ?? process.env.FZL_EXTENSION_DIR ?? join(repoRoot, '.output/chrome-mv3');
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build:chrome\` first.`);
  const server = await startStaticServer(options.serveDir ?? fixturesDir);
  const userDataDir = mkdtempSync(join(tmpdir(), 'fzl-chromium-'));
  const args = chromiumFlags(extensionDir);
  if (options.headed) args.splice(args.indexOf('--headless=new'), 1);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false, // headless mode comes from --headless=new, which keeps extensions working
    args,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    server,
    fixtureUrl: (path) => `${server.origin}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close().catch(() => {});
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The browser's tab id of a page. Without the `tabs` permission the extension cannot see URLs of
 * sites it has no host permission for, so bring the page to the front and ask for the active tab.
 */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await session.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (id === null) throw new Error(`no active tab found for ${page.url()}`);
  return id;
}

/** Opens the popup targeting the tab of `page` (`popup.html?tab=<id>`), as the toolbar button would. */
export async function openPopupFor(session: ExtensionSession, page: Page): Promise<Page> {
  const tabId = await tabIdOf(session, page);
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

export function screenshotPath(name: string): string {
  mkdirSync(screenshotsDir, { recursive: true });
  return join(screenshotsDir, name);
}

/** Collects page errors so tests can assert the extension caused none. */
export function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
