/**
 * The pure reducer behind every change to collections: `applyCommand(state, command, now, ids)`
 * returns the next state, the storage `changes` that make storage match it (few keys, written in
 * one `set` + one `remove`), and the command's result. Commands arrive as messages from the popup
 * or a content script, so their fields are validated here like any other untrusted data.
 */
import type { IdSource } from './ids';
import { importCollections, type ImportOptions, type ImportReport } from './import';
import {
  LIMITS,
  normaliseTags,
  readClip,
  readCollection,
  readCollectionName,
  readId,
  type Clip,
  type Collection,
} from './model';
import { fail, getOwn, hasOwn, type Failure } from './result';
import { CLIP_KEY_PREFIX, INDEX_KEY, clipKey, indexCore, indexDerived, indexRecord, pageKey, type Changes, type CollectionsState } from './schema';
import { changedPages, noteDerivation, pageOf, summaryOf } from './summary';
import { ValidationError, readArray, readString } from './validate';

export { createSerialQueue, type SerialQueue } from './queue';

/** What a caller supplies to clip something; the reducer adds id, membership and times. */
export type ClipDraft = Pick<Clip, 'kind' | 'text' | 'canonical' | 'value' | 'unit' | 'approx' | 'measure' | 'target'> &
  Partial<Pick<Clip, 'note' | 'tags'>>;

/** Everything `restoreCollection` needs to undo a `deleteCollection`. */
export interface DeletedCollection {
  collection: Collection;
  /** Its place in the display order. */
  index: number;
  /** Every clip that was in it, as it was before the delete. */
  clips: Clip[];
  wasLastUsed: boolean;
}

/** Everything `restoreClips` needs to undo a `deleteClips`. */
export interface DeletedClips {
  clips: Clip[];
}

export type Command =
  | { type: 'createCollection'; name: string }
  | { type: 'renameCollection'; collectionId: string; name: string }
  | { type: 'deleteCollection'; collectionId: string }
  | { type: 'restoreCollection'; undo: DeletedCollection }
  | { type: 'addClip'; collectionId: string; clip: ClipDraft }
  | { type: 'updateClip'; clipId: string; note?: string; tags?: string[] }
  | { type: 'moveClips'; clipIds: string[]; fromCollectionId: string; toCollectionId: string }
  | { type: 'copyClips'; clipIds: string[]; toCollectionId: string }
  /** Without `collectionId` the clips are deleted everywhere; with it, only taken out of that collection. */
  | { type: 'deleteClips'; clipIds: string[]; collectionId?: string }
  | { type: 'restoreClips'; undo: DeletedClips }
  | { type: 'setLastUsed'; collectionId: string | null }
  | { type: 'import'; data: unknown; options?: ImportOptions };

export interface TransferResult {
  /** Clips now in the target collection. */
  moved: string[];
  /** Clips not transferred because an equal clip (same page, quote and position) is already there. */
  duplicates: { clipId: string; existingId: string }[];
  /** Ids not found, or (for moves) not in the source collection. */
  missing: string[];
}

export interface CommandResults {
  createCollection: { collection: Collection };
  renameCollection: { collection: Collection };
  deleteCollection: { undo: DeletedCollection };
  restoreCollection: { collection: Collection; restoredClips: number };
  addClip: { clip: Clip; duplicate: boolean };
  updateClip: { clip: Clip };
  moveClips: TransferResult;
  copyClips: TransferResult;
  deleteClips: { undo: DeletedClips; missing: string[] };
  restoreClips: { restored: string[]; notRestored: string[] };
  setLastUsed: { collectionId: string | null };
  import: ImportReport;
}

export type CommandOutcome<C extends Command> =
  | { ok: true; state: CollectionsState; changes: Changes; result: CommandResults[C['type']] }
  | { ok: false; error: Failure };

const MAX_CLIP_IDS_PER_COMMAND = 100_000;

/** Equal clips: same page (ignoring the #fragment), same position, same exact quote. */
export function clipIdentity(clip: Pick<Clip, 'target'>): string {
  const [quote, position] = clip.target.selector;
  const hash = clip.target.url.indexOf('#');
  const page = hash === -1 ? clip.target.url : clip.target.url.slice(0, hash);
  return `${page}\n${position.start}\n${position.end}\n${quote.exact}`;
}

