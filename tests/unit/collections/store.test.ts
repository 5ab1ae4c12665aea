import { describe, expect, it } from 'vitest';
import { loadFromStorage } from '../../../lib/collections/storage';
import { createCollectionsStore } from '../../../lib/collections/store';
import { FakeStorage, SEED_SIMPLIFIED, draftFrom, fakeClock, readSeed, testIds } from './helpers';

const page = readSeed(SEED_SIMPLIFIED);
const body = page.slice(page.indexOf('中国警察网北京'), page.indexOf('坚决维护人民群众财产安全和合法权益。'));
const drafts = Array.from({ length: 500 }, (_, n) => {
  const quote = body.slice(n * 2, n * 2 + 12);
  const draft = draftFrom(page, quote);
  const offset = page.indexOf(body) + n * 2;
  draft.target.selector = [
    { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start: offset, end: offset + 12 },
  ];
  return draft;
});

describe('createCollectionsStore', () => {
  it('serialises concurrent dispatches: 10 writers × 50 adds and 20 creates, nothing lost', async () => {
    const storage = new FakeStorage({}, 2, 9);
    const store = createCollectionsStore(storage, { now: fakeClock(), ids: testIds() });
    const created = await store.dispatch({ type: 'createCollection', name: '电诈统计' });
    const collectionId = created.ok ? created.result.collection.id : '';
    const adds = Array.from({ length: 10 }, (_, w) =>
      Promise.all(Array.from({ length: 50 }, (_, i) => store.dispatch({ type: 'addClip', collectionId, clip: drafts[w * 50 + i] }))),
    );
    const creates = Array.from({ length: 20 }, (_, i) => store.dispatch({ type: 'createCollection', name: `并发${i}` }));
    const outcomes = [...(await Promise.all(adds)).flat(), ...(await Promise.all(creates))];
    expect(outcomes.every((o) => o.ok)).toBe(true);
    // Loaded once, then never re-read: the cache is the state.
    expect(storage.calls.get).toBe(1);
    const fromDisk = await loadFromStorage(storage);
    expect(fromDisk.ok && Object.keys(fromDisk.value.state.clips).length).toBe(500);
    expect(fromDisk.ok && fromDisk.value.state.order.length).toBe(21);
    const cached = await store.read();
    expect(cached.ok && fromDisk.ok && cached.value).toEqual(fromDisk.ok ? fromDisk.value.state : null);
  }, 60_000);

  it('a failed write leaves both storage and the cache unchanged', async () => {
    const storage = new FakeStorage();
    const store = createCollectionsStore(storage, { now: fakeClock(), ids: testIds() });
    const created = await store.dispatch({ type: 'createCollection', name: '电诈统计' });
    const collectionId = created.ok ? created.result.collection.id : '';
    const before = storage.snapshot();
    storage.failSet = new Error('Quota exceeded');
    const failed = await store.dispatch({ type: 'addClip', collectionId, clip: drafts[0] });
    expect(!failed.ok && failed.error.code).toBe('QUOTA_EXCEEDED');
    expect(storage.snapshot()).toEqual(before);
    const cached = await store.read();
    expect(cached.ok && Object.keys(cached.value.clips)).toEqual([]);
    storage.failSet = null;
    const retried = await store.dispatch({ type: 'addClip', collectionId, clip: drafts[0] });
    expect(retried.ok && retried.result.duplicate).toBe(false);
    const reloaded = await store.reload();
    expect(reloaded.ok && Object.keys(reloaded.value.state.clips)).toHaveLength(1);
  });
});
