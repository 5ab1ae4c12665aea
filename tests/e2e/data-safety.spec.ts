import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, tabIdOf, type ExtensionSession } from './harness';
import { activeLens } from '../../scripts/lib/page-state';

// A worker restart in the middle of work: MV3 stops idle service workers, and a browser can kill one
// at any time. The page and the stored clips must come out whole either way.
let session: ExtensionSession;
let extensionPage: Page;
beforeAll(async () => {
  session = await launchExtension();
  extensionPage = await session.context.newPage();
  await extensionPage.goto(session.extensionUrl(`options.html`));
});
afterAll(async () => {
  await session?.close();
});

/** Keeps stopping the worker while `work` runs (every few ms), so work in flight is cut. */
/**
 * Runs `work` while the extension's workers are stopped again and again. The work starts only once
 * the first stop went through (so it always meets a stopped worker, however fast it is), and the
 * stops go on every 40 ms until it is done.
 */
async function withWorkerRestarts<T>(work: () => Promise<T>): Promise<{ result: T; stops: number }> {
  let done = false;
  let stops = 0;
  let firstStop!: () => void;
  const stopped = new Promise<void>((resolve) => (firstStop = resolve));
  const stopper = (async () => {
    while (!done) {
      await session.stopBackground({ wait: false }).catch(() => {});
      stops++;
      firstStop();
      // Long enough for a restarted worker to answer some messages before the next stop.
      await new Promise((r) => setTimeout(r, 40));
    }
  })();
  try {
    await stopped;
    return { result: await work(), stops };
  } finally {
    done = true;
    await stopper;
  }
}

const toTab = (tabId: number, name: string, request: unknown) =>
  extensionPage.evaluate(
    ([tabId, name, request]) =>
      chrome.tabs.sendMessage(tabId as number, { fzl: 1, name, request }).catch((e: Error) => ({ ok: false, error: { code: 'unreachable', message: e.message } })),
    [tabId, name, request] as const,
  ) as Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }>;
const toWorker = (name: string, request: unknown) =>
  extensionPage.evaluate(([name, request]) => chrome.runtime.sendMessage({ fzl: 1, name, request }), [name, request] as const) as Promise<{
    ok: boolean;
    value?: any;
  }>;

describe('a worker restart in the middle of a batch', () => {
  it('leaves a page being converted either fully converted or exactly as it was, with a clear message', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl('pages/long-article.html'));
    const tabId = await tabIdOf(session, page);
    // Once the lens runs (Firefox starts content scripts later than Chromium: a message before would go nowhere).
    await activeLens(session, page);
    expect((await toTab(tabId, 'page/setHighlights', { on: false })).ok).toBe(true);
    const pristine = () =>
      page.evaluate(async () => {
        const fresh = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
        return fresh.documentElement.isEqualNode(document.documentElement);
      });
    expect(await pristine()).toBe(true);
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const { result } = await withWorkerRestarts(() => toTab(tabId, 'page/setScript', { target: 'cn' }));
      expect(result.ok).toBe(true);
      const state = result.value as { target: string; error: string | null };
      if (state.error) {
        // Failed batch: a message for the reader, and the page put back exactly.
        outcomes.push('restored');
        expect(state.target).toBe('original');
        expect(state.error.length).toBeGreaterThan(5);
        expect(await pristine()).toBe(true);
      } else {
        outcomes.push('converted');
        const text = await page.locator('#artibody').textContent();
        expect(text).not.toMatch(/[國門關網們這說]/); // no paragraph left in traditional
        await toTab(tabId, 'page/setScript', { target: 'original' });
        expect(await pristine()).toBe(true);
      }
    }
    console.log(`conversion under worker restarts: ${outcomes.join(', ')}`);
    await page.close();
  });

  it('loses no acknowledged clip and writes no half; every failure is a clear error', async () => {
    const page = await session.context.newPage();
    await page.goto(session.fixtureUrl('pages/seeds/002_cd855594ea86f9d9.html'));
    const tabId = await tabIdOf(session, page);
    await activeLens(session, page);
    const created = await toWorker('collections/create', { name: '重启测试' });
    expect(created.ok).toBe(true);
    const collectionId = created.value.collection.id as string;
    const { result: answers, stops } = await withWorkerRestarts(() =>
      Promise.all(Array.from({ length: 40 }, (_, index) => toTab(tabId, 'clips/clipAnnotation', { index, collectionId }))),
    );
    expect(stops).toBeGreaterThan(0);
    const stored = answers.filter((a) => a.ok).map((a) => a.value.clip.id as string);
    const failed = answers.filter((a) => !a.ok);
    // In the reader's language, not Chromium's channel error.
    for (const f of failed) expect(f.error?.message).toBe('扩展后台暂时无法应答，未能收藏，请再试一次。');
    // Work the killed workers had already taken in may still land: wait until storage is quiet.
    const clipKeys = async () =>
      (await extensionPage.evaluate(async () => Object.keys(await chrome.storage.local.get(null)))).filter((k) => k.startsWith('clip:')).sort();
    let keys = await clipKeys();
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(250);
      const again = await clipKeys();
      if (again.join() === keys.join()) break;
      keys = again;
    }
    // No acknowledged clip lost (an error answer may still have been written: at least once, never half).
    for (const id of stored) expect(keys).toContain(`clip:${id}`);
    // No half-written command: the index counts exactly the clips stored (only this collection here).
    const list = await toWorker('collections/list', {});
    expect(list.value.totalClips).toBe(keys.length);
    const mine = (list.value.collections as { id: string; clipCount: number }[]).find((c) => c.id === collectionId)!;
    expect(mine.clipCount).toBe(keys.length);
    console.log(`clips under worker restarts: ${stored.length} stored, ${failed.length} refused (${failed[0]?.error?.message ?? '-'}), ${stops} stops`);
    await page.close();
  });
});
