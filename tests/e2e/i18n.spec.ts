import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activeLens } from '../../scripts/lib/page-state';
import { launchExtension, openPopupFor, screenshotPath, trackPageErrors, type ExtensionSession } from './harness';

// The interface in 简体中文, 繁體中文 and English, chosen in options; keyboard reach, focus rings and dark mode.
const SEED_002 = 'pages/seeds/002_cd855594ea86f9d9.html';

let session: ExtensionSession;
let article: Page;
let options: Page;
beforeAll(async () => {
  session = await launchExtension();
  article = await session.context.newPage();
  await article.goto(session.fixtureUrl(SEED_002));
  await waitForLens(article);
  options = await session.context.newPage();
  await options.goto(session.extensionUrl(`options.html`));
});
afterAll(async () => {
  await session?.close();
});

const waitForLens = (page: Page) => activeLens(session, page);

const storedLanguage = () =>
  session.worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { uiLanguage?: string } | undefined)?.uiLanguage);

/** Chooses the language with the options page's own selector, as a reader would. */
async function chooseLanguage(value: 'auto' | 'zh-CN' | 'zh-TW' | 'en') {
  await options.getByTestId('opt-language').selectOption(value);
  await expect.poll(storedLanguage).toBe(value);
}

interface Expected {
  setting: 'zh-CN' | 'zh-TW' | 'en';
  locale: string;
  lang: string;
  optionsTitle: string;
  managerTitle: string;
  appName: string;
  overview: string;
  agencies: string;
  collections: string;
  everywhere: string;
  kinds: string[];
  clip: string;
  close: string;
  next: string;
}

const LANGUAGES: Expected[] = [
  {
    setting: 'zh-CN',
    locale: 'zh_CN',
    lang: 'zh-CN',
    optionsTitle: '反诈透镜 · 设置',
    managerTitle: '反诈透镜 · 收藏管理',
    appName: '反诈透镜',
    overview: '概览',
    agencies: '机构',
    collections: '收藏夹',
    everywhere: '启用高亮（所有网站）',
    kinds: ['专项行动', '机构', '数据'],
    clip: '收藏',
    close: '关闭',
    next: '下一个高亮',
  },
  {
    setting: 'zh-TW',
    locale: 'zh_TW',
    lang: 'zh-TW',
    optionsTitle: '反詐透鏡 · 設定',
    managerTitle: '反詐透鏡 · 收藏管理',
    appName: '反詐透鏡',
    overview: '概覽',
    agencies: '機關',
    collections: '收藏夾',
    everywhere: '啟用醒目標示（所有網站）',
    kinds: ['專項行動', '機關', '數據'],
    clip: '收藏',
    close: '關閉',
    next: '下一個標示',
  },
  {
    setting: 'en',
    locale: 'en',
    lang: 'en',
    optionsTitle: 'Fanzha Lens · Settings',
    managerTitle: 'Fanzha Lens · Collections',
    appName: 'Fanzha Lens',
    overview: 'Overview',
    agencies: 'Agencies',
    collections: 'Collections',
    everywhere: 'Highlights on (all sites)',
    kinds: ['Operation', 'Agency', 'Statistic'],
    clip: 'Clip',
    close: 'Close',
    next: 'Next highlight',
  },
];

/** The focused element, looking inside open shadow roots (the card and legend live in one). */
const deepFocus = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return null;
    const style = getComputedStyle(active);
    const id = active.getAttribute('data-fzl-tab-id');
    return {
      id,
      label: `${active.tagName.toLowerCase()}[${active.getAttribute('data-testid') ?? active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 20)}]`,
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1,
    };
  });

/**
 * Presses Tab from the first control of `root` (a CSS selector; inside the shadow root when
 * `shadowHost` is given) until focus comes back round or leaves the page, and compares what it reached
 * with every enabled, visible control there. The walk starts at the first control because a click sets
 * the browser's focus-navigation starting point, and after the last control Firefox moves focus into
 * its own toolbar instead of back into the page.
 */