function findEqualClip(state: CollectionsState, collectionId: string, identity: string, exceptId?: string): Clip | undefined {
  for (const clip of Object.values(state.clips)) {
    if (clip.id !== exceptId && clip.collectionIds.includes(collectionId) && clipIdentity(clip) === identity) return clip;
  }
  return undefined;
}

function newId(state: CollectionsState, ids: IdSource): string {
  for (let attemptNo = 0; attemptNo < 8; attemptNo++) {
    const id = ids();
    if (!hasOwn(state.collections, id) && !hasOwn(state.clips, id)) return id;
  }
  throw new Error('id source keeps returning ids already in use');
}

/** A working copy of the state that records which keys a command touched. */
class Draft {
  readonly state: CollectionsState;
  private readonly touchedClips = new Set<string>();
  private readonly removedClips = new Set<string>();
  private indexTouched = false;

  constructor(base: CollectionsState) {
    this.state = { ...base, collections: { ...base.collections }, order: [...base.order], clips: { ...base.clips } };
  }

  putClip(clip: Clip): void {
    this.state.clips[clip.id] = clip;
    this.touchedClips.add(clip.id);
    this.removedClips.delete(clip.id);
  }

  removeClip(id: string): void {
    delete this.state.clips[id];
    this.touchedClips.delete(id);
    this.removedClips.add(id);
  }

  putCollection(collection: Collection, index?: number): void {
    if (!hasOwn(this.state.collections, collection.id)) {
      const at = index === undefined ? this.state.order.length : Math.max(0, Math.min(index, this.state.order.length));
      this.state.order.splice(at, 0, collection.id);
    }
    this.state.collections[collection.id] = collection;
    this.indexTouched = true;
  }

  removeCollection(id: string): void {
    delete this.state.collections[id];
    this.state.order = this.state.order.filter((other) => other !== id);
    if (this.state.lastUsedCollectionId === id) delete this.state.lastUsedCollectionId;
    this.indexTouched = true;
  }

  touchCollections(ids: Iterable<string>, now: string): void {
    for (const id of ids) {
      const collection = getOwn(this.state.collections, id);
      if (collection) this.putCollection({ ...collection, updatedAt: now });
    }
  }

  setLastUsed(id: string | undefined): void {
    if (id === undefined) delete this.state.lastUsedCollectionId;
    else this.state.lastUsedCollectionId = id;
    this.indexTouched = true;
  }

  changes(): Changes {
    const set: Record<string, unknown> = {};
    for (const id of this.touchedClips) set[clipKey(id)] = this.state.clips[id];
    if (this.indexTouched) set[INDEX_KEY] = indexCore(this.state);
    return { set, remove: [...this.removedClips].map(clipKey) };
  }
}

type Handler<T extends Command['type']> = (
  state: CollectionsState,
  command: Extract<Command, { type: T }>,
  now: string,
  ids: IdSource,
) => CommandOutcome<Extract<Command, { type: T }>>;

function done<C extends Command>(draft: Draft, result: CommandResults[C['type']]): CommandOutcome<C> {
  return { ok: true, state: draft.state, changes: draft.changes(), result };
}

function unchanged<C extends Command>(state: CollectionsState, result: CommandResults[C['type']]): CommandOutcome<C> {
  return { ok: true, state, changes: { set: {}, remove: [] }, result };
}

function requireCollection(state: CollectionsState, id: unknown, path: string): Collection {
  const collectionId = readId(id, path);
  const collection = getOwn(state.collections, collectionId);
  if (!collection) throw new NotFound(`${path}: no collection ${collectionId}`);
  return collection;
}

class NotFound extends Error {}
class NameTaken extends Error {}

function readNewName(state: CollectionsState, value: unknown, exceptId?: string): string {
  const name = readCollectionName(typeof value === 'string' ? value.trim() : value, 'name');
  const folded = name.toLocaleLowerCase();
  for (const other of Object.values(state.collections)) {
    if (other.id !== exceptId && other.name.toLocaleLowerCase() === folded) {
      throw new NameTaken(`A collection named “${other.name}” already exists.`);
    }
  }
  return name;
}

function readClipIds(value: unknown): string[] {
  const list = readArray(value, 'clipIds', MAX_CLIP_IDS_PER_COMMAND);
  return [...new Set(list.map((id, i) => readId(id, `clipIds[${i}]`)))];
}

