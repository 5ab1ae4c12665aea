import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ScriptState } from '../../lib/messaging';
import { withoutPinyinArtefacts } from '../../lib/annotate/pinyin';
import { activeLens, sendToTab } from '../../scripts/lib/page-state';
import { fixturesDir, launchExtension, openPopupFor, screenshotPath, trackPageErrors, type ExtensionSession } from './harness';

const SEED_001 = 'pages/seeds/001_69ea3a8987a04835.html'; // traditional, 發(fā)布會 artefacts
const SEED_003 = 'pages/seeds/003_b6a945670905af2c.html';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

async function setScript(page: Page, target: ScriptState['target']): Promise<ScriptState> {
  const result = await sendToTab(session, page, 'page/setScript', { target }, { timeoutMs: 20_000 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The page's DOM compared with a fresh parse of the same HTML (no scripts on these pages). */
const equalsPristine = (page: Page) =>
  page.evaluate(async () => {
    const pristine = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    return pristine.documentElement.isEqualNode(document.documentElement) && pristine.title === document.title;
  });

describe('script conversion in the page', () => {
  it('toggles a real traditional page to 简体 and back to the exact original', async () => {
    const page = await session.context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(session.fixtureUrl(SEED_001));
    // Highlights off first, so only the conversion touches the DOM here.
    await sendToTab(session, page, 'page/setHighlights', { on: false });
    expect(await equalsPristine(page)).toBe(true);
    const state = await setScript(page, 'cn');
    expect(state).toMatchObject({ source: 'zh-Hant', target: 'cn', error: null });
    expect(state.changedNodes).toBeGreaterThan(3);
    const text = await page.locator('#artibody').textContent();
    expect(text).toContain('汉中市举行2020年扫黑除恶专项斗争新闻发');
    expect(text).not.toContain('漢中');
    expect(await page.title()).toContain('汉中市');
    await page.screenshot({ path: screenshotPath('convert-seed-001-simplified.png') });
    const back = await setScript(page, 'original');
    expect(back.target).toBe('original');
    expect(await equalsPristine(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the highlights on the same entities after converting', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl(SEED_003));
    const countsOf = async () => {
      return (await activeLens(session, page, { idleScript: true, timeoutMs: 10_000 })).summary;
    };
    const before = await countsOf();
    await setScript(page, 'cn');
    const after = await countsOf();
    expect(after.counts).toEqual(before.counts);
    expect(after.agencies.map((a) => a.canonical)).toEqual(before.agencies.map((a) => a.canonical));
    // The highlighted text itself is now simplified (the pinyin brackets stay, hidden).
    const surfaces = after.agencies.flatMap((a) => a.surfaces).join('');
    expect(before.agencies.flatMap((a) => a.surfaces).join('')).toContain('國');
    expect(surfaces).toContain('国');
    expect(surfaces).not.toContain('國');
    await page.close();
  });

  it('converts a phrase split by inline tags as a phrase, attributes too, and never touches fields or code', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl('pages/convert-inline.html'));
    await sendToTab(session, page, 'page/setHighlights', { on: false });
    await page.locator('#note').fill('网络诈骗笔记（用户输入）');
    const state = await setScript(page, 'twp');
    expect(state.target).toBe('twp');
    const read = () =>
      page.evaluate(() => ({
        split: document.querySelector('#split')!.textContent,
        b: [...document.querySelectorAll('#split b')].map((b) => b.textContent),
        plain: document.querySelector('#plain')!.textContent,
        alt: document.querySelector('#img')!.getAttribute('alt'),
        title: document.querySelector('#img')!.getAttribute('title'),
        placeholder: document.querySelector('#search')!.getAttribute('placeholder'),
        value: (document.querySelector('#search') as HTMLInputElement).value,
        note: (document.querySelector('#note') as HTMLTextAreaElement).value,
        editor: document.querySelector('#editor')!.textContent,
        pre: document.querySelector('#pre')!.textContent,
        code: document.querySelector('#code')!.textContent,
        label: document.querySelector('#btn')!.getAttribute('aria-label'),
        docTitle: document.title,
      }));
    const converted = await read();
    // Taiwan phrases: 软件→軟體, U盘→隨身碟, 打开→開啟, 鼠标→滑鼠, 设置→設定.
    expect(converted.split).toBe('請勿下載軟體，也不要插入來歷不明的隨身碟，開啟滑鼠設定前先核實。');
    expect(converted.plain).toBe('公安機關提醒，網路詐騙手法不斷翻新，群眾要提高警惕。');
    expect(converted.alt).toBe('網路詐騙示意圖');
    expect(converted.title).toBe('點選檢視軟體說明');
    expect(converted.placeholder).toBe('搜尋網路詐騙案例');
    expect(converted.label).toBe('關閉網路詐騙提示');
    expect(converted.docTitle).toBe('軟體下載與滑鼠設定');
    // Never modified: form values, editors, code.
    expect(converted.value).toBe('网络诈骗');
    expect(converted.note).toBe('网络诈骗笔记（用户输入）');
    expect(converted.editor).toBe('网络诈骗草稿');
    expect(converted.pre).toBe('网络诈骗代码');
    expect(converted.code).toBe('网络诈骗');
    await setScript(page, 'original');
    const restored = await read();
    expect(restored.split).toBe('请勿下载软件，也不要插入来历不明的U盘，打开鼠标设置前先核实。');
    expect(restored.b).toEqual(['软', '盘']);
    expect(restored.alt).toBe('网络诈骗示意图');
    expect(restored.docTitle).toBe('软件下载与鼠标设置');
    await page.close();
  });

  it('converts a page on load when the site has a rule, and content added later', async () => {
    await session.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), scriptRules: { '127.0.0.1': 'cn' } } });
    });
    try {
      const page = await session.context.newPage();
      await page.goto(session.fixtureUrl(SEED_003));
      await expect.poll(() => page.locator('#artibody').textContent(), { timeout: 15_000 }).toContain('记者从在京召开的国');
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = '記者從國務院獲悉，專項行動取得階段性成果。';
        document.querySelector('#artibody')!.append(p);
      });
      await expect.poll(() => page.locator('#artibody p').last().textContent(), { timeout: 5000 }).toBe('记者从国务院获悉，专项行动取得阶段性成果。');
      // The popup shows the page's script and the rule.
      const popup = await openPopupFor(session, page);
      await expect.poll(() => popup.getByTestId('script-cn').getAttribute('aria-checked')).toBe('true');
      expect(await popup.getByTestId('script-rule').isChecked()).toBe(true);
      await popup.screenshot({ path: screenshotPath('popup-script.png') });
      await popup.close();
      await page.close();
    } finally {
      await session.worker.evaluate(async () => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings ?? {}), scriptRules: {} } });
      });
    }
  });
});

