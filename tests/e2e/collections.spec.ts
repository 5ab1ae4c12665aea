import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Clip } from '../../lib/collections';
import type { MessageName, RequestOf, ResponseOf, Result } from '../../lib/messaging';
import { activeLens, sendToTab } from '../../scripts/lib/page-state';
import { startStaticServer } from '../../scripts/lib/static-server';
import { fixturesDir, launchExtension, openPopupFor, screenshotPath, tabIdOf, trackPageErrors, type ExtensionSession } from './harness';

const SEED_002 = 'pages/seeds/002_cd855594ea86f9d9.html';
// Two passages of the seed's article that the tests select and clip (read from the fixture).
const PASSAGE_EDITED = '全社会反诈局面初步形成,依法严打严惩战果丰硕';
const PASSAGE_REMOVED = '中央网信办加大网上巡查力度,深入整治有害信息';

let session: ExtensionSession;
/** An extension page to send protocol messages from (as the popup and the manager do). */
let extensionPage: Page;

beforeAll(async () => {
  session = await launchExtension();
  extensionPage = await session.context.newPage();
  await extensionPage.goto(session.extensionUrl(`collections.html`));
});
afterAll(async () => {
  await session?.close();
});

async function ext<N extends MessageName>(name: N, request: RequestOf<N>): Promise<Result<ResponseOf<N>>> {
  return (await extensionPage.evaluate(({ name, request }) => chrome.runtime.sendMessage({ fzl: 1, name, request }), { name, request })) as Result<
    ResponseOf<N>
  >;
}

async function value<N extends MessageName>(name: N, request: RequestOf<N>): Promise<ResponseOf<N>> {
  const result = await ext(name, request);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const activeState = (page: Page) => activeLens(session, page);

/** Texts of the ranges underlined as clips, read in the page's own world. */
function clipUnderlines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('fzl-clip');
    return highlight ? [...highlight].map((r) => r.toString()) : [];
  });
}

/** Selects the first occurrence of `text` inside the article (one text node in this fixture). */
async function select(page: Page, text: string): Promise<void> {
  const ok = await page.evaluate((wanted) => {
    for (const p of document.querySelectorAll('#artibody p')) {
      const node = p.firstChild as Text;
      const at = node.data.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return true;
    }
    return false;
  }, text);
  expect(ok).toBe(true);
}

async function clipSelectionThroughBackground(page: Page): Promise<void> {
  const tabId = await tabIdOf(session, page);
  // The same path as the context menu item and Alt+Shift+S: background → the tab's content script.
  expect(await ext('collections/clipSelectionInTab', { tabId })).toEqual({ ok: true, value: { status: 'picker' } });
  await expect.poll(() => page.getByTestId('fzl-clip-picker').isVisible()).toBe(true);
  await page.getByTestId('fzl-clip-save').click();
  await expect.poll(() => page.getByTestId('fzl-clip-saved').isVisible()).toBe(true);
}

async function pageStatus(page: Page) {
  for (let i = 0; i < 50; i++) {
    const result = await sendToTab(session, page, 'clips/pageStatus', {});
    if (result.ok && result.value.anchored) return result.value;
    await page.waitForTimeout(100);
  }
  throw new Error('clips never anchored');
}

const byText = <T extends { clip: Clip }>(clips: readonly T[], text: string) => clips.find((c) => c.clip.text === text);

