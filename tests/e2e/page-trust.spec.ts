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
