/** What an export covers: one collection or all, collections in display order, clips oldest first. */
import { nameInScript } from '../../display/names';
import { readerScript } from '../../display/reader-script';
import type { Locale } from '../../i18n/locale';
import type { Clip, Collection } from '../model';
import { fail, getOwn, ok, type Result } from '../result';
import type { CollectionsState } from '../schema';

export interface ExportOptions {
  /** Export only this collection; all collections when absent. */
  collectionId?: string;
  /** ISO instant written as the export time. */
  now?: string;
  /** The reader's interface language: with the page's script, it decides the displayed canonical. */
  locale?: Locale;
}

/**
 * A clip's canonical as its reader is shown it (traditional for the 繁體 interface or a clip from a
 * traditional page). Exports keep the simplified canonical as the key and add this form beside it.
 */
export function displayedCanonical(clip: Pick<Clip, 'canonical' | 'target'>, options: ExportOptions): string | undefined {
  if (clip.canonical === undefined) return undefined;
  return nameInScript(clip.canonical, readerScript({ locale: options.locale ?? 'en', pageScript: clip.target.script }));
}

export interface ExportSelection {
  collections: Collection[];
  /** Clips of the selected collections; with one collection, membership is narrowed to it. */
  clips: Clip[];
  /** For each selected collection, its clips, oldest first. */
  byCollection: { collection: Collection; clips: Clip[] }[];
}

function byCreation(a: Clip, b: Clip): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function selectForExport(state: CollectionsState, options: ExportOptions = {}): Result<ExportSelection> {
  let collections: Collection[];
  if (options.collectionId !== undefined) {
    const one = getOwn(state.collections, options.collectionId);
    if (!one) return fail('NOT_FOUND', `No collection ${options.collectionId}.`);
    collections = [one];
  } else {
    collections = state.order.map((id) => state.collections[id]);
  }
  const selected = new Set(collections.map((c) => c.id));
  const clips: Clip[] = [];
  for (const clip of Object.values(state.clips)) {
    const memberOf = clip.collectionIds.filter((id) => selected.has(id));
    if (memberOf.length === 0) continue;
    // A single-collection export must re-import on its own: no references to collections not in it.
    clips.push(memberOf.length === clip.collectionIds.length ? clip : { ...clip, collectionIds: memberOf });
  }
  clips.sort(byCreation);
  const groups = new Map<string, Clip[]>(collections.map((c) => [c.id, []]));
  for (const clip of clips) for (const id of clip.collectionIds) groups.get(id)?.push(clip);
  return ok({ collections, clips, byCollection: collections.map((collection) => ({ collection, clips: groups.get(collection.id) ?? [] })) });
}

export function exportTime(options: ExportOptions): string {
  return options.now ?? new Date().toISOString();
}
