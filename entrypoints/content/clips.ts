/**
 * Clips on the page: clipping a highlight or the selection (with the collection picker), marking
 * clipped passages, and finding this page's clips again when it is opened. Selectors are computed
 * over the lens's article text (`annotated().map.text`), never over DOM nodes, so a clip anchors
 * again on a fresh load of the page, and a clip that cannot be found is reported, never dropped.
 */
import { browser } from 'wxt/browser';
import type { ClipPickerProps } from '@/components/collections/ClipPicker';
import { shownTextOf as shownText, type OriginalText } from '@/lib/convert';
import { anchor, describe, LIMITS, type AnchorMethod, type Clip, type ClipDraft, type ClipScript } from '@/lib/collections';
import type { AnnotatedText, PageAnnotation } from '@/lib/highlight/page-annotations';
import { piecesOf, type TextMap } from '@/lib/highlight/text-map';
import { MessageError, type createMessenger, type Handlers, type Result } from '@/lib/messaging';
import type { ClipSelectionAnswer, PageClipsAnswer, SelectionAnswer } from '@/lib/messaging/messages/collections';
import type { Lens } from '@/lib/page/lens';
import { siteOf } from '@/lib/sites/news-sites';
import { uiText } from './ui';

type Messenger = ReturnType<typeof createMessenger>;

export interface PageClipsDeps {
  doc: Document;
  lens: () => Lens | null;
  ui: { showPicker(picker: ClipPickerProps | null): void };
  send: Messenger;
  /** Registers cleanup for when the content script is invalidated (extension reloaded). */
  onInvalidated: (cleanup: () => void) => void;
  /** The article text in the page's own script when it is shown converted (clips quote the original). */
  originalText?: (map: TextMap) => OriginalText | null;
  /** The page's own script (zh-Hans/zh-Hant), recorded with a clip quoted from the original. */
  originalScript?: () => ClipScript;
}

export const CLIP_FRAGMENT = 'fzl-clip=';
const REFETCH_DELAY_MS = 200;
const SAVED_NOTICE_MS = 1500;

export function pageOf(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

function value<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  // The worker restarted or did not answer: say so plainly (Chromium's own text is for developers).
  if (result.error.code === 'unreachable') throw new MessageError('unreachable', uiText('clipWorkerUnavailable'));
  throw new MessageError(result.error.code, result.error.message);
}

