/**
 * Import of our own JSON export. The whole file is validated before anything changes: one invalid
 * record refuses the import (the error lists every refused record and why) unless the caller chose
 * `skipInvalid`. Records merge by id: unknown → added; same updatedAt → skipped; newer → updated;
 * older → skipped. The result carries the storage changes to write in one `set`.
 */
import { EXCHANGE_FORMAT, EXCHANGE_FORMAT_VERSION } from './format';
import { readClip, readCollection, type Clip, type Collection } from './model';
import { fail, getOwn, hasOwn, ok, type Rejection, type Result } from './result';
import { INDEX_KEY, clipKey, indexCore, type Changes, type CollectionsState } from './schema';
import { ValidationError, attempt, describeValue, readArray, readObject } from './validate';

/**
 * A 10,000-clip export is 5–30 MB of JSON (about 1 KB per short clip, more with long notes). The bound is
 * what one extension message carries: Chromium refuses messages over 64 MiB, and the text travels at two
 * bytes a character, so 33.5 M characters of Chinese failed as "no answer" before a 40 M check could speak
 * (#19). The sending page checks it too, before reading a larger file or sending it.
 */
export const MAX_IMPORT_CHARS = 32_000_000;

/** The file sizes the manager reads at all: at most four UTF-8 bytes a character. */
export const MAX_IMPORT_FILE_BYTES = MAX_IMPORT_CHARS * 4;
const MAX_IMPORT_COLLECTIONS = 10_000;
const MAX_IMPORT_CLIPS = 200_000;

export interface ImportOptions {
  /** Import the valid records and report the others, instead of refusing the whole file. */
  skipInvalid?: boolean;
}

export interface MergeCounts {
  added: number;
  updated: number;
  skipped: number;
}

export interface ImportReport extends MergeCounts {
  rejected: Rejection[];
  collections: MergeCounts;
}

export interface Imported {
  state: CollectionsState;
  changes: Changes;
  report: ImportReport;
}

