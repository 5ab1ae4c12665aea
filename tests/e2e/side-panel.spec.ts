import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { MessageName, RequestOf, ResponseOf, Result } from '../../lib/messaging';
import { activeLens, sendToTab } from '../../scripts/lib/page-state';
import { launchExtension, openPopupFor, repoRoot, screenshotPath, tabIdOf, trackPageErrors, type ExtensionSession } from './harness';

// The researcher's side panel and the charts.
//
// The real panel opens only from a user's action (sidePanel.open needs a gesture): the popup's link is
// clicked for real and the browser is asked which side-panel documents exist. Its behaviour is then
// tested on the same page opened as a tab, chrome-extension://<id>/sidepanel.html?window=<id>, which
// follows the active tab of the article's window exactly as the panel beside it does (the panel's own
// document is not reachable from Playwright).
const SEED_002 = 'pages/seeds/002_cd855594ea86f9d9.html'; // simplified, 2023-05-31, 2.4亿条 and 3180余亿元
const SEED_001 = 'pages/seeds/001_69ea3a8987a04835.html'; // traditional
const SEED_000 = 'pages/seeds/000_0b94c6cf45dcb226.html';

/** Firefox's sidebar API, which @types/chrome does not describe. */
type SidebarApi = { sidebarAction: { isOpen(details: object): Promise<boolean> } };
declare const browser: unknown;

let session: ExtensionSession;
let article: Page;
let panel: Page;
let panelErrors: string[];
/** The first agency of seed 002 (clipped from the panel; the charts filter by it). */
let firstAgency: string;

beforeAll(async () => {
  session = await launchExtension();
  article = await session.context.newPage();
  await article.goto(session.fixtureUrl(SEED_002));
  await activeLens(session, article);
});
afterAll(async () => {
  await session?.close();
});

async function ext<N extends MessageName>(name: N, request: RequestOf<N>): Promise<ResponseOf<N>> {
  const result = (await panel.evaluate(({ name, request }) => chrome.runtime.sendMessage({ fzl: 1, name, request }), { name, request })) as Result<ResponseOf<N>>;
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const windowOf = (tabId: number) => session.worker.evaluate(async (id) => (await chrome.tabs.get(id)).windowId, tabId);
const panelTitle = () => panel.getByTestId('panel-title').textContent();

async function setLanguage(uiLanguage: 'zh-CN' | 'zh-TW' | 'en') {
  await session.worker.evaluate(async (uiLanguage) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), uiLanguage } });
  }, uiLanguage);
}

