/**
 * #19: what a page's own scripts can do to our nodes and UI. Each test failed on the build before its fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeLens } from '../../scripts/lib/page-state';
import { launchExtension, type ExtensionSession } from './harness';

const SEED_001 = 'pages/seeds/001_69ea3a8987a04835.html'; // traditional, with the 發(fā)布會 artefact

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

describe('a page that registers custom elements', () => {
  it('pre-registering our old pinyin element name (fzl-pinyin) runs no page code in our nodes (#19.8)', async () => {
    const page = await session.context.newPage();
    // The page's own script, before ours: a custom element under the name we used to create, which would
    // empty each paragraph it is put into.
    await page.addInitScript(() => {
      const w = window as unknown as { __ranInOurNodes?: number };
      customElements.define(
        'fzl-pinyin',
        class extends HTMLElement {
          connectedCallback() {
            w.__ranInOurNodes = (w.__ranInOurNodes ?? 0) + 1;
            this.closest('p')?.replaceChildren();
          }
        },
      );
    });
    await page.goto(session.fixtureUrl(SEED_001));
    const lens = await activeLens(session, page);
    expect(await page.evaluate(() => (window as unknown as { __ranInOurNodes?: number }).__ranInOurNodes ?? 0)).toBe(0);
    expect(await page.locator('span[data-fzl-pinyin]').count()).toBeGreaterThan(0);
    // As many highlights as on the same page without the hostile script.
    const plain = await session.context.newPage();
    await plain.goto(session.fixtureUrl(SEED_001));
    const plainLens = await activeLens(session, plain);
    expect(lens.summary.counts).toEqual(plainLens.summary.counts);
    expect(lens.summary.counts.agency).toBeGreaterThan(0);
    await plain.close();
    // The hidden brackets stay hidden even against a page rule that shows [hidden].
    expect(await page.locator('span[data-fzl-pinyin]').first().isVisible()).toBe(false);
    await page.close();
  });
});

describe('the content script\'s lifecycle', () => {
  it('a page replaying the content-script-started announcement does not stop the lens (#19.7)', async () => {
    const page = await session.context.newPage();
    // The page hears the announcement every content script posts to the window (it names the event,
    // extension id included), then dispatches the same event itself, as a newer instance would.
    await page.addInitScript(() => {
      const w = window as unknown as { __spoofed?: number };
      window.addEventListener('message', (message) => {
        const data = message.data as { type?: unknown; contentScriptName?: unknown };
        if (typeof data?.type !== 'string' || !data.type.endsWith('wxt:content-script-started')) return;
        const type = data.type;
        setTimeout(() => {
          document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: data.contentScriptName, messageId: 'spoofed-by-the-page' } }));
          w.__spoofed = (w.__spoofed ?? 0) + 1;
        }, 50);
      });
    });
    await page.goto(session.fixtureUrl(SEED_001));
    await activeLens(session, page);
    await page.waitForFunction(() => ((window as unknown as { __spoofed?: number }).__spoofed ?? 0) > 0);
    await page.waitForTimeout(300);
    // Still running: highlights painted, and the lens answers the popup's question.
    expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBeGreaterThan(0);
    const lens = await activeLens(session, page);
    expect(lens.summary.counts.agency).toBeGreaterThan(0);
    await page.close();
  });
});

