/**
 * Answers from a few keys instead of every clip, for a worker that has just started (an MV3 worker
 * stops after 30 s idle, so this is the common case when the popup opens): the collections with
 * their counts from the index, the newest clips of a collection from the index's recent ids, a
 * page's clips from its page key. Only the clips returned are read and validated.
 *
 * Every answer is all-or-nothing: when anything it needs is missing, damaged or disagrees (a clip
 * listed but gone, or no longer in that collection or page), the answer is null and the caller
 * loads everything, which quarantines damaged records and rebuilds the derived data. So a peek
 * never shows an invalid record and never hides one from the loader.
 */
import { readClip, readCollection, readId, type Clip, type Collection } from './model';
import { CURRENT_SCHEMA_VERSION, INDEX_KEY, clipKey, pageKey } from './schema';
import type { StorageArea } from './storage';
import { RECENT_CLIPS, pageOf } from './summary';
import { getOwn } from './result';
import { attempt, readArray, readInteger, readObject } from './validate';

export interface PeekedIndex {
  collections: Collection[];
  lastUsedCollectionId: string | null;
  counts: Record<string, number>;
  totalClips: number;
  recent: Record<string, string[]>;
  recentAll: string[];
}

export interface CollectionWithCount extends Collection {
  clipCount: number;
}

/** The list the popup shows first. */
export interface Overview {
  collections: CollectionWithCount[];
  lastUsedCollectionId: string | null;
  totalClips: number;
}

const MAX_COLLECTIONS = 10_000;

function readIdList(value: unknown, path: string): string[] {
  return readArray(value, path, RECENT_CLIPS).map((id, i) => readId(id, `${path}[${i}]`));
}

/** The v3 index, validated; null when absent, of another version, or damaged in any way. */
export function readPeekedIndex(value: unknown): PeekedIndex | null {
  const read = attempt(() => {
    const raw = readObject(value, INDEX_KEY);
    if (raw.schemaVersion !== CURRENT_SCHEMA_VERSION) return null;
    const collections = readArray(raw.collections, 'collections', MAX_COLLECTIONS).map((c, i) => readCollection(c, `collections[${i}]`));
    const known = new Set(collections.map((c) => c.id));
    if (known.size !== collections.length) return null;
    // Null-prototype maps: an id is only ever an own key (valueOf must not read Object.prototype's).
    const counts: Record<string, number> = Object.create(null);
    for (const [id, n] of Object.entries(readObject(raw.clipCounts, 'clipCounts'))) {
      if (!known.has(id)) return null;
      counts[id] = readInteger(n, `clipCounts.${id}`, 1, Number.MAX_SAFE_INTEGER);
    }
    const recent: Record<string, string[]> = Object.create(null);
    for (const [id, list] of Object.entries(readObject(raw.recentClipIds, 'recentClipIds'))) {
      if (!known.has(id)) return null;
      recent[id] = readIdList(list, `recentClipIds.${id}`);
    }
    const last = raw.lastUsedCollectionId === undefined ? null : readId(raw.lastUsedCollectionId, 'lastUsedCollectionId');
    return {
      collections,
      lastUsedCollectionId: last !== null && known.has(last) ? last : null,
      counts,
      totalClips: readInteger(raw.totalClips, 'totalClips', 0, Number.MAX_SAFE_INTEGER),
      recent,
      recentAll: readIdList(raw.recentAll, 'recentAll'),
    };
  });
  return read.ok ? read.value : null;
}

export function overviewOf(index: PeekedIndex): Overview {
  return {
    collections: index.collections.map((c) => ({ ...c, clipCount: getOwn(index.counts, c.id) ?? 0 })),
    lastUsedCollectionId: index.lastUsedCollectionId,
    totalClips: index.totalClips,
  };
}

async function getSafely(storage: StorageArea, keys: string[]): Promise<Record<string, unknown> | null> {
  try {
    return await storage.get(keys);
  } catch {
    return null;
  }
}

/** The clips `ids` in that order, each valid and passing `fits`; null if any is not. */
async function readListedClips(storage: StorageArea, ids: string[], fits: (clip: Clip) => boolean): Promise<Clip[] | null> {
  if (ids.length === 0) return [];
  const items = await getSafely(storage, ids.map(clipKey));
  if (!items) return null;
  const clips: Clip[] = [];
  for (const id of ids) {
    const key = clipKey(id);
    if (!Object.prototype.hasOwnProperty.call(items, key)) return null;
    const read = attempt(() => readClip(items[key], key));
    if (!read.ok || read.value.id !== id || !fits(read.value)) return null;
    clips.push(read.value);
  }
  return clips;
}

export async function peekIndex(storage: StorageArea): Promise<PeekedIndex | null> {
  const items = await getSafely(storage, [INDEX_KEY]);
  return items ? readPeekedIndex(items[INDEX_KEY]) : null;
}

/**
 * The newest `limit` clips of a collection (or of all clips), and how many there are in all; null
 * when the stored newest ids cannot answer (more asked for than kept, or a listed clip is not right).
 */
export async function peekRecentClips(
  storage: StorageArea,
  index: PeekedIndex,
  collectionId: string | undefined,
  limit: number,
): Promise<{ clips: Clip[]; total: number } | null> {
  const ids = collectionId === undefined ? index.recentAll : getOwn(index.recent, collectionId) ?? [];
  const total = collectionId === undefined ? index.totalClips : getOwn(index.counts, collectionId) ?? 0;
  if (collectionId !== undefined && !index.collections.some((c) => c.id === collectionId)) return null;
  // The list holds the newest min(total, RECENT_CLIPS) ids, or it is stale.
  if (ids.length !== Math.min(total, RECENT_CLIPS) || (limit > ids.length && total > ids.length)) return null;
  const wanted = ids.slice(0, limit);
  const clips = await readListedClips(storage, wanted, (clip) => collectionId === undefined || clip.collectionIds.includes(collectionId));
  return clips ? { clips, total } : null;
}

/** The clips of a page (a URL; its #fragment is ignored), newest first; null when the stored data cannot answer. */
export async function peekPageClips(storage: StorageArea, url: string): Promise<Clip[] | null> {
  const page = pageOf(url);
  const key = pageKey(page);
  const items = await getSafely(storage, [INDEX_KEY, key]);
  // Without a current index the page keys may be missing or stale (before the migration to v3).
  if (!items || !readPeekedIndex(items[INDEX_KEY])) return null;
  if (!Object.prototype.hasOwnProperty.call(items, key)) return [];
  const ids = attempt(() => readArray(items[key], key, 100_000).map((id, i) => readId(id, `${key}[${i}]`)));
  if (!ids.ok) return null;
  return readListedClips(storage, ids.value, (clip) => pageOf(clip.target.url) === page);
}
