/**
 * Collections: every read and write of clips goes through the background (one writer, one serial
 * queue). Content scripts may only list collections, create one, add a clip, read the clips of
 * their own page and set the last used collection; everything else comes from extension pages.
 * The `clips/*` messages go the other way: from extension pages to a tab's content script.
 */
import type { Clip, ClipKind, Collection, DeletedClips, DeletedCollection, ImportReport, Rejection, TransferResult } from '../../collections';
import { CLIP_KINDS, CLIP_SCRIPTS, LIMITS, MAX_IMPORT_CHARS } from '../../collections';
import { array, boolean, empty, literal, number, object, optional, string, type Check } from '../schema';
import type { MessageSpec } from '../spec';

const id = () => string({ min: 1, max: LIMITS.idLength });
const clipIds = () => array(id(), { max: 100_000 });
const collectionName = () => string({ min: 1, max: LIMITS.nameLength });
const note = () => string({ max: LIMITS.noteLength });
const tags = () => array(string({ max: LIMITS.tagLength }), { max: LIMITS.tags });

/** A fixed-length list whose items each have their own check. */
function tuple<A, B>(first: Check<A>, second: Check<B>): Check<[A, B]> {
  return (value, path) => {
    if (!Array.isArray(value) || value.length !== 2) return { ok: false, error: `${path}: expected a list of 2 items` };
    const a = first(value[0], `${path}[0]`);
    if (!a.ok) return a;
    const b = second(value[1], `${path}[1]`);
    if (!b.ok) return b;
    return { ok: true, value: [a.value, b.value] };
  };
}

/**
 * Undo payloads are what a delete answered, sent back as they were. The reducer validates every
 * record in them as untrusted data; here only their size is bounded.
 */
function undoPayload(maxChars: number): Check<unknown> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: `${path}: expected an object` };
    let size: number;
    try {
      size = JSON.stringify(value).length;
    } catch {
      return { ok: false, error: `${path}: not plain data` };
    }
    return size > maxChars ? { ok: false, error: `${path}: larger than ${maxChars} characters` } : { ok: true, value };
  };
}

const selectors = tuple(
  object({
    type: literal('TextQuoteSelector'),
    exact: string({ min: 1, max: LIMITS.textLength }),
    prefix: string({ max: LIMITS.contextLength }),
    suffix: string({ max: LIMITS.contextLength }),
  }),
  object({
    type: literal('TextPositionSelector'),
    start: number({ integer: true, min: 0, max: LIMITS.maxOffset }),
    end: number({ integer: true, min: 0, max: LIMITS.maxOffset }),
  }),
);

export const clipDraftCheck = object({
  kind: literal(...CLIP_KINDS),
  text: string({ min: 1, max: LIMITS.textLength }),
  canonical: optional(string({ max: LIMITS.canonicalLength })),
  value: optional(number()),
  unit: optional(string({ max: LIMITS.unitLength })),
  approx: optional(boolean()),
  measure: optional(string({ max: LIMITS.measureLength })),
  note: optional(string({ max: LIMITS.noteLength })),
  tags: optional(array(string({ max: LIMITS.tagLength }), { max: LIMITS.tags })),
  target: object({
    url: string({ min: 1, max: LIMITS.urlLength }),
    title: string({ max: LIMITS.titleLength }),
    site: string({ max: LIMITS.siteLength }),
    publishedAt: optional(string({ max: 40 })),
    byline: optional(string({ max: LIMITS.bylineLength })),
    script: literal(...CLIP_SCRIPTS),
    selector: selectors,
  }),
});

