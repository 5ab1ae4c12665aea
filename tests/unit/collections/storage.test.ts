import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../../lib/collections/commands';
import { INDEX_KEY, clipKey, stateToItems } from '../../../lib/collections/schema';
import { applyToStorage, loadFromStorage } from '../../../lib/collections/storage';
import { FakeStorage, SEED_SIMPLIFIED, draftFrom, fakeClock, readSeed, rng, testIds } from './helpers';

const page = readSeed(SEED_SIMPLIFIED);
/** 500 distinct real quotes: 12-character windows, 2 apart, over the article body. */
const body = page.slice(page.indexOf('中国警察网北京'), page.indexOf('坚决维护人民群众财产安全和合法权益。'));
function quoteDraft(n: number) {
  const start = n * 2;
  const quote = body.slice(start, start + 12);
  const draft = draftFrom(page, quote);
  const offset = page.indexOf(body) + start;
  draft.target.selector = [
    { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start: offset, end: offset + 12 },
  ];
  return draft;
}

async function storageWithCollection(maxDelayMs = 0) {
  const storage = new FakeStorage({}, maxDelayMs, 42);
  const context = { now: fakeClock(), ids: testIds() };
  const created = await applyToStorage(storage, { type: 'createCollection', name: '电诈统计' }, context);
  if (!created.ok) throw new Error(created.error.message);
  return { storage, context, collectionId: created.result.collection.id };
}

describe('createSerialQueue', () => {
  it('10 writers × 50 adds through the queue end with exactly 500 clips', async () => {
    expect(body.length).toBeGreaterThan(500 * 2 + 12);
    const { storage, context, collectionId } = await storageWithCollection(2);
    const queue = createSerialQueue();
    const writers = Array.from({ length: 10 }, (_, w) =>
      Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          queue.run(() => applyToStorage(storage, { type: 'addClip', collectionId, clip: quoteDraft(w * 50 + i) }, context)),
        ),
      ),
    );
    const outcomes = (await Promise.all(writers)).flat();
    expect(outcomes.every((o) => o.ok && !o.result.duplicate)).toBe(true);
    const loaded = await loadFromStorage(storage);
    expect(loaded.ok && Object.keys(loaded.value.state.clips).length).toBe(500);
    expect(queue.pending).toBe(0);
  }, 60_000);

  it('without the queue, racing commands lose updates to the shared index (the fake really interleaves)', async () => {
    const { storage, context } = await storageWithCollection(2);
    // Unqueued, two commands read the same index and each write their own version of it.
    const renames = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        applyToStorage(storage, { type: 'createCollection', name: `并发${i}` }, context),
      ),
    );
    expect(renames.every((r) => r.ok)).toBe(true);
    const loaded = await loadFromStorage(storage);
    // 21 collections were "created", but racing writes of the single index key dropped some.
    expect(loaded.ok && loaded.value.state.order.length).toBeLessThan(21);
  }, 30_000);

  it('runs tasks in order, one at a time, and survives a failing task', async () => {
    const queue = createSerialQueue();
    const random = rng(5);
    const log: string[] = [];
    let running = 0;
    const task = (name: string, fail = false) => async () => {
      running++;
      expect(running).toBe(1);
      await new Promise((r) => setTimeout(r, Math.floor(random() * 3)));
      log.push(name);
      running--;
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([queue.run(task('a')), queue.run(task('b', true)), queue.run(task('c'))]);
    expect(log).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await queue.idle();
  });
});

describe('write failures', () => {
  it('a quota error on set is reported as QUOTA_EXCEEDED and storage is left as it was', async () => {
    const { storage, context, collectionId } = await storageWithCollection();
    await applyToStorage(storage, { type: 'addClip', collectionId, clip: quoteDraft(0) }, context);
    const before = storage.snapshot();
    storage.failSet = new Error('QUOTA_BYTES quota exceeded');
    const outcome = await applyToStorage(storage, { type: 'addClip', collectionId, clip: quoteDraft(1) }, context);
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'QUOTA_EXCEEDED',
        message: 'Storage is full; nothing was saved. Export and delete some clips, then try again. (QUOTA_BYTES quota exceeded)',
      },
    });
    expect(storage.snapshot()).toEqual(before);
    storage.failSet = new Error('disk I/O error');
    const other = await applyToStorage(storage, { type: 'deleteCollection', collectionId }, context);
    expect(!other.ok && other.error.code).toBe('STORAGE_WRITE_FAILED');
    expect(storage.snapshot()).toEqual(before);
  });

  it('one command is one set call (+ one remove), however many keys it touches', async () => {
    const { storage, context, collectionId } = await storageWithCollection();
    for (let i = 0; i < 5; i++) await applyToStorage(storage, { type: 'addClip', collectionId, clip: quoteDraft(i) }, context);
    const other = await applyToStorage(storage, { type: 'createCollection', name: '专项行动' }, context);
    const setsBefore = storage.calls.set;
    const removesBefore = storage.calls.remove;
    const loaded = await loadFromStorage(storage);
    const ids = loaded.ok ? Object.keys(loaded.value.state.clips) : [];
    await applyToStorage(storage, { type: 'copyClips', clipIds: ids, toCollectionId: other.ok ? other.result.collection.id : '' }, context);
    await applyToStorage(storage, { type: 'deleteCollection', collectionId }, context);
    expect(storage.calls.set - setsBefore).toBe(2);
    expect(storage.calls.remove - removesBefore).toBe(0); // every clip survives in the other collection
  });

  it('a failed remove after a delete leaves orphans that the next load quarantines, not loses', async () => {
    const { storage, context, collectionId } = await storageWithCollection();
    const added = await applyToStorage(storage, { type: 'addClip', collectionId, clip: quoteDraft(0) }, context);
    const clipId = added.ok ? added.result.clip.id : '';
    storage.failRemove = new Error('IO error');
    const deleted = await applyToStorage(storage, { type: 'deleteCollection', collectionId }, context);
    expect(deleted.ok && deleted.warning).toMatch(/could not be removed yet/);
    storage.failRemove = null;
    const loaded = await loadFromStorage(storage, { now: () => '2024-04-01T00:00:00.000Z' });
    expect(loaded.ok && loaded.value.problems.map((p) => [p.kind, p.key])).toEqual([['orphan', clipKey(clipId)]]);
    expect(storage.data.has(clipKey(clipId))).toBe(false);
    expect((storage.data.get(`quarantine:2024-04-01T00:00:00.000Z:${clipKey(clipId)}`) as { record: { id: string } }).record.id).toBe(clipId);
  });
});

