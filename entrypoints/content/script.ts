/**
 * The page's script (simplified ⇄ traditional), in the content script: lib/convert collects the
 * page's text per block (across inline tags), the background worker converts the batches with
 * opencc-js, lib/convert writes the result back over the original text nodes and restores them.
 * Added content is converted to the current target; highlights are recomputed after each switch.
 */
import { blockScript, convertBySource, createPageConversion, detectScript, originalTextOf, sourceScriptOf, type OriginalText, type PageConversion, type Target } from '@/lib/convert';
import type { ScriptState } from '@/lib/messaging';
import type { Send } from '@/components/Popup';
import type { Lens } from '@/lib/page/lens';
import type { TextMap } from '@/lib/highlight/text-map';
import { uiText } from './ui';

export interface PageScriptDeps {
  doc: Document;
  send: Send;
  lens: () => Lens | null;
  isOwnNode: (node: Node) => boolean;
  onInvalidated: (cleanup: () => void) => void;
}

const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Characters rewritten per frame. Chromium lays out the text rewritten since its last frame in one go:
 * 200,000 characters took one 55–120 ms frame. bench/convert-page.bench.ts: 24,000 a frame kept every
 * conversion frame under 50 ms but made the switch ~2× longer (one frame per piece); 48,000 halves the frames.
 */
const FRAME_CHARACTERS = 48_000;

export function createPageScript(deps: PageScriptDeps) {
  const { doc } = deps;
  const view = doc.defaultView;

  /** Resolves after the page rendered what was written: a frame callback, then a task after its paint.
   * A hidden tab runs no frames, so it does not wait for one (and never longer than 100 ms). */
  const nextFrame = (): Promise<void> =>
    new Promise((resolve) => {
      if (!view || doc.visibilityState !== 'visible') return void setTimeout(resolve, 0);
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(fallback);
        resolve();
      };
      const fallback = setTimeout(finish, 100);
      view.requestAnimationFrame(() => setTimeout(finish, 0));
    });

  /** On screen: the text's element box meets the viewport. */
  const isOnScreen = (node: Node): boolean => {
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element || !view) return false;
    const r = element.getBoundingClientRect();
    return r.bottom > 0 && r.top < view.innerHeight && r.width > 0;
  };
  let detected: ScriptState['source'] | null = null;
  let conversion: PageConversion | null = null;
  let target: Target = 'original';
  let busy = false;
  let changedNodes = 0;
  let ms = 0;
  let error: string | null = null;
  let observer: MutationObserver | null = null;
  let pendingAdded: Node[] = [];
  let addedTimer: ReturnType<typeof setTimeout> | null = null;

  const source = () => (detected ??= detectScript(doc.body?.textContent ?? ''));

  function watchAddedContent() {
    if (observer) return;
    // Only childList: our own writes change text data, never the tree, so they are not seen here.
    observer = new MutationObserver((records) => {
      for (const r of records) for (const n of Array.from(r.addedNodes)) if (!deps.isOwnNode(n)) pendingAdded.push(n);
      if (pendingAdded.length && addedTimer === null) addedTimer = setTimeout(flushAdded, 100);
    });
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  }

  async function flushAdded() {
    addedTimer = null;
    const nodes = pendingAdded;
    pendingAdded = [];
    if (!conversion || target === 'original' || !nodes.length) return;
    const report = await conversion.convertAdded(nodes);
    if (report?.changedNodes) void deps.lens()?.refresh();
  }

  async function setTarget(next: Target): Promise<ScriptState> {
    error = null;
    const started = performance.now();
    if (next === 'original') {
      busy = true;
      try {
        await conversion?.restoreInFrames();
      } finally {
        busy = false;
      }
      target = 'original';
      observer?.disconnect();
      observer = null;
      changedNodes = 0;
      ms = Math.round(performance.now() - started);
      await deps.lens()?.refresh();
      return state();
    }
    const from = sourceScriptOf(doc.documentElement.getAttribute('lang') ?? '', source());
    if (!from) {
      error = uiText('scriptNothingToConvert');
      return state();
    }
    const lensState = deps.lens()?.state();
    conversion ??= createPageConversion(doc, {
      // The article is converted (and shown converted) first, the rest after.
      priority: lensState?.status === 'active' ? deps.lens()?.articleRoot() ?? null : null,
      yieldToPage,
      frameCharacters: FRAME_CHARACTERS,
      nextFrame,
      isOnScreen,
    });
    busy = true;
    try {
      const lang = doc.documentElement.getAttribute('lang') ?? '';
      const report = await conversion.convertTo(next, (texts) =>
        convertBySource(texts, from, (text) => sourceScriptOf(lang, blockScript(text, source())), next as Exclude<Target, 'original'>, async (source, batch) => {
          const result = await deps.send('convert/texts', { from: source, to: next as Exclude<Target, 'original'>, texts: batch });
          if (!result.ok) throw new Error(result.error.code === 'unreachable' ? uiText('scriptWorkerSilent') : result.error.message);
          return result.value.texts;
        }),
      );
      if (report.status === 'done') {
        const ended = performance.now();
        target = next;
        changedNodes = report.changedNodes;
        ms = Math.round(ended - started);
        // On the page's performance timeline (DevTools, the page bench): where the time went.
        performance.measure(`fzl-convert:${next}`, { start: started, end: ended, detail: { ...report } });
        watchAddedContent();
        await deps.lens()?.refresh();
      }
    } catch (e) {
      // A failed batch (worker restarted, message refused): put the page back as it was.
      conversion.restore();
      target = 'original';
      error = e instanceof Error ? e.message : String(e);
    } finally {
      busy = false;
    }
    return state();
  }


  let prepared = false;
  /**
   * Has the worker build the converter of the likely switch (the other script) ahead of it, once per
   * page: called when the popup asks for the page's state, i.e. when the reader may be about to switch.
   */
  function prepare(): void {
    if (prepared || target !== 'original') return;
    const from = sourceScriptOf(doc.documentElement.getAttribute('lang') ?? '', source());
    if (!from) return;
    prepared = true;
    const sample = (deps.lens()?.annotated()?.map.text ?? doc.body?.textContent ?? '').slice(0, 8000);
    void deps.send('convert/prepare', { from, to: source() === 'zh-Hant' ? 'cn' : 'tw', sample });
  }

  function state(): ScriptState {
    return { source: source(), target, busy, changedNodes, ms, error };
  }

  deps.onInvalidated(() => {
    observer?.disconnect();
    if (addedTimer !== null) clearTimeout(addedTimer);
    conversion?.cancel();
    conversion?.restore();
  });

  return {
    setTarget,
    /**
     * The article text in the page's own script while it is shown converted, with the offsets
     * between the two (null when the page shows its original text).
     */
    originalText(map: TextMap): OriginalText | null {
      if (!conversion || target === 'original') return null;
      return originalTextOf(map, (node) => conversion!.originalText(node));
    },
    prepare,
    toggle: () => setTarget(target !== 'original' ? 'original' : source() === 'zh-Hant' ? 'cn' : 'tw'),
    state,
  };
}

export type PageScript = ReturnType<typeof createPageScript>;
