import { browser } from 'wxt/browser';
import { highlightApiOf, highlightCss } from '@/lib/highlight/highlighter';
import { createMessenger, createRouter, MessageError, type PageState, type SenderInfo } from '@/lib/messaging';
import { createLens, type Lens } from '@/lib/page/lens';
import { isSiteEnabled, scriptTargetFor, type Settings } from '@/lib/settings/settings';
import { matchPatternsFor, newsSites, siteOf } from '@/lib/sites/news-sites';
import { originsFor } from '@/lib/sites/user-sites';
import { loadSettings, watchSettings } from '../shared/settings-store';
import { installPageStyles } from './page-styles';
import { createLensUi, isOwnNode, UI_TAG } from './ui';
import { createPageClips } from './clips';
import { createPageScript } from './script';
import { guardAgainstSpoofedStart, noteModuleRun } from './lifecycle-guard';

// Thin adapter: lib/page/lens.ts does the work on the document; this wires it to settings,
// messages and the content-script lifecycle (`ctx`), so a reloaded extension leaves nothing behind.
// Counted when this module is evaluated, before WXT's context announces the start: a newer instance of
// this script raises it in our world before it announces itself; a page cannot (lifecycle-guard.ts).
const moduleRun = noteModuleRun();

export default defineContentScript({
  matches: matchPatternsFor(newsSites),
  runAt: 'document_idle',
  async main(ctx) {
    // Injected again (a granted site's registered script and a one-off run, or the popup's "run
    // once" twice)? The first instance, if still alive, keeps the page; a reloaded extension's new
    // instance replaces an invalidated one.
    const running = globalThis as { __fanzhaLens?: { isInvalid: boolean } };
    if (running.__fanzhaLens && !running.__fanzhaLens.isInvalid) return;
    running.__fanzhaLens = ctx;
    guardAgainstSpoofedStart(moduleRun);
    const startedAt = Date.now();
    const startedPerf = performance.now();
    let firstPaintMs: number | null = null;
    const site = siteOf(location.href);
    // Everything this instance undoes when it ends: the extension reloaded (ctx invalidated) or the
    // reader took the site's permission back (page/accessRevoked). Runs once, in reverse order.
    const cleanups: (() => void)[] = [];
    let ended = false;
    const onEnd = (cleanup: () => void) => void cleanups.push(cleanup);
    const end = () => {
      if (ended) return;
      ended = true;
      for (const cleanup of cleanups.reverse()) {
        try {
          cleanup();
        } catch (error) {
          console.error('[fanzha-lens] cleanup failed', error);
        }
      }
    };
    ctx.onInvalidated(end);
    // A deadline on every request to the worker: one killed mid-request must not leave a conversion
    // or a clip waiting forever (a batch answers in milliseconds; a cold worker in ~200 ms).
    const send = createMessenger((message) => browser.runtime.sendMessage(message), { timeoutMs: 10_000 });
    // Clips are writes queued one after another in the worker: with many tabs clipping at once the
    // last answer comes late (Firefox's storage is slower than Chromium's), and a deadline shorter
    // than the queue would report as failed a clip that is then saved. A dropped channel still ends.
    const sendClip = createMessenger((message) => browser.runtime.sendMessage(message), { timeoutMs: 60_000 });
    let backgroundVersion: string | null = null;
    let settings: Settings = await loadSettings();
    let pageOff = false; // "off for this page view" from the popup
    let lens: Lens | null = null;
    let removeStyles: (() => void) | null = null;

    const ui = createLensUi(document, {
      onStep: (delta) => lens?.step(delta),
      onTurnOff: () => {
        pageOff = true;
        apply();
      },
      onClose: () => lens?.close(),
      onClip: (annotation) => clips.clipAnnotation(annotation),
      page: () => {
        const state = lens?.state();
        return state?.status === 'active' ? { script: state.article.script, lang: state.article.lang } : {};
      },
    });
    const clips = createPageClips({
      doc: document,
      lens: () => lens,
      ui,
      send: sendClip,
      onInvalidated: onEnd,
      // While the page is shown converted, clips still quote (and anchor in) the page's own text.
      originalText: (map) => script.originalText(map),
      originalScript: () => script.state().source,
    });

    const script = createPageScript({ doc: document, send, lens: () => lens, isOwnNode, onInvalidated: onEnd });

    const disabledBy = (): PageState['disabledBy'] =>
      !settings.enabled ? 'global' : site && settings.disabledSites.includes(site) ? 'site' : pageOff ? 'page' : null;

    function apply() {
      const wanted = isSiteEnabled(settings, site) && !pageOff;
      if (!wanted) {
        lens?.stop();
        lens = null;
        removeStyles?.();
        removeStyles = null;
        return;
      }
      removeStyles?.();
      removeStyles = installPageStyles(document, highlightCss(settings.colors), () => {
        let host = document.querySelector(UI_TAG);
        if (!host) document.documentElement.append((host = document.createElement(UI_TAG)));
        return host;
      });
      const lensSettings = { kinds: settings.kinds, cleanupPinyin: settings.cleanupPinyin };
      if (lens) {
        lens.setSettings(lensSettings);
        return;
      }
      const api = highlightApiOf(document);
      if (!api) return; // no CSS Custom Highlight API (Chrome < 105, Firefox < 140)
      lens = createLens({
        doc: document,
        highlightApi: api,
        ui,
        settings: lensSettings,
        isOwnNode,
        onAnnotated: () => {
          firstPaintMs ??= Math.round((performance.now() - startedPerf) * 10) / 10;
          clips.onAnnotated();
        },
      });
      lens.start();
    }

    const pageState = (): PageState => ({
      url: location.href,
      title: document.title,
      backgroundVersion,
      contentScriptStartedAt: startedAt,
      lens: lens?.state() ?? { status: 'off' },
      script: script.state(),
      firstPaintMs,
      disabledBy: disabledBy(),
    });

    const router = createRouter(
      'content',
      {
        ...clips.handlers,
        'page/state': () => {
          script.prepare(); // the popup is open: the reader may switch script next
          return pageState();
        },
        'page/scrollTo': ({ index }) => {
          if (!lens) throw new MessageError('invalid', 'highlights are off on this page');
          return { scrolled: lens.scrollTo(index) };
        },
        'page/articleText': () => {
          const annotated = lens?.annotated();
          const state = lens?.state();
          if (!annotated || state?.status !== 'active') return null;
          return { title: state.article.title, text: annotated.map.text };
        },
        'page/setScript': ({ target }) => script.setTarget(target),
        'page/toggleScript': () => script.toggle(),
        'page/setHighlights': ({ on }) => {
          pageOff = !on;
          apply();
          return pageState();
        },
        'page/accessRevoked': ({ origins }) => {
          if (!originsFor(location.href).some((origin) => origins.includes(origin))) return { stopped: false };
          // After answering: the answer needs the listener this removes.
          setTimeout(() => {
            end();
            // A later grant runs a fresh instance here (the guard above lets a dead one be replaced).
            running.__fanzhaLens = { isInvalid: true };
          }, 0);
          return { stopped: true };
        },
      },
      { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
    );
    const listener = (message: unknown, sender: unknown) => router.handle(message, sender as SenderInfo);
    browser.runtime.onMessage.addListener(listener);
    const unwatch = watchSettings((next) => {
      settings = next;
      apply();
    });
    onEnd(() => {
      browser.runtime.onMessage.removeListener(listener);
      unwatch();
      lens?.stop();
      lens = null;
      removeStyles?.();
      removeStyles = null;
      ui.unmount();
      document.querySelector(UI_TAG)?.remove();
    });

    // Annotate once the page is idle, so our work never delays the page's own.
    const idle = (cb: () => void) =>
      'requestIdleCallback' in window ? ctx.requestIdleCallback(cb, { timeout: 1000 }) : ctx.setTimeout(cb, 0);
    idle(() => {
      if (ended) return;
      apply();
      // "Always show this site in 繁體/简体": converted once the page is idle, after highlights start.
      const rule = scriptTargetFor(settings, site);
      if (rule !== 'original') void script.setTarget(rule);
    });

    void send('ping', { context: 'content', nonce: String(startedAt) }).then((result) => {
      if (result.ok) backgroundVersion = result.value.version;
    });
  },
});