/** Parses the text of a file, refusing oversized input before JSON.parse spends time and memory on it. */
export function parseImportText(text: unknown): Result<unknown> {
  if (typeof text !== 'string') return fail('NOT_JSON', `Expected the text of a JSON file, got ${describeValue(text)}.`);
  if (text.length > MAX_IMPORT_CHARS) {
    return fail('TOO_LARGE', `The file is too large to import (${text.length} characters; at most ${MAX_IMPORT_CHARS}).`);
  }
  try {
    return ok(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('NOT_JSON', `The file is not valid JSON (${detail}).`);
  }
}

function isNewer(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

/** `data`: the parsed file, or its text. */
export function importCollections(state: CollectionsState, data: unknown, now: string, options: ImportOptions = {}): Result<Imported> {
  void now; // imported records keep their own times; kept in the signature for symmetry with commands
  let parsed = data;
  if (typeof data === 'string') {
    const text = parseImportText(data);
    if (!text.ok) return text;
    parsed = text.value;
  }

  const header = attempt(() => {
    const file = readObject(parsed, 'file');
    if (file.format !== EXCHANGE_FORMAT) {
      throw new ValidationError('file.format', `expected '${EXCHANGE_FORMAT}' (this is not a Fanzha Lens collections export)`);
    }
    return file;
  });
  if (!header.ok) {
    return fail('WRONG_FORMAT', `Cannot import: ${header.message}.`);
  }
  const file = header.value;
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    return fail('WRONG_FORMAT', 'Cannot import: file.version: expected a positive integer.');
  }
  if (file.version > EXCHANGE_FORMAT_VERSION) {
    return fail(
      'FORMAT_TOO_NEW',
      `Cannot import: the file is format version ${file.version}; this version of the extension reads up to ${EXCHANGE_FORMAT_VERSION}. Update the extension.`,
    );
  }
  const lists = attempt(() => ({
    collections: readArray(file.collections, 'collections', MAX_IMPORT_COLLECTIONS),
    clips: readArray(file.clips, 'clips', MAX_IMPORT_CLIPS),
  }));
  if (!lists.ok) return fail('WRONG_FORMAT', `Cannot import: ${lists.message}.`);

  const rejected: Rejection[] = [];
  const idOf = (value: unknown): string | undefined => {
    const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
    return typeof id === 'string' && id.length <= 64 ? id : undefined;
  };

  const fileCollections = new Map<string, Collection>();
  lists.value.collections.forEach((raw, index) => {
    const read = attempt(() => readCollection(raw, `collections[${index}]`));
    if (!read.ok) return rejected.push({ section: 'collections', index, id: idOf(raw), reason: read.message });
    if (fileCollections.has(read.value.id)) {
      return rejected.push({ section: 'collections', index, id: read.value.id, reason: `collections[${index}].id: duplicate id in the file` });
    }
    fileCollections.set(read.value.id, read.value);
  });

  const fileClips: Clip[] = [];
  const seenClipIds = new Set<string>();
  lists.value.clips.forEach((raw, index) => {
    const read = attempt(() => readClip(raw, `clips[${index}]`));
    if (!read.ok) return rejected.push({ section: 'clips', index, id: idOf(raw), reason: read.message });
    const clip = read.value;
    if (seenClipIds.has(clip.id)) {
      return rejected.push({ section: 'clips', index, id: clip.id, reason: `clips[${index}].id: duplicate id in the file` });
    }
    const missing = clip.collectionIds.findIndex((id) => !fileCollections.has(id) && !hasOwn(state.collections, id));
    if (missing !== -1) {
      return rejected.push({
        section: 'clips',
        index,
        id: clip.id,
        reason: `clips[${index}].collectionIds[${missing}]: collection ${clip.collectionIds[missing]} is neither in the file nor in your collections`,
      });
    }
    seenClipIds.add(clip.id);
    fileClips.push(clip);
  });

  if (rejected.length > 0 && !options.skipInvalid) {
    const shown = rejected.slice(0, 3).map((r) => r.reason).join('; ');
    const more = rejected.length > 3 ? ` (and ${rejected.length - 3} more)` : '';
    return {
      ok: false,
      error: { code: 'IMPORT_REJECTED', message: `Nothing was imported: ${rejected.length} invalid record(s): ${shown}${more}.`, rejected },
    };
  }

  const next: CollectionsState = { ...state, collections: { ...state.collections }, order: [...state.order], clips: { ...state.clips } };
  const changes: Changes = { set: {}, remove: [] };
  const collectionCounts: MergeCounts = { added: 0, updated: 0, skipped: 0 };
  const clipCounts: MergeCounts = { added: 0, updated: 0, skipped: 0 };

  for (const collection of fileCollections.values()) {
    const current = getOwn(next.collections, collection.id);
    if (!current) {
      next.collections[collection.id] = collection;
      next.order.push(collection.id);
      collectionCounts.added++;
    } else if (isNewer(collection.updatedAt, current.updatedAt)) {
      next.collections[collection.id] = collection;
      collectionCounts.updated++;
    } else {
      collectionCounts.skipped++;
    }
  }
  if (collectionCounts.added + collectionCounts.updated > 0) changes.set[INDEX_KEY] = indexCore(next);

  for (const clip of fileClips) {
    const current = getOwn(next.clips, clip.id);
    if (!current) {
      next.clips[clip.id] = clip;
      changes.set[clipKey(clip.id)] = clip;
      clipCounts.added++;
    } else if (isNewer(clip.updatedAt, current.updatedAt)) {
      // Local memberships are kept: an import never takes a clip out of a collection.
      const collectionIds = [...clip.collectionIds, ...current.collectionIds.filter((id) => !clip.collectionIds.includes(id))];
      const merged = { ...clip, collectionIds };
      next.clips[clip.id] = merged;
      changes.set[clipKey(clip.id)] = merged;
      clipCounts.updated++;
    } else {
      clipCounts.skipped++;
    }
  }

  return ok({ state: next, changes, report: { ...clipCounts, rejected, collections: collectionCounts } });
}