describe('clips while the page is shown converted', () => {
  it('quote the page\'s own text and anchor again on the original', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl(SEED_003));
    const lens = await activeLens(session, page, { timeoutMs: 10_000 });
    const agency = lens.summary.agencies.find((a) => a.surfaces.some((s) => /[國門關網]/.test(s)))!;
    expect(agency).toBeDefined();
    // An extension page to talk to the worker as the popup would.
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl(`options.html`));
    const created = (await options.evaluate(() =>
      chrome.runtime.sendMessage({ fzl: 1, name: 'collections/create', request: { name: '转换测试' } }),
    )) as { ok: boolean; value: { collection: { id: string } } };
    expect(created.ok).toBe(true);

    await setScript(page, 'cn');
    const clipped = await sendToTab(session, page, 'clips/clipAnnotation', { index: agency.first, collectionId: created.value.collection.id });
    expect(clipped.ok).toBe(true);
    if (!clipped.ok) return;
    const clip = clipped.value.clip;
    // The traditional original, not its simplified display (the popup lists surfaces as the page
    // shows them, without the pinyin brackets the clip keeps to anchor on the page's own text).
    expect(agency.surfaces).toContain(withoutPinyinArtefacts(clip.text));
    expect(clip.text).toMatch(/[國門關網]/);
    expect(clip.target.script).toBe('zh-Hant');
    expect(clip.target.selector[0].exact).toBe(clip.text);
    // The stored quote keeps the page's pinyin brackets (anchoring needs them); the popup shows it as read.
    expect(clip.text).toMatch(/\((?:guó|wù|wǎng|luò|lián|huì)\)/);
    const popup = await openPopupFor(session, page);
    await popup.getByTestId('tab-collections').click();
    await expect.poll(() => popup.getByTestId('clip-text').allTextContents()).toContain(withoutPinyinArtefacts(clip.text));
    await popup.close();

    await setScript(page, 'original');
    await expect
      .poll(async () => {
        const status = await sendToTab(session, page, 'clips/pageStatus', {});
        const mine = status.ok ? status.value.clips.find((c) => c.clip.id === clip.id) : undefined;
        return mine && 'method' in mine ? mine.method : 'not found';
      })
      .toMatch(/^(position|exact)$/);
    await options.close();
    await page.close();
  });
});

