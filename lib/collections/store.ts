/**
 * What the background worker holds: the loaded state in memory plus one serial queue. Each
 * dispatched command is applied to the cached state and its changes written (one `set`, one
 * `remove`); the cache advances only when the write succeeded, so it always equals storage. This
 * avoids re-reading and re-validating every clip per command (`applyToStorage` does that, and
 * costs O(clips) per command). It assumes the worker is the only writer of these keys.
 *
 * Until the state is loaded, and while no command waits, the `peek…` reads answer from a few keys
 * (peek.ts) so a worker that has just started does not make the popup wait for every clip to load.
 * Once loaded (or once a command is waiting) they answer null and the caller reads the state.
 */
import { applyCommand, type Command } from './commands';
import { createIdSource } from './ids';
import type { LoadProblem } from './load';
import { overviewOf, peekIndex, peekPageClips, peekRecentClips, type Overview } from './peek';
import { createSerialQueue } from './queue';
import type { Result } from './result';
import type { CollectionsState } from './schema';
import type { Clip } from './model';
import { loadFromStorage, writeChanges, type Loaded, type StorageArea, type StorageContext, type StorageOutcome } from './storage';

export interface CollectionsStore {
  /** Applies one command after every command dispatched before it. */
  dispatch<C extends Command>(command: C): Promise<StorageOutcome<C>>;
  /** The state as of the last successful command (loads on first use). */
  read(): Promise<Result<CollectionsState>>;
  /** Drops the cache and loads again (after another context wrote, or to retry a failed load). */
  reload(): Promise<Result<Loaded>>;
  /** Whether the state is in memory (then the peeks answer null). */
  readonly loaded: boolean;
  /** The collections with counts, from the index alone; null: use `read()`. */
  peekOverview(): Promise<Overview | null>;
  /** The newest `limit` clips of a collection (or all), from the index's newest ids; null: use `read()`. */
  peekRecentClips(collectionId: string | undefined, limit: number): Promise<{ clips: Clip[]; total: number } | null>;
  /** The clips of the page of `url`, from its page key; null: use `read()`. */
  peekPageClips(url: string): Promise<Clip[] | null>;
}

export function createCollectionsStore(storage: StorageArea, context: StorageContext = {}): CollectionsStore {
  const queue = createSerialQueue();
  const now = context.now ?? (() => new Date().toISOString());
  const ids = context.ids ?? createIdSource();
  let cached: { state: CollectionsState; problems: LoadProblem[] } | null = null;
  // Commands dispatched and not yet settled: a peek then could answer from before them.
  let commandsWaiting = 0;
  const mayPeek = () => cached === null && commandsWaiting === 0;
  const peek = async <T>(read: () => Promise<T | null>): Promise<T | null> => {
    if (!mayPeek()) return null;
    const answer = await read();
    // A command that started meanwhile may have written after the keys were read.
    return mayPeek() ? answer : null;
  };

  const ensureLoaded = async (): Promise<Result<{ state: CollectionsState; problems: LoadProblem[] }>> => {
    if (cached) return { ok: true, value: cached };
    const loaded = await loadFromStorage(storage, { now, ids });
    if (!loaded.ok) return loaded;
    cached = { state: loaded.value.state, problems: loaded.value.problems };
    return { ok: true, value: cached };
  };

  return {
    dispatch<C extends Command>(command: C): Promise<StorageOutcome<C>> {
      commandsWaiting++;
      const settled = () => {
        commandsWaiting--;
      };
      const run = queue.run(async (): Promise<StorageOutcome<C>> => {
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
      run.then(settled, settled);
      return run;
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
    get loaded() {
      return cached !== null;
    },
    peekOverview() {
      return peek(async () => {
        const index = await peekIndex(storage);
        return index ? overviewOf(index) : null;
      });
    },
    peekRecentClips(collectionId, limit) {
      return peek(async () => {
        const index = await peekIndex(storage);
        return index ? peekRecentClips(storage, index, collectionId, limit) : null;
      });
    },
    peekPageClips(url) {
      return peek(() => peekPageClips(storage, url));
    },
  };
}