async function tabThrough(page: Page, { root = 'body', shadowHost }: { root?: string; shadowHost?: string } = {}) {
  const focusControl = (id: string) =>
    page.evaluate(
      ({ id, shadowHost }) => {
        const scope: ParentNode = shadowHost ? document.querySelector(shadowHost)!.shadowRoot! : document;
        scope.querySelector<HTMLElement>(`[data-fzl-tab-id="${id}"]`)!.focus();
      },
      { id, shadowHost },
    );
  const count = await page.evaluate(
    ({ root, shadowHost }) => {
      const scope: ParentNode = shadowHost ? document.querySelector(shadowHost)!.shadowRoot! : document;
      for (const el of scope.querySelectorAll('[data-fzl-tab-id]')) el.removeAttribute('data-fzl-tab-id'); // an earlier walk's
      const container = scope.querySelector(root) ?? scope;
      const controls = [...container.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]')].filter(
        (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
      );
      controls.forEach((el, i) => el.setAttribute('data-fzl-tab-id', String(i)));
      return controls.length;
    },
    { root, shadowHost },
  );
  const reached = new Map<string, { label: string; ring: boolean }>();
  if (count > 1) {
    // The first control by keyboard too: Shift+Tab from the second (a focus() call shows no ring after a click).
    await focusControl('1');
    await page.keyboard.press('Shift+Tab');
    const first = await deepFocus(page);
    if (first?.id === '0') reached.set('0', first);
  }
  if (count > 0) await focusControl('0');
  let outside = 0;
  for (let i = 0; i < count * 2 + 20; i++) {
    await page.keyboard.press('Tab');
    const focus = await deepFocus(page);
    if (!focus?.id) {
      if (++outside >= 3) break; // focus left the page (Firefox's toolbar), or the page has nothing more
      continue;
    }
    outside = 0;
    if (focus.id === '0') {
      // Came round. Firefox wraps through its toolbar and draws no ring on the control focus comes back
      // to, so the first control's ring is the one Shift+Tab showed.
      if (!reached.has('0')) reached.set('0', focus);
      break;
    }
    reached.set(focus.id, focus);
    // Every control reached: stop before focus wraps (through Firefox's toolbar, which loses the page's focus-ring state).
    if (reached.size === count) break;
  }
  const all = await page.evaluate(
    ({ shadowHost }) => {
      const scope: ParentNode = shadowHost ? document.querySelector(shadowHost)!.shadowRoot! : document;
      return [...scope.querySelectorAll('[data-fzl-tab-id]')].map((el) => ({
        id: el.getAttribute('data-fzl-tab-id')!,
        label: `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20)}]`,
      }));
    },
    { shadowHost },
  );
  return {
    count,
    missing: all.filter((c) => !reached.has(c.id)).map((c) => c.label),
    withoutRing: [...reached.values()].filter((r) => !r.ring).map((r) => r.label),
  };
}

