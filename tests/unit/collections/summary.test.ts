import { describe, expect, it } from 'vitest';
import { applyCommand, type Command, type DeletedClips, type DeletedCollection } from '../../../lib/collections/commands';
import { exportJson } from '../../../lib/collections/export/json';
import type { Clip } from '../../../lib/collections/model';
import { INDEX_KEY, PAGE_KEY_PREFIX, stateToItems, type CollectionsState } from '../../../lib/collections/schema';
import { loadFromStorage } from '../../../lib/collections/storage';
import { createCollectionsStore } from '../../../lib/collections/store';
import { RECENT_CLIPS, summarize, summaryOf } from '../../../lib/collections/summary';
import { FakeStorage, SEED_SIMPLIFIED, bigState, draftFrom, fakeClock, readSeed, rng, testIds } from './helpers';

const page = readSeed(SEED_SIMPLIFIED);

const plain = (s: ReturnType<typeof summarize>) => ({
  counts: Object.fromEntries([...s.counts].sort()),
  totalClips: s.totalClips,
  recent: Object.fromEntries([...s.recent].sort()),
  recentAll: s.recentAll,
  pages: Object.fromEntries([...s.pages].sort()),
});

describe('summary (derived data of schema v3)', () => {
  it('counts, newest ids and page lists of a small state, checked by hand', () => {
    const at = (n: number) => `2024-03-01T08:00:0${n}.000Z`;
    const clip = (id: string, collectionIds: string[], url: string, n: number): Clip => ({
      id,
      collectionIds,
      kind: 'selection',
      text: 'x',
      note: '',
      tags: [],
      target: { url, title: '', site: '', script: 'zh-Hans', selector: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: 1 }] },
      createdAt: at(n),
      updatedAt: at(n),
    });
    const state: CollectionsState = {
      schemaVersion: 3,
      collections: {},
      order: ['a', 'b'],
      clips: {
        k1: clip('k1', ['a'], 'https://x.cn/1.html', 1),
        k2: clip('k2', ['a', 'b'], 'https://x.cn/1.html#part', 2),
        k3: clip('k3', ['b'], 'https://x.cn/2.html', 3),
      },
    };
    expect(plain(summarize(state))).toEqual({
      counts: { a: 2, b: 2 },
      totalClips: 3,
      recent: { a: ['k2', 'k1'], b: ['k3', 'k2'] },
      recentAll: ['k3', 'k2', 'k1'],
      // The #fragment is not part of the page.
      pages: { 'https://x.cn/1.html': ['k2', 'k1'], 'https://x.cn/2.html': ['k3'] },
    });
  });

  it.each([42, 7, 2024, 99])('advanced per command, it equals a fresh computation after every one of 300 random commands (seed %i)', (seed) => {
    const random = rng(seed);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    let state: CollectionsState = bigState(200);
    summaryOf(state);
    const now = fakeClock('2025-01-01T00:00:00.000Z');
    const ids = testIds(3);
    const undos: (DeletedClips | DeletedCollection)[] = [];
    let refills = 0;
    for (let step = 0; step < 300; step++) {
      const clipIds = Object.keys(state.clips);
      const some = () => Array.from({ length: 1 + Math.floor(random() * 40) }, () => pick(clipIds));
      const collections = state.order;
      const roll = random();
      let command: Command;
      if (roll < 0.3 || clipIds.length < 10 || collections.length < 2) {
        if (collections.length === 0) command = { type: 'createCollection', name: `专题${step}` };
        else {
          const at = Math.floor(random() * (page.length - 30));
          command = { type: 'addClip', collectionId: pick(collections), clip: draftFrom(page, page.slice(at, at + 12)) };
        }
      } else if (roll < 0.45) command = { type: 'deleteClips', clipIds: some(), ...(random() < 0.5 ? { collectionId: pick(collections) } : {}) };
      else if (roll < 0.55) command = { type: 'moveClips', clipIds: some(), fromCollectionId: pick(collections), toCollectionId: pick(collections) };
      else if (roll < 0.65) command = { type: 'copyClips', clipIds: some(), toCollectionId: pick(collections) };
      else if (roll < 0.72) command = { type: 'updateClip', clipId: pick(clipIds), note: `n${step}` };
      else if (roll < 0.77) command = { type: 'deleteCollection', collectionId: pick(collections) };
      else if (roll < 0.87 && undos.length) {
        const undo = undos.pop()!;
        command = 'collection' in undo ? { type: 'restoreCollection', undo } : { type: 'restoreClips', undo };
      } else if (roll < 0.92) command = { type: 'createCollection', name: `专题${step}` };
      else {
        const file = exportJson(bigState(20), { now: now() });
        command = { type: 'import', data: file.ok ? file.value : '' };
      }
      const before = state;
      const outcome = applyCommand(state, command, now(), ids);
      if (!outcome.ok) continue;
      if ('undo' in outcome.result && outcome.result.undo) undos.push(outcome.result.undo as DeletedClips | DeletedCollection);
      state = outcome.state;
      const advanced = plain(summaryOf(state));
      expect(advanced, `step ${step}: ${command.type}`).toEqual(plain(summarize(state)));
      for (const [c, list] of summaryOf(before).recent) if (list.length === RECENT_CLIPS && (summaryOf(state).recent.get(c)?.length ?? 0) === RECENT_CLIPS && list.some((id) => !state.clips[id])) refills++;
    }
    // The sequence did exercise lists that lost members and had to be refilled from the rest.
    expect(refills).toBeGreaterThan(0);
  });

  it('storage written command by command holds exactly the derived keys a fresh layout would', async () => {
    const storage = new FakeStorage(stateToItems(bigState(120)), 1, 5);
    const store = createCollectionsStore(storage, { now: fakeClock(), ids: testIds(11) });
    const loaded = await store.read();
    const [first, second] = loaded.ok ? loaded.value.order : [];
    const clipIds = loaded.ok ? Object.keys(loaded.value.clips) : [];
    await Promise.all([
      store.dispatch({ type: 'addClip', collectionId: first, clip: draftFrom(page, '全年共破案46.4万起') }),
      store.dispatch({ type: 'moveClips', clipIds: clipIds.slice(0, 30), fromCollectionId: first, toCollectionId: second }),
      store.dispatch({ type: 'deleteClips', clipIds: clipIds.slice(30, 70) }),
      store.dispatch({ type: 'deleteCollection', collectionId: second }),
    ]);
    const final = await store.read();
    if (!final.ok) throw new Error(final.error.message);
    const expected = stateToItems(final.value);
    const stored = storage.snapshot();
    const derivedKeys = (items: Record<string, unknown>) => Object.keys(items).filter((k) => k.startsWith(PAGE_KEY_PREFIX)).sort();
    expect(derivedKeys(stored)).toEqual(derivedKeys(expected));
    for (const key of derivedKeys(expected)) expect(stored[key], key).toEqual(expected[key]);
    expect(stored[INDEX_KEY]).toEqual(expected[INDEX_KEY]);
    // Consistent: loading writes no repair.
    const sets = storage.calls.set;
    const reloaded = await loadFromStorage(storage);
    expect(reloaded.ok && reloaded.value.problems).toEqual([]);
    expect(storage.calls.set).toBe(sets);
  });
});
