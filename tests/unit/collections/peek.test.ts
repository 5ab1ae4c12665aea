import { describe, expect, it } from 'vitest';
import type { Clip } from '../../../lib/collections/model';
import { INDEX_KEY, clipKey, pageKey, stateToItems } from '../../../lib/collections/schema';
import { searchClips } from '../../../lib/collections/search';
import { createCollectionsStore } from '../../../lib/collections/store';
import { RECENT_CLIPS, newerFirst } from '../../../lib/collections/summary';
import { FakeStorage, SEED_SIMPLIFIED, bigState, draftFrom, fakeClock, readSeed, testIds } from './helpers';

const page = readSeed(SEED_SIMPLIFIED);

/** Records which keys each read asked for: a peek must never read everything. */
class CountingStorage extends FakeStorage {
  readonly reads: (string[] | null)[] = [];
  override get(keys?: null | string | string[]) {
    this.reads.push(keys === null || keys === undefined ? null : typeof keys === 'string' ? [keys] : [...keys]);
    return super.get(keys);
  }
}

function setup(count = 2000) {
  const state = bigState(count);
  const storage = new CountingStorage(stateToItems(state));
  const store = createCollectionsStore(storage, { now: fakeClock('2025-01-01T00:00:00.000Z'), ids: testIds(5) });
  const newest = Object.values(state.clips).sort(newerFirst);
  return { state, storage, store, newest };
}

describe('peeks: the first view of a worker that has just started', () => {
  it('answer the overview, the newest clips and a page from a few keys, equal to the loaded answers', async () => {
    const { state, storage, store, newest } = setup();
    const [first] = state.order;
    const overview = await store.peekOverview();
    const inFirst = newest.filter((c) => c.collectionIds.includes(first));
    expect(overview).toEqual({
      collections: state.order.map((id) => ({ ...state.collections[id], clipCount: newest.filter((c) => c.collectionIds.includes(id)).length })),
      lastUsedCollectionId: null,
      totalClips: 2000,
    });
    const recent = await store.peekRecentClips(first, 20);
    expect(recent).toEqual({ clips: inFirst.slice(0, 20), total: inFirst.length });
    const all = await store.peekRecentClips(undefined, RECENT_CLIPS);
    expect(all?.clips.map((c) => c.id)).toEqual(newest.slice(0, RECENT_CLIPS).map((c) => c.id));
    // bigState puts clip i on https://news.example.cn/(i % 500).html: 4 clips per page.
    const onPage = await store.peekPageClips('https://news.example.cn/7.html#section');
    expect(onPage).toEqual(newest.filter((c) => c.target.url === 'https://news.example.cn/7.html'));
    expect(onPage).toHaveLength(4);
    expect(await store.peekPageClips('https://news.example.cn/never.html')).toEqual([]);
    // Nothing read everything; the biggest read was the 30 newest clips.
    expect(storage.reads.includes(null)).toBe(false);
    expect(Math.max(...storage.reads.map((keys) => keys!.length))).toBeLessThanOrEqual(RECENT_CLIPS);
    expect(store.loaded).toBe(false);

    // The loaded state gives the same answers the slow way.
    const loaded = await store.read();
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(searchClips(Object.values(loaded.value.clips).sort(newerFirst), '', { collectionId: first }).slice(0, 20)).toEqual(recent!.clips);
    // Once loaded, the peeks step aside.
    expect(await store.peekOverview()).toBeNull();
  });

  it('asking for more than the kept newest ids, or a collection that does not exist, falls back to a full load', async () => {
    const { state, store } = setup();
    expect(await store.peekRecentClips(state.order[0], RECENT_CLIPS + 1)).toBeNull();
    expect(await store.peekRecentClips('no-such-collection', 10)).toBeNull();
  });

  it('a damaged clip among those listed: no answer (null); the full load then quarantines it', async () => {
    const { storage, store, newest } = setup(200);
    const victim: Clip = newest[0];
    storage.data.set(clipKey(victim.id), { ...victim, text: '' });
    expect(await store.peekRecentClips(undefined, 10)).toBeNull();
    expect(await store.peekPageClips(victim.target.url)).toBeNull();
    // Clips not involving it still answer.
    const other = newest.find((c) => pageOfUrl(c) !== pageOfUrl(victim))!;
    expect((await store.peekPageClips(other.target.url))?.length).toBeGreaterThan(0);
    const loaded = await store.read();
    expect(loaded.ok && Object.keys(loaded.value.clips)).toHaveLength(199);
    expect([...storage.data.keys()].some((k) => k.startsWith('quarantine:') && k.endsWith(clipKey(victim.id)))).toBe(true);
  });

  it('a v2 index (not yet migrated) or a damaged index gives no answer', async () => {
    const { storage, store } = setup(50);
    const index = storage.data.get(INDEX_KEY) as Record<string, unknown>;
    storage.data.set(INDEX_KEY, { ...index, schemaVersion: 2 });
    expect(await store.peekOverview()).toBeNull();
    expect(await store.peekPageClips('https://news.example.cn/7.html')).toBeNull();
    storage.data.set(INDEX_KEY, { ...index, clipCounts: { 'not-a-collection': 3 } });
    expect(await store.peekOverview()).toBeNull();
  });

  it('while a command waits, peeks answer null (they could show the state from before it)', async () => {
    const { state, storage, store } = setup(50);
    const adding = store.dispatch({ type: 'addClip', collectionId: state.order[0], clip: draftFrom(page, '全年共破案46.4万起') });
    expect(await store.peekOverview()).toBeNull();
    const added = await adding;
    expect(added.ok).toBe(true);
    // Written with its derived data: the page key of the new clip lists it.
    const url = added.ok ? added.result.clip.target.url : '';
    expect(storage.data.get(pageKey(url))).toEqual([added.ok ? added.result.clip.id : '']);
  });
});

function pageOfUrl(clip: Clip): string {
  return clip.target.url.split('#')[0];
}
