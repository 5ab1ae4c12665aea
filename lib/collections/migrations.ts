/**
 * Ordered migrations of the stored layout, version N → N+1. Each one reads the old layout through
 * that version's frozen types (`types-v1.ts` …) and returns the new full set of items; the runner
 * turns the difference into one `set` + one `remove`. Data from a newer version than this code
 * knows is refused before anything is written.
 */
import type { LoadProblem } from './load';
import { readClip, readCollection, readId, type Clip, type Collection } from './model';
import { fail, ok, type Result } from './result';
import {
  CURRENT_SCHEMA_VERSION,
  INDEX_KEY,
  clipKey,
  quarantineKey,
  type Changes,
  type QuarantinedRecord,
  type StorageItems,
} from './schema';
import { V1_STORAGE_KEY, type ClipV1, type CollectionV1 } from './types-v1';
import type { StoredIndexV2 } from './types-v2';
import { ValidationError, attempt, readObject } from './validate';

export interface MigrationOutput {
  items: StorageItems;
  problems: LoadProblem[];
}

export interface Migration {
  from: number;
  to: number;
  description: string;
  migrate(items: StorageItems, now: string): MigrationOutput;
}

function epochToIso(value: unknown, path: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > 8.64e15) {
    throw new ValidationError(path, 'expected epoch milliseconds');
  }
  return new Date(value).toISOString();
}