describe('a page mixing both scripts', () => {
  it('converts each paragraph from its own script', async () => {
    const url = session.fixtureUrl('generated/mixed.html');
    await session.context.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="zh-CN"><head><title>转载</title></head><body>
<p id="s1">公安部部署全国公安机关开展“断卡”行动，打击治理电信网络诈骗犯罪。</p>
<p id="s2">记者从会上获悉，各地区各部门认真贯彻落实党中央决策部署。</p>
<blockquote id="t1">漢中市公安局黨委副書記通報了掃黑除惡專項鬥爭情況，網絡詐騙案件明顯上升。</blockquote>
</body></html>`,
      }),
    );
    const page = await session.context.newPage();
    await page.goto(url);
    await sendToTab(session, page, 'page/setHighlights', { on: false });
    expect((await setScript(page, 'cn')).source).toBe('zh-Hans');
    expect(await page.locator('#t1').textContent()).toBe('汉中市公安局党委副书记通报了扫黑除恶专项斗争情况，网络诈骗案件明显上升。');
    expect(await page.locator('#s1').textContent()).toBe('公安部部署全国公安机关开展“断卡”行动，打击治理电信网络诈骗犯罪。');
    await setScript(page, 'tw');
    expect(await page.locator('#s1').textContent()).toBe('公安部部署全國公安機關開展“斷卡”行動，打擊治理電信網絡詐騙犯罪。');
    expect(await page.locator('#t1').textContent()).toBe('漢中市公安局黨委副書記通報了掃黑除惡專項鬥爭情況，網絡詐騙案件明顯上升。');
    await setScript(page, 'original');
    expect(await page.locator('#t1').textContent()).toBe('漢中市公安局黨委副書記通報了掃黑除惡專項鬥爭情況，網絡詐騙案件明顯上升。');
    await page.close();
  });
});

describe('OpenCC cases through the DOM path in Chromium', () => {
  const raw = readFileSync(join(fixturesDir, 'opencc/testcases.json'), 'utf8').replace(/,(\s*[}\]])/g, '$1');
  const cases = (JSON.parse(raw) as { cases: { id: string; input: string; expected: Record<string, string> }[] }).cases;
  const known = new Set(
    (JSON.parse(readFileSync(join(fixturesDir, 'opencc/known-dictionary-differences.json'), 'utf8')).differences as { id: string; config: string }[]).map(
      (d) => `${d.id}/${d.config}`,
    ),
  );
  // The product's directions: page language decides the source, the popup the target.
  const configs: Record<string, { lang: string; target: ScriptState['target'] }> = {
    s2tw: { lang: 'zh-CN', target: 'tw' },
    s2twp: { lang: 'zh-CN', target: 'twp' },
    s2hk: { lang: 'zh-CN', target: 'hk' },
    tw2s: { lang: 'zh-TW', target: 'cn' },
    hk2s: { lang: 'zh-HK', target: 'cn' },
    t2s: { lang: 'zh-Hant', target: 'cn' },
  };
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  for (const [config, { lang, target }] of Object.entries(configs)) {
    it(`${config}: every case, split across inline elements`, async () => {
      const list = cases.filter((c) => c.expected[config] !== undefined && !known.has(`${c.id}/${config}`));
      expect(list.length).toBeGreaterThan(15);
      // Each input split at 1/3 and 2/3 by <b> and <a>, as a phrase broken by markup would be.
      const paragraphs = list.map((c, i) => {
        const chars = Array.from(c.input);
        const a = Math.floor(chars.length / 3);
        const b = Math.floor((2 * chars.length) / 3);
        const html = `${escape(chars.slice(0, a).join(''))}<b>${escape(chars.slice(a, b).join(''))}</b><a href="#">${escape(chars.slice(b).join(''))}</a>`;
        return `<p id="c${i}">${html}</p>`;
      });
      const url = session.fixtureUrl(`generated/opencc-${config}.html`);
      await session.context.route(url, (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${paragraphs.join('\n')}</body></html>` }),
      );
      const page = await session.context.newPage();
      await page.goto(url);
      await sendToTab(session, page, 'page/setHighlights', { on: false });
      const state = await setScript(page, target);
      expect(state.error).toBeNull();
      const out = await page.evaluate((n) => Array.from({ length: n }, (_, i) => document.getElementById(`c${i}`)!.textContent), list.length);
      const failures = list.map((c, i) => ({ id: c.id, expected: c.expected[config], got: out[i] })).filter((r) => r.expected !== r.got);
      expect(failures).toEqual([]);
      await page.close();
    });
  }
});

describe('the converter of the likely switch is built when the popup opens', () => {
  it('a simplified page asks the worker for cn→tw once its state is read; other directions stay unbuilt', async () => {
    // A fresh browser: a fresh worker, no converter built yet.
    const fresh = await launchExtension();
    try {
      const extensionPage = await fresh.context.newPage();
      await extensionPage.goto(fresh.extensionUrl(`options.html`));
      const prepare = (from: string, to: string) =>
        extensionPage.evaluate(
          ({ from, to }) => chrome.runtime.sendMessage({ fzl: 1, name: 'convert/prepare', request: { from, to } }),
          { from, to },
        ) as Promise<{ ok: boolean; value: { built: boolean; ms: number } }>;
      const page = await fresh.context.newPage();
      await page.goto(fresh.fixtureUrl('pages/seeds/002_cd855594ea86f9d9.html'));
      await activeLens(fresh, page); // reads page/state, as the popup does when it opens
      // The content script asked first, so this call finds the converter built or being built.
      const asked = await prepare('cn', 'tw');
      expect(asked).toMatchObject({ ok: true, value: { built: false } });
      // Nobody asked for 繁體·香港: this call builds it (the check above can fail).
      expect(await prepare('cn', 'hk')).toMatchObject({ ok: true, value: { built: true } });
      const state = await sendToTab(fresh, page, 'page/setScript', { target: 'tw' }, { timeoutMs: 30_000 });
      expect(state.ok && state.value.target).toBe('tw');
    } finally {
      await fresh.close();
    }
  });
});