describe('collections in the extension', () => {
  let page: Page;

  it('registers the context menu item on selections and the keyboard command', async () => {
    // The item is created on install, once the settings (its language) are read: wait for it.
    const check = () =>
      session.worker.evaluate(async () => {
        const commands = await chrome.commands.getAll();
        // contextMenus has no getter: updating an id that does not exist fails.
        let menu = 'missing';
        await new Promise<void>((resolve) =>
          chrome.contextMenus.update('fzl-clip-selection', { contexts: ['selection'] }, () => {
            menu = chrome.runtime.lastError ? `error: ${chrome.runtime.lastError.message}` : 'registered';
            resolve();
          }),
        );
        return { command: commands.find((c) => c.name === 'clip-selection') ?? null, menu };
      });
    await expect.poll(async () => (await check()).menu, { timeout: 10_000 }).toBe('registered');
    const registered = await check();
    expect(registered.command?.name).toBe('clip-selection');
    const bogus = await session.worker.evaluate(
      () => new Promise<string>((resolve) => chrome.contextMenus.update('no-such-item', {}, () => resolve(chrome.runtime.lastError?.message ?? 'none'))),
    );
    expect(bogus).not.toBe('none'); // the check above can fail
  });

  it('clips a highlight from its card and two selections; the popup lists them; delete can be undone', async () => {
    page = await session.context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(session.fixtureUrl(SEED_002));
    await activeState(page);

    // The card's 收藏 button on 最高法 opens the picker; with no collection yet, it asks for a name.
    const target = await page.evaluate(() => {
      for (const [name, highlight] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights) {
        if (name === 'fzl-clip') continue;
        for (const painted of highlight) {
          // Highlights may hold StaticRanges (no text, no geometry): a live Range over the same span.
          const range = document.createRange();
          range.setStart(painted.startContainer, painted.startOffset);
          range.setEnd(painted.endContainer, painted.endOffset);
          if (range.toString() !== '最高法') continue;
          range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
      }
      return null;
    });
    expect(target).not.toBeNull();
    await page.mouse.move(target!.x, target!.y);
    await expect.poll(() => page.getByTestId('fzl-card').isVisible(), { timeout: 5000 }).toBe(true);
    await page.getByTestId('fzl-card-clip').click();
    await expect.poll(() => page.getByTestId('fzl-clip-picker').isVisible()).toBe(true);
    await page.getByTestId('fzl-clip-new-name').fill('研究笔记');
    await page.getByTestId('fzl-clip-save').click();
    await expect.poll(() => page.getByTestId('fzl-clip-saved').textContent()).toContain('研究笔记');
    await expect.poll(() => page.getByTestId('fzl-card-clip').textContent()).toBe('已收藏');

    await select(page, PASSAGE_EDITED);
    await clipSelectionThroughBackground(page);
    await select(page, PASSAGE_REMOVED);
    await clipSelectionThroughBackground(page);

    const overview = await value('collections/list', {});
    expect(overview.collections.map((c) => [c.name, c.clipCount])).toEqual([['研究笔记', 3]]);
    const { clips } = await value('collections/clips', {});
    const agency = clips.find((c) => c.kind === 'agency')!;
    expect(agency.text).toBe('最高法');
    expect(agency.canonical).toBe('最高人民法院');
    expect(agency.target.selector[0].exact).toBe('最高法');
    expect(agency.target.publishedAt).toBe('2023-05-31T21:31:24');
    const selection = clips.find((c) => c.text === PASSAGE_EDITED)!;
    expect(selection.kind).toBe('selection');
    expect(selection.target.url).toBe(session.fixtureUrl(SEED_002));
    await expect.poll(async () => (await clipUnderlines(page)).sort()).toEqual([PASSAGE_EDITED, PASSAGE_REMOVED, '最高法'].sort());

    // The popup's 收藏夹 tab: the collection, its clips newest first, this page's clips.
    const popup = await openPopupFor(session, page);
    await popup.getByTestId('tab-collections').click();
    await expect.poll(() => popup.getByTestId('clip-item').count()).toBe(3);
    expect(await popup.getByTestId('clip-text').allTextContents()).toEqual([PASSAGE_REMOVED, PASSAGE_EDITED, '最高法']);
    expect(await popup.getByTestId('clip-source').first().textContent()).toContain('127.0.0.1');
    await expect.poll(() => popup.getByTestId('page-clip-found').count()).toBe(3);
    // Notes and tags are saved and searchable.
    const first = popup.getByTestId('clip-item').first();
    await first.getByTestId('clip-edit').click();
    await first.getByTestId('clip-note').fill('网信办的整治');
    await first.getByTestId('clip-tags').fill('监管, 网信');
    await first.getByTestId('clip-save').click();
    await expect.poll(async () => (await value('collections/clips', { query: '网信 监管' })).total).toBe(1);
    await expect.poll(() => popup.getByTestId('clip-note-text').first().textContent()).toBe('#监管 #网信 网信办的整治');
    await popup.getByTestId('collections-search').fill('最高人民法院');
    await expect.poll(() => popup.getByTestId('clip-text').allTextContents()).toEqual(['最高法']);
    await popup.getByTestId('collections-search').fill('');
    await expect.poll(() => popup.getByTestId('clip-item').count()).toBe(3);
    await popup.screenshot({ path: screenshotPath('popup-collections.png') });
    // Delete with undo.
    await popup.getByTestId('clip-item').last().getByTestId('clip-delete').click();
    await expect.poll(() => popup.getByTestId('clip-item').count()).toBe(2);
    await popup.getByTestId('undo').click();
    await expect.poll(() => popup.getByTestId('clip-item').count()).toBe(3);
    expect((await value('collections/clips', {})).clips.find((c) => c.kind === 'agency')).toEqual(agency);
    await popup.close();
    expect(errors).toEqual([]);
  });

  it('re-anchors the clips when the page is opened again', async () => {
    await page.reload();
    await activeState(page);
    await expect.poll(async () => (await clipUnderlines(page)).sort()).toEqual([PASSAGE_EDITED, PASSAGE_REMOVED, '最高法'].sort());
    const status = await pageStatus(page);
    expect(status.clips.map((c) => [c.clip.text, c.found, c.method])).toEqual([
      [PASSAGE_REMOVED, true, 'position'],
      [PASSAGE_EDITED, true, 'position'],
      ['最高法', true, 'position'],
    ]);
  });

  it('finds a slightly edited passage again and lists a removed one as not found', async () => {
    const url = session.fixtureUrl(SEED_002);
    const original = readFileSync(join(fixturesDir, SEED_002), 'utf8');
    const edited = original
      // A new first paragraph shifts every position; one character of the passage changes; the other passage is gone.
      .replace('<p>中国警察网北京', '<p>编者按:本文转载自中国警察网,略有删改。</p>\n<p>中国警察网北京')
      .replace('战果丰硕', '战果丰富')
      .replace(PASSAGE_REMOVED, '有关部门持续开展专项整治');
    expect(edited).not.toBe(original);
    expect(edited).not.toContain(PASSAGE_REMOVED);
    await session.context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: edited }));
    try {
      await page.reload();
      await activeState(page);
      const status = await pageStatus(page);
      const editedClip = byText(status.clips, PASSAGE_EDITED)!;
      expect(editedClip.found).toBe(true);
      expect(['context', 'fuzzy']).toContain(editedClip.method);
      expect(byText(status.clips, PASSAGE_REMOVED)).toMatchObject({ found: false });
      expect(byText(status.clips, '最高法')).toMatchObject({ found: true, method: 'exact' });
      const underlined = await clipUnderlines(page);
      expect(underlined).toContain(PASSAGE_EDITED.replace('战果丰硕', '战果丰富'));
      expect(underlined).toHaveLength(2);
      // Never dropped: the popup lists it under 本页未找到, and it is still in the collection.
      const popup = await openPopupFor(session, page);
      await popup.getByTestId('tab-collections').click();
      await expect.poll(() => popup.getByTestId('page-clip-missing').allTextContents()).toEqual([`摘录${PASSAGE_REMOVED}`]);
      await popup.screenshot({ path: screenshotPath('popup-collections-not-found.png') });
      await popup.close();
      expect((await value('collections/clips', {})).total).toBe(3);
    } finally {
      await session.context.unroute(url);
    }
    await page.reload();
    await activeState(page);
  });

  it('opens the source page scrolled to a clip', async () => {
    const { clips } = await value('collections/clips', { query: PASSAGE_REMOVED });
    const opened = session.context.waitForEvent('page');
    await value('collections/openClip', { clipId: clips[0].id });
    const tab = await opened;
    await tab.setViewportSize({ width: 500, height: 400 }); // small, so the passage is below the fold unless scrolled
    await tab.reload();
    expect(tab.url()).toContain(`#fzl-clip=${clips[0].id}`);
    await activeState(tab);
    await expect
      .poll(() =>
        tab.evaluate(() => {
          const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('fzl-clip');
          const range = highlight && [...highlight].find((r) => r.toString().startsWith('中央网信办'));
          if (!range) return 'no range';
          const r = range.getBoundingClientRect();
          return window.scrollY > 0 && r.top >= 0 && r.bottom <= innerHeight ? 'in view' : `at ${r.top}, scrollY ${window.scrollY}`;
        }),
      )
      .toBe('in view');
    await tab.close();
  });

  it('export JSON, wipe storage, import: everything is back', async () => {
    const before = (await value('collections/clips', {})).clips;
    const overviewBefore = await value('collections/list', {});
    await extensionPage.reload();
    const download = extensionPage.waitForEvent('download');
    await extensionPage.getByTestId('export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^fanzha-lens-all-collections-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await file.path();
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    expect(exported.clips).toHaveLength(before.length);

    await session.worker.evaluate(() => chrome.storage.local.clear());
    await expect.poll(async () => (await value('collections/list', {})).totalClips).toBe(0);
    // Invalid input changes nothing and says why.
    await extensionPage.reload();
    await extensionPage.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something else"}') });
    await expect.poll(() => extensionPage.getByTestId('import-report').textContent()).toContain('未导入');
    expect((await value('collections/list', {})).totalClips).toBe(0);

    await extensionPage.getByTestId('import-file').setInputFiles(path);
    await expect.poll(() => extensionPage.getByTestId('import-added').textContent()).toBe(String(before.length));
    const after = (await value('collections/clips', {})).clips;
    expect(after).toEqual(before);
    const overviewAfter = await value('collections/list', {});
    expect(overviewAfter.collections).toEqual(overviewBefore.collections);
  });

  it('10 tabs clipping 50 clips each at the same time end with exactly 500 clips', async () => {
    const a = (await value('collections/create', { name: '并发 A' })).collection;
    const b = (await value('collections/create', { name: '并发 B' })).collection;
    const totalBefore = (await value('collections/list', {})).totalClips;
    const tabs: Page[] = [];
    const tabIds: number[] = [];
    let annotations = 0;
    for (let i = 0; i < 10; i++) {
      const tab = await session.context.newPage();
      await tab.goto(`${session.fixtureUrl(SEED_002)}?tab=${i}`);
      const lens = await activeState(tab);
      annotations = lens.summary.counts.operation + lens.summary.counts.agency + lens.summary.counts.statistic;
      tabs.push(tab);
      tabIds.push(await tabIdOf(session, tab));
    }
    expect(annotations).toBeGreaterThanOrEqual(25);
    // 25 highlights × 2 collections per tab, all 500 requests in flight at once.
    const answers = await session.worker.evaluate(
      async ({ tabIds, a, b }) => {
        const requests: Promise<unknown>[] = [];
        for (const tabId of tabIds)
          for (let index = 0; index < 25; index++)
            for (const collectionId of [a, b])
              requests.push(chrome.tabs.sendMessage(tabId, { fzl: 1, name: 'clips/clipAnnotation', request: { index, collectionId } }));
        return Promise.all(requests);
      },
      { tabIds, a: a.id, b: b.id },
    );
    const results = answers as Result<{ clip: Clip; duplicate: boolean }>[];
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.filter((r) => r.ok && r.value.duplicate)).toEqual([]);
    const overview = await value('collections/list', {});
    expect(overview.totalClips - totalBefore).toBe(500);
    expect(overview.collections.filter((c) => c.id === a.id || c.id === b.id).map((c) => c.clipCount)).toEqual([250, 250]);
    const stored = await session.worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('clip:')).length);
    expect(stored).toBe(overview.totalClips);
    for (const tab of tabs) await tab.close();
  });

  it('the manager lists every clip, filters, sorts and shows the statistics', async () => {
    await extensionPage.reload();
    const overview = await value('collections/list', {});
    await expect.poll(() => extensionPage.getByTestId('manager-summary').textContent()).toContain(`${overview.totalClips} 条摘录`);
    await expect.poll(() => extensionPage.getByTestId('manager-row').count()).toBe(Math.min(200, overview.totalClips));
    await extensionPage.getByTestId('filter-kind').selectOption('statistic');
    const statistics = (await value('collections/clips', { kind: 'statistic', limit: 100_000 })).total;
    expect(statistics).toBeGreaterThan(0);
    await expect.poll(() => extensionPage.getByTestId('manager-row').count()).toBe(Math.min(200, statistics));
    await extensionPage.getByTestId('filter-kind').selectOption('');
    await extensionPage.getByTestId('filter-agency').selectOption('最高人民法院');
    const courts = (await value('collections/clips', { kind: 'agency', query: '最高人民法院', limit: 100_000 })).total;
    await expect.poll(() => extensionPage.getByTestId('manager-row').count()).toBe(courts);
    await extensionPage.getByTestId('filter-agency').selectOption('');
    await extensionPage.getByTestId('filter-collection').selectOption({ label: '研究笔记（3）' });
    await expect.poll(() => extensionPage.getByTestId('manager-row').count()).toBe(3);
    await extensionPage.getByTestId('sort-text').click();
    const texts = await extensionPage.locator('[data-testid="manager-row"] td:nth-child(3)').allTextContents();
    expect(texts.map((t) => t.replace(/→.*/, ''))).toEqual([...texts.map((t) => t.replace(/→.*/, ''))].sort((x, y) => x.localeCompare(y, 'zh')));
    await extensionPage.getByTestId('filter-collection').selectOption('');
    await extensionPage.getByTestId('view-statistics').click();
    await expect.poll(() => extensionPage.getByTestId('statistic-row').count()).toBe(Math.min(200, statistics));
    expect(await extensionPage.getByTestId('statistics-view').textContent()).toContain('464,000');
    await extensionPage.getByTestId('view-table').click();
    await extensionPage.setViewportSize({ width: 1280, height: 900 });
    await extensionPage.screenshot({ path: screenshotPath('collections-manager.png') });
  });
});

