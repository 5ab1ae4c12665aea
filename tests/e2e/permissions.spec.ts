import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendToTab } from '../../scripts/lib/page-state';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import type { Page } from 'playwright-core';
import { activeLens } from '../../scripts/lib/page-state';
import { fixturesDir, itChromiumOnly, itFirefoxOnly, launchExtension, openPopupFor, screenshotPath, type ExtensionSession } from './harness';

// 127.0.0.2 is not a curated site: the extension has no access there until the reader grants it.
let session: ExtensionSession;
let other: StaticServer;
beforeAll(async () => {
  session = await launchExtension();
  other = await startStaticServer(fixturesDir, '127.0.0.2');
});
afterAll(async () => {
  await other?.close();
  await session?.close();
});

const inWorker = <T>(fn: string) => session.worker.evaluate(fn) as Promise<T>;

describe('permissions', () => {
  it('asks for no <all_urls> and runs nowhere outside the curated sites at install', async () => {
    const manifest = await inWorker<chrome.runtime.Manifest>('chrome.runtime.getManifest()');
    expect(JSON.stringify(manifest.host_permissions)).not.toContain('<all_urls>');
    expect(manifest.content_scripts![0].matches).not.toContain('<all_urls>');
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.content_security_policy).toMatchObject({ extension_pages: expect.stringContaining("script-src 'self'") });

    const page = await session.context.newPage();
    await page.goto(`${other.origin}/pages/seeds/002_cd855594ea86f9d9.html`);
    await page.waitForTimeout(800);
    expect(await page.locator('fzl-root').count()).toBe(0);
    const state = await sendToTab(session, page, 'page/state', {}, { timeoutMs: 500 });
    expect(state).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    await page.close();
  });

  it('refuses to enable a site or run on it without the reader granting it', async () => {
    const page = await session.context.newPage();
    const url = `${other.origin}/pages/seeds/002_cd855594ea86f9d9.html`;
    await page.goto(url);
    const popup = await openPopupFor(session, page);
    const ask = (name: string, request: unknown) =>
      popup.evaluate(([name, request]) => chrome.runtime.sendMessage({ fzl: 1, name, request }), [name, request] as const);
    expect(await ask('sites/status', { url })).toMatchObject({ ok: true, value: { access: 'not-granted', pattern: 'http://127.0.0.2/*', userSites: [] } });
    expect(await ask('sites/status', { url: session.fixtureUrl('pages/basic.html') })).toMatchObject({ ok: true, value: { access: 'curated' } });
    const tabId = Number(new URL(popup.url()).searchParams.get('tab'));
    expect(await ask('sites/enable', { url, tabId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // No activeTab either (the toolbar button was not clicked): running once is refused too.
    expect(await ask('sites/runOnce', { tabId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await page.locator('fzl-root').count()).toBe(0);
    // The popup says the extension is not on this page.
    await expect.poll(() => popup.getByTestId('page-unavailable').isVisible()).toBe(true);
    await popup.close();
    await page.close();
  });
});

const SEED = 'pages/seeds/002_cd855594ea86f9d9.html';

/** What of ours a page holds: the UI root, painted highlight ranges, and the body as it is now. */
const pageTrace = (page: Page) =>
  page.evaluate(() => ({
    root: document.querySelectorAll('fzl-root').length,
    highlights: CSS.highlights.size,
    body: document.body.innerHTML,
  }));

/** Waits until the lens has gone from a page that was annotated from the start: no UI root, no highlight. */
async function expectLensGone(page: Page) {
  await expect.poll(() => page.locator('fzl-root').count(), { timeout: 10_000 }).toBe(0);
  expect((await pageTrace(page)).highlights).toBe(0);
}

/** Waits until nothing of ours is left: no UI, no highlight, the body exactly as it was before the lens ran. */
async function expectPristine(page: Page, body: string) {
  await expect.poll(() => pageTrace(page), { timeout: 10_000 }).toEqual({ root: 0, highlights: 0, body });
}

describe('the grant, end to end', () => {
  itFirefoxOnly(
    'a reader enables a site from the popup: annotated, still after a reload; taking it back leaves nothing',
    'answering the permission request needs Firefox\'s pref; Chromium\'s prompt is native UI',
    async () => {
      const page = await session.context.newPage();
      await page.goto(`${other.origin}/${SEED}`);
      const pristine = (await pageTrace(page)).body;
      expect(await page.locator('fzl-root').count()).toBe(0);

      // The toolbar button: activeTab lets the popup see which site this is.
      await session.clickToolbarButton(page);
      const popup = await openPopupFor(session, page);
      await popup.getByTestId('site-enable').click(); // permissions.request, answered yes by the pref
      const lens = await activeLens(session, page, { timeoutMs: 15_000 });
      expect(lens.summary.counts.operation).toBeGreaterThan(0);
      expect((await pageTrace(page)).highlights).toBeGreaterThan(0);
      await expect.poll(() => popup.getByTestId('site-access').getAttribute('data-access')).toBe('granted');
      await popup.screenshot({ path: screenshotPath('popup-site-granted.png') });
      await popup.close();
      expect(await session.worker.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.2/*'] }))).toBe(true);

      // Kept across a reload: the registered content script runs there by itself.
      await page.reload();
      await activeLens(session, page, { timeoutMs: 15_000 });

      // Taken back from the popup: the page is left exactly as the site sent it, and stays so.
      const again = await openPopupFor(session, page);
      await again.getByTestId('site-disable').click();
      await expectPristine(page, pristine);
      await expect.poll(() => again.getByTestId('site-access').getAttribute('data-access')).toBe('not-granted');
      await again.close();
      await page.reload();
      await page.waitForTimeout(800);
      expect(await page.locator('fzl-root').count()).toBe(0);
      expect(await sendToTab(session, page, 'page/state', {}, { timeoutMs: 500 })).toMatchObject({ ok: false, error: { code: 'unreachable' } });
      await page.close();
    },
  );

  itFirefoxOnly(
    'a curated site whose access the reader withheld: the page is emptied of us, the popup says so and asks again',
    'Chromium withholds through its details page, tested below',
    async () => {
      const page = await session.context.newPage();
      await page.goto(session.fixtureUrl(SEED));
      await activeLens(session, page);
      // What about:addons' "Access your data for 127.0.0.1" switch does.
      await session.worker.evaluate(() => chrome.permissions.remove({ origins: ['http://127.0.0.1/*'] }));
      await expectLensGone(page);

      await session.clickToolbarButton(page);
      const popup = await openPopupFor(session, page);
      await expect.poll(() => popup.getByTestId('site-withheld').count(), { timeout: 10_000 }).toBe(1);
      await popup.screenshot({ path: screenshotPath('popup-site-withheld.png') });
      await popup.getByTestId('site-enable').click(); // "allow again"
      await activeLens(session, page, { timeoutMs: 15_000 });
      expect(await session.worker.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(true);
      await popup.close();
      await page.close();
    },
  );

  itChromiumOnly(
    'site access "on click" on the details page empties an annotated page of us; "on all sites" brings the lens back',
    'the details page is Chromium\'s',
    async () => {
      const page = await session.context.newPage();
      await page.goto(session.fixtureUrl(SEED));
      await activeLens(session, page);
      await session.setSiteAccess('ON_CLICK');
      try {
        await expectLensGone(page);
        await page.reload();
        await page.waitForTimeout(800);
        expect(await page.locator('fzl-root').count()).toBe(0);
      } finally {
        await session.setSiteAccess('ON_ALL_SITES');
      }
      await page.reload();
      await activeLens(session, page, { timeoutMs: 15_000 });
      await page.close();
    },
  );
});
