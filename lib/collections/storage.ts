/**
 * Storage glue over anything shaped like `browser.storage.local` (the caller passes it in; `lib/`
 * never touches `browser.*`). Each command is read → applied → written as ONE `set` (atomic) and
 * then one `remove`; a failed `set` leaves storage exactly as it was and is reported, with quota
 * failures named as such. Run commands through one `createSerialQueue()` so they never interleave.
 */
import { applyCommand, type Command, type CommandResults } from './commands';
import { createIdSource, type IdSource } from './ids';
import { readStoredState, type LoadProblem } from './load';
import { migrateItems } from './migrations';
import { fail, ok, type Failure, type Result } from './result';
import { composeChanges, isEmptyChanges, type Changes, type CollectionsState } from './schema';

export interface StorageArea {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface StorageContext {
  now?: () => string;
  ids?: IdSource;
}

const defaultNow = () => new Date().toISOString();

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function describeWriteError(error: unknown): Failure {
  const message = messageOf(error);
  if (/quota/i.test(message)) {
    return {
      code: 'QUOTA_EXCEEDED',
      message: `Storage is full; nothing was saved. Export and delete some clips, then try again. (${message})`,
    };
  }
  return { code: 'STORAGE_WRITE_FAILED', message: `Could not save; nothing was changed. (${message})` };
}

export interface WriteOutcome {
  /** Set when the `set` succeeded but the following `remove` failed: keys left behind (harmless, quarantined on the next load). */
  warning?: string;
}

/** Writes one command's changes: all sets in one atomic call, then all removals in one call. */
export async function writeChanges(storage: StorageArea, changes: Changes): Promise<Result<WriteOutcome>> {
  if (Object.keys(changes.set).length > 0) {
    try {
      await storage.set(changes.set);
    } catch (error) {
      return { ok: false, error: describeWriteError(error) };
    }
  }
  if (changes.remove.length > 0) {
    try {
      await storage.remove(changes.remove);
    } catch (error) {
      return ok({ warning: `Saved, but ${changes.remove.length} old record(s) could not be removed yet (${messageOf(error)}).` });
    }
  }
  return ok({});
}

export interface Loaded {
  state: CollectionsState;
  problems: LoadProblem[];
  /** The schema version found, when a migration ran. */
  migratedFrom?: number;
  /** When quarantining a damaged record could not be written: the state is usable, the repair is retried next load. */
  repairWarning?: string;
}

/** Reads everything, migrates old layouts, quarantines damaged records, and writes those repairs. */
export async function loadFromStorage(storage: StorageArea, context: StorageContext = {}): Promise<Result<Loaded>> {
  const now = (context.now ?? defaultNow)();
  let items: Record<string, unknown>;
  try {
    items = await storage.get(null);
  } catch (error) {
    return fail('STORAGE_READ_FAILED', `Could not read saved collections (${messageOf(error)}).`);
  }
  const migrated = migrateItems(items, now);
  if (!migrated.ok) return migrated;
  const read = readStoredState(migrated.value.items, now);
  const changes = composeChanges(migrated.value.changes, read.repair);
  const loaded: Loaded = { state: read.state, problems: [...migrated.value.problems, ...read.problems] };
  const fromVersion = migrated.value.fromVersion;
  const didMigrate = fromVersion !== null && fromVersion < read.state.schemaVersion;
  if (didMigrate) loaded.migratedFrom = fromVersion;
  if (!isEmptyChanges(changes)) {
    const written = await writeChanges(storage, changes);
    if (!written.ok) {
      // A half-done migration must not be used (the next command would write v2 keys beside v1 data).
      if (didMigrate) return { ok: false, error: { ...written.error, message: `Could not upgrade saved collections: ${written.error.message}` } };
      loaded.repairWarning = written.error.message;
    }
  }
  return ok(loaded);
}

export type StorageOutcome<C extends Command> =
  | { ok: true; state: CollectionsState; result: CommandResults[C['type']]; problems: LoadProblem[]; warning?: string }
  | { ok: false; error: Failure };

/** Stateless: reads storage, applies one command, writes its changes. Call it through a serial queue. */
export async function applyToStorage<C extends Command>(
  storage: StorageArea,
  command: C,
  context: StorageContext = {},
): Promise<StorageOutcome<C>> {
  const loaded = await loadFromStorage(storage, context);
  if (!loaded.ok) return loaded;
  const ids = context.ids ?? createIdSource();
  const outcome = applyCommand(loaded.value.state, command, (context.now ?? defaultNow)(), ids);
  if (!outcome.ok) return outcome;
  const written = await writeChanges(storage, outcome.changes);
  if (!written.ok) return written;
  const success: StorageOutcome<C> = { ok: true, state: outcome.state, result: outcome.result, problems: loaded.value.problems };
  if (written.value.warning) success.warning = written.value.warning;
  return success;
}