describe('collections: cold worker, one clip in several collections, pages without the lens', () => {
  /** A clip of the list fixture page (no article there: the popup shows its 收藏夹 panel). */
  const draftOn = (url: string, text: string) => ({
    kind: 'selection' as const,
    text,
    target: {
      url,
      title: '列表页',
      site: '127.0.0.1',
      script: 'zh-Hans' as const,
      selector: [
        { type: 'TextQuoteSelector' as const, exact: text, prefix: '', suffix: '' },
        { type: 'TextPositionSelector' as const, start: 10, end: 10 + text.length },
      ] as [{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }, { type: 'TextPositionSelector'; start: number; end: number }],
    },
  });

  it('after the worker stops, a fresh worker answers the first view from the index exactly as the loaded state does', async () => {
    const warmList = await value('collections/list', {});
    const someCollection = warmList.collections.find((c) => c.clipCount > 0)!;
    const warmClips = await value('collections/clips', { collectionId: someCollection.id, limit: 30 });
    const warmAll = await value('collections/clips', { limit: 30 });
    const pageUrl = warmClips.clips[0].target.url;
    const warmPage = await value('collections/clipsForPage', { url: pageUrl });
    expect(warmPage.clips.length).toBeGreaterThan(0);

    // Stop the worker as the browser does when idle; the next message meets a fresh one.
    // An event from a page still open (a content script's message) can start a worker again right
    // after it stopped; that one is fresh too, but the check below wants to see it stopped: ask again.
    const stop = async () => {
      let running = true;
      for (let attempt = 0; attempt < 3 && running; attempt++) {
        await session.stopBackground();
        running = await session.backgroundRunning();
      }
      expect(running).toBe(false);
    };
    const fresh = () => session.backgroundRunning();
    await stop();

    expect(await value('collections/list', {})).toEqual(warmList);
    expect(await fresh()).toBe(true);
    expect(await value('collections/clips', { collectionId: someCollection.id, limit: 30 })).toEqual(warmClips);
    expect(await value('collections/clips', { limit: 30 })).toEqual(warmAll);
    expect(await value('collections/clipsForPage', { url: `${pageUrl}#x` })).toEqual(warmPage);

    // And again cold: a write first (it waits for the full load), then the derived data follows it.
    await stop();
    const added = await value('collections/addClip', { collectionId: someCollection.id, clip: draftOn(pageUrl, '冷启动后写入的一条摘录') });
    expect(await fresh()).toBe(true);
    const after = await value('collections/list', {});
    expect(after.totalClips).toBe(warmList.totalClips + 1);
    expect(after.collections.find((c) => c.id === someCollection.id)!.clipCount).toBe(someCollection.clipCount + 1);
    await stop();
    const coldPage = await value('collections/clipsForPage', { url: pageUrl });
    expect(coldPage.clips.map((c) => c.id)).toEqual([added.clip.id, ...warmPage.clips.map((c) => c.id)]);
    expect((await value('collections/clips', { collectionId: someCollection.id, limit: 1 })).clips[0].id).toBe(added.clip.id);
    await value('collections/deleteClips', { clipIds: [added.clip.id] });
  });

  it('one clip in two collections is one clip: the popup says where else it is, "also add" and "remove from this collection"', async () => {
    const tab = await session.context.newPage();
    await tab.goto(session.fixtureUrl('pages/list-page.html'));
    const a = (await value('collections/create', { name: '甲组' })).collection;
    const b = (await value('collections/create', { name: '乙组' })).collection;
    const clip = (await value('collections/addClip', { collectionId: a.id, clip: draftOn(tab.url(), '两个收藏夹里的同一条摘录') })).clip;
    expect((await value('collections/copyClips', { clipIds: [clip.id], toCollectionId: b.id })).moved).toEqual([clip.id]);
    await value('collections/setLastUsed', { collectionId: a.id });

    const popup = await openPopupFor(session, tab);
    const item = popup.locator(`[data-testid="clip-item"][data-clip-id="${clip.id}"]`);
    await expect.poll(() => item.getByTestId('clip-membership').textContent()).toBe('同时收入：乙组');
    expect(await item.getByTestId('clip-delete').textContent()).toBe('移出此收藏夹');
    await item.getByTestId('clip-edit').click();
    expect(await item.getByTestId('clip-copy').textContent()).toBe('同时收入');
    expect(await item.getByTestId('clip-copy').getAttribute('title')).toContain('两处都会改变');
    expect(await item.getByTestId('clip-move').textContent()).toBe('移动');
    // A note edited in 甲组 is the note in 乙组: one clip.
    await item.getByTestId('clip-note').fill('两处共用的笔记');
    await item.getByTestId('clip-save').click();
    await popup.locator(`[data-testid="collection-row"][data-collection-id="${b.id}"] [data-testid="collection-name"]`).click();
    const inB = popup.locator(`[data-testid="clip-item"][data-clip-id="${clip.id}"]`);
    await expect.poll(() => inB.getByTestId('clip-note-text').textContent()).toContain('两处共用的笔记');
    await expect.poll(() => inB.getByTestId('clip-membership').textContent()).toBe('同时收入：甲组');
    // Removing it from 乙组 keeps it in 甲组.
    await inB.getByTestId('clip-delete').click();
    await expect.poll(async () => (await value('collections/clips', { collectionId: a.id })).clips.some((c) => c.id === clip.id)).toBe(true);
    expect((await value('collections/clips', { collectionId: b.id })).total).toBe(0);
    await popup.close();
    await tab.close();
    await value('collections/delete', { collectionId: a.id });
    await value('collections/delete', { collectionId: b.id });
  });

  it('clipping on a page where the lens does not run is not silent: the toolbar button says why, the popup too', async () => {
    const other = await startStaticServer(fixturesDir, '127.0.0.2'); // not a curated site
    try {
      const page = await session.context.newPage();
      await page.goto(`${other.origin}/pages/list-page.html`);
      const tabId = await tabIdOf(session, page);
      expect(await ext('collections/clipSelectionInTab', { tabId })).toMatchObject({ ok: false, error: { code: 'unreachable' } });
      const action = () =>
        session.worker.evaluate(async (tabId) => ({ badge: await chrome.action.getBadgeText({ tabId }), title: await chrome.action.getTitle({ tabId }) }), tabId);
      expect(await action()).toEqual({ badge: '!', title: '反诈透镜未在此网站运行，无法剪藏。点击此按钮为该网站启用，然后再试。' });
      const popup = await openPopupFor(session, page);
      await expect.poll(() => popup.getByTestId('clip-needs-site').isVisible()).toBe(true);
      expect(await popup.getByTestId('page-unavailable').isVisible()).toBe(true);
      await popup.close();
      // The note belongs to that page: loading another one clears it (Chrome resets per-tab badges).
      await page.goto(`${other.origin}/pages/basic.html`);
      await expect.poll(async () => (await action()).badge).toBe('');
      // Where the lens runs, the popup has no such note.
      const curated = await session.context.newPage();
      await curated.goto(session.fixtureUrl('pages/list-page.html'));
      const curatedPopup = await openPopupFor(session, curated);
      await expect.poll(() => curatedPopup.getByTestId('collections-panel').isVisible()).toBe(true);
      expect(await curatedPopup.getByTestId('clip-needs-site').count()).toBe(0);
      await curatedPopup.close();
      await curated.close();
      await page.close();
    } finally {
      await other.close();
    }
  });
});