describe('side panel', () => {
  it('is in both manifests, with its menu item and keyboard command; the popup link opens the real panel', async () => {
    // Each run checks the manifest of the browser it drives (each e2e run builds its own).
    const manifest = JSON.parse(readFileSync(join(repoRoot, `.output/${session.browserName === 'firefox' ? 'firefox' : 'chrome'}-mv3/manifest.json`), 'utf8'));
    if (session.browserName === 'firefox') {
      expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', default_title: '__MSG_panelTitle__', open_at_install: false });
    } else {
      expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
      expect(manifest.permissions).toContain('sidePanel');
    }
    expect(manifest.commands['open-side-panel']).toMatchObject({ description: '__MSG_commandOpenPanel__' });

    const registered = () =>
      session.worker.evaluate(async () => {
        const command = (await chrome.commands.getAll()).find((c) => c.name === 'open-side-panel');
        const menu = await new Promise<string>((resolve) =>
          chrome.contextMenus.update('fzl-open-panel', {}, () => resolve(chrome.runtime.lastError ? 'missing' : 'registered')),
        );
        // The clip item too: each feature removes only its own item on install.
        const clipMenu = await new Promise<string>((resolve) =>
          chrome.contextMenus.update('fzl-clip-selection', {}, () => resolve(chrome.runtime.lastError ? 'missing' : 'registered')),
        );
        return { command: command?.shortcut ?? null, menu, clipMenu };
      });
    await expect.poll(async () => (await registered()).menu, { timeout: 10_000 }).toBe('registered');
    expect(await registered()).toEqual({ command: 'Alt+Shift+Y', menu: 'registered', clipMenu: 'registered' });

    const popup = await openPopupFor(session, article);
    if (session.browserName === 'firefox') {
      expect(await session.worker.evaluate(() => (browser as unknown as SidebarApi).sidebarAction.isOpen({}))).toBe(false);
    }
    await popup.getByTestId('open-side-panel').click(); // a real click: the user gesture sidePanel.open and sidebarAction.open need
    if (session.browserName === 'firefox') {
      await expect.poll(() => session.worker.evaluate(() => (browser as unknown as SidebarApi).sidebarAction.isOpen({})), { timeout: 5000 }).toBe(true);
    } else {
      await expect
        .poll(() => session.worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).map((c) => new URL(c.documentUrl!).pathname)), { timeout: 5000 })
        .toEqual(['/sidepanel.html']);
    }
  });

  it('shows the article beside it: title, date, groups, statistics with figures on one line', async () => {
    const windowId = await windowOf(await tabIdOf(session, article));
    panel = await session.context.newPage();
    panelErrors = trackPageErrors(panel);
    await panel.setViewportSize({ width: 360, height: 1400 });
    await panel.goto(session.extensionUrl(`sidepanel.html?window=${windowId}`));
    await article.bringToFront();
    const lens = await activeLens(session, article);
    await expect.poll(panelTitle, { timeout: 10_000 }).toBe(lens.article.title);
    expect(await panel.getByTestId('panel-meta').textContent()).toContain('2023-05-31');
    expect(await panel.getByTestId('panel-list-operation').getByTestId('panel-entry').count()).toBe(lens.summary.operations.length);
    expect(await panel.getByTestId('panel-list-agency').getByTestId('panel-entry').count()).toBe(lens.summary.agencies.length);
    expect(await panel.getByTestId('panel-statistic').count()).toBe(lens.summary.statistics.length);
    firstAgency = lens.summary.agencies[0].canonical;
    // 360 px wide (a side panel's usual width): no figure breaks over two lines.
    const range = await panel.evaluate(() => {
      const cell = [...document.querySelectorAll('[data-testid="panel-figure"]')].find((c) => c.textContent!.startsWith('240,000,000'))!;
      const r = document.createRange();
      r.selectNodeContents(cell);
      return r.getClientRects().length;
    });
    expect(range).toBe(1); // one line box
    expect(await panel.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

    // An entry scrolls the page to its mention (and opens its card).
    await article.evaluate(() => scrollTo(0, 0));
    await panel.locator('[data-testid="panel-statistic"]', { hasText: '3180余亿元' }).getByTestId('panel-figure').click();
    await expect.poll(() => article.evaluate(() => scrollY)).toBeGreaterThan(0);
    await expect.poll(() => article.getByTestId('fzl-card').isVisible()).toBe(true);
    expect(await article.getByTestId('fzl-card').textContent()).toContain('3180');
  });

  it('clips a figure with a note into a new collection made in the panel; the chart shows it; the page lists it', async () => {
    await panel.getByTestId('panel-collection').selectOption('__new__');
    await panel.getByTestId('panel-new-collection').fill('研究集');
    await panel.getByTestId('panel-note').fill('全年推送预警指令');
    await panel.getByTestId('panel-tags').fill('预警, 2022');
    await panel.locator('[data-testid="panel-statistic"]', { hasText: '2.4亿条' }).getByTestId('panel-clip-statistic').click();
    await expect.poll(() => panel.getByTestId('panel-clip-status').textContent()).toContain('研究集');
    const overview = await ext('collections/list', {});
    const collection = overview.collections.find((c) => c.name === '研究集')!;
    expect(collection.clipCount).toBe(1);
    const [clip] = (await ext('collections/clips', { collectionId: collection.id })).clips;
    expect(clip).toMatchObject({ kind: 'statistic', text: '2.4亿条', value: 240_000_000, unit: '条', note: '全年推送预警指令', tags: ['预警', '2022'] });
    expect(clip.target.publishedAt?.slice(0, 10)).toBe('2023-05-31');
    // The form is ready for the next clip, in the same collection.
    expect(await panel.getByTestId('panel-note').inputValue()).toBe('');
    expect(await panel.getByTestId('panel-collection').inputValue()).toBe(collection.id);

    await expect.poll(() => panel.getByTestId('panel-charts').getByTestId('unit-chart').count()).toBe(1);
    expect(await panel.getByTestId('panel-charts').getByTestId('unit-chart').getAttribute('data-unit')).toBe('条');
    await expect.poll(() => panel.getByTestId('panel-page-clip-found').count()).toBe(1);

    // An approximate figure (3180余亿元) and an agency, in the same collection.
    await panel.locator('[data-testid="panel-statistic"]', { hasText: '3180余亿元' }).getByTestId('panel-clip-statistic').click();
    await expect.poll(() => panel.getByTestId('panel-page-clip-found').count()).toBe(2);
    await panel.getByTestId('panel-list-agency').getByTestId('panel-clip-entry').first().click();
    await expect.poll(() => panel.getByTestId('panel-page-clip-found').count()).toBe(3);
    await expect.poll(() => panel.getByTestId('panel-charts').locator('[data-unit="元"] [data-testid="chart-approx"]').count()).toBe(1);
  });

  it('clips the selection; a clip whose passage is gone says "not found on this page"', async () => {
    const passage = '全社会反诈局面初步形成';
    await article.evaluate((wanted) => {
      for (const p of document.querySelectorAll('#artibody p')) {
        const node = p.firstChild as Text;
        const at = node.data.indexOf(wanted);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error('passage not found');
    }, passage);
    await panel.getByTestId('panel-note').fill('选中的话');
    await panel.getByTestId('panel-clip-selection').click();
    await expect.poll(() => panel.getByTestId('panel-clip-status').textContent()).toContain(passage);
    const collection = (await ext('collections/list', {})).collections.find((c) => c.name === '研究集')!;
    const selected = (await ext('collections/clips', { collectionId: collection.id })).clips.find((c) => c.kind === 'selection')!;
    expect(selected).toMatchObject({ text: passage, note: '选中的话' });

    // A clip of this page whose passage is not in the article (the page changed since).
    const lens = await activeLens(session, article);
    const url = article.url();
    await ext('collections/addClip', {
      collectionId: collection.id,
      clip: {
        kind: 'selection',
        text: '这段话已从页面删除',
        target: { url, title: lens.article.title, site: '127.0.0.1', script: 'zh-Hans', selector: [{ type: 'TextQuoteSelector', exact: '这段话已从页面删除', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: 9 }] },
      },
    });
    await expect.poll(() => panel.getByTestId('panel-page-clip-missing').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.getByTestId('panel-not-found').textContent()).toBe('在本页未找到');
    expect(await panel.getByTestId('panel-page-clip-found').count()).toBe(4);
  });

  it('follows tab switches and navigations, and clips on a converted page quote the page\'s own text', async () => {
    const other = await session.context.newPage();
    await other.goto(session.fixtureUrl(SEED_001));
    const traditional = await activeLens(session, other);
    await other.bringToFront();
    await expect.poll(panelTitle, { timeout: 10_000 }).toBe(traditional.article.title);
    await panel.screenshot({ path: screenshotPath('panel-follows-tab.png'), fullPage: true });

    // Shown in simplified script, then an agency clipped from the panel: the clip keeps the traditional original.
    expect((await sendToTab(session, other, 'page/setScript', { target: 'cn' })).ok).toBe(true);
    await activeLens(session, other, { idleScript: true });
    await panel.getByTestId('panel-list-agency').getByTestId('panel-clip-entry').first().click();
    await expect.poll(() => panel.getByTestId('panel-page-clip-found').count()).toBe(1);
    const clips = (await ext('collections/clipsForPage', { url: other.url() })).clips;
    expect(clips).toHaveLength(1);
    expect(clips[0].target.script).toBe('zh-Hant');
    const original = (await sendToTab(session, other, 'page/setScript', { target: 'original' })).ok;
    expect(original).toBe(true);
    const text = await sendToTab(session, other, 'page/articleText', {});
    expect(text.ok && text.value?.text.includes(clips[0].text)).toBe(true);

    // Back to the first tab, then a navigation in it.
    await article.bringToFront();
    await expect.poll(panelTitle, { timeout: 10_000 }).toBe((await activeLens(session, article)).article.title);
    await article.goto(session.fixtureUrl(SEED_000));
    const next = await activeLens(session, article);
    await expect.poll(panelTitle, { timeout: 10_000 }).toBe(next.article.title);
    await other.close();
    await article.goto(session.fixtureUrl(SEED_002));
    await article.bringToFront();
    await expect.poll(panelTitle, { timeout: 10_000 }).toBe((await activeLens(session, article)).article.title);
    expect(panelErrors).toEqual([]);
  });
});

