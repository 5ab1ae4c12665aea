import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendToTab } from '../../scripts/lib/page-state';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { fixturesDir, launchExtension, openPopupFor, type ExtensionSession } from './harness';

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
