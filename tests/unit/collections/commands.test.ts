import { describe, expect, it } from 'vitest';
import { applyCommand, type Command, type CommandOutcome } from '../../../lib/collections/commands';
import type { Clip } from '../../../lib/collections/model';
import { INDEX_KEY, clipKey, emptyState, pageKey, type CollectionsState } from '../../../lib/collections/schema';
import { PAGE_URL, SEED_SIMPLIFIED, draftFrom, fakeClock, readSeed, testIds } from './helpers';

const page = readSeed(SEED_SIMPLIFIED);

function harness() {
  const now = fakeClock();
  const ids = testIds();
  let state: CollectionsState = emptyState();
  const run = <C extends Command>(command: C): Extract<CommandOutcome<C>, { ok: true }> => {
    const outcome = applyCommand(state, command, now(), ids);
    if (!outcome.ok) throw new Error(`${command.type} failed: ${outcome.error.message}`);
    state = outcome.state;
    return outcome as Extract<CommandOutcome<C>, { ok: true }>;
  };
  const attempt = <C extends Command>(command: C) => applyCommand(state, command, now(), ids);
  return { run, attempt, get state() { return state; } };
}

function setup() {
  const h = harness();
  const stats = h.run({ type: 'createCollection', name: '电诈统计' }).result.collection;
  const ops = h.run({ type: 'createCollection', name: '专项行动' }).result.collection;
  const k1 = h.run({ type: 'addClip', collectionId: stats.id, clip: draftFrom(page, '全年共破案46.4万起', { kind: 'statistic', value: 464000, unit: '起' }) }).result.clip;
  const k2 = h.run({ type: 'addClip', collectionId: ops.id, clip: draftFrom(page, '“云剑”“断卡”“断流”等专项行动') }).result.clip;
  const k3 = h.run({ type: 'addClip', collectionId: stats.id, clip: draftFrom(page, '紧急拦截涉案资金3180余亿元') }).result.clip;
  return { h, stats, ops, k1, k2, k3 };
}

describe('collections', () => {
  it('create writes only the index; names are trimmed and unique ignoring case', () => {
    const h = harness();
    const created = h.run({ type: 'createCollection', name: '  Fraud Stats  ' });
    expect(created.result.collection.name).toBe('Fraud Stats');
    expect(Object.keys(created.changes.set)).toEqual([INDEX_KEY]);
    expect(created.changes.remove).toEqual([]);
    const again = h.attempt({ type: 'createCollection', name: 'fraud stats' });
    expect(again).toEqual({ ok: false, error: { code: 'NAME_TAKEN', message: 'A collection named “Fraud Stats” already exists.' } });
    expect(h.attempt({ type: 'createCollection', name: '' })).toEqual({ ok: false, error: { code: 'INVALID', message: 'name: must not be empty' } });
  });

  it('rename updates name and updatedAt; unknown ids are NOT_FOUND', () => {
    const { h, stats } = setup();
    const renamed = h.run({ type: 'renameCollection', collectionId: stats.id, name: '统计数字' }).result.collection;
    expect(renamed).toMatchObject({ id: stats.id, name: '统计数字', createdAt: stats.createdAt });
    expect(renamed.updatedAt > stats.updatedAt).toBe(true);
    const missing = h.attempt({ type: 'renameCollection', collectionId: 'nope', name: 'x' });
    expect(!missing.ok && missing.error).toEqual({ code: 'NOT_FOUND', message: 'collectionId: no collection nope' });
  });

  it('delete removes its own clips, detaches shared ones, and restore undoes exactly that', () => {
    const { h, stats, ops, k1, k2, k3 } = setup();
    h.run({ type: 'copyClips', clipIds: [k1.id], toCollectionId: ops.id });
    h.run({ type: 'setLastUsed', collectionId: stats.id });
    const before = h.state;
    const deleted = h.run({ type: 'deleteCollection', collectionId: stats.id });
    expect(deleted.changes.remove).toEqual([clipKey(k3.id)]);
    // The page's key lists its clips (schema v3): k3 left the page, so its list is rewritten.
    expect(Object.keys(deleted.changes.set).sort()).toEqual([INDEX_KEY, clipKey(k1.id), pageKey(PAGE_URL)].sort());
    expect(deleted.changes.set[pageKey(PAGE_URL)]).toEqual([k2.id, k1.id]); // newest first; k3 gone
    expect(h.state.clips[k1.id].collectionIds).toEqual([ops.id]);
    expect(h.state.clips[k3.id]).toBeUndefined();
    expect(h.state.lastUsedCollectionId).toBeUndefined();
    expect(h.state.clips[k2.id]).toBe(before.clips[k2.id]);

    const undo = deleted.result.undo;
    expect(undo).toMatchObject({ index: 0, wasLastUsed: true });
    expect(undo.clips.map((c) => c.id).sort()).toEqual([k1.id, k3.id].sort());
    const restored = h.run({ type: 'restoreCollection', undo });
    expect(restored.result.restoredClips).toBe(2);
    expect(h.state.order).toEqual(before.order);
    expect(h.state.collections).toEqual(before.collections);
    expect(h.state.lastUsedCollectionId).toBe(stats.id);
    expect(h.state.clips[k3.id]).toEqual(before.clips[k3.id]);
    expect(h.state.clips[k1.id].collectionIds.sort()).toEqual([stats.id, ops.id].sort());
    // Restoring twice is a conflict, not a duplicate.
    const twice = h.attempt({ type: 'restoreCollection', undo });
    expect(!twice.ok && twice.error.code).toBe('CONFLICT');
  });
});

