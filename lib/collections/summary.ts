/**
 * What the popup's first view needs without loading every clip: per-collection counts, the newest
 * clip ids of each collection (and of all clips), and which clips belong to each page. It is data
 * derived from the clips, stored beside them (schema v3: in the index and in one small key per
 * page) so a freshly started worker can answer from a few keys; the loader rebuilds it whenever it
 * disagrees with the clips, so it can be stale only between a foreign write and the next load.
 *
 * In memory a summary is cached per state object (states are never mutated once built). A command
 * records which clips it changed, so the next state's summary is advanced from the previous one in
 * O(changed clips) instead of recomputed in O(all clips).
 */
import type { Clip } from './model';
import type { CollectionsState } from './schema';

/** How many of the newest clip ids are kept per collection: one popup page of clips. */
export const RECENT_CLIPS = 30;

export interface Summary {
  /** Clips per collection id (absent = 0). */
  counts: Map<string, number>;
  totalClips: number;
  /** Newest first, at most RECENT_CLIPS: per collection id, and of all clips. */
  recent: Map<string, string[]>;
  recentAll: string[];
  /** Page (URL without its #fragment) → its clip ids, newest first. */
  pages: Map<string, string[]>;
}

/** The page a URL belongs to: the URL without its #fragment. */
export function pageOf(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** Newest first; ties broken by id, so every ordering of the same clips agrees. */
export function newerFirst(a: Clip, b: Clip): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Inserts `clip` into a newest-first list of at most `limit` ids (ids resolved through `clips`). */
function insertRecent(list: string[], clip: Clip, clips: Record<string, Clip>, limit: number): void {
  let at = list.length;
  while (at > 0 && newerFirst(clip, clips[list[at - 1]]) < 0) at--;
  if (at >= limit) return;
  list.splice(at, 0, clip.id);
  if (list.length > limit) list.length = limit;
}

export function summarize(state: CollectionsState): Summary {
  const summary: Summary = { counts: new Map(), totalClips: 0, recent: new Map(), recentAll: [], pages: new Map() };
  for (const clip of Object.values(state.clips)) {
    summary.totalClips++;
    for (const id of clip.collectionIds) {
      summary.counts.set(id, (summary.counts.get(id) ?? 0) + 1);
      let list = summary.recent.get(id);
      if (!list) summary.recent.set(id, (list = []));
      insertRecent(list, clip, state.clips, RECENT_CLIPS);
    }
    insertRecent(summary.recentAll, clip, state.clips, RECENT_CLIPS);
    const page = pageOf(clip.target.url);
    const ids = summary.pages.get(page);
    if (ids) ids.push(clip.id);
    else summary.pages.set(page, [clip.id]);
  }
  for (const ids of summary.pages.values()) ids.sort((a, b) => newerFirst(state.clips[a], state.clips[b]));
  return summary;
}

const cache = new WeakMap<CollectionsState, Summary>();
const derivations = new WeakMap<CollectionsState, { base: CollectionsState; changed: string[] }>();

/** Records that `next` is `base` with the clips `changed` (added, edited or removed). */
export function noteDerivation(next: CollectionsState, base: CollectionsState, changed: Iterable<string>): void {
  if (next !== base && !cache.has(next)) derivations.set(next, { base, changed: [...changed] });
}

/** The summary of a state: cached, advanced from its base state when known, else computed. */
export function summaryOf(state: CollectionsState): Summary {
  let summary = cache.get(state);
  if (summary) return summary;
  const derivation = derivations.get(state);
  summary = derivation && cache.has(derivation.base) ? advance(cache.get(derivation.base)!, derivation.base, state, derivation.changed) : summarize(state);
  cache.set(state, summary);
  derivations.delete(state);
  return summary;
}

/** Remembers a summary computed elsewhere for `state` (the loader computes one anyway). */
export function rememberSummary(state: CollectionsState, summary: Summary): void {
  cache.set(state, summary);
}

/** The summary of `next`, from the summary of `base` and the ids of the clips that differ. */
export function advance(previous: Summary, base: CollectionsState, next: CollectionsState, changedIds: readonly string[]): Summary {
  const changed = new Set(changedIds);
  const counts = new Map(previous.counts);
  const recent = new Map(previous.recent);
  const pages = new Map(previous.pages);
  let totalClips = previous.totalClips;
  const affectedCollections = new Set<string>();
  const affectedPages = new Set<string>();
  for (const id of changed) {
    const before = Object.prototype.hasOwnProperty.call(base.clips, id) ? base.clips[id] : undefined;
    const after = Object.prototype.hasOwnProperty.call(next.clips, id) ? next.clips[id] : undefined;
    if (before) {
      totalClips--;
      for (const c of before.collectionIds) {
        counts.set(c, (counts.get(c) ?? 0) - 1);
        affectedCollections.add(c);
      }
      affectedPages.add(pageOf(before.target.url));
    }
    if (after) {
      totalClips++;
      for (const c of after.collectionIds) {
        counts.set(c, (counts.get(c) ?? 0) + 1);
        affectedCollections.add(c);
      }
      affectedPages.add(pageOf(after.target.url));
    }
  }
  for (const [c, n] of counts) if (n <= 0) counts.delete(c);

  const changedAfter = [...changed].filter((id) => Object.prototype.hasOwnProperty.call(next.clips, id)).map((id) => next.clips[id]);
  // A changed clip leaves every list it was in and re-enters those it belongs to now. A full list
  // only shows the newest RECENT_CLIPS: below its last id there may be clips it does not show, so a
  // changed clip older than that boundary cannot be placed, and a list left short needs a full scan.
  const redo = (list: string[], belongs: (clip: Clip) => boolean, count: number): string[] => {
    const boundary = list.length >= RECENT_CLIPS ? base.clips[list[list.length - 1]] : undefined;
    const kept = list.filter((id) => !changed.has(id));
    for (const clip of changedAfter) {
      if (belongs(clip) && (!boundary || newerFirst(clip, boundary) <= 0)) insertRecent(kept, clip, next.clips, RECENT_CLIPS);
    }
    if (kept.length >= Math.min(count, RECENT_CLIPS)) return kept;
    const full: string[] = [];
    for (const clip of Object.values(next.clips)) if (belongs(clip)) insertRecent(full, clip, next.clips, RECENT_CLIPS);
    return full;
  };
  for (const c of affectedCollections) {
    const list = redo(recent.get(c) ?? [], (clip) => clip.collectionIds.includes(c), counts.get(c) ?? 0);
    if (list.length === 0) recent.delete(c);
    else recent.set(c, list);
  }
  const recentAll = changed.size === 0 ? previous.recentAll : redo(previous.recentAll, () => true, totalClips);

  for (const page of affectedPages) {
    const ids = (pages.get(page) ?? []).filter((id) => !changed.has(id));
    for (const clip of changedAfter) if (pageOf(clip.target.url) === page) ids.push(clip.id);
    ids.sort((a, b) => newerFirst(next.clips[a], next.clips[b]));
    if (ids.length === 0) pages.delete(page);
    else pages.set(page, ids);
  }
  return { counts, totalClips, recent, recentAll, pages };
}

/** The pages whose clip lists differ between two summaries, among `pages` (all when omitted). */
export function changedPages(before: Summary, after: Summary, pages?: Iterable<string>): { set: Map<string, string[]>; removed: string[] } {
  const set = new Map<string, string[]>();
  const removed: string[] = [];
  const candidates = pages ?? new Set([...before.pages.keys(), ...after.pages.keys()]);
  for (const page of candidates) {
    const was = before.pages.get(page);
    const now = after.pages.get(page);
    if (!now) {
      if (was) removed.push(page);
    } else if (!was || was.join('\n') !== now.join('\n')) {
      set.set(page, now);
    }
  }
  return { set, removed };
}