describe('interface language', () => {
  for (const language of LANGUAGES) {
    it(`${language.locale}: options, popup, legend, card and manager follow the language chosen in options`, async () => {
      const errors = trackPageErrors(options);
      await chooseLanguage(language.setting);
      // The options page itself follows at once (no reload).
      await expect.poll(() => options.locator('h1').textContent()).toBe(language.optionsTitle);
      expect(await options.evaluate(() => [document.documentElement.lang, document.title])).toEqual([language.lang, language.optionsTitle]);

      const popup = await openPopupFor(session, article);
      await expect.poll(() => popup.getByTestId('tab-summary').textContent()).toBe(language.overview);
      expect(await popup.locator('h1').textContent()).toBe(language.appName);
      expect(await popup.getByTestId('count-agency').textContent()).toContain(language.agencies);
      expect(await popup.getByTestId('tab-collections').textContent()).toBe(language.collections);
      expect(await popup.locator('label', { has: popup.getByTestId('global-toggle') }).textContent()).toBe(language.everywhere);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(language.lang);
      // Longer English labels still fit the popup's width.
      expect(await popup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await popup.screenshot({ path: screenshotPath(`popup-${language.locale}.png`), fullPage: true });
      await popup.close();

      // The page opened before the change: its legend follows without a reload.
      await expect.poll(() => article.getByTestId('fzl-legend-agency').textContent()).toContain(language.agencies);
      expect(await article.getByTestId('fzl-next').getAttribute('aria-label')).toBe(language.next);
      await article.bringToFront();
      await article.getByTestId('fzl-next').focus();
      await article.keyboard.press('Enter');
      const card = article.getByTestId('fzl-card');
      await expect.poll(() => card.isVisible(), { timeout: 5000 }).toBe(true);
      const kind = (await article.getByTestId('fzl-card-kind').textContent())!.trim();
      expect(language.kinds).toContain(kind);
      expect(await card.getAttribute('role')).toBe('dialog');
      expect(await card.getAttribute('aria-label')).toMatch(new RegExp(`^${kind}[：:] ?\\S`));
      expect(await article.getByTestId('fzl-card-clip').textContent()).toBe(language.clip);
      expect(await card.locator('button.close').getAttribute('aria-label')).toBe(language.close);
      await article.screenshot({ path: screenshotPath(`card-${language.locale}.png`) });
      await article.keyboard.press('Escape');
      await expect.poll(() => card.count()).toBe(0);

      const manager = await session.context.newPage();
      await manager.goto(session.extensionUrl(`collections.html`));
      await expect.poll(() => manager.locator('h1').textContent()).toBe(language.managerTitle);
      expect(await manager.title()).toBe(language.managerTitle);
      await manager.close();
      expect(errors).toEqual([]);
    });
  }

  it('"follow the browser" resolves to the browser language (zh-CN here)', async () => {
    await chooseLanguage('auto');
    await expect.poll(() => options.locator('h1').textContent()).toBe('反诈透镜 · 设置');
    const popup = await openPopupFor(session, article);
    await expect.poll(() => popup.getByTestId('tab-summary').textContent()).toBe('概览');
    await popup.close();
    // The options page lists each language in its own script, whatever the interface language is.
    expect(await options.getByTestId('opt-language').locator('option').allTextContents()).toEqual(['跟随浏览器', '简体中文', '繁體中文', 'English']);
  });
});

describe('keyboard and ARIA', () => {
  it('every popup control is reached by Tab, in every view, with a visible focus ring', async () => {
    const popup = await openPopupFor(session, article);
    await expect.poll(() => popup.getByTestId('list-agency').count()).toBe(1);
    expect(await popup.getByTestId('list-agency').getAttribute('role')).toBe('list');
    expect(await popup.getByTestId('list-operation').getAttribute('role')).toBe('list');
    expect(await popup.getByRole('tablist').count()).toBe(1);

    const summary = await tabThrough(popup);
    expect(summary.count).toBeGreaterThan(10);
    expect(summary.missing).toEqual([]);
    expect(summary.withoutRing).toEqual([]);

    await popup.getByTestId('tab-statistics').click();
    await expect.poll(() => popup.getByTestId('statistics-table').count()).toBe(1);
    const statistics = await tabThrough(popup);
    expect(statistics.missing).toEqual([]);
    expect(statistics.withoutRing).toEqual([]);

    await popup.getByTestId('tab-collections').click();
    await expect.poll(() => popup.getByTestId('collections-list').count()).toBe(1);
    expect(await popup.getByTestId('collections-list').getAttribute('role')).toBe('list');
    const collections = await tabThrough(popup);
    expect(collections.missing).toEqual([]);
    expect(collections.withoutRing).toEqual([]);
    await popup.close();
  });

  it('every options control is reached by Tab with a visible focus ring', async () => {
    await options.bringToFront();
    await options.reload();
    await expect.poll(() => options.getByTestId('opt-language').count()).toBe(1);
    const result = await tabThrough(options);
    expect(result.count).toBeGreaterThan(10);
    expect(result.missing).toEqual([]);
    expect(result.withoutRing).toEqual([]);
  });

  it('the legend and the card: reached by Tab, focus ring, dialog with a label', async () => {
    await article.bringToFront();
    await article.getByTestId('fzl-next').focus();
    await article.keyboard.press('Enter');
    await expect.poll(() => article.getByTestId('fzl-card').isVisible(), { timeout: 5000 }).toBe(true);
    expect(await article.getByRole('dialog').getAttribute('aria-label')).toBeTruthy();
    expect(await article.getByRole('region', { name: '反诈透镜图例' }).count()).toBe(1);
    await article.getByTestId('fzl-prev').focus();
    const result = await tabThrough(article, { shadowHost: 'fzl-root' });
    expect(result.count).toBe(5); // ‹ › × in the legend, 收藏 and × on the card
    expect(result.missing).toEqual([]);
    expect(result.withoutRing).toEqual([]);
    await article.keyboard.press('Escape');
  });
});

describe('dark mode', () => {
  const background = (page: Page, selector = 'body') =>
    page.evaluate((s) => {
      let el: Element | null = document.querySelector(s);
      if (!el) el = document.querySelector('fzl-root')?.shadowRoot?.querySelector(s) ?? null;
      return el ? getComputedStyle(el).backgroundColor : null;
    }, selector);

  it('popup, options and manager follow the system colour scheme', async () => {
    const popup = await openPopupFor(session, article);
    await expect.poll(() => popup.getByTestId('tab-summary').count()).toBe(1);
    expect(await background(popup)).toBe('rgb(255, 255, 255)');
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await background(popup)).toBe('rgb(27, 27, 31)');
    expect(await popup.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(230, 230, 234)');
    await popup.screenshot({ path: screenshotPath('popup-dark.png'), fullPage: true });
    await popup.close();

    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await background(options)).toBe('rgb(27, 27, 31)');
    await options.emulateMedia({ colorScheme: 'light' });

    const manager = await session.context.newPage();
    await manager.emulateMedia({ colorScheme: 'dark' });
    await manager.goto(session.extensionUrl(`collections.html`));
    await expect.poll(() => manager.getByTestId('manager').count()).toBe(1);
    expect(await background(manager)).toBe('rgb(27, 27, 31)');
    await manager.screenshot({ path: screenshotPath('manager-dark.png') });
    await manager.close();
  });

  it('the card and the legend follow too', async () => {
    await article.bringToFront();
    await article.emulateMedia({ colorScheme: 'dark' });
    await article.getByTestId('fzl-next').focus();
    await article.keyboard.press('Enter');
    await expect.poll(() => article.getByTestId('fzl-card').isVisible(), { timeout: 5000 }).toBe(true);
    expect(await background(article, '.card')).toBe('rgb(42, 43, 48)');
    expect(await background(article, '.legend')).toBe('rgb(42, 43, 48)');
    await article.screenshot({ path: screenshotPath('card-dark.png') });
    await article.emulateMedia({ colorScheme: 'light' });
    expect(await background(article, '.card')).toBe('rgb(255, 255, 255)');
    await article.keyboard.press('Escape');
  });
});
