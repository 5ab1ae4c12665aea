/**
 * The page lens: everything the content script does on a news page, written against the Document
 * it is given. Finds the article, annotates its text, paints highlights (highlighter.ts), hit-tests
 * the pointer for the card, follows the page as it changes (one MutationObserver, batched), and
 * undoes all of it in `stop()`.
 */
import type { AnnotationKind } from '../annotate/types';
import { withoutPinyinArtefacts } from '../annotate/pinyin';
import { findArticleSliced } from '../extract';
import type { Article, NoArticleCode } from '../extract/types';
import { createHighlighter, type HighlightApi, type Highlighter } from '../highlight/highlighter';
import { summarize, type AnnotatedText, type PageAnnotation, type PageSummary } from '../highlight/page-annotations';
import { annotateBlocksSliced, ScanCancelled } from './sliced-scan';
import { hidePinyinArtefacts, isPinyinElement, type PinyinCleanup } from './pinyin-cleanup';

export interface LensSettings {
  kinds: Record<AnnotationKind, boolean>;
  cleanupPinyin: boolean;
}

export interface LensUi {
  showCard(annotation: PageAnnotation, anchor: DOMRect, via: 'pointer' | 'keyboard'): void;
  hideCard(): void;
  /** Whether the pointer or focus is on the card (so hover-out doesn't close it under the reader). */
  isCardActive(): boolean;
  /** What the legend shows: counts per kind while active, nothing otherwise. */
  update(legend: LegendState): void;
  unmount(): void;
}

export interface LensDeps {
  doc: Document;
  highlightApi: HighlightApi;
  ui: LensUi;
  settings: LensSettings;
  /** Whether a node belongs to the extension's own UI (its changes are not page changes). */
  isOwnNode: (node: Node) => boolean;
  /** Called after each (re)annotation, e.g. to re-anchor clips. */
  onAnnotated?: (annotated: AnnotatedText) => void;
  now?: () => number;
  /** Yield to the page between slices of work (default: a macrotask). */
  yieldToPage?: () => Promise<void>;
}

export interface ArticleInfo {
  title: string;
  byline?: string;
  publishedAt?: string;
  source?: string;
  script: Article['script'];
  lang?: string;
  blocks: number;
  characters: number;
}

export type LegendState = { status: 'off' | 'no-article' } | { status: 'active'; counts: Record<AnnotationKind, number> };

export type LensState =
  | { status: 'off' }
  | { status: 'no-article'; code: NoArticleCode; reason: string; scans: number }
  | {
      status: 'active';
      article: ArticleInfo;
      summary: PageSummary;
      pinyinHidden: number;
      /** From the start of the scan to the last highlight painted, yields included. */
      annotateMs: number;
      /** The longest stretch of synchronous work of the scan (what could block the page). */
      longestTaskMs: number;
      /** All synchronous work of the scan added up (main-thread time it cost). */
      workMs: number;
      /** `workMs` by phase: finding the article, hiding pinyin artefacts, mapping and annotating the text, painting. */
      workPhases: WorkPhases;
      /** Scans started since the lens started: the first one and every rescan (pages that change). */
      scans: number;
    };

export interface WorkPhases {
  find: number;
  pinyin: number;
  annotate: number;
  paint: number;
}

const RESCAN_DELAY_MS = 150;
/** Work per slice before yielding to the page: well under the 50 ms of a long task. */
const SLICE_BUDGET_MS = 12;
const RESCAN_MIN_INTERVAL_MS = 1000;

