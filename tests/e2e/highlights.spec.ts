import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bagOfCharactersF1 } from '../../lib/eval/char-f1';
import type { PageState } from '../../lib/messaging';
import { activeLens, sendToTab } from '../../scripts/lib/page-state';
import { fixturesDir, launchExtension, openPopupFor, screenshotPath, trackPageErrors, type ExtensionSession } from './harness';

const SEED_002 = 'pages/seeds/002_cd855594ea86f9d9.html'; // simplified, boilerplate lists around the body
const SEED_001 = 'pages/seeds/001_69ea3a8987a04835.html'; // traditional, with the 發(fā)布會 artefact
const TAIWAN_ETTODAY = 'corpus/news-html/twnews/ettoday/source.html'; // ETtoday, Taiwan police and prosecutors

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

const activeState = (page: Page) => activeLens(session, page);

/** Every highlighted range, read in the page's own world (the registry belongs to the document). */
function highlightedRanges(page: Page) {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    const out: { name: string; text: string; inArticle: boolean; rect: { x: number; y: number; w: number; h: number } }[] = [];
    for (const [name, highlight] of registry) {
      for (const painted of highlight) {
        // Highlights may hold StaticRanges (no geometry): measure a live Range over the same span.
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        const r = range.getBoundingClientRect();
        const container = range.commonAncestorContainer;
        const element = container.nodeType === 1 ? (container as Element) : container.parentElement!;
        out.push({ name, text: range.toString(), inArticle: Boolean(element.closest('#artibody')), rect: { x: r.x, y: r.y, w: r.width, h: r.height } });
      }
    }
    return out;
  });
}

