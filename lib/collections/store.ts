/**
 * What the background worker holds: the loaded state in memory plus one serial queue. Each
 * dispatched command is applied to the cached state and its changes written (one `set`, one
 * `remove`); the cache advances only when the write succeeded, so it always equals storage. This
 * avoids re-reading and re-validating every clip per command (`applyToStorage` does that, and
 * costs O(clips) per command). It assumes the worker is the only writer of these keys.
 */
import { applyCommand, type Command } from './commands';
import { createIdSource } from './ids';
import type { LoadProblem } from './load';
import { createSerialQueue } from './queue';
import type { Result } from './result';
import type { CollectionsState } from './schema';
import { loadFromStorage, writeChanges, type Loaded, type StorageArea, type StorageContext, type StorageOutcome } from './storage';

export interface CollectionsStore {
  /** Applies one command after every command dispatched before it. */
  dispatch<C extends Command>(command: C): Promise<StorageOutcome<C>>;
  /** The state as of the last successful command (loads on first use). */
  read(): Promise<Result<CollectionsState>>;
  /** Drops the cache and loads again (after another context wrote, or to retry a failed load). */
  reload(): Promise<Result<Loaded>>;
}

export function createCollectionsStore(storage: StorageArea, context: StorageContext = {}): CollectionsStore {
  const queue = createSerialQueue();
  const now = context.now ?? (() => new Date().toISOString());
  const ids = context.ids ?? createIdSource();
  let cached: { state: CollectionsState; problems: LoadProblem[] } | null = null;

  const ensureLoaded = async (): Promise<Result<{ state: CollectionsState; problems: LoadProblem[] }>> => {
    if (cached) return { ok: true, value: cached };
    const loaded = await loadFromStorage(storage, { now, ids });
    if (!loaded.ok) return loaded;
    cached = { state: loaded.value.state, problems: loaded.value.problems };
    return { ok: true, value: cached };
  };

  return {
    dispatch<C extends Command>(command: C): Promise<StorageOutcome<C>> {
      return queue.run(async (): Promise<StorageOutcome<C>> => {
        const loaded = await ensureLoaded();
        if (!loaded.ok) return loaded;
        const outcome = applyCommand(loaded.value.state, command, now(), ids);
        if (!outcome.ok) return outcome;
        const written = await writeChanges(storage, outcome.changes);
        if (!written.ok) return written;
        cached = { state: outcome.state, problems: loaded.value.problems };
        const success: StorageOutcome<C> = { ok: true, state: outcome.state, result: outcome.result, problems: loaded.value.problems };
        if (written.value.warning) success.warning = written.value.warning;
        return success;
      });
    },
    read() {
      return queue.run(async () => {
        const loaded = await ensureLoaded();
        return loaded.ok ? { ok: true as const, value: loaded.value.state } : loaded;
      });
    },
    reload() {
      return queue.run(async () => {
        cached = null;
        const loaded = await loadFromStorage(storage, { now, ids });
        if (loaded.ok) cached = { state: loaded.value.state, problems: loaded.value.problems };
        return loaded;
      });
    },
  };
}