describe('clips on a page shown converted by phrases (繁體·臺灣用語)', () => {
  it('quote the page\'s own text, not the conversion, and anchor on it again once restored', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl(SEED_002));
    await activeState(page);
    const { collection } = await value('collections/create', { name: '臺灣用語' });
    await value('collections/setLastUsed', { collectionId: collection.id });
    // The text node holding a passage of the (simplified) article, kept for after the conversion.
    const original = await page.evaluate((wanted) => {
      for (const p of document.querySelectorAll('#artibody p')) {
        const node = p.firstChild as Text;
        if (!node.data.includes(wanted)) continue;
        (window as unknown as { __clipped: Text }).__clipped = node;
        return node.data;
      }
      return null;
    }, PASSAGE_REMOVED);
    expect(original).not.toBeNull();

    const state = await sendToTab(session, page, 'page/setScript', { target: 'twp' }, { timeoutMs: 30_000 });
    expect(state.ok && state.value.target).toBe('twp');
    await activeState(page);
    const shown = await page.evaluate(() => {
      const node = (window as unknown as { __clipped: Text }).__clipped;
      const range = document.createRange();
      range.selectNodeContents(node);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return node.data;
    });
    const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(normal(shown)).not.toBe(normal(original!)); // the page shows Taiwan phrasing (信息 → 資訊 …)
    await clipSelectionThroughBackground(page);

    const { clips } = await value('collections/clips', { collectionId: collection.id });
    expect(clips.map((c) => c.text)).toEqual([normal(original!)]);
    expect(clips[0].target.script).toBe('zh-Hans');

    await sendToTab(session, page, 'page/setScript', { target: 'original' });
    await expect
      .poll(async () => {
        const status = await pageStatus(page);
        const mine = status.clips.find((c) => c.clip.id === clips[0].id);
        return mine && 'method' in mine ? mine.method : 'not found';
      })
      .toMatch(/^(position|exact)$/);
    await page.close();
  });
});