describe('highlights on real pages', () => {
  it('highlights operations, agencies and statistics inside the article only', async () => {
    const page = await session.context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(session.fixtureUrl(SEED_002));
    const lens = await activeState(page);
    expect(lens.summary.counts.operation).toBeGreaterThanOrEqual(7); // 云剑 断卡 断流 斩链 清源 利剑 拔钉
    expect(lens.summary.operations.map((o) => o.canonical)).toEqual(
      expect.arrayContaining(['云剑行动', '断卡行动', '断流行动', '斩链战役', '清源战役', '利剑战役', '拔钉行动']),
    );
    const ranges = await highlightedRanges(page);
    const total = lens.summary.counts.operation + lens.summary.counts.agency + lens.summary.counts.statistic;
    expect(ranges.length).toBeGreaterThanOrEqual(total);
    expect(ranges.filter((r) => !r.inArticle)).toEqual([]);
    // The sidebar names an agency too (国家金融监督管理总局): it stays unmarked.
    expect(await page.locator('aside').textContent()).toContain('国家金融监督管理总局');
    expect(ranges.some((r) => r.text === '国家金融监督管理总局')).toBe(false);
    await page.screenshot({ path: screenshotPath('highlights-seed-002.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a traditional page the card shows the canonical name in traditional script (漢中市公安局, not 汉中市公安局)', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl(SEED_001));
    await activeState(page);
    const target = (await highlightedRanges(page)).find((r) => r.text.startsWith('市公安局'))!;
    expect(target).toBeDefined();
    await page.evaluate((y) => window.scrollTo(0, y - 200), target.rect.y + (await page.evaluate(() => window.scrollY)));
    const onScreen = (await highlightedRanges(page)).find((r) => r.text.startsWith('市公安局'))!;
    await page.mouse.move(onScreen.rect.x + onScreen.rect.w / 2, onScreen.rect.y + onScreen.rect.h / 2);
    await expect.poll(() => page.getByTestId('fzl-card').isVisible(), { timeout: 5000 }).toBe(true);
    const canonical = await page.getByTestId('fzl-card-canonical').textContent();
    expect(canonical).toContain('漢中市公安局');
    expect(canonical).not.toContain('汉中市公安局');
    await page.screenshot({ path: screenshotPath('card-traditional-seed-001.png') });
    await page.close();
  });

  it('on a Taiwan page the card and the popup show Taiwan bodies by their full traditional names (ETtoday)', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl(TAIWAN_ETTODAY));
    const lens = await activeState(page);
    // The key stays simplified; 台南地檢署 is read as the seat's full name, 永康分局 as the city bureau's.
    const canonicals = lens.summary.agencies.map((a) => a.canonical);
    expect(canonicals).toEqual(expect.arrayContaining(['台湾台南地方检察署', '台南市政府警察局永康分局']));
    const target = (await highlightedRanges(page)).find((r) => r.text === '台南地檢署')!;
    expect(target).toBeDefined();
    await page.evaluate((y) => window.scrollTo(0, y - 200), target.rect.y + (await page.evaluate(() => window.scrollY)));
    const onScreen = (await highlightedRanges(page)).find((r) => r.text === '台南地檢署')!;
    await page.mouse.move(onScreen.rect.x + onScreen.rect.w / 2, onScreen.rect.y + onScreen.rect.h / 2);
    await expect.poll(() => page.getByTestId('fzl-card').isVisible(), { timeout: 5000 }).toBe(true);
    expect(await page.getByTestId('fzl-card-canonical').textContent()).toContain('臺灣臺南地方檢察署');
    await page.screenshot({ path: screenshotPath('card-taiwan-ettoday.png') });

    const popup = await openPopupFor(session, page);
    await expect.poll(() => popup.getByTestId('list-agency').textContent()).toContain('臺灣臺南地方檢察署');
    const listed = (await popup.getByTestId('list-agency').textContent())!;
    expect(listed).toContain('臺南市政府警察局永康分局');
    expect(listed).not.toContain('台湾台南地方检察署');
    await popup.screenshot({ path: screenshotPath('popup-taiwan-ettoday.png'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('shows a card with the canonical name on hover, never over the text, closed by Escape', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl(SEED_002));
    await activeState(page);
    const target = (await highlightedRanges(page)).find((r) => r.text === '最高法')!;
    expect(target).toBeDefined();
    await page.evaluate((y) => window.scrollTo(0, y - 200), target.rect.y + (await page.evaluate(() => window.scrollY)));
    const onScreen = (await highlightedRanges(page)).find((r) => r.text === '最高法')!;
    await page.mouse.move(onScreen.rect.x + onScreen.rect.w / 2, onScreen.rect.y + onScreen.rect.h / 2);
    const card = page.getByTestId('fzl-card');
    await expect.poll(() => card.isVisible(), { timeout: 5000 }).toBe(true);
    expect(await page.getByTestId('fzl-card-canonical').textContent()).toContain('最高人民法院');
    expect(await page.getByTestId('fzl-card-kind').textContent()).toContain('机构');
    const box = (await card.boundingBox())!;
    const overlaps =
      box.x < onScreen.rect.x + onScreen.rect.w && box.x + box.width > onScreen.rect.x && box.y < onScreen.rect.y + onScreen.rect.h && box.y + box.height > onScreen.rect.y;
    expect(overlaps).toBe(false);
    await page.screenshot({ path: screenshotPath('highlight-card.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);

    // A statistic's card states its parsed value, unit and what it counts.
    const stat = (await highlightedRanges(page)).find((r) => r.text === '3180余亿元')!;
    await page.evaluate((y) => window.scrollBy(0, y - 300), stat.rect.y);
    const statNow = (await highlightedRanges(page)).find((r) => r.text === '3180余亿元')!;
    await page.mouse.move(statNow.rect.x + statNow.rect.w / 2, statNow.rect.y + statNow.rect.h / 2);
    await expect.poll(() => page.getByTestId('fzl-card-statistic').textContent(), { timeout: 5000 }).toContain('318,000,000,000 元');
    await page.close();
  });

  it('reaches every highlight from the keyboard through the legend', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl(SEED_002));
    const lens = await activeState(page);
    await page.getByTestId('fzl-next').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('fzl-card-text').textContent(), { timeout: 5000 }).toBeTruthy();
    const first = await page.getByTestId('fzl-card-text').textContent();
    await page.getByTestId('fzl-next').press('Enter');
    await expect.poll(() => page.getByTestId('fzl-card-text').textContent(), { timeout: 5000 }).not.toBe(first);
    expect(lens.summary.counts.agency).toBeGreaterThan(0);
    await page.close();
  });

  it('hides the pinyin artefact in the headline and menus too, and turning off puts every bracket back', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl('pages/seeds/004_daf76fd60bbc25c0.html'));
    await activeState(page);
    const artefact = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/;
    const read = () =>
      page.evaluate(() => {
        const article = document.querySelector('#artibody')!;
        const outside = [...document.querySelectorAll('h1, a')].filter((e) => !article.contains(e));
        return {
          outside: outside.map((e) => (e as HTMLElement).innerText).join(''),
          outsideRaw: outside.map((e) => e.textContent).join(''),
          page: document.body.innerText,
        };
      });
    const on = await read();
    expect(on.outsideRaw).toMatch(artefact); // the brackets are still in the DOM outside the article …
    expect(on.outside).not.toMatch(artefact); // … and the reader sees none of them there
    // In the article, only brackets after mojibake stay (斬?cái)嚯娦啪W(wǎng): not after a Han character).
    expect(on.page.match(new RegExp(artefact.source, 'g')) ?? []).toEqual(['(wǎng)']);
    await sendToTab(session, page, 'page/setHighlights', { on: false });
    const off = await read();
    expect(off.outside).toMatch(artefact); // off: the page as it was
    expect(off.outside).toBe(off.outsideRaw);
    await page.close();
  });

  it('turning highlights off restores the page exactly: DOM, text nodes, selection and scroll', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl(SEED_001));
    const lens = await activeState(page);
    expect(lens.pinyinHidden).toBeGreaterThan(10); // 發(fā)布會 … hidden for display
    // The popup lists what the page shows: title and names without the brackets the page holds.
    const artefact = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/;
    const rawTexts = await page.evaluate(() => [document.title, document.querySelector('#artibody')!.textContent!]);
    expect(rawTexts.join('')).toMatch(artefact);
    const shownTexts = [lens.article.title, ...lens.summary.agencies.flatMap((a) => a.surfaces), ...lens.summary.operations.flatMap((a) => a.surfaces)];
    expect(lens.summary.agencies.length).toBeGreaterThan(0);
    expect(shownTexts.filter((text) => artefact.test(text))).toEqual([]);
    const compare = () =>
      page.evaluate(async () => {
        const html = await (await fetch(location.href)).text();
        const pristine = new DOMParser().parseFromString(html, 'text/html');
        const countText = (root: Node) => {
          let n = 0;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) n++;
          return n;
        };
        return {
          equal: pristine.documentElement.isEqualNode(document.documentElement),
          textNodes: [countText(pristine.documentElement), countText(document.documentElement)],
          reads: (document.querySelector('#artibody p') as HTMLElement).innerText.includes('新聞發布會'),
        };
      });
    const whileOn = await compare();
    expect(whileOn.equal).toBe(false);
    expect(whileOn.reads).toBe(true); // the artefact is hidden, the text reads 發布會
    // A selection and a scroll position the reader has when turning highlights off.
    const before = await page.evaluate(() => {
      const p = document.querySelectorAll('#artibody p')[1];
      const text = p.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 2);
      range.setEnd(text, 12);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      window.scrollTo(0, 240);
      return { selection: getSelection()!.toString(), scrollY: window.scrollY };
    });
    const off = await sendToTab(session, page, 'page/setHighlights', { on: false });
    expect(off.ok && off.value.lens.status).toBe('off');
    const afterOff = await compare();
    expect(afterOff.equal).toBe(true);
    expect(afterOff.textNodes[1]).toBe(afterOff.textNodes[0]);
    const after = await page.evaluate(() => ({ selection: getSelection()!.toString(), scrollY: window.scrollY }));
    expect(after).toEqual(before);
    expect(await page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()])).toEqual([]);
    // And back on: the same highlights again.
    await sendToTab(session, page, 'page/setHighlights', { on: true });
    const again = await activeState(page);
    expect(again.summary.counts).toEqual(lens.summary.counts);
    await page.close();
  });

  it('annotates a paragraph appended to the article later, and not one appended to the sidebar', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl(SEED_002));
    const lens = await activeState(page);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '据国家反诈中心介绍，今年以来累计拦截诈骗电话3.2万次。';
      document.querySelector('#artibody')!.append(p);
      const li = document.createElement('li');
      li.textContent = '最高人民检察院发布典型案例';
      document.querySelector('aside ul')!.append(li);
    });
    await expect
      .poll(async () => (await activeState(page)).summary.counts.statistic, { timeout: 5000 })
      .toBe(lens.summary.counts.statistic + 1);
    const now = await activeState(page);
    expect(now.summary.counts.agency).toBe(lens.summary.counts.agency + 1);
    const ranges = await highlightedRanges(page);
    expect(ranges.some((r) => r.text === '3.2万次')).toBe(true);
    expect(ranges.filter((r) => !r.inArticle)).toEqual([]);
    await page.close();
  });

  it('summarises the page in the popup, with the statistics table that scrolls to a figure', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl(SEED_002));
    const lens = await activeState(page);
    const popup = await openPopupFor(session, page);
    await expect.poll(() => popup.getByTestId('count-agency').textContent()).toContain(String(lens.summary.counts.agency));
    expect(await popup.getByTestId('list-operation').textContent()).toContain('云剑行动');
    expect(await popup.getByTestId('list-agency').textContent()).toContain('最高人民法院');
    await popup.screenshot({ path: screenshotPath('popup-summary.png') });
    await popup.getByTestId('tab-statistics').click();
    const rows = popup.getByTestId('statistics-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(lens.summary.statistics.length);
    const rowTexts = await rows.allTextContents();
    expect(rowTexts.some((t) => t.includes('46.4万起') && t.includes('464,000'))).toBe(true);
    await popup.screenshot({ path: screenshotPath('popup-statistics.png') });
    const scrollBefore = await page.evaluate(() => window.scrollY);
    const last = lens.summary.statistics[lens.summary.statistics.length - 1];
    const scrolled = await sendToTab(session, page, 'page/scrollTo', { index: last.index });
    expect(scrolled).toEqual({ ok: true, value: { scrolled: true } });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollBefore + 100);
    await popup.close();
    await page.close();
  });

  it('says "no article" on a page that is not an article and paints nothing', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl('pages/list-page.html'));
    let state: PageState | null = null;
    for (let i = 0; i < 50 && (!state || state.lens.status === 'off'); i++) {
      const r = await sendToTab(session, page, 'page/state', {});
      state = r.ok ? r.value : null;
      await page.waitForTimeout(100);
    }
    expect(state?.lens.status).toBe('no-article');
    expect(await highlightedRanges(page)).toEqual([]);
    expect(await page.locator('fzl-root').count()).toBe(0);
    const popup = await openPopupFor(session, page);
    await expect.poll(() => popup.getByTestId('no-article').isVisible()).toBe(true);
    // The reason in the reader's language (the extractor's own words stay as a tooltip).
    expect(await popup.getByTestId('no-article-reason').textContent()).toBe('页面上没有成段的文字。');
    await popup.close();
    await page.close();
  });
});

describe('the content script chooses the body on real corpus pages', () => {
  // GB18030 (declared in a meta tag), UTF-8, and a traditional Big5 page: served as bytes, decoded by Chromium.
  const pages = [
    'corpus/news-html/cwce/05e98007-d810-4036-b154-2ef2fe68c2af',
    'corpus/news-html/cwce/274a65d9-46df-45be-b9f6-4d18ba911427',
    'corpus/news-html/cwce/4fa9dfe4-874c-4c43-9260-6ea22710852c',
  ];
  for (const dir of pages) {
    it(dir.split('/').pop()!, async () => {
      const page = await session.context.newPage();
      await page.goto(session.fixtureUrl(`${dir}/source.html`));
      await activeState(page);
      const article = await sendToTab(session, page, 'page/articleText', {});
      expect(article.ok).toBe(true);
      const text = article.ok && article.value ? article.value.text : '';
      const expected = readFileSync(join(fixturesDir, dir, 'expected.txt'), 'utf8');
      expect(bagOfCharactersF1(text, expected)).toBeGreaterThan(0.9);
      await page.close();
    });
  }
});
