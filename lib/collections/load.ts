/**
 * Reading the stored v2 layout into memory. A record that fails validation is reported, moved to a
 * quarantine key (the repair changes say how) and never silently dropped; it does not stop the
 * other records from loading.
 */
import { readClip, readCollection, readId, type Clip, type Collection } from './model';
import {
  CLIP_KEY_PREFIX,
  CURRENT_SCHEMA_VERSION,
  INDEX_KEY,
  PAGE_KEY_PREFIX,
  clipKey,
  emptyState,
  indexDerived,
  indexRecord,
  pageKey,
  quarantineKey,
  type Changes,
  type CollectionsState,
  type QuarantinedRecord,
  type StorageItems,
} from './schema';
import { rememberSummary, summarize } from './summary';
import { V1_STORAGE_KEY } from './types-v1';
import { ValidationError, attempt, readArray, readObject } from './validate';

export type LoadProblemKind = 'corrupt' | 'orphan' | 'dangling-reference' | 'leftover';

export interface LoadProblem {
  kind: LoadProblemKind;
  key: string;
  message: string;
  /** Where the record now lives, when it was quarantined. */
  quarantinedAs?: string;
}

export interface LoadedState {
  state: CollectionsState;
  problems: LoadProblem[];
  /** What to write so storage matches `state` (quarantines, fixed references); may be empty. */
  repair: Changes;
}

const MAX_COLLECTIONS = 10_000;

/** The stored derived part as it would be written (unvalidated: it is only compared, never used). */
function storedDerived(raw: Record<string, unknown>): string {
  return JSON.stringify({ clipCounts: raw.clipCounts, totalClips: raw.totalClips, recentClipIds: raw.recentClipIds, recentAll: raw.recentAll });
}

function readIndex(value: unknown): { collections: Collection[]; lastUsedCollectionId?: string; derived: string } {
  const raw = readObject(value, INDEX_KEY);
  if (raw.schemaVersion !== CURRENT_SCHEMA_VERSION) {
    throw new ValidationError(`${INDEX_KEY}.schemaVersion`, `expected ${CURRENT_SCHEMA_VERSION}`);
  }
  const list = readArray(raw.collections, `${INDEX_KEY}.collections`, MAX_COLLECTIONS);
  const collections = list.map((item, i) => readCollection(item, `${INDEX_KEY}.collections[${i}]`));
  const seen = new Set<string>();
  collections.forEach((c, i) => {
    if (seen.has(c.id)) throw new ValidationError(`${INDEX_KEY}.collections[${i}].id`, `duplicate id ${c.id}`);
    seen.add(c.id);
  });
  const lastUsed = raw.lastUsedCollectionId === undefined ? undefined : readId(raw.lastUsedCollectionId, `${INDEX_KEY}.lastUsedCollectionId`);
  return { collections, lastUsedCollectionId: lastUsed && seen.has(lastUsed) ? lastUsed : undefined, derived: storedDerived(raw) };
}

export function readStoredState(items: StorageItems, now: string): LoadedState {
  const state = emptyState();
  const problems: LoadProblem[] = [];
  const repair: Changes = { set: {}, remove: [] };

  const quarantine = (key: string, record: unknown, kind: LoadProblemKind, message: string) => {
    const target = quarantineKey(now, key);
    const stored: QuarantinedRecord = { key, reason: message, quarantinedAt: now, record };
    repair.set[target] = stored;
    repair.remove.push(key);
    problems.push({ kind, key, message, quarantinedAs: target });
  };

  let indexUsable = false;
  let storedDerivedData = '';
  if (Object.prototype.hasOwnProperty.call(items, INDEX_KEY)) {
    const index = attempt(() => readIndex(items[INDEX_KEY]));
    if (index.ok) {
      indexUsable = true;
      storedDerivedData = index.value.derived;
      for (const collection of index.value.collections) {
        state.collections[collection.id] = collection;
        state.order.push(collection.id);
      }
      if (index.value.lastUsedCollectionId) state.lastUsedCollectionId = index.value.lastUsedCollectionId;
    } else {
      quarantine(INDEX_KEY, items[INDEX_KEY], 'corrupt', index.message);
    }
  }

  // A v1 blob next to a v2 index is what an interrupted migration leaves: its content was
  // written (atomically, with the index) before the blob's removal was attempted.
  if (Object.prototype.hasOwnProperty.call(items, V1_STORAGE_KEY) && Object.prototype.hasOwnProperty.call(items, INDEX_KEY)) {
    repair.remove.push(V1_STORAGE_KEY);
    problems.push({ kind: 'leftover', key: V1_STORAGE_KEY, message: 'schema v1 data already migrated; removing it' });
  }

  const clips: Clip[] = [];
  for (const key of Object.keys(items)) {
    if (!key.startsWith(CLIP_KEY_PREFIX)) continue;
    const read = attempt(() => readClip(items[key], key));
    if (!read.ok) {
      quarantine(key, items[key], 'corrupt', read.message);
    } else if (clipKey(read.value.id) !== key) {
      quarantine(key, items[key], 'corrupt', `${key}: holds clip ${read.value.id}`);
    } else {
      clips.push(read.value);
    }
  }

  if (!indexUsable && clips.length > 0) {
    // The index is lost or missing: keep every clip reachable under a recovered collection.
    for (const clip of clips) {
      for (const id of clip.collectionIds) {
        if (!Object.prototype.hasOwnProperty.call(state.collections, id)) {
          state.collections[id] = { id, name: `Recovered ${id.slice(0, 8)}`, createdAt: clip.createdAt, updatedAt: now };
          state.order.push(id);
        }
      }
    }
  }

  for (const clip of clips) {
    const known = clip.collectionIds.filter((id) => Object.prototype.hasOwnProperty.call(state.collections, id));
    const key = clipKey(clip.id);
    if (known.length === 0) {
      quarantine(key, clip, 'orphan', `${key}: belongs to no existing collection (left over from an interrupted delete?)`);
    } else if (known.length < clip.collectionIds.length) {
      const fixed = { ...clip, collectionIds: known };
      state.clips[clip.id] = fixed;
      repair.set[key] = fixed;
      problems.push({ kind: 'dangling-reference', key, message: `${key}: dropped references to missing collections` });
    } else {
      state.clips[clip.id] = clip;
    }
  }

  // The derived data (schema v3) is rebuilt wherever it disagrees with the clips just read: after a
  // migration, an interrupted write, a quarantine, or a foreign write. It holds nothing of its own.
  const summary = summarize(state);
  rememberSummary(state, summary);
  const derivedStale = indexUsable && storedDerivedData !== JSON.stringify(indexDerived(state, summary));
  if (derivedStale || (!indexUsable && clips.length > 0)) repair.set[INDEX_KEY] = indexRecord(state, summary);
  for (const key of Object.keys(items)) {
    if (key.startsWith(PAGE_KEY_PREFIX) && !summary.pages.has(key.slice(PAGE_KEY_PREFIX.length))) repair.remove.push(key);
  }
  for (const [page, ids] of summary.pages) {
    const key = pageKey(page);
    const stored = Object.prototype.hasOwnProperty.call(items, key) ? items[key] : undefined;
    if (!Array.isArray(stored) || stored.join('\n') !== ids.join('\n')) repair.set[key] = ids;
  }
  return { state, problems, repair };
}