const handlers: { [T in Command['type']]: Handler<T> } = {
  createCollection(state, command, now, ids) {
    const name = readNewName(state, command.name);
    const draft = new Draft(state);
    const collection: Collection = { id: newId(state, ids), name, createdAt: now, updatedAt: now };
    draft.putCollection(collection);
    return done(draft, { collection });
  },

  renameCollection(state, command, now) {
    const current = requireCollection(state, command.collectionId, 'collectionId');
    const name = readNewName(state, command.name, current.id);
    if (name === current.name) return unchanged(state, { collection: current });
    const draft = new Draft(state);
    const collection = { ...current, name, updatedAt: now };
    draft.putCollection(collection);
    return done(draft, { collection });
  },

  deleteCollection(state, command, now) {
    const collection = requireCollection(state, command.collectionId, 'collectionId');
    const draft = new Draft(state);
    const clips: Clip[] = [];
    for (const clip of Object.values(state.clips)) {
      if (!clip.collectionIds.includes(collection.id)) continue;
      clips.push(clip);
      const remaining = clip.collectionIds.filter((id) => id !== collection.id);
      if (remaining.length === 0) draft.removeClip(clip.id);
      else draft.putClip({ ...clip, collectionIds: remaining, updatedAt: now });
    }
    const undo: DeletedCollection = {
      collection,
      index: state.order.indexOf(collection.id),
      clips,
      wasLastUsed: state.lastUsedCollectionId === collection.id,
    };
    draft.removeCollection(collection.id);
    return done(draft, { undo });
  },

  restoreCollection(state, command, now) {
    const undo = command.undo;
    const { collection: restored, clips } = readDeletedCollection(undo);
    if (hasOwn(state.collections, restored.id)) {
      throw new Conflict(`Collection ${restored.id} exists already; nothing to restore.`);
    }
    const draft = new Draft(state);
    draft.putCollection(restored, undo.index);
    let restoredClips = 0;
    for (const saved of clips) {
      const current = getOwn(draft.state.clips, saved.id);
      if (current) {
        // The clip lives on in other collections and may have been edited since: only re-add membership.
        if (!current.collectionIds.includes(restored.id)) {
          draft.putClip({ ...current, collectionIds: [...current.collectionIds, restored.id], updatedAt: now });
        }
      } else {
        const collectionIds = saved.collectionIds.filter((id) => hasOwn(draft.state.collections, id));
        draft.putClip(collectionIds.length === saved.collectionIds.length ? saved : { ...saved, collectionIds, updatedAt: now });
      }
      restoredClips++;
    }
    if (undo.wasLastUsed && draft.state.lastUsedCollectionId === undefined) draft.setLastUsed(restored.id);
    return done(draft, { collection: restored, restoredClips });
  },

  addClip(state, command, now, ids) {
    const collection = requireCollection(state, command.collectionId, 'collectionId');
    const raw = typeof command.clip === 'object' && command.clip !== null ? command.clip : ({} as ClipDraft);
    const clip = readClip(
      {
        ...pickDraftFields(raw),
        note: raw.note ?? '',
        tags: Array.isArray(raw.tags) ? normaliseTags(raw.tags.filter((t): t is string => typeof t === 'string')) : [],
        id: 'pending',
        collectionIds: [collection.id],
        createdAt: now,
        updatedAt: now,
      },
      'clip',
    );
    const existing = findEqualClip(state, collection.id, clipIdentity(clip));
    if (existing) return unchanged(state, { clip: existing, duplicate: true });
    const draft = new Draft(state);
    const added = { ...clip, id: newId(state, ids) };
    draft.putClip(added);
    draft.touchCollections([collection.id], now);
    return done(draft, { clip: added, duplicate: false });
  },

  updateClip(state, command, now) {
    const clipId = readId(command.clipId, 'clipId');
    const current = getOwn(state.clips, clipId);
    if (!current) throw new NotFound(`clipId: no clip ${clipId}`);
    const next: Clip = { ...current };
    if (command.note !== undefined) next.note = readString(command.note, 'note', { max: LIMITS.noteLength });
    if (command.tags !== undefined) {
      const tags = readArray(command.tags, 'tags', LIMITS.tags * 4).map((t, i) =>
        readString(t, `tags[${i}]`, { max: LIMITS.tagLength }),
      );
      next.tags = normaliseTags(tags);
      if (next.tags.length > LIMITS.tags) throw new ValidationError('tags', `more than ${LIMITS.tags} tags`);
    }
    if (next.note === current.note && next.tags.join('\n') === current.tags.join('\n')) {
      return unchanged(state, { clip: current });
    }
    next.updatedAt = now;
    const draft = new Draft(state);
    draft.putClip(next);
    return done(draft, { clip: next });
  },

  moveClips(state, command, now) {
    const from = requireCollection(state, command.fromCollectionId, 'fromCollectionId');
    const to = requireCollection(state, command.toCollectionId, 'toCollectionId');
    return transfer(state, readClipIds(command.clipIds), from.id, to.id, now);
  },

  copyClips(state, command, now) {
    const to = requireCollection(state, command.toCollectionId, 'toCollectionId');
    return transfer(state, readClipIds(command.clipIds), undefined, to.id, now);
  },

  deleteClips(state, command, now) {
    const clipIds = readClipIds(command.clipIds);
    const only = command.collectionId === undefined ? undefined : requireCollection(state, command.collectionId, 'collectionId');
    const draft = new Draft(state);
    const removed: Clip[] = [];
    const missing: string[] = [];
    const touched = new Set<string>();
    for (const id of clipIds) {
      const clip = getOwn(state.clips, id);
      if (!clip || (only && !clip.collectionIds.includes(only.id))) {
        missing.push(id);
        continue;
      }
      removed.push(clip);
      const remaining = only ? clip.collectionIds.filter((c) => c !== only.id) : [];
      (only ? [only.id] : clip.collectionIds).forEach((c) => touched.add(c));
      if (remaining.length === 0) draft.removeClip(id);
      else draft.putClip({ ...clip, collectionIds: remaining, updatedAt: now });
    }
    if (removed.length === 0) return unchanged(state, { undo: { clips: [] }, missing });
    draft.touchCollections(touched, now);
    return done(draft, { undo: { clips: removed }, missing });
  },

  restoreClips(state, command, now) {
    const list = readArray(command.undo?.clips, 'undo.clips', MAX_CLIP_IDS_PER_COMMAND);
    const saved = list.map((clip, i) => readClip(clip, `undo.clips[${i}]`));
    const draft = new Draft(state);
    const restored: string[] = [];
    const notRestored: string[] = [];
    const touched = new Set<string>();
    for (const clip of saved) {
      const wanted = clip.collectionIds.filter((id) => hasOwn(state.collections, id));
      const current = getOwn(draft.state.clips, clip.id);
      if (wanted.length === 0) {
        notRestored.push(clip.id);
        continue;
      }
      if (current) {
        const union = [...current.collectionIds, ...wanted.filter((id) => !current.collectionIds.includes(id))];
        if (union.length !== current.collectionIds.length) draft.putClip({ ...current, collectionIds: union, updatedAt: now });
      } else {
        draft.putClip(wanted.length === clip.collectionIds.length ? clip : { ...clip, collectionIds: wanted, updatedAt: now });
      }
      wanted.forEach((id) => touched.add(id));
      restored.push(clip.id);
    }
    draft.touchCollections(touched, now);
    return done(draft, { restored, notRestored });
  },

  setLastUsed(state, command) {
    const id = command.collectionId === null ? null : requireCollection(state, command.collectionId, 'collectionId').id;
    if ((id ?? undefined) === state.lastUsedCollectionId) return unchanged(state, { collectionId: id });
    const draft = new Draft(state);
    draft.setLastUsed(id ?? undefined);
    return done(draft, { collectionId: id });
  },

  import(state, command, now) {
    const imported = importCollections(state, command.data, now, command.options);
    if (!imported.ok) return imported;
    return { ok: true, state: imported.value.state, changes: imported.value.changes, result: imported.value.report };
  },
};