describe('charts in the manager', () => {
  let manager: Page;

  it('plot the figure clipped in the panel; hover shows figure, article and quote; click opens the clip; table view; SVG and PNG', async () => {
    manager = await session.context.newPage();
    const errors = trackPageErrors(manager);
    await manager.setViewportSize({ width: 1000, height: 900 });
    await manager.goto(session.extensionUrl(`collections.html#charts`));
    await expect.poll(() => manager.getByTestId('unit-chart').count()).toBe(2); // 条 and 元: never one axis
    expect(await manager.getByTestId('unit-chart').evaluateAll((charts) => charts.map((c) => c.getAttribute('data-unit')).sort())).toEqual(['元', '条']);
    expect(await manager.locator('[data-unit="元"] [data-testid="chart-approx"]').count()).toBe(1);

    // The 条 chart has one point: hover it (the marker is a dot, `M x y h0`, in the series path).
    const chart = manager.locator('[data-unit="条"] svg');
    const point = await chart.evaluate((svg: SVGSVGElement) => {
      const path = svg.querySelector('[data-testid="chart-series"] path')!;
      const [, x, y] = /M([\d.]+) ([\d.]+)/.exec(path.getAttribute('d')!)!;
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      return { x: box.left + Number(x) * scale, y: box.top + Number(y) * scale };
    });
    await manager.mouse.move(point.x, point.y);
    await expect.poll(() => manager.getByTestId('chart-tooltip').count()).toBe(1);
    expect(await manager.getByTestId('chart-tooltip-value').textContent()).toBe('240,000,000 条');
    expect(await manager.getByTestId('chart-tooltip-article').textContent()).toContain('打击治理电信网络新型违法犯罪成效明显');
    expect(await manager.getByTestId('chart-tooltip').textContent()).toContain('2.4亿条');
    await manager.screenshot({ path: screenshotPath('charts-hover.png'), fullPage: true });
    const opened = session.context.waitForEvent('page');
    await manager.mouse.click(point.x, point.y);
    const clipTab = await opened;
    await expect.poll(() => clipTab.url()).toContain('#fzl-clip=');
    await clipTab.close();
    await article.bringToFront();

    // Filters: an agency keeps the figures of the articles it was clipped from; a site that has none empties the chart.
    await manager.getByTestId('chart-filter-agency').selectOption(firstAgency);
    await expect.poll(() => manager.getByTestId('unit-chart').count()).toBe(2);
    await manager.getByTestId('chart-filter-site').selectOption({ index: 1 });
    await manager.getByTestId('chart-filter-agency').selectOption('');
    await manager.getByTestId('chart-filter-site').selectOption('');

    await manager.getByTestId('chart-mode-table').click();
    expect(await manager.getByTestId('chart-table-row').count()).toBe(2);
    expect(await manager.getByTestId('chart-table').textContent()).toContain('240,000,000');
    expect(await manager.getByTestId('timeline-table').count()).toBe(0); // no operation clipped yet
    await manager.getByTestId('chart-mode-chart').click();

    const svgDownload = manager.waitForEvent('download');
    await manager.locator('[data-testid="chart-figure"]', { has: manager.locator('[data-unit="条"]') }).getByTestId('chart-export-svg').click();
    const svgFile = await svgDownload;
    expect(svgFile.suggestedFilename()).toMatch(/^fanzha-lens-figures-条-\d{4}-\d{2}-\d{2}\.svg$/);
    const svg = readFileSync(await svgFile.path(), 'utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('推送预警指令');
    const pngDownload = manager.waitForEvent('download');
    await manager.locator('[data-testid="chart-figure"]', { has: manager.locator('[data-unit="条"]') }).getByTestId('chart-export-png').click();
    const png = readFileSync(await (await pngDownload).path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(700); // 2× the chart's width
    expect(errors).toEqual([]);
  });

  it('the operations timeline; panel and charts in light and dark, in 简体, 繁體 and English', async () => {
    // The panel shows the article again (the manager's tab may have been the active one).
    await article.bringToFront();
    await expect.poll(panelTitle, { timeout: 10_000 }).toBe((await activeLens(session, article)).article.title);
    await panel.getByTestId('panel-list-operation').getByTestId('panel-clip-entry').first().click();
    await expect.poll(() => panel.getByTestId('panel-page-clip-found').count()).toBe(5);
    await manager.reload();
    await expect.poll(() => manager.getByTestId('timeline-chart').count(), { timeout: 5000 }).toBe(1);
    expect(await manager.getByTestId('timeline-row').count()).toBe(1);

    const languages = [
      { setting: 'zh-CN', locale: 'zh_CN', charts: '图表', panel: '研究面板' },
      { setting: 'zh-TW', locale: 'zh_TW', charts: '圖表', panel: '研究面板' },
      { setting: 'en', locale: 'en', charts: 'Charts', panel: "Researcher's panel" },
    ] as const;
    for (const language of languages) {
      await setLanguage(language.setting);
      await expect.poll(() => manager.getByTestId('view-charts').textContent()).toBe(language.charts);
      await expect.poll(() => panel.locator('h1').textContent()).toBe(language.panel);
      for (const scheme of ['light', 'dark'] as const) {
        await manager.emulateMedia({ colorScheme: scheme });
        await panel.emulateMedia({ colorScheme: scheme });
        const background = scheme === 'dark' ? '#1b1b1f' : '#ffffff';
        await expect.poll(() => manager.locator('[data-testid="unit-chart"] svg > rect').first().getAttribute('fill'), { timeout: 5000 }).toBe(background);
        await expect.poll(() => panel.locator('[data-testid="unit-chart"] svg > rect').first().getAttribute('fill'), { timeout: 5000 }).toBe(background);
        await manager.screenshot({ path: screenshotPath(`charts-${language.locale}-${scheme}.png`), fullPage: true });
        await panel.screenshot({ path: screenshotPath(`panel-${language.locale}-${scheme}.png`), fullPage: true });
      }
    }
    // The traditional interface shows names in traditional script.
    await setLanguage('zh-TW');
    await expect.poll(() => panel.getByTestId('panel-list-agency').textContent()).toContain('工業和信息化部');
    await setLanguage('zh-CN');
    await manager.emulateMedia({ colorScheme: 'light' });
    await panel.emulateMedia({ colorScheme: 'light' });
  });
});