export function createLens(deps: LensDeps) {
  const { doc, ui } = deps;
  const win = doc.defaultView!;
  const now = deps.now ?? (() => win.performance.now());
  let settings = deps.settings;
  let highlighter: Highlighter | null = null;
  type Active = { article: ArticleInfo; annotated: AnnotatedText; pinyinHidden: number; annotateMs: number; longestTaskMs: number; workMs: number; workPhases: WorkPhases; summary?: PageSummary };
  let state: { status: 'off' } | { status: 'no-article'; code: NoArticleCode; reason: string } | ({ status: 'active' } & Active) = { status: 'off' };
  let article: Article | null = null;
  let generation = 0;
  const yieldToPage = deps.yieldToPage ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  let annotated: AnnotatedText | null = null;
  const cleanups: PinyinCleanup[] = [];
  let observer: MutationObserver | null = null;
  let listeners: AbortController | null = null;
  let rescanTimer: ReturnType<typeof setTimeout> | null = null;
  let lastRescan = 0;
  let focused: number | null = null;
  let pointerFrame = 0;
  let hideTimer: ReturnType<typeof setTimeout> | null = null;
  let scans = 0;

  /**
   * A scan never throws into the page: whatever the page holds (a DOM too deep to walk, nodes
   * pulled away mid-scan), the lens reports it could not read it and leaves the page alone.
   */
  async function scan(): Promise<void> {
    scans++;
    const running = scanArticle();
    const gen = generation;
    try {
      await running;
    } catch (error) {
      if (error instanceof ScanCancelled || gen !== generation || !listeners) return;
      article = null;
      annotated = null;
      highlighter?.clear();
      setState({ status: 'no-article', code: 'unreadable', reason: `The page could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  /**
   * Finds the article and annotates it in slices. The first scan paints slice by slice; a rescan
   * (page changed) computes everything first and swaps the highlights at once, so nothing flickers.
   */
  async function scanArticle(): Promise<void> {
    const gen = ++generation;
    const started = now();
    let longest = 0;
    let work = 0;
    const phases: WorkPhases = { find: 0, pinyin: 0, annotate: 0, paint: 0 };
    let phase: keyof WorkPhases = 'find';
    const onSliceDone = (ms: number) => {
      longest = Math.max(longest, ms);
      work += ms;
      phases[phase] += ms;
    };
    const found = await findArticleSliced(doc, {}, { budgetMs: SLICE_BUDGET_MS, now, yieldToPage, onSliceDone });
    if (gen !== generation || !listeners) return;
    if (!found.ok) {
      article = null;
      annotated = null;
      highlighter?.clear();
      setState({ status: 'no-article', code: found.code, reason: found.reason });
      return;
    }
    if (found.script === 'none') {
      // Nothing to read for this lens: stay idle (no UI, no highlights, no DOM change).
      article = null;
      annotated = null;
      highlighter?.clear();
      setState({ status: 'no-article', code: 'not-chinese', reason: 'No Chinese text: the page is in another language.' });
      return;
    }
    await yieldToPage();
    if (gen !== generation || !listeners) return;
    const blockElements = found.blocks.map((b) => b.element).filter((e): e is Element => Boolean(e));
    const blocks = blockElements.length ? blockElements : found.root;
    phase = 'pinyin';
    if (settings.cleanupPinyin) {
      // Incremental: text already cleaned holds no brackets, so a rescan writes only to new text.
      // Element by element within the time budget: a long traditional page can hold 10,000 brackets.
      let sliceStart = now();
      for (const [element, cleaned] of pinyinTargets(blocks)) {
        const more = hidePinyinArtefacts([element], cleaned);
        if (more.count) cleanups.push(more);
        if (now() - sliceStart >= SLICE_BUDGET_MS) {
          observer?.takeRecords(); // our own DOM edits are not page changes
          onSliceDone(now() - sliceStart);
          await yieldToPage();
          if (gen !== generation || !listeners) return;
          sliceStart = now();
        }
      }
      observer?.takeRecords();
      onSliceDone(now() - sliceStart);
    } else restorePinyin();
    await yieldToPage();
    if (gen !== generation || !listeners) return;
    const firstPaint = highlighter === null;
    highlighter ??= createHighlighter(doc, deps.highlightApi);
    if (firstPaint) highlighter.show([]);
    const paint = highlighter;
    // Painting happens inside the annotation slices: timed apart, moved from `annotate` to `paint`.
    let paintMs = 0;
    const paintSlice = (slice: PageAnnotation[]) => {
      const paintStarted = now();
      paint.add(slice);
      paintMs += now() - paintStarted;
    };
    phase = 'annotate';
    let next: AnnotatedText;
    try {
      next = await annotateBlocksSliced(
        blocks,
        { skip: (el) => deps.isOwnNode(el), kinds: settings.kinds },
        {
          budgetMs: SLICE_BUDGET_MS,
          yieldToPage,
          now,
          cancelled: () => gen !== generation || !listeners,
          onSliceDone,
        },
        firstPaint ? paintSlice : undefined,
      );
    } catch (error) {
      if (error instanceof ScanCancelled) return;
      throw error;
    }
    if (gen !== generation || !listeners) return;
    phases.annotate -= paintMs;
    phases.paint += paintMs;
    const swapStarted = now();
    if (!firstPaint) highlighter.show(next.annotations);
    article = found;
    annotated = next;
    if (focused !== null && !next.annotations.some((a) => a.index === focused)) focused = null;
    highlighter.focus(focused);
    deps.onAnnotated?.(next);
    setState({
      status: 'active',
      article: {
        title: found.title,
        byline: found.byline,
        publishedAt: found.publishedAt,
        source: found.source,
        script: found.script,
        lang: found.lang,
        blocks: found.blocks.length,
        characters: next.map.text.length,
      },
      annotated: next,
      pinyinHidden: cleanups.reduce((n, c) => n + c.count, 0),
      annotateMs: Math.round((now() - started) * 10) / 10,
      longestTaskMs: Math.round(Math.max(longest, now() - swapStarted) * 10) / 10,
      workMs: Math.round((work + now() - swapStarted) * 10) / 10,
      workPhases: {
        find: Math.round(phases.find * 10) / 10,
        pinyin: Math.round(phases.pinyin * 10) / 10,
        annotate: Math.round(phases.annotate * 10) / 10,
        paint: Math.round((phases.paint + now() - swapStarted) * 10) / 10,
      },
    });
  }

  /** The state as the popup reads it; the summary is computed on demand (cheap to skip on rescans). */
  function publicState(): LensState {
    if (state.status === 'off') return state;
    if (state.status === 'no-article') return { ...state, scans };
    // With the artefact cleanup on, the popup lists what the page shows (發布會, not 發(fā)布會).
    const display = state.pinyinHidden > 0 ? withoutPinyinArtefacts : undefined;
    state.summary ??= summarize(state.annotated, display);
    return {
      status: 'active',
      article: display ? { ...state.article, title: display(state.article.title) } : state.article,
      summary: state.summary,
      pinyinHidden: state.pinyinHidden,
      annotateMs: state.annotateMs,
      longestTaskMs: state.longestTaskMs,
      workMs: state.workMs,
      workPhases: state.workPhases,
      scans,
    };
  }

  /**
   * What the pinyin cleanup goes through: the article's blocks, then, once the article turned out to
   * hold the artefact, every other element under <body> (the headline, byline and menus hold it too,
   * and the reader should not meet 國(guó) there), not entering the blocks already cleaned.
   */
  function* pinyinTargets(blocks: Iterable<Element>): Generator<[Element, ReadonlySet<Element> | undefined]> {
    const cleaned = new Set<Element>();
    for (const block of blocks) {
      cleaned.add(block);
      yield [block, undefined];
    }
    if (!cleanups.length || !doc.body) return;
    for (const element of Array.from(doc.body.children)) {
      if (!deps.isOwnNode(element) && !cleaned.has(element)) yield [element, cleaned];
    }
  }

  function restorePinyin() {
    while (cleanups.length) cleanups.pop()!.restore();
    observer?.takeRecords();
  }

  function setState(next: typeof state) {
    state = next;
    if (next.status !== 'active') ui.update({ status: next.status });
    else {
      const counts = { operation: 0, agency: 0, statistic: 0 };
      for (const a of next.annotated.annotations) counts[a.kind]++;
      ui.update({ status: 'active', counts });
    }
  }

  function isPageMutation(record: MutationRecord): boolean {
    if (deps.isOwnNode(record.target)) return false;
    const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
    if (record.type === 'childList' && nodes.length && nodes.every((n) => deps.isOwnNode(n) || isPinyinNode(n))) return false;
    return true;
  }

  function isPinyinNode(node: Node): boolean {
    return isPinyinElement(node);
  }

  function scheduleRescan() {
    if (rescanTimer !== null) return;
    const wait = Math.max(RESCAN_DELAY_MS, lastRescan + RESCAN_MIN_INTERVAL_MS - now());
    rescanTimer = setTimeout(() => {
      rescanTimer = null;
      lastRescan = now();
      // Repainting highlights writes nothing to the DOM, so a rescan cannot feed another
      // extension's observer (or ours) in a loop.
      void scan();
    }, wait);
  }

  function caretAt(x: number, y: number): { node: Node; offset: number } | null {
    const d = doc as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    if (d.caretPositionFromPoint) {
      const p = d.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    const r = d.caretRangeFromPoint?.(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }

  function annotationAtPoint(x: number, y: number): PageAnnotation | null {
    if (!highlighter) return null;
    const caret = caretAt(x, y);
    if (!caret || caret.node.nodeType !== 3) return null;
    const hit = highlighter.hitTest(caret.node, caret.offset);
    if (!hit) return null;
    // The caret snaps to the nearest character even beside the text: check the pointer is on it.
    const inside = highlighter.rangesOf(hit.index).some((range) =>
      Array.from(range.getClientRects()).some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1),
    );
    return inside ? hit : null;
  }

  function open(annotation: PageAnnotation, via: 'pointer' | 'keyboard') {
    if (hideTimer) clearTimeout(hideTimer);
    hideTimer = null;
    focused = annotation.index;
    highlighter?.focus(focused);
    const rect = highlighter?.rangesOf(annotation.index)[0]?.getBoundingClientRect();
    if (rect) ui.showCard(annotation, rect, via);
  }

  function close() {
    focused = null;
    highlighter?.focus(null);
    ui.hideCard();
  }

  function onPointerMove(event: PointerEvent) {
    if (pointerFrame) return;
    const { clientX, clientY } = event;
    const overOwnUi = event.target instanceof win.Node && deps.isOwnNode(event.target as Node);
    pointerFrame = win.requestAnimationFrame(() => {
      pointerFrame = 0;
      if (overOwnUi) return;
      const hit = annotationAtPoint(clientX, clientY);
      if (hit) {
        if (hit.index !== focused) open(hit, 'pointer');
      } else if (focused !== null && !hideTimer) {
        hideTimer = setTimeout(() => {
          hideTimer = null;
          if (!ui.isCardActive()) close();
        }, 300);
      }
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && focused !== null) close();
  }

  function scrollToIndex(index: number, via: 'pointer' | 'keyboard' = 'keyboard'): boolean {
    const target = annotated?.annotations.find((a) => a.index === index);
    const range = target && highlighter?.rangesOf(index)[0];
    if (!target || !range) return false;
    const element = range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    // Open the card once the scroll has settled so it is placed next to the text.
    setTimeout(() => open(target, via), 350);
    return true;
  }

  return {
    start() {
      if (listeners) return;
      listeners = new AbortController();
      const signal = listeners.signal;
      void scan();
      doc.addEventListener('pointermove', onPointerMove, { passive: true, signal });
      doc.addEventListener('keydown', onKeyDown, { signal });
      observer = new win.MutationObserver((records) => {
        if (records.some(isPageMutation)) scheduleRescan();
      });
      observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
    },
    stop() {
      listeners?.abort();
      listeners = null;
      observer?.disconnect();
      observer = null;
      if (rescanTimer !== null) clearTimeout(rescanTimer);
      rescanTimer = null;
      if (hideTimer) clearTimeout(hideTimer);
      hideTimer = null;
      if (pointerFrame) win.cancelAnimationFrame(pointerFrame);
      pointerFrame = 0;
      highlighter?.clear();
      highlighter = null;
      restorePinyin();
      article = null;
      annotated = null;
      focused = null;
      generation++;
      state = { status: 'off' };
      ui.unmount();
    },
    /** Re-run extraction and annotation now (settings changed, script converted). */
    refresh(): Promise<void> {
      return listeners ? scan() : Promise.resolve();
    },
    setSettings(next: LensSettings) {
      settings = next;
      if (listeners) void scan();
    },
    state: publicState,
    /** The element holding the article (the parent of its holders when the body is split over siblings). */
    articleRoot(): Element | null {
      if (!article || article.root.length === 0) return null;
      return article.root.length === 1 ? article.root[0] : article.root[0].parentElement;
    },
    annotated: () => annotated,
    highlighter: () => highlighter,
    scrollTo: (index: number) => scrollToIndex(index),
    /** Keyboard: move the focus to the next (+1) or previous (-1) highlight and open its card. */
    step(delta: 1 | -1): PageAnnotation | null {
      const list = annotated?.annotations ?? [];
      if (!list.length) return null;
      const at = focused === null ? (delta > 0 ? -1 : list.length) : list.findIndex((a) => a.index === focused);
      const next = list[(at + delta + list.length) % list.length];
      scrollToIndex(next.index, 'keyboard');
      return next;
    },
    close,
    isActive: () => listeners !== null,
  };
}

export type Lens = ReturnType<typeof createLens>;
