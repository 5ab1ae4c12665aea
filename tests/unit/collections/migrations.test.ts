import { describe, expect, it } from 'vitest';
import { anchor } from '../../../lib/collections/anchor';
import { MIGRATIONS, detectSchemaVersion, migrateItems, migrateV1ToV2 } from '../../../lib/collections/migrations';
import { CURRENT_SCHEMA_VERSION, INDEX_KEY, PAGE_KEY_PREFIX, clipKey, pageKey } from '../../../lib/collections/schema';
import { loadFromStorage } from '../../../lib/collections/storage';
import { V1_STORAGE_KEY } from '../../../lib/collections/types-v1';
import { FakeStorage, SEED_000, SEED_SIMPLIFIED, readFixtureJson, readSeed } from './helpers';

const NOW = '2024-03-01T08:00:00.000Z';
const v1Items = () => readFixtureJson('v1-storage.json') as Record<string, unknown>;

describe('migration list', () => {
  it('is contiguous from version 1 to the current version', () => {
    expect(MIGRATIONS.map((m) => [m.from, m.to])).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => [i + 1, i + 2]),
    );
  });
});

describe('v1 → v2', () => {
  it('turns the single-blob v1 layout into an index plus one key per clip', () => {
    const { items, problems } = migrateV1ToV2.migrate(v1Items(), NOW);
    expect(items[V1_STORAGE_KEY]).toBeUndefined();
    expect(items['settings:theme']).toBe('dark'); // other modules' keys pass through untouched
    expect(items[INDEX_KEY]).toEqual({
      schemaVersion: 2,
      collections: [
        { id: 'c1', name: '电诈统计', createdAt: '2023-05-31T09:00:00.000Z', updatedAt: '2023-05-31T09:00:00.000Z' },
        { id: 'c2', name: '专项行动', createdAt: '2023-06-01T09:00:00.000Z', updatedAt: '2023-06-01T09:00:00.000Z' },
      ],
      lastUsedCollectionId: 'c2',
    });
    expect(Object.keys(items).filter((k) => k.startsWith('clip:')).sort()).toEqual(['clip:k1', 'clip:k2', 'clip:k3', 'clip:k4']);
    // The corrupt v1 clip is kept, with the reason, under a quarantine key.
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe('collections.clips[4].target.url: expected a string, got a number');
    expect(problems[0].key).toBe('collections.clips[4]');
    const quarantined = items[problems[0].quarantinedAs!] as { record: { id: string }; reason: string };
    expect(quarantined.record.id).toBe('k5');
    expect(quarantined.reason).toMatch(/^collections\.clips\[4\]\./);
  });

  it('maps collectionId → collectionIds[], quote/offset → selectors, tags string → array, epoch → ISO', () => {
    const { items } = migrateV1ToV2.migrate(v1Items(), NOW);
    expect(items[clipKey('k1')]).toEqual({
      id: 'k1',
      collectionIds: ['c1'],
      kind: 'statistic',
      text: '全年共破案46.4万起',
      value: 464000,
      unit: '起',
      note: '2022年全年',
      tags: ['破案', '2022'],
      target: {
        url: 'https://www.cpd.com.cn/n3559/t_1090399.html',
        title: '打击治理电信网络新型违法犯罪成效明显',
        site: 'www.cpd.com.cn',
        script: 'unknown',
        selector: [
          { type: 'TextQuoteSelector', exact: '全年共破案46.4万起', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 347, end: 358 },
        ],
      },
      createdAt: '2023-05-31T09:06:40.000Z',
      updatedAt: '2023-05-31T09:06:40.000Z',
    });
    // Full-width comma and 、 separate v1 tags too.
    expect((items[clipKey('k2')] as { tags: string[] }).tags).toEqual(['云剑', '断卡', '断流']);
    expect((items[clipKey('k3')] as { note: string; target: { title: string } }).target.title).toBe('');
  });

  it('produces selectors that still anchor by position in the pages the offsets came from', () => {
    const { items } = migrateV1ToV2.migrate(v1Items(), NOW);
    const simplified = readSeed(SEED_SIMPLIFIED);
    for (const id of ['k1', 'k2', 'k3']) {
      const clip = items[clipKey(id)] as { text: string; target: { selector: [never, never] } };
      const found = anchor(simplified, clip.target.selector);
      expect(found?.method).toBe('position');
      expect(simplified.slice(found!.start, found!.end)).toBe(clip.text);
    }
    const k4 = items[clipKey('k4')] as { text: string; target: { selector: [never, never] } };
    const found = anchor(readSeed(SEED_000), k4.target.selector);
    expect(found?.method).toBe('position');
  });

  it('writes the migration as one set (index + clips + quarantine) and one remove (the v1 key)', async () => {
    const storage = new FakeStorage(v1Items());
    const loaded = await loadFromStorage(storage, { now: () => NOW });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.migratedFrom).toBe(1);
    expect(Object.keys(loaded.value.state.clips).sort()).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(storage.calls.set).toBe(1);
    expect(storage.calls.remove).toBe(1);
    expect(storage.data.has(V1_STORAGE_KEY)).toBe(false);
    expect(storage.data.get('settings:theme')).toBe('dark');
    expect([...storage.data.keys()].filter((k) => k.startsWith('quarantine:'))).toHaveLength(1);
    // Loading again finds v2 data: nothing to migrate, nothing written.
    const again = await loadFromStorage(storage, { now: () => NOW });
    expect(again.ok && again.value.migratedFrom).toBeUndefined();
    expect(again.ok && again.value.state).toEqual(loaded.value.state);
    expect(storage.calls.set).toBe(1);
  });

  it('recovers from a migration whose remove failed: the leftover v1 key is dropped, not migrated twice', async () => {
    const storage = new FakeStorage(v1Items());
    storage.failRemove = new Error('IO error');
    const first = await loadFromStorage(storage, { now: () => NOW });
    expect(first.ok).toBe(true);
    expect(storage.data.has(V1_STORAGE_KEY)).toBe(true);
    storage.failRemove = null;
    const second = await loadFromStorage(storage, { now: () => '2024-03-02T08:00:00.000Z' });
    expect(second.ok && second.value.problems.map((p) => p.kind)).toEqual(['leftover']);
    expect(storage.data.has(V1_STORAGE_KEY)).toBe(false);
    expect(second.ok && Object.keys(second.value.state.clips).length).toBe(4);
  });

  it('quarantines a v1 blob that is not even an object and starts empty', () => {
    const run = migrateItems({ [V1_STORAGE_KEY]: 'garbage' }, NOW);
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.problems[0].message).toBe('collections: expected an object, got a string');
    expect(run.value.changes.remove).toEqual([V1_STORAGE_KEY]);
    // v1 → v2 makes an empty index, v2 → v3 marks it v3 (the loader adds the derived data).
    expect(run.value.items[INDEX_KEY]).toEqual({ schemaVersion: 3, collections: [] });
  });
});