export const EXPORT_FORMATS = ['json', 'csv', 'markdown', 'csl', 'webanno'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const collectionsMessages = {
  'collections/list': { from: ['content', 'extension'], to: 'background', request: empty() },
  'collections/create': { from: ['content', 'extension'], to: 'background', request: object({ name: collectionName() }) },
  'collections/rename': { from: ['extension'], to: 'background', request: object({ collectionId: id(), name: collectionName() }) },
  'collections/delete': { from: ['extension'], to: 'background', request: object({ collectionId: id() }) },
  'collections/restoreCollection': { from: ['extension'], to: 'background', request: object({ undo: undoPayload(MAX_IMPORT_CHARS) }) },
  'collections/addClip': {
    from: ['content', 'extension'],
    to: 'background',
    request: object({ collectionId: id(), clip: clipDraftCheck }),
  },
  'collections/updateClip': {
    from: ['extension'],
    to: 'background',
    request: object({
      clipId: id(),
      note: optional(string({ max: LIMITS.noteLength })),
      tags: optional(array(string({ max: LIMITS.tagLength }), { max: LIMITS.tags * 4 })),
    }),
  },
  'collections/moveClips': {
    from: ['extension'],
    to: 'background',
    request: object({ clipIds: clipIds(), fromCollectionId: id(), toCollectionId: id() }),
  },
  'collections/copyClips': { from: ['extension'], to: 'background', request: object({ clipIds: clipIds(), toCollectionId: id() }) },
  'collections/deleteClips': {
    from: ['extension'],
    to: 'background',
    request: object({ clipIds: clipIds(), collectionId: optional(id()) }),
  },
  'collections/restoreClips': { from: ['extension'], to: 'background', request: object({ undo: undoPayload(MAX_IMPORT_CHARS) }) },
  /**
   * Clips newest first: of one collection or all, matching `query` (AND over text, note, tags,
   * canonical name, title, site), of one kind. `limit` bounds the answer; `total` counts them all.
   */
  'collections/clips': {
    from: ['extension'],
    to: 'background',
    request: object({
      collectionId: optional(id()),
      query: optional(string({ max: 500 })),
      kind: optional(literal(...CLIP_KINDS)),
      offset: optional(number({ integer: true, min: 0, max: 1_000_000 })),
      limit: optional(number({ integer: true, min: 1, max: 1_000_000 })),
    }),
  },
  /** The clips of one page (the URL without its #fragment), for re-anchoring. */
  'collections/clipsForPage': {
    from: ['content', 'extension'],
    to: 'background',
    request: object({ url: string({ min: 1, max: LIMITS.urlLength }) }),
  },
  'collections/export': {
    from: ['extension'],
    to: 'background',
    request: object({
      format: literal(...EXPORT_FORMATS),
      collectionId: optional(id()),
      /** Export only these clips (bulk selection in the manager). */
      clipIds: optional(clipIds()),
      /** The reader's interface language: exports add canonical names as the reader is shown them. */
      locale: optional(literal('zh_CN', 'zh_TW', 'en')),
    }),
  },
  'collections/import': {
    from: ['extension'],
    to: 'background',
    request: object({ text: string({ max: MAX_IMPORT_CHARS }), skipInvalid: optional(boolean()) }),
  },
  'collections/setLastUsed': { from: ['content', 'extension'], to: 'background', request: object({ collectionId: id() }) },
  /** Opens the clip's page in a new tab, scrolled to the clip (`#fzl-clip=<id>`). */
  'collections/openClip': { from: ['extension'], to: 'background', request: object({ clipId: id() }) },
  'collections/openManager': { from: ['extension'], to: 'background', request: empty() },
  /** What the context menu item and the keyboard command do, for one tab (also used by tests). */
  'collections/clipSelectionInTab': {
    from: ['extension'],
    to: 'background',
    request: object({ tabId: number({ integer: true, min: 0 }) }),
  },

  /**
   * Content script: clip the current selection. Without a collection it opens the page's collection
   * picker (menu item, keyboard command); with one (the side panel, which chose it) it saves at once.
   */
  'clips/clipSelection': {
    from: ['extension'],
    to: 'content',
    request: object({ collectionId: optional(id()), note: optional(note()), tags: optional(tags()) }),
  },
  /** Content script: the selected passage of the article as it would be clipped (the side panel's preview). */
  'clips/selection': { from: ['extension'], to: 'content', request: empty() },
  /** Content script: clip highlight number `index` into a collection (the last used one by default), no picker. */
  'clips/clipAnnotation': {
    from: ['extension'],
    to: 'content',
    request: object({ index: number({ integer: true, min: 0 }), collectionId: optional(id()), note: optional(note()), tags: optional(tags()) }),
  },
  /** Content script: this page's clips, each found (and how) or not found in the page's text. */
  'clips/pageStatus': { from: ['extension'], to: 'content', request: empty() },
  'clips/scrollTo': { from: ['extension'], to: 'content', request: object({ clipId: id() }) },
} as const satisfies Record<string, MessageSpec>;

export interface CollectionSummary extends Collection {
  clipCount: number;
}

export interface CollectionsOverview {
  collections: CollectionSummary[];
  lastUsedCollectionId: string | null;
  totalClips: number;
}

export type ImportAnswer =
  | { imported: true; report: ImportReport }
  | { imported: false; code: string; message: string; rejected: Rejection[] };

export interface PageClipStatus {
  clip: Clip;
  found: boolean;
  method?: 'position' | 'exact' | 'context' | 'fuzzy';
}

export interface PageClipsAnswer {
  url: string;
  /** False until the page's article text is known (lens off, or still scanning). */
  anchored: boolean;
  clips: PageClipStatus[];
}

export type ClipSelectionAnswer = { status: 'picker' } | { status: 'saved'; clip: Clip; duplicate: boolean } | { status: 'refused'; reason: string };

/** The selected passage (as the page reads it) or why there is none to clip. */
export type SelectionAnswer = { status: 'selected'; text: string } | { status: 'refused'; reason: string };

export interface CollectionsResponses {
  'collections/list': CollectionsOverview;
  'collections/create': { collection: Collection };
  'collections/rename': { collection: Collection };
  'collections/delete': { undo: DeletedCollection };
  'collections/restoreCollection': { collection: Collection; restoredClips: number };
  'collections/addClip': { clip: Clip; duplicate: boolean };
  'collections/updateClip': { clip: Clip };
  'collections/moveClips': TransferResult;
  'collections/copyClips': TransferResult;
  'collections/deleteClips': { undo: DeletedClips; missing: string[] };
  'collections/restoreClips': { restored: string[]; notRestored: string[] };
  'collections/clips': { clips: Clip[]; total: number };
  'collections/clipsForPage': { clips: Clip[] };
  'collections/export': { text: string; filename: string; mimeType: string; clips: number };
  'collections/import': ImportAnswer;
  'collections/setLastUsed': { collectionId: string | null };
  'collections/openClip': { opened: boolean };
  'collections/openManager': { opened: boolean };
  'collections/clipSelectionInTab': ClipSelectionAnswer;
  'clips/clipSelection': ClipSelectionAnswer;
  'clips/selection': SelectionAnswer;
  'clips/clipAnnotation': { clip: Clip; duplicate: boolean };
  'clips/pageStatus': PageClipsAnswer;
  'clips/scrollTo': { scrolled: boolean };
}

export type { ClipKind };