class Conflict extends Error {}

const DRAFT_FIELDS = ['kind', 'text', 'canonical', 'value', 'unit', 'approx', 'measure', 'target'] as const;

function pickDraftFields(raw: ClipDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of DRAFT_FIELDS) if (raw[field] !== undefined) out[field] = raw[field];
  return out;
}

function readDeletedCollection(undo: unknown): { collection: Collection; clips: Clip[] } {
  if (typeof undo !== 'object' || undo === null) throw new ValidationError('undo', 'expected an object');
  const raw = undo as Record<string, unknown>;
  const collection = readCollection(raw.collection, 'undo.collection');
  const clips = readArray(raw.clips, 'undo.clips', MAX_CLIP_IDS_PER_COMMAND).map((clip, i) => readClip(clip, `undo.clips[${i}]`));
  return { collection, clips };
}

function transfer(
  state: CollectionsState,
  clipIds: string[],
  fromId: string | undefined,
  toId: string,
  now: string,
): CommandOutcome<Extract<Command, { type: 'moveClips' | 'copyClips' }>> {
  const draft = new Draft(state);
  const result: TransferResult = { moved: [], duplicates: [], missing: [] };
  // Identity → clip id of what the target holds, built once: a transfer of n clips into a
  // collection of m clips stays O(n + m).
  const inTarget = new Map<string, string>();
  for (const clip of Object.values(state.clips)) if (clip.collectionIds.includes(toId)) inTarget.set(clipIdentity(clip), clip.id);
  let changed = false;
  for (const id of clipIds) {
    const clip = getOwn(draft.state.clips, id);
    if (!clip || (fromId !== undefined && !clip.collectionIds.includes(fromId))) {
      result.missing.push(id);
      continue;
    }
    if (clip.collectionIds.includes(toId) && (fromId === undefined || fromId === toId)) {
      result.moved.push(id);
      continue;
    }
    const identity = clipIdentity(clip);
    const equal = inTarget.get(identity);
    if (equal !== undefined && equal !== clip.id) {
      result.duplicates.push({ clipId: id, existingId: equal });
      continue;
    }
    const others = fromId === undefined ? clip.collectionIds : clip.collectionIds.filter((c) => c !== fromId);
    const collectionIds = others.includes(toId) ? others : [...others, toId];
    draft.putClip({ ...clip, collectionIds, updatedAt: now });
    inTarget.set(identity, clip.id);
    result.moved.push(id);
    changed = true;
  }
  if (!changed) return unchanged(state, result);
  draft.touchCollections(fromId === undefined ? [toId] : [fromId, toId], now);
  return done(draft, result);
}