describe('clips', () => {
  it('add writes the clip key, the index (collection updatedAt, counts) and the page list only', () => {
    const { h, stats } = setup();
    const added = h.run({ type: 'addClip', collectionId: stats.id, clip: draftFrom(page, '缉捕电信网络诈骗犯罪集团头目和骨干351名') });
    expect(Object.keys(added.changes.set).sort()).toEqual([INDEX_KEY, clipKey(added.result.clip.id), pageKey(PAGE_URL)].sort());
    const index = added.changes.set[INDEX_KEY] as { totalClips: number; recentAll: string[] };
    expect(index.totalClips).toBe(4); // k1, k2, k3 and this one
    // The newest clip heads the page's list and the newest ids.
    expect((added.changes.set[pageKey(PAGE_URL)] as string[])[0]).toBe(added.result.clip.id);
    expect(index.recentAll[0]).toBe(added.result.clip.id);
    expect(added.result).toMatchObject({ duplicate: false, clip: { note: '', tags: [], collectionIds: [stats.id] } });
    expect(h.state.collections[stats.id].updatedAt).toBe(added.result.clip.createdAt);
  });

  it('refuses a duplicate (same url, exact quote and position) in the same collection, returning the existing clip', () => {
    const { h, stats, ops, k1 } = setup();
    const again = h.run({ type: 'addClip', collectionId: stats.id, clip: draftFrom(page, '全年共破案46.4万起', { note: 'different note' }) });
    expect(again.result).toEqual({ clip: k1, duplicate: true });
    expect(again.changes).toEqual({ set: {}, remove: [] });
    // Same quote in another collection is a new clip; the #fragment does not make a new page.
    const other = draftFrom(page, '全年共破案46.4万起');
    other.target = { ...other.target, url: `${other.target.url}#p1` };
    const elsewhere = h.run({ type: 'addClip', collectionId: ops.id, clip: other });
    expect(elsewhere.result.duplicate).toBe(false);
    const fragmentDuplicate = h.run({ type: 'addClip', collectionId: ops.id, clip: draftFrom(page, '全年共破案46.4万起') });
    expect(fragmentDuplicate.result).toEqual({ clip: elsewhere.result.clip, duplicate: true });
  });

  it('validates the draft like stored data (a hostile page cannot bloat storage)', () => {
    const { h, stats } = setup();
    const huge = draftFrom(page, '全年共破案46.4万起', { text: '骗'.repeat(10_001) });
    const refused = h.attempt({ type: 'addClip', collectionId: stats.id, clip: huge });
    expect(refused).toEqual({ ok: false, error: { code: 'INVALID', message: 'clip.text: longer than 10000 characters (10001)' } });
    const badUrl = draftFrom(page, '全年共破案46.4万起');
    (badUrl.target as { url: unknown }).url = undefined;
    const noUrl = h.attempt({ type: 'addClip', collectionId: stats.id, clip: badUrl });
    expect(!noUrl.ok && noUrl.error.message).toBe('clip.target.url: expected a string, got undefined');
  });

  it('update changes note and normalised tags, bumps updatedAt, and rejects oversize input', () => {
    const { h, k1 } = setup();
    const updated = h.run({ type: 'updateClip', clipId: k1.id, note: '公安部数据', tags: [' 破案 ', '2022', '破案'] });
    expect(updated.result.clip).toMatchObject({ note: '公安部数据', tags: ['破案', '2022'] });
    expect(updated.result.clip.updatedAt > k1.updatedAt).toBe(true);
    expect(Object.keys(updated.changes.set)).toEqual([clipKey(k1.id)]);
    const same = h.run({ type: 'updateClip', clipId: k1.id, note: '公安部数据' });
    expect(same.changes).toEqual({ set: {}, remove: [] });
    const tooLong = h.attempt({ type: 'updateClip', clipId: k1.id, note: 'x'.repeat(20_001) });
    expect(!tooLong.ok && tooLong.error.code).toBe('INVALID');
    const tooMany = h.attempt({ type: 'updateClip', clipId: k1.id, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) });
    expect(!tooMany.ok && tooMany.error.message).toBe('tags: more than 50 tags');
  });

  it('move takes clips out of the source; copy adds membership; equal clips in the target are reported', () => {
    const { h, stats, ops, k1, k2, k3 } = setup();
    const moved = h.run({ type: 'moveClips', clipIds: [k1.id, k2.id, 'ghost'], fromCollectionId: stats.id, toCollectionId: ops.id });
    expect(moved.result).toEqual({ moved: [k1.id], duplicates: [], missing: [k2.id, 'ghost'] });
    expect(h.state.clips[k1.id].collectionIds).toEqual([ops.id]);
    expect(Object.keys(moved.changes.set).sort()).toEqual([INDEX_KEY, clipKey(k1.id)].sort());

    const copied = h.run({ type: 'copyClips', clipIds: [k3.id], toCollectionId: ops.id });
    expect(copied.result.moved).toEqual([k3.id]);
    expect(h.state.clips[k3.id].collectionIds).toEqual([stats.id, ops.id]);

    // A separately clipped equal quote in stats blocks moving k1 back.
    const twin = h.run({ type: 'addClip', collectionId: stats.id, clip: draftFrom(page, '全年共破案46.4万起') }).result.clip;
    const blocked = h.run({ type: 'moveClips', clipIds: [k1.id], fromCollectionId: ops.id, toCollectionId: stats.id });
    expect(blocked.result.duplicates).toEqual([{ clipId: k1.id, existingId: twin.id }]);
    expect(blocked.changes).toEqual({ set: {}, remove: [] });
  });

  it('delete everywhere removes keys; delete from one collection detaches; restore undoes both', () => {
    const { h, stats, ops, k1, k3 } = setup();
    h.run({ type: 'copyClips', clipIds: [k3.id], toCollectionId: ops.id });
    const before = h.state;
    const fromStats = h.run({ type: 'deleteClips', clipIds: [k1.id, k3.id], collectionId: stats.id });
    expect(fromStats.changes.remove).toEqual([clipKey(k1.id)]);
    expect(h.state.clips[k3.id].collectionIds).toEqual([ops.id]);
    const back = h.run({ type: 'restoreClips', undo: fromStats.result.undo });
    expect(back.result).toEqual({ restored: [k1.id, k3.id], notRestored: [] });
    expect(h.state.clips[k1.id]).toEqual(before.clips[k1.id]);
    expect(h.state.clips[k3.id].collectionIds.sort()).toEqual([stats.id, ops.id].sort());

    const everywhere = h.run({ type: 'deleteClips', clipIds: [k3.id] });
    expect(everywhere.changes.remove).toEqual([clipKey(k3.id)]);
    expect(h.state.clips[k3.id]).toBeUndefined();
    h.run({ type: 'deleteCollection', collectionId: ops.id });
    const partial = h.run({ type: 'restoreClips', undo: everywhere.result.undo });
    // Its other collection is gone: it comes back in the one that still exists.
    expect(partial.result.restored).toEqual([k3.id]);
    expect(h.state.clips[k3.id].collectionIds).toEqual([stats.id]);
  });

  it('restoreClips reports clips whose every collection is gone instead of orphaning them', () => {
    const { h, ops, k2 } = setup();
    const del = h.run({ type: 'deleteClips', clipIds: [k2.id] });
    h.run({ type: 'deleteCollection', collectionId: ops.id });
    const back = h.run({ type: 'restoreClips', undo: del.result.undo });
    expect(back.result).toEqual({ restored: [], notRestored: [k2.id] });
    expect(h.state.clips[k2.id]).toBeUndefined();
  });

  it('setLastUsed stores a known collection and refuses unknown ones', () => {
    const { h, ops } = setup();
    const set = h.run({ type: 'setLastUsed', collectionId: ops.id });
    expect(Object.keys(set.changes.set)).toEqual([INDEX_KEY]);
    expect((set.changes.set[INDEX_KEY] as { lastUsedCollectionId: string }).lastUsedCollectionId).toBe(ops.id);
    expect(h.attempt({ type: 'setLastUsed', collectionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    h.run({ type: 'setLastUsed', collectionId: null });
    expect(h.state.lastUsedCollectionId).toBeUndefined();
  });
});

describe('applyCommand', () => {
  it('never mutates the input state', () => {
    const { h, stats, k1 } = setup();
    const frozen = structuredClone(h.state);
    applyCommand(h.state, { type: 'deleteCollection', collectionId: stats.id }, '2025-01-01T00:00:00.000Z', testIds(3));
    applyCommand(h.state, { type: 'updateClip', clipId: k1.id, note: 'x' }, '2025-01-01T00:00:00.000Z', testIds(3));
    expect(h.state).toEqual(frozen);
  });

  it('answers unknown or malformed commands with an error instead of throwing', () => {
    const state = emptyState();
    expect(applyCommand(state, { type: 'dropTables' } as unknown as Command, 'x', testIds())).toEqual({
      ok: false,
      error: { code: 'INVALID', message: 'command.type: unknown command' },
    });
    expect(applyCommand(state, null as unknown as Command, 'x', testIds()).ok).toBe(false);
    expect(applyCommand(state, { type: 'deleteClips', clipIds: 'all' } as unknown as Command, 'x', testIds())).toEqual({
      ok: false,
      error: { code: 'INVALID', message: 'clipIds: expected an array, got a string' },
    });
  });

  it('changes always describe the new state: replaying them over the old items gives the new items', () => {
    const items = new Map<string, unknown>();
    const apply = (o: { changes: { set: Record<string, unknown>; remove: string[] } }) => {
      for (const [k, v] of Object.entries(o.changes.set)) items.set(k, v);
      for (const k of o.changes.remove) items.delete(k);
    };
    const g = harness();
    apply(g.run({ type: 'createCollection', name: 'A' }));
    const b = g.run({ type: 'createCollection', name: 'B' });
    apply(b);
    const added = g.run({ type: 'addClip', collectionId: g.state.order[0], clip: draftFrom(page, '全年共破案46.4万起') });
    apply(added);
    apply(g.run({ type: 'copyClips', clipIds: [added.result.clip.id], toCollectionId: b.result.collection.id }));
    apply(g.run({ type: 'deleteCollection', collectionId: g.state.order[0] }));
    const clipsInItems = [...items.entries()].filter(([k]) => k.startsWith('clip:')).map(([, v]) => v as Clip);
    expect(clipsInItems).toEqual(Object.values(g.state.clips));
    expect((items.get(INDEX_KEY) as { collections: unknown[] }).collections).toEqual(g.state.order.map((id) => g.state.collections[id]));
  });
});