describe('corrupted records', () => {
  it('are reported, quarantined under their own key, and do not stop the others from loading', async () => {
    const { storage, context, collectionId } = await storageWithCollection();
    for (let i = 0; i < 3; i++) await applyToStorage(storage, { type: 'addClip', collectionId, clip: quoteDraft(i) }, context);
    storage.data.set('clip:garbage', '\u0000\u0001not a clip');
    const keys = [...storage.data.keys()].filter((k) => k.startsWith('clip:') && k !== 'clip:garbage');
    const broken = structuredClone(storage.data.get(keys[1])) as { target: { url: unknown } };
    broken.target.url = ['not', 'a', 'url'];
    storage.data.set(keys[1], broken);
    storage.data.set('settings:theme', 'dark');

    const loaded = await loadFromStorage(storage, { now: () => '2024-04-01T00:00:00.000Z' });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(Object.keys(loaded.value.state.clips)).toHaveLength(2);
    expect(loaded.value.problems.map((p) => p.message).sort()).toEqual(
      ['clip:garbage: expected an object, got a string', `${keys[1]}.target.url: expected a string, got an array`].sort(),
    );
    const quarantined = (key: string) => storage.data.get(`quarantine:2024-04-01T00:00:00.000Z:${key}`) as { record: unknown; reason: string };
    expect(quarantined('clip:garbage').record).toBe('\u0000\u0001not a clip');
    expect(quarantined(keys[1]).record).toEqual(broken);
    expect(storage.data.has('clip:garbage')).toBe(false);
    expect(storage.data.get('settings:theme')).toBe('dark');
  });

  it('a damaged index is quarantined and its clips stay reachable under recovered collections', async () => {
    const { storage, context, collectionId } = await storageWithCollection();
    await applyToStorage(storage, { type: 'addClip', collectionId, clip: quoteDraft(0) }, context);
    storage.data.set(INDEX_KEY, { schemaVersion: 2, collections: 'oops' });
    const loaded = await loadFromStorage(storage, { now: () => '2024-04-01T00:00:00.000Z' });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.problems[0]).toMatchObject({ kind: 'corrupt', key: INDEX_KEY, message: 'collections:index.collections: expected an array, got a string' });
    expect(loaded.value.state.order).toEqual([collectionId]);
    expect(loaded.value.state.collections[collectionId].name).toBe(`Recovered ${collectionId.slice(0, 8)}`);
    expect(Object.keys(loaded.value.state.clips)).toHaveLength(1);
    const reloaded = await loadFromStorage(storage);
    expect(reloaded.ok && reloaded.value.problems).toEqual([]);
  });

  it('a clip key holding another clip is corrupt too', async () => {
    const { storage, context, collectionId } = await storageWithCollection();
    const added = await applyToStorage(storage, { type: 'addClip', collectionId, clip: quoteDraft(0) }, context);
    const clip = added.ok ? added.result.clip : null;
    storage.data.set('clip:someone-else', clip);
    const loaded = await loadFromStorage(storage, { now: () => '2024-04-01T00:00:00.000Z' });
    expect(loaded.ok && loaded.value.problems.map((p) => p.message)).toEqual([`clip:someone-else: holds clip ${clip!.id}`]);
  });

  it('state written through commands reloads identically', async () => {
    const { storage, context, collectionId } = await storageWithCollection();
    let last;
    for (let i = 0; i < 4; i++) last = await applyToStorage(storage, { type: 'addClip', collectionId, clip: quoteDraft(i) }, context);
    const loaded = await loadFromStorage(storage);
    expect(loaded.ok && last?.ok && loaded.value.state).toEqual(last?.ok ? last.state : null);
    expect(loaded.ok && stateToItems(loaded.value.state)).toEqual(storage.snapshot());
  });
});
