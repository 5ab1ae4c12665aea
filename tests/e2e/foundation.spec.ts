import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { e2eBrowser, launchExtension, openPopupFor, screenshotPath, trackPageErrors, type ExtensionSession } from './harness';

describe(`foundation: the built extension in ${e2eBrowser()}`, () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('loads the background of this extension (a service worker in Chromium, an event page in Firefox)', async () => {
    if (session.browserName === 'chromium') {
      expect(session.extensionId).toMatch(/^[a-p]{32}$/);
      expect(session.worker.url()).toBe(session.extensionUrl(`background.js`));
    } else {
      expect(session.extensionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const manifest = await session.worker.evaluate(() => chrome.runtime.getManifest());
      // Firefox resolves the manifest's paths and fills the other keys with null.
      const background = manifest.background as { scripts?: string[]; service_worker?: string | null };
      expect(background.scripts).toEqual([session.extensionUrl('background.js')]);
      expect(background.service_worker ?? null).toBeNull();
    }
    // The context list can lag the worker's start on a fresh profile: ask until it shows (or 10 s).
    await expect.poll(() => session.backgroundRunning(), { timeout: 10_000 }).toBe(true);
  });

  it('runs the content script on a served page, which round-trips a typed message through the background', async () => {
    const page = await session.context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(session.fixtureUrl('pages/basic.html'));
    const popup = await openPopupFor(session, page);
    // The popup asks the content script of that tab for its state; the content script reports the
    // version it got back from the background: both directions of the protocol in one assertion.
    // (The popup shows the article's own title, without the site suffix of <title>.)
    await expect.poll(() => popup.getByTestId('page-title').textContent(), { timeout: 15_000 }).toBe('公安部部署开展“断卡”行动');
    const state = await popup.evaluate(async (tab) => {
      return chrome.tabs.sendMessage(Number(tab), { fzl: 1, name: 'page/state', request: {} });
    }, new URL(popup.url()).searchParams.get('tab'));
    expect(state).toMatchObject({
      ok: true,
      value: { url: page.url(), title: '公安部部署开展“断卡”行动_测试页', backgroundVersion: '0.1.0' },
    });
    await popup.screenshot({ path: screenshotPath('foundation-popup.png') });
    expect(statSync(screenshotPath('foundation-popup.png')).size).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('answers malformed and unknown messages with error results instead of crashing the worker', async () => {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl(`options.html`));
    const answers = await page.evaluate(async () => {
      const send = (m: unknown) => chrome.runtime.sendMessage(m);
      return [
        await send({ fzl: 1, name: 'ping', request: { context: 'options' } }),
        await send({ fzl: 1, name: 'no-such-message', request: {} }),
        await send({ fzl: 1, name: 'ping', request: { context: 'options', nonce: 'x', extra: 1 } }),
        await send({ fzl: 1, name: 'ping', request: { context: 'options', nonce: 'ok' } }),
      ];
    });
    expect(answers[0]).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(answers[1]).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    expect(answers[2]).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(answers[3]).toEqual({ ok: true, value: { pong: true, nonce: 'ok', version: '0.1.0', senderKind: 'extension' } });
    await page.close();
  });

  it('renders the options page and the popup of a page the extension does not run on', async () => {
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl(`options.html`));
    await expect.poll(() => options.getByTestId('options-version').textContent()).toBe('版本 0.1.0');
    await options.close();

    const blank = await session.context.newPage();
    await blank.goto('about:blank');
    const popup = await openPopupFor(session, blank);
    await expect.poll(() => popup.getByTestId('page-unavailable').isVisible()).toBe(true);
    await expect.poll(() => popup.getByTestId('background-status').textContent()).toBe('v0.1.0');
    await popup.close();
    await blank.close();
    expect(existsSync(screenshotPath('foundation-popup.png'))).toBe(true);
  });
});