/** Text offsets of the characters of `map` inside `range` (whitespace at either end trimmed), or null. */
export function rangeToOffsets(map: TextMap, range: Range): { start: number; end: number } | null {
  const inside = new Map<Node, boolean>();
  let start = -1;
  let end = -1;
  for (let i = 0; i < map.text.length; i++) {
    const node = map.nodes[i];
    if (!node) continue;
    let touches = inside.get(node);
    if (touches === undefined) inside.set(node, (touches = range.intersectsNode(node)));
    if (!touches) {
      if (start !== -1 && end !== -1 && i > end) break;
      continue;
    }
    const offset = map.offsets[i];
    // The character [offset, offset + 1) is selected when both its edges are within the range.
    if (range.comparePoint(node, offset) !== 0 || range.comparePoint(node, Math.min(offset + 1, node.data.length)) !== 0) continue;
    if (start === -1) start = i;
    end = i + 1;
  }
  if (start === -1) return null;
  while (start < end && /\s/.test(map.text[start])) start++;
  while (end > start && /\s/.test(map.text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

interface ClipStatus {
  clip: Clip;
  found: { start: number; end: number; method: AnchorMethod } | null;
}

export function createPageClips(deps: PageClipsDeps) {
  const { doc, send } = deps;
  const win = doc.defaultView!;
  let clips: Clip[] | null = null;
  let fetching: Promise<void> | null = null;
  let statuses: ClipStatus[] = [];
  /** The view clips were last anchored in: their `found` offsets index its text. */
  let anchoredView: OriginalText | null = null;
  let refetchTimer: ReturnType<typeof setTimeout> | null = null;
  let fragmentHandled = false;
  let picker: ClipPickerProps | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | null = null;

  const url = () => pageOf(win.location.href);
  /** The text clips are described and anchored in: the page's own, even while it is shown converted. */
  const clipText = (map: TextMap): OriginalText => deps.originalText?.(map) ?? shownText(map);

  function fetchClips(): Promise<void> {
    fetching ??= send('collections/clipsForPage', { url: url() })
      .then((result) => {
        // Unreachable background or storage failure: keep what we had; the next change retries.
        if (result.ok) clips = result.value.clips;
      })
      .finally(() => {
        fetching = null;
      });
    return fetching;
  }

  /** Anchors every clip of this page in the article text and underlines the ones found. */
  function reanchor(): void {
    const lens = deps.lens();
    const annotated = lens?.annotated();
    const highlighter = lens?.highlighter();
    if (!annotated || !highlighter || !clips) return;
    const map = annotated.map;
    const view = clipText(map);
    statuses = clips.map((clip) => ({ clip, found: anchor(view.text, clip.target.selector) }));
    anchoredView = view;
    const ranges: Range[] = [];
    for (const status of statuses) if (status.found) ranges.push(...shownRangesOf(map, view, status.found));
    highlighter.showClips(ranges);
    handleFragment();
  }

  /** The page ranges that show a found clip (its offsets index the view's text). */
  function shownRangesOf(map: TextMap, view: OriginalText, found: { start: number; end: number }): Range[] {
    const shown = view.toShown(found.start, found.end);
    return rangesOf(map, shown.start, shown.end);
  }

  function rangesOf(map: TextMap, start: number, end: number): Range[] {
    const out: Range[] = [];
    for (const piece of piecesOf(map, start, end)) {
      if (!piece.node.isConnected || piece.end > piece.node.data.length) continue;
      const range = doc.createRange();
      range.setStart(piece.node, piece.start);
      range.setEnd(piece.node, piece.end);
      out.push(range);
    }
    return out;
  }

  /** `#fzl-clip=<id>` (opened from the popup or the manager): scroll to that clip once. */
  function handleFragment(): void {
    if (fragmentHandled) return;
    const hash = win.location.hash;
    const at = hash.indexOf(CLIP_FRAGMENT);
    if (at === -1) {
      fragmentHandled = true;
      return;
    }
    const id = decodeURIComponent(hash.slice(at + CLIP_FRAGMENT.length).split('&')[0]);
    if (!statuses.some((s) => s.clip.id === id)) return; // not loaded yet (a rescan may bring it)
    fragmentHandled = true;
    scrollToClip(id);
  }

  function scrollToClip(id: string): boolean {
    const status = statuses.find((s) => s.clip.id === id);
    const map = deps.lens()?.annotated()?.map;
    if (!status?.found || !map || !anchoredView) return false;
    const [first] = shownRangesOf(map, anchoredView, status.found);
    if (!first) return false;
    first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    // A paragraph taller than the window is centred as a whole: centre the passage itself.
    const rect = first.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > win.innerHeight) win.scrollBy(0, rect.top - (win.innerHeight - rect.height) / 2);
    return true;
  }

  /** Settles when a scheduled re-read is done: a view asking right after a change sees the change. */
  let refetched: Promise<void> | null = null;
  function scheduleRefetch(): void {
    if (refetchTimer !== null) return;
    refetched = new Promise<void>((resolve) => {
      refetchTimer = setTimeout(() => {
        refetchTimer = null;
        void fetchClips()
          .then(reanchor)
          .finally(() => {
            refetched = null;
            resolve();
          });
      }, REFETCH_DELAY_MS);
    });
  }

  // Any change to a clip of this page (from this tab, the popup, the manager, an import) re-anchors.
  const onStorageChanged = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const page = url();
    const isOurs = (record: unknown) => {
      const target = (record as { target?: { url?: unknown } } | undefined)?.target;
      return typeof target?.url === 'string' && pageOf(target.url) === page;
    };
    for (const [key, change] of Object.entries(changes)) {
      if (!key.startsWith('clip:')) continue;
      if (isOurs(change.newValue) || isOurs(change.oldValue)) return scheduleRefetch();
    }
  };
  browser.storage.onChanged.addListener(onStorageChanged);
  deps.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorageChanged);
    if (refetchTimer !== null) clearTimeout(refetchTimer);
    if (closeTimer !== null) clearTimeout(closeTimer);
  });

  /** What a clip of text[start, end) records about its page. */
  function draftFor(annotated: AnnotatedText, start: number, end: number, fields: Partial<ClipDraft> & Pick<ClipDraft, 'kind'>): ClipDraft {
    const state = deps.lens()?.state();
    const article = state?.status === 'active' ? state.article : null;
    const original = deps.originalText?.(annotated.map) ?? null;
    const view = original ?? shownText(annotated.map);
    // Offsets of the shown text → the quoted text's own (they differ after a phrase conversion).
    ({ start, end } = view.toOriginal(start, end));
    const text = view.text;
    if (end - start > LIMITS.textLength) {
      throw new MessageError('invalid', uiText('clipTooLong', { length: end - start, max: LIMITS.textLength }));
    }
    const pageUrl = url();
    const target: ClipDraft['target'] = {
      url: pageUrl.slice(0, LIMITS.urlLength),
      title: (article?.title || doc.title).slice(0, LIMITS.titleLength),
      site: (siteOf(pageUrl) ?? '').slice(0, LIMITS.siteLength),
      script: (original !== null ? deps.originalScript?.() : undefined) ?? article?.script ?? 'unknown',
      selector: describe(text, start, end),
    };
    if (article?.publishedAt && /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?)?$/.test(article.publishedAt)) target.publishedAt = article.publishedAt;
    if (article?.byline) target.byline = article.byline.slice(0, LIMITS.bylineLength);
    return { text: text.slice(start, end), note: '', tags: [], ...fields, target };
  }

  function draftForAnnotation(annotated: AnnotatedText, a: PageAnnotation): ClipDraft {
    const fields: Partial<ClipDraft> & Pick<ClipDraft, 'kind'> = { kind: a.kind };
    if (a.canonical) fields.canonical = a.canonical.slice(0, LIMITS.canonicalLength);
    if (a.value !== undefined && Number.isFinite(a.value)) fields.value = a.value;
    if (a.unit) fields.unit = a.unit.slice(0, LIMITS.unitLength);
    if (a.approx !== undefined) fields.approx = a.approx;
    if (a.measure) fields.measure = a.measure.slice(0, LIMITS.measureLength);
    return draftFor(annotated, a.start, a.end, fields);
  }

  async function save(collectionId: string, draft: ClipDraft): Promise<{ clip: Clip; duplicate: boolean }> {
    const added = value(await send('collections/addClip', { collectionId, clip: draft }));
    await send('collections/setLastUsed', { collectionId });
    // Mark it now; the storage change will confirm it.
    if (clips && !clips.some((c) => c.id === added.clip.id)) clips = [added.clip, ...clips];
    reanchor();
    return added;
  }

  function showPicker(next: ClipPickerProps | null) {
    picker = next;
    deps.ui.showPicker(next);
  }

  /** Opens the picker for a draft; resolves when it is saved, rejects when cancelled. */
  async function pick(draft: ClipDraft): Promise<Clip> {
    const overview = value(await send('collections/list', {}));
    if (closeTimer !== null) clearTimeout(closeTimer);
    return new Promise<Clip>((resolve, reject) => {
      const props: ClipPickerProps = {
        quote: draft.text,
        collections: overview.collections.map((c) => ({ id: c.id, name: c.name })),
        selectedId: overview.lastUsedCollectionId,
        status: 'idle',
        onCancel: () => {
          showPicker(null);
          reject(new Error(uiText('clipCancelled')));
        },
        onSave: (choice) => {
          showPicker({ ...props, status: 'saving' });
          void (async () => {
            try {
              let collectionId: string;
              let name: string;
              if ('newName' in choice) {
                const created = value(await send('collections/create', { name: choice.newName }));
                collectionId = created.collection.id;
                name = created.collection.name;
              } else {
                collectionId = choice.collectionId;
                name = overview.collections.find((c) => c.id === collectionId)?.name ?? '';
              }
              const added = await save(collectionId, draft);
              showPicker({ ...props, status: { saved: name } });
              const shown = picker;
              closeTimer = setTimeout(() => picker === shown && showPicker(null), SAVED_NOTICE_MS);
              resolve(added.clip);
            } catch (error) {
              showPicker({ ...props, status: { error: error instanceof Error ? error.message : String(error) } });
            }
          })();
        },
      };
      showPicker(props);
    });
  }

  function active(): AnnotatedText {
    const annotated = deps.lens()?.annotated();
    if (!annotated) throw new MessageError('invalid', uiText('clipNoArticle'));
    return annotated;
  }

  /** The selection as offsets of the article text, or why it cannot be clipped. */
  function selectedDraft(annotated: AnnotatedText | null): { draft: ClipDraft } | { refused: string } {
    if (!annotated) return { refused: uiText('clipNoArticle') };
    const selection = win.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { refused: uiText('clipNoSelection') };
    const offsets = rangeToOffsets(annotated.map, selection.getRangeAt(0));
    if (!offsets) return { refused: uiText('clipOutsideArticle') };
    try {
      return { draft: draftFor(annotated, offsets.start, offsets.end, { kind: 'selection' }) };
    } catch (error) {
      return { refused: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Into `choice.collectionId` at once (the side panel chose it), else through the page's picker. */
  async function clipSelection(choice: { collectionId?: string; note?: string; tags?: string[] }): Promise<ClipSelectionAnswer> {
    const selected = selectedDraft(deps.lens()?.annotated() ?? null);
    if ('refused' in selected) return { status: 'refused', reason: selected.refused };
    if (choice.collectionId !== undefined) {
      const added = await save(choice.collectionId, { ...selected.draft, note: choice.note ?? '', tags: choice.tags ?? [] });
      return { status: 'saved', ...added };
    }
    pick(selected.draft).catch(() => {}); // the picker shows its own errors; a cancel is not one
    return { status: 'picker' };
  }

  const handlers: Handlers<'content'> = {
    'clips/clipSelection': (choice) => clipSelection(choice),
    'clips/selection': (): SelectionAnswer => {
      const selected = selectedDraft(deps.lens()?.annotated() ?? null);
      return 'refused' in selected ? { status: 'refused', reason: selected.refused } : { status: 'selected', text: selected.draft.text };
    },
    'clips/clipAnnotation': async ({ index, collectionId, note = '', tags = [] }) => {
      const annotated = active();
      const annotation = annotated.annotations.find((a) => a.index === index);
      if (!annotation) throw new MessageError('not-found', `no highlight ${index} on this page`);
      let target = collectionId;
      if (target === undefined) {
        const last = value(await send('collections/list', {})).lastUsedCollectionId;
        if (!last) throw new MessageError('invalid', 'no collection chosen yet');
        target = last;
      }
      return save(target, { ...draftForAnnotation(annotated, annotation), note, tags });
    },
    'clips/pageStatus': async (): Promise<PageClipsAnswer> => {
      if (refetched) await refetched;
      if (!clips) await fetchClips();
      const map = deps.lens()?.annotated()?.map;
      const text = map ? clipText(map).text : null;
      if (text !== null && text !== anchoredView?.text) reanchor();
      const anchored = text !== null && anchoredView?.text === text;
      const byId = new Map(statuses.map((s) => [s.clip.id, s]));
      return {
        url: url(),
        anchored,
        clips: (clips ?? []).map((clip) => {
          const found = anchored ? byId.get(clip.id)?.found ?? null : null;
          return found ? { clip, found: true, method: found.method } : { clip, found: false };
        }),
      };
    },
    'clips/scrollTo': ({ clipId }) => ({ scrolled: scrollToClip(clipId) }),
  };

  return {
    /** Call after every (re)annotation of the page. */
    onAnnotated(): void {
      if (clips) reanchor();
      else void fetchClips().then(reanchor);
    },
    /** The card's "收藏" button. */
    async clipAnnotation(a: PageAnnotation): Promise<void> {
      await pick(draftForAnnotation(active(), a));
    },
    handlers,
  };
}
