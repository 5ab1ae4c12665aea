/**
 * Launching the built extension (used by the e2e tests, the demo and the page benchmarks): in Debian's
 * Chromium driven by Playwright, or (`FZL_BROWSER=firefox`, the e2e-firefox run) in Debian's Firefox ESR
 * driven by puppeteer-core over WebDriver BiDi through the Playwright-shaped driver in firefox-driver.ts.
 * Browser downloads cannot work on these machines, so the system browsers are required; when one is
 * missing the run fails with the install command, never skips.
 */
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStaticServer, type StaticServer } from './static-server';
import { evaluateInChrome, GECKO_ID, launchFirefoxExtension } from './firefox-driver';

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

export type E2EBrowserName = 'chromium' | 'firefox';

/** The browser this e2e run drives: `FZL_BROWSER=firefox` (scripts/test.mjs sets it for the second run). */
export function e2eBrowser(): E2EBrowserName {
  return process.env.FZL_BROWSER === 'firefox' ? 'firefox' : 'chromium';
}

/**
 * The one driver interface the specs use, in both browsers. `context` and pages have Playwright's
 * types; in Firefox they are firefox-driver.ts's implementation of the part of that API the specs use
 * (anything else throws there, naming what is missing).
 */
export interface ExtensionSession {
  browserName: E2EBrowserName;
  context: BrowserContext;
  /** Chromium: the extension id; Firefox: the moz-extension:// UUID of this profile. */
  extensionId: string;
  /** An extension page's URL: chrome-extension://<id>/<path> or moz-extension://<uuid>/<path>. */
  extensionUrl(path: string): string;
  /**
   * Runs extension code with the extension's APIs: in Chromium in the service worker, in Firefox in
   * an extension page (BiDi cannot evaluate in an event page); what the specs run there is API calls.
   */
  worker: Pick<Worker, 'evaluate' | 'url'>;
  /**
   * Stops the background as the browser does when it is idle (service worker stopped, event page
   * suspended) and waits until it no longer runs; `{ wait: false }` only asks (to cut work in flight).
   */
  stopBackground(options?: { wait?: boolean }): Promise<void>;
  /** Whether the background runs now (runtime.getContexts, in both browsers). */
  backgroundRunning(): Promise<boolean>;
  /**
   * The reader clicks the extension's toolbar button with `page`'s tab selected: the browser grants
   * activeTab for it and opens the popup (which this closes again; the specs open popup.html?tab=).
   * Firefox only: Playwright reaches no part of Chromium's toolbar.
   */
  clickToolbarButton(page: Page): Promise<void>;
  /**
   * The reader's site-access choice on the extension's details page (chrome://extensions, Chromium
   * only): "on click" withholds every host permission, "on all sites" gives the requested ones back.
   */
  setSiteAccess(access: 'ON_CLICK' | 'ON_ALL_SITES'): Promise<void>;
  server: StaticServer;
  /** URL of a file under tests/fixtures served on localhost. */
  fixtureUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchExtension(
  options: { extensionDir?: string; serveDir?: string; headed?: boolean; browser?: E2EBrowserName } = {},
): Promise<ExtensionSession> {
  if ((options.browser ?? e2eBrowser()) === 'firefox') return launchFirefox(options);
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
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  // An extension page of the harness's own, to reach the DevTools protocol and runtime.getContexts.
  let helperPage: Page | undefined;
  const extensionHelperPage = async () => {
    if (!helperPage || helperPage.isClosed()) {
      helperPage = await context.newPage();
      await helperPage.goto(extensionUrl('options.html'));
    }
    return helperPage;
  };
  let cdp: CDPSession | undefined;
  const session: ExtensionSession = {
    browserName: 'chromium',
    context,
    extensionId,
    extensionUrl,
    worker,
    async stopBackground({ wait = true } = {}) {
      if (!cdp || (helperPage && helperPage.isClosed())) {
        cdp = await context.newCDPSession(await extensionHelperPage());
        await cdp.send('ServiceWorker.enable');
      }
      const stopAll = () => cdp!.send('ServiceWorker.stopAllWorkers');
      await stopAll();
      if (wait) await waitUntilStopped(() => session.backgroundRunning(), stopAll);
    },
    async clickToolbarButton() {
      throw new Error('clickToolbarButton is not possible in Chromium: Playwright reaches no part of its toolbar');
    },
    async setSiteAccess(access) {
      // The details page's own API (chrome.developerPrivate), called as its "Site access" menu does.
      const details = await context.newPage();
      try {
        await details.goto(`chrome://extensions/?id=${extensionId}`);
        await details.evaluate(
          ({ extensionId, access }) =>
            (globalThis as unknown as { chrome: { developerPrivate: { updateExtensionConfiguration(u: object): Promise<void> } } }).chrome.developerPrivate.updateExtensionConfiguration({ extensionId, hostAccess: access }),
          { extensionId, access },
        );
      } finally {
        await details.close();
      }
    },
    async backgroundRunning() {
      return (await extensionHelperPage()).evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.BACKGROUND] })).length > 0);
    },
    server,
    fixtureUrl: (path) => `${server.origin}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close().catch(() => {});
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  // The session's worker handle belongs to the first service worker; after a stop, a new one.
  Object.defineProperty(session, 'worker', {
    get: () => context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? worker,
  });
  return session;
}

async function launchFirefox(options: { extensionDir?: string; serveDir?: string; headed?: boolean }): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? process.env.FZL_FIREFOX_EXTENSION_DIR ?? join(repoRoot, '.output/firefox-mv3');
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build:firefox\` first.`);
  const server = await startStaticServer(options.serveDir ?? fixturesDir);
  const firefox = await launchFirefoxExtension(resolve(extensionDir), { headed: options.headed });
  const extensionUrl = (path: string) => `moz-extension://${firefox.extensionId}/${path.replace(/^\//, '')}`;
  const inExtension = firefox.extensionPage;
  const backgroundRunning = () =>
    inExtension.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.BACKGROUND] })).length > 0);
  return {
    browserName: 'firefox',
    context: firefox.context as unknown as BrowserContext,
    extensionId: firefox.extensionId,
    extensionUrl,
    worker: {
      evaluate: ((fn: unknown, arg: unknown) => inExtension.evaluate(fn as string, arg)) as Worker['evaluate'],
      url: () => extensionUrl('background.js'),
    },
    async stopBackground({ wait = true } = {}) {
      // What about:debugging's "Terminate background script" does: suspend the event page as Firefox
      // does after its idle timeout (chrome-scope evaluation, allowed by MOZ_REMOTE_ALLOW_SYSTEM_ACCESS).
      const terminate = () =>
        evaluateInChrome(
          firefox.browser,
          `ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs").ExtensionParent.DebugUtils.terminateBackgroundScript(${JSON.stringify(GECKO_ID)}).then(() => "ok")`,
        );
      await terminate();
      if (wait) await waitUntilStopped(backgroundRunning, terminate);
    },
    backgroundRunning,
    async clickToolbarButton(page) {
      await page.bringToFront();
      // The button as the reader would pin and click it (chrome-scope, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS);
      // a click in the browser's own UI is what grants activeTab. Then the popup panel is closed.
      const widget = `${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
      const clicked = await evaluateInChrome(
        firefox.browser,
        `(async () => {
          CustomizableUI.addWidgetToArea(${JSON.stringify(widget)}, CustomizableUI.AREA_NAVBAR);
          const button = document.getElementById(${JSON.stringify(widget)})?.querySelector('toolbarbutton');
          if (!button) return 'no toolbar button';
          button.click();
          for (let i = 0; i < 50 && !document.querySelector('panel[panelopen="true"]'); i++) await new Promise((r) => setTimeout(r, 100));
          for (const panel of document.querySelectorAll('panel[panelopen="true"]')) panel.hidePopup();
          return 'clicked';
        })()`,
      );
      if (clicked !== 'clicked') throw new Error(`Firefox's toolbar button: ${String(clicked)}`);
    },
    async setSiteAccess() {
      throw new Error('setSiteAccess is Chromium\'s details page; in Firefox revoke with permissions.remove (what about:addons does)');
    },
    server,
    fixtureUrl: (path) => `${server.origin}/${path.replace(/^\//, '')}`,
    async close() {
      await firefox.context.close();
      firefox.cleanup();
      await server.close();
    },
  };
}

/**
 * Waits for the background to be gone. An event that arrives right after the stop (a page's message,
 * an alarm, a storage change) starts a fresh background, which is as stopped as the test needs only
 * once it is stopped too: so the stop is sent again every second the background is still seen.
 */
async function waitUntilStopped(running: () => Promise<boolean>, stopAgain: () => Promise<unknown>) {
  const started = Date.now();
  let stops = 1;
  let lastStop = started;
  while (await running()) {
    const now = Date.now();
    if (now - started > 10_000) throw new Error(`the background still runs 10 s after it was stopped (${stops} stops sent)`);
    if (now - lastStop >= 1_000) {
      await stopAgain();
      stops++;
      lastStop = now;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
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
  await popup.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
  return popup;
}

/** Where a test's screenshot goes; Firefox's carry a `firefox-` prefix beside Chromium's. */
export function screenshotPath(name: string): string {
  mkdirSync(screenshotsDir, { recursive: true });
  return join(screenshotsDir, e2eBrowser() === 'firefox' ? `firefox-${name}` : name);
}

/** Collects page errors so tests can assert the extension caused none. */
export function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
