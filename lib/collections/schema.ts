/**
 * The stored shape (schema version 3) and its key layout in `browser.storage.local`.
 *
 *   collections:index        { schemaVersion: 3, collections: Collection[] (display order), lastUsedCollectionId?,
 *                              clipCounts, totalClips, recentClipIds, recentAll }   (see summary.ts)
 *   collections:page:<page>  string[]                  ids of the clips of one page (URL without #), newest first
 *   clip:<clipId>            Clip                      one key per clip
 *   quarantine:<at>:<key>    QuarantinedRecord         a record that failed validation, kept for recovery
 *
 * v3 added the derived data (counts, newest ids, per-page ids) so a worker that has just started
 * answers the popup's first view from the index and a few clips instead of reading all of them.
 * It is rebuilt by the loader whenever it disagrees with the clips; it is never the only copy of anything.
 *
 * Why: storage.local writes whole values, so a single blob would rewrite every clip on every
 * command (10,000 clips ≈ several MB per click). Membership lives on the clip (`collectionIds`),
 * not in the index, so the index stays O(number of collections) and adding a clip writes exactly
 * two small keys (the clip and the index, for the collection's updatedAt). Every command's keys are
 * written in one `set` call, which is atomic in Chromium (one LevelDB write batch) and Firefox (one
 * IndexedDB transaction); removals follow in one `remove` call and are arranged so that, if that
 * second call fails, what is left is at worst unreferenced clips, which the next load quarantines.
 */
import type { Clip, Collection } from './model';
import { summaryOf, type Summary } from './summary';

export const CURRENT_SCHEMA_VERSION = 3;
export const INDEX_KEY = 'collections:index';
export const CLIP_KEY_PREFIX = 'clip:';
export const QUARANTINE_KEY_PREFIX = 'quarantine:';
export const PAGE_KEY_PREFIX = 'collections:page:';

/** The key listing the clips of a page (a URL without its #fragment). */
export function pageKey(page: string): string {
  return PAGE_KEY_PREFIX + page;
}

export function clipKey(clipId: string): string {
  return CLIP_KEY_PREFIX + clipId;
}

export function quarantineKey(now: string, originalKey: string): string {
  return `${QUARANTINE_KEY_PREFIX}${now}:${originalKey}`;
}

/** Everything `storage.local.get(null)` returns: our keys and other modules' keys alike. */
export type StorageItems = Record<string, unknown>;

/** What one command (or one repair) writes: all of `set` in one call, then all of `remove`. */
export interface Changes {
  set: Record<string, unknown>;
  remove: string[];
}

/** The index without its derived part: what the reducer decides; the derived part follows from the clips. */
export interface IndexCore {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  collections: Collection[];
  lastUsedCollectionId?: string;
}

/** Derived from the clips (summary.ts); keyed by collection id, collections without clips left out. */
export interface IndexDerived {
  clipCounts: Record<string, number>;
  totalClips: number;
  /** Newest first, at most RECENT_CLIPS per collection. */
  recentClipIds: Record<string, string[]>;
  recentAll: string[];
}

export type StoredIndex = IndexCore & IndexDerived;

export interface QuarantinedRecord {
  key: string;
  reason: string;
  quarantinedAt: string;
  record: unknown;
}

/** The in-memory state the reducer works on. */
export interface CollectionsState {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  collections: Record<string, Collection>;
  /** Collection ids in display order. */
  order: string[];
  clips: Record<string, Clip>;
  lastUsedCollectionId?: string;
}

export function emptyState(): CollectionsState {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, collections: {}, order: [], clips: {} };
}

/** The reducer's part of the index (commands build it; `applyCommand` completes it with `indexRecord`). */
export function indexCore(state: CollectionsState): IndexCore {
  const index: IndexCore = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    collections: state.order.map((id) => state.collections[id]),
  };
  if (state.lastUsedCollectionId !== undefined) index.lastUsedCollectionId = state.lastUsedCollectionId;
  return index;
}

/** The derived part, in display order of the collections (so equal states give equal records). */
export function indexDerived(state: CollectionsState, summary: Summary = summaryOf(state)): IndexDerived {
  const clipCounts: Record<string, number> = {};
  const recentClipIds: Record<string, string[]> = {};
  for (const id of state.order) {
    const count = summary.counts.get(id);
    if (count) clipCounts[id] = count;
    const recent = summary.recent.get(id);
    if (recent && recent.length) recentClipIds[id] = recent;
  }
  return { clipCounts, totalClips: summary.totalClips, recentClipIds, recentAll: summary.recentAll };
}

/** The whole index record of a finished state (never of a state still being built: summaries are cached per state). */
export function indexRecord(state: CollectionsState, summary: Summary = summaryOf(state)): StoredIndex {
  return { ...indexCore(state), ...indexDerived(state, summary) };
}

/** The full key layout of a state (used by migrations and tests; commands write only what changed). */
export function stateToItems(state: CollectionsState): StorageItems {
  const summary = summaryOf(state);
  const items: StorageItems = { [INDEX_KEY]: indexRecord(state, summary) };
  for (const clip of Object.values(state.clips)) items[clipKey(clip.id)] = clip;
  for (const [page, ids] of summary.pages) items[pageKey(page)] = ids;
  return items;
}

export function noChanges(): Changes {
  return { set: {}, remove: [] };
}

/** `later` applied after `earlier`, as one pair of calls: the last word on each key wins. */
export function composeChanges(earlier: Changes, later: Changes): Changes {
  const set: Record<string, unknown> = {};
  const laterRemoves = new Set(later.remove);
  for (const [key, value] of Object.entries(earlier.set)) if (!laterRemoves.has(key)) set[key] = value;
  Object.assign(set, later.set);
  const remove = new Set(earlier.remove.filter((key) => !Object.prototype.hasOwnProperty.call(later.set, key)));
  for (const key of later.remove) remove.add(key);
  return { set, remove: [...remove] };
}

export function isEmptyChanges(changes: Changes): boolean {
  return Object.keys(changes.set).length === 0 && changes.remove.length === 0;
}
