import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeLens, sendToTab } from '../../scripts/lib/page-state';
import { launchExtension, screenshotPath, type ExtensionSession } from './harness';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

const stored = () =>
  session.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as { scriptRules?: unknown; enabled?: boolean } | undefined);

describe('options page', () => {
  it('edits script rules and highlight kinds, and open pages follow at once', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl('pages/seeds/002_cd855594ea86f9d9.html'));
    const counts = async () => (await activeLens(session, page)).summary.counts;
    const before = await counts();
    expect(before.statistic).toBeGreaterThan(0);

    const options = await session.context.newPage();
    await options.goto(session.extensionUrl(`options.html`));
    await options.getByTestId('opt-rule-site').fill('https://www.udn.com/news/story/1');
    await options.getByTestId('opt-rule-add').click();
    await expect.poll(async () => (await stored())?.scriptRules).toEqual({ 'udn.com': 'cn' });
    await expect.poll(() => options.getByTestId('opt-script-rules').textContent()).toContain('udn.com');

    await options.getByTestId('opt-kind-statistic').click(); // saved, then the box follows storage
    await expect.poll(async () => (await counts()).statistic).toBe(0);
    expect((await counts()).agency).toBe(before.agency);
    await options.screenshot({ path: screenshotPath('options.png'), fullPage: true });

    await options.getByTestId('opt-kind-statistic').click();
    await expect.poll(async () => (await counts()).statistic).toBe(before.statistic);
    await options.getByTestId('opt-enabled').click();
    await expect.poll(async () => {
      const r = await sendToTab(session, page, 'page/state', {});
      return r.ok && r.value.lens.status;
    }).toBe('off');
    await options.getByTestId('opt-enabled').click();
    await expect.poll(async () => (await stored())?.enabled).toBe(true);
    await options.close();
    await page.close();
  });
});