describe('newer schema versions', () => {
  it('are refused with a clear error and nothing is written', async () => {
    const future = { [INDEX_KEY]: { schemaVersion: 4, collections: [], shelves: {} }, 'clip:x': { whatever: true } };
    expect(detectSchemaVersion(future)).toEqual({
      ok: false,
      error: {
        code: 'SCHEMA_TOO_NEW',
        message: 'Stored collections use schema version 4, but this version of the extension only knows up to 3. Update the extension; nothing was changed.',
      },
    });
    const storage = new FakeStorage(future);
    const before = storage.snapshot();
    const loaded = await loadFromStorage(storage, { now: () => NOW });
    expect(!loaded.ok && loaded.error.code).toBe('SCHEMA_TOO_NEW');
    expect(storage.calls.set + storage.calls.remove).toBe(0);
    expect(storage.snapshot()).toEqual(before);
  });

  it('an empty storage is version-less and needs no migration', () => {
    expect(detectSchemaVersion({ 'settings:theme': 'dark' })).toEqual({ ok: true, value: null });
    const run = migrateItems({}, NOW);
    expect(run.ok && run.value.changes).toEqual({ set: {}, remove: [] });
  });
});

describe('v2 → v3 (derived data: counts, newest ids, per-page clip lists)', () => {
  it('a v2 store loads as v3 with the derived data written in the same set, clips untouched', async () => {
    // Rebuild a genuine v2 layout from what v1 → v2 produced: the v2 index and the clip keys.
    const v2Run = migrateV1ToV2.migrate(v1Items(), NOW);
    const v2Items = Object.fromEntries(Object.entries(v2Run.items).filter(([key]) => !key.startsWith('quarantine:')));
    expect((v2Items[INDEX_KEY] as { schemaVersion: number }).schemaVersion).toBe(2);
    const storage = new FakeStorage(v2Items);
    const loaded = await loadFromStorage(storage, { now: () => NOW });
    expect(loaded.ok && loaded.value.migratedFrom).toBe(2);
    expect(loaded.ok && loaded.value.problems).toEqual([]);
    expect(storage.calls.set).toBe(1);
    const index = storage.data.get(INDEX_KEY) as Record<string, unknown>;
    // v1-storage.json: c1 holds k1, k3 and c2 holds k2, k4 (k5 was quarantined by v1 → v2).
    expect(index).toMatchObject({ schemaVersion: 3, lastUsedCollectionId: 'c2', clipCounts: { c1: 2, c2: 2 }, totalClips: 4 });
    expect(index.recentClipIds).toEqual({ c1: ['k3', 'k1'], c2: ['k4', 'k2'] });
    expect(index.recentAll).toEqual(['k4', 'k3', 'k2', 'k1']);
    for (const key of ['clip:k1', 'clip:k2', 'clip:k3', 'clip:k4']) expect(storage.data.get(key)).toEqual(v2Items[key]);
    // One key per page (k3's URL ends in #p2: same page as k1, k2), listing its clips newest first.
    const pages = [...storage.data.keys()].filter((k) => k.startsWith(PAGE_KEY_PREFIX)).sort();
    expect(pages).toEqual([pageKey('http://www.tianshui.com.cn/news/guonei/2022090519254123.htm'), pageKey('https://www.cpd.com.cn/n3559/t_1090399.html')]);
    expect(storage.data.get(pages[0])).toEqual(['k4']);
    expect(storage.data.get(pages[1])).toEqual(['k3', 'k2', 'k1']);
    // Loading again finds nothing to do.
    const again = await loadFromStorage(storage, { now: () => NOW });
    expect(again.ok && again.value.migratedFrom).toBeUndefined();
    expect(storage.calls.set).toBe(1);
  });

  it('stale or damaged derived data is rebuilt on load, never quarantined; a damaged clip still is', async () => {
    const storage = new FakeStorage(v1Items());
    await loadFromStorage(storage, { now: () => NOW });
    const good = storage.snapshot();
    const index = storage.data.get(INDEX_KEY) as Record<string, unknown>;
    storage.data.set(INDEX_KEY, { ...index, clipCounts: { c1: 99 }, recentAll: 'garbage' });
    const [firstPage] = [...storage.data.keys()].filter((k) => k.startsWith(PAGE_KEY_PREFIX));
    storage.data.set(firstPage, ['nope']);
    storage.data.set(`${PAGE_KEY_PREFIX}https://gone.example/`, ['k1']);
    const loaded = await loadFromStorage(storage, { now: () => NOW });
    expect(loaded.ok && loaded.value.problems).toEqual([]);
    expect(storage.snapshot()).toEqual(good);

    const clip = storage.data.get('clip:k4') as Record<string, unknown>;
    storage.data.set('clip:k4', { ...clip, createdAt: 'yesterday' });
    const repaired = await loadFromStorage(storage, { now: () => '2024-03-02T08:00:00.000Z' });
    expect(repaired.ok && repaired.value.problems.map((p) => [p.kind, p.key])).toEqual([['corrupt', 'clip:k4']]);
    expect(storage.data.has('quarantine:2024-03-02T08:00:00.000Z:clip:k4')).toBe(true);
    expect(storage.data.get(INDEX_KEY)).toMatchObject({ clipCounts: { c1: 2, c2: 1 }, totalClips: 3, recentClipIds: { c1: ['k3', 'k1'], c2: ['k2'] } });
    expect(storage.data.has(pageKey('http://www.tianshui.com.cn/news/guonei/2022090519254123.htm'))).toBe(false);
  });
});