/**
 * Completes a command's changes with the derived data of schema v3 (summary.ts): the whole index
 * record when the index or its derived part changed, and the lists of the pages whose clips changed.
 * In O(changed clips): the next state's summary is advanced from the current one.
 */
function withDerivedData(base: CollectionsState, next: CollectionsState, changes: Changes): Changes {
  const changedClips: string[] = [];
  for (const key of [...Object.keys(changes.set), ...changes.remove]) {
    if (key.startsWith(CLIP_KEY_PREFIX)) changedClips.push(key.slice(CLIP_KEY_PREFIX.length));
  }
  noteDerivation(next, base, changedClips);
  const before = summaryOf(base);
  const after = summaryOf(next);
  const set = { ...changes.set };
  const remove = [...changes.remove];
  const pages = new Set<string>();
  for (const id of changedClips) {
    const was = getOwn(base.clips, id);
    const now = getOwn(next.clips, id);
    if (was) pages.add(pageOf(was.target.url));
    if (now) pages.add(pageOf(now.target.url));
  }
  const pageChanges = changedPages(before, after, pages);
  for (const [page, clipIds] of pageChanges.set) set[pageKey(page)] = clipIds;
  for (const page of pageChanges.removed) remove.push(pageKey(page));
  const derivedChanged =
    !hasOwn(set, INDEX_KEY) && changedClips.length > 0 && JSON.stringify(indexDerived(base, before)) !== JSON.stringify(indexDerived(next, after));
  if (hasOwn(set, INDEX_KEY) || derivedChanged) set[INDEX_KEY] = indexRecord(next, after);
  return { set, remove };
}

/**
 * Applies one command. `now` is the ISO instant to stamp; `ids` makes new ids. Never throws on bad
 * input: every refusal is `{ ok: false, error: { code, message } }` and leaves `state` as it was.
 */
export function applyCommand<C extends Command>(state: CollectionsState, command: C, now: string, ids: IdSource): CommandOutcome<C> {
  if (typeof command !== 'object' || command === null || !hasOwn(handlers, String((command as { type?: unknown }).type))) {
    return fail('INVALID', `command.type: unknown command`);
  }
  const handler = handlers[command.type] as unknown as Handler<C['type']>;
  try {
    const outcome = handler(state, command as never, now, ids) as CommandOutcome<C>;
    return outcome.ok && outcome.state !== state ? { ...outcome, changes: withDerivedData(state, outcome.state, outcome.changes) } : outcome;
  } catch (error) {
    if (error instanceof ValidationError) return fail('INVALID', error.message);
    if (error instanceof NotFound) return fail('NOT_FOUND', error.message);
    if (error instanceof NameTaken) return fail('NAME_TAKEN', error.message);
    if (error instanceof Conflict) return fail('CONFLICT', error.message);
    throw error;
  }
}