function splitV1Tags(tags: unknown): string[] {
  if (typeof tags !== 'string') return [];
  const out: string[] = [];
  for (const part of tags.split(/[,，、;；]/)) {
    const tag = part.trim();
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

function hostnameOf(url: unknown): string {
  try {
    return typeof url === 'string' ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

function collectionFromV1(raw: unknown, path: string): Collection {
  const v1 = readObject(raw, path) as Partial<Record<keyof CollectionV1, unknown>>;
  const at = epochToIso(v1.created, `${path}.created`);
  return readCollection({ id: v1.id, name: v1.name, createdAt: at, updatedAt: at }, path);
}

function clipFromV1(raw: unknown, path: string): Clip {
  const v1 = readObject(raw, path) as Partial<Record<keyof ClipV1, unknown>>;
  const at = epochToIso(v1.created, `${path}.created`);
  const quote = v1.quote;
  const start = v1.offset;
  const end = typeof start === 'number' && typeof quote === 'string' ? start + quote.length : start;
  const draft: Record<string, unknown> = {
    id: v1.id,
    collectionIds: [v1.collectionId],
    kind: v1.kind,
    text: quote,
    note: v1.note ?? '',
    tags: splitV1Tags(v1.tags),
    target: {
      url: v1.url,
      title: v1.title ?? '',
      site: hostnameOf(v1.url),
      script: 'unknown',
      selector: [
        { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end },
      ],
    },
    createdAt: at,
    updatedAt: at,
  };
  if (v1.canonical !== undefined) draft.canonical = v1.canonical;
  if (v1.value !== undefined) draft.value = v1.value;
  if (v1.unit !== undefined) draft.unit = v1.unit;
  return readClip(draft, path);
}

export const migrateV1ToV2: Migration = {
  from: 1,
  to: 2,
  description: 'one blob → index + one key per clip; collectionId → collectionIds[]; quote/offset → W3C selectors',
  migrate(items, now) {
    const out: StorageItems = { ...items };
    delete out[V1_STORAGE_KEY];
    const problems: LoadProblem[] = [];
    const quarantine = (label: string, record: unknown, message: string) => {
      const key = quarantineKey(now, label);
      const stored: QuarantinedRecord = { key: label, reason: message, quarantinedAt: now, record };
      out[key] = stored;
      problems.push({ kind: 'corrupt', key: label, message, quarantinedAs: key });
    };

    const blob = items[V1_STORAGE_KEY];
    const index: StoredIndexV2 = { schemaVersion: 2, collections: [] };
    const shape = attempt(() => {
      const raw = readObject(blob, V1_STORAGE_KEY);
      if (!Array.isArray(raw.collections)) throw new ValidationError(`${V1_STORAGE_KEY}.collections`, 'expected an array');
      if (!Array.isArray(raw.clips)) throw new ValidationError(`${V1_STORAGE_KEY}.clips`, 'expected an array');
      return { collections: raw.collections as unknown[], clips: raw.clips as unknown[], lastCollectionId: raw.lastCollectionId };
    });
    if (!shape.ok) {
      quarantine(V1_STORAGE_KEY, blob, shape.message);
      out[INDEX_KEY] = index;
      return { items: out, problems };
    }

    const seen = new Set<string>();
    shape.value.collections.forEach((raw, i) => {
      const path = `${V1_STORAGE_KEY}.collections[${i}]`;
      const read = attempt(() => collectionFromV1(raw, path));
      if (!read.ok) return quarantine(path, raw, read.message);
      if (seen.has(read.value.id)) return quarantine(path, raw, `${path}.id: duplicate id ${read.value.id}`);
      seen.add(read.value.id);
      index.collections.push(read.value);
    });
    shape.value.clips.forEach((raw, i) => {
      const path = `${V1_STORAGE_KEY}.clips[${i}]`;
      const read = attempt(() => clipFromV1(raw, path));
      if (!read.ok) return quarantine(path, raw, read.message);
      const key = clipKey(read.value.id);
      if (Object.prototype.hasOwnProperty.call(out, key)) return quarantine(path, raw, `${path}.id: duplicate id ${read.value.id}`);
      out[key] = read.value;
    });
    const lastUsed = attempt(() => readId(shape.value.lastCollectionId, 'lastCollectionId'));
    if (lastUsed.ok && seen.has(lastUsed.value)) index.lastUsedCollectionId = lastUsed.value;
    out[INDEX_KEY] = index;
    return { items: out, problems };
  },
};

/**
 * v3 adds derived data (per-collection counts and newest ids in the index, one key per page listing
 * its clips). The migration only marks the index as v3; the loader, which checks the derived data
 * against the clips on every load anyway, writes it in the same `set` as the migration.
 */
export const migrateV2ToV3: Migration = {
  from: 2,
  to: 3,
  description: 'index marked v3; counts, newest ids per collection and per-page clip lists written by the loader',
  migrate(items) {
    const raw = items[INDEX_KEY];
    // A damaged v2 index stays as it is: the loader quarantines it whatever its version says.
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { items, problems: [] };
    const old = raw as Partial<StoredIndexV2>;
    return { items: { ...items, [INDEX_KEY]: { ...old, schemaVersion: 3 } }, problems: [] };
  },
};

/** In order; `MIGRATIONS[i]` goes from version i+1 to i+2. */
export const MIGRATIONS: readonly Migration[] = [migrateV1ToV2, migrateV2ToV3];

/** The schema version of what is stored, or null when nothing of ours is there yet. */
export function detectSchemaVersion(items: StorageItems): Result<number | null> {
  const versionOf = (key: string, fallback: number): Result<number> => {
    const value = items[key];
    const version =
      typeof value === 'object' && value !== null ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return ok(fallback);
    if (version > CURRENT_SCHEMA_VERSION) {
      return fail(
        'SCHEMA_TOO_NEW',
        `Stored collections use schema version ${version}, but this version of the extension only knows up to ${CURRENT_SCHEMA_VERSION}. Update the extension; nothing was changed.`,
      );
    }
    return ok(version);
  };
  // A damaged index is still v2 data (the loader quarantines it); a damaged v1 blob is v1 data.
  if (Object.prototype.hasOwnProperty.call(items, INDEX_KEY)) return versionOf(INDEX_KEY, CURRENT_SCHEMA_VERSION);
  if (Object.prototype.hasOwnProperty.call(items, V1_STORAGE_KEY)) return versionOf(V1_STORAGE_KEY, 1);
  return ok(null);
}

/** What turns `before` into `after`: changed or new keys to set, vanished keys to remove. */
export function diffItems(before: StorageItems, after: StorageItems): Changes {
  const changes: Changes = { set: {}, remove: [] };
  for (const key of Object.keys(after)) {
    if (!Object.prototype.hasOwnProperty.call(before, key) || before[key] !== after[key]) changes.set[key] = after[key];
  }
  for (const key of Object.keys(before)) if (!Object.prototype.hasOwnProperty.call(after, key)) changes.remove.push(key);
  return changes;
}

export interface MigrationRun {
  items: StorageItems;
  changes: Changes;
  fromVersion: number | null;
  problems: LoadProblem[];
}

export function migrateItems(items: StorageItems, now: string, migrations: readonly Migration[] = MIGRATIONS): Result<MigrationRun> {
  const detected = detectSchemaVersion(items);
  if (!detected.ok) return detected;
  const fromVersion = detected.value;
  let current = items;
  const problems: LoadProblem[] = [];
  for (let version = fromVersion ?? CURRENT_SCHEMA_VERSION; version < CURRENT_SCHEMA_VERSION; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step || step.to !== version + 1) return fail('CORRUPT', `No migration from schema version ${version}.`);
    const output = step.migrate(current, now);
    current = output.items;
    problems.push(...output.problems);
  }
  return ok({ items: current, changes: diffItems(items, current), fromVersion, problems });
}
