/**
 * The content script's own UI (legend and highlight card), in an open shadow root under one
 * `<fzl-root>` element appended to <html>: page CSS cannot break it, and removing that one element
 * removes all of it.
 */
import { h, render } from 'preact';
import { HighlightCard, placeCard, type CardPosition } from '@/components/HighlightCard';
import { Legend } from '@/components/Legend';
import { ClipPicker, type ClipPickerProps } from '@/components/collections/ClipPicker';
import css from '@/components/lens-ui.css?inline';
import { browserLanguages, I18nProvider } from '@/components/i18n';
import type { PageAnnotation } from '@/lib/highlight/page-annotations';
import { createTranslator, LANGUAGE_TAGS, resolveLocale, type Locale, type Translate } from '@/lib/i18n';
import type { LegendState, LensUi } from '@/lib/page/lens';
import { readerScript } from '@/lib/display/reader-script';
import type { Settings } from '@/lib/settings/settings';
import { loadSettings, watchSettings } from '../shared/settings-store';

export const UI_TAG = 'fzl-root';

// The reader's interface language (options, else the browser's), followed while our UI is on the
// page: the card, legend and picker, and the texts this script sends to the popup (uiText).
let locale: Locale = resolveLocale('auto', browserLanguages(''));
let translate: Translate = createTranslator(locale);
const languageListeners = new Set<() => void>();
let stopWatching: (() => void) | null = null;

export const uiText: Translate = (key, params) => translate(key, params);

function followLanguage(onChange: () => void): () => void {
  languageListeners.add(onChange);
  if (!stopWatching) {
    const apply = (settings: Settings) => {
      const next = resolveLocale(settings.uiLanguage, browserLanguages(''));
      if (next === locale) return;
      locale = next;
      translate = createTranslator(next);
      for (const listener of languageListeners) listener();
    };
    void loadSettings().then(apply, () => {});
    stopWatching = watchSettings(apply);
  }
  return () => {
    languageListeners.delete(onChange);
    if (languageListeners.size === 0) {
      stopWatching?.();
      stopWatching = null;
    }
  };
}

export interface LensUiHandlers {
  onStep: (delta: 1 | -1) => void;
  onTurnOff: () => void;
  onClose: () => void;
  onClip?: (annotation: PageAnnotation) => Promise<void>;
  /** The article's script and language tag, for showing names in the reader's script. */
  page?: () => { script?: string; lang?: string };
}

export function isOwnNode(node: Node): boolean {
  // Called for every element the lens reads (its text map skips our UI): compare lengths before
  // lower-casing, so no string is made for the page's own elements.
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n.nodeType !== 1) continue;
    const tag = (n as Element).tagName;
    if (tag.length === UI_TAG.length && tag.toLowerCase() === UI_TAG) return true;
  }
  return false;
}

export function createLensUi(doc: Document, handlers: LensUiHandlers): LensUi & { showPicker(picker: ClipPickerProps | null): void } {
  let host: HTMLElement | null = null;
  let mountPoint: HTMLElement | null = null;
  let state: LegendState = { status: 'off' };
  let card: { annotation: PageAnnotation; anchor: DOMRect; position: CardPosition } | null = null;
  let clipState: 'idle' | 'saving' | 'saved' | { error: string } = 'idle';
  let cardHovered = false;
  let picker: ClipPickerProps | null = null; // the collection picker (content/clips.ts)
  let stopFollowing: (() => void) | null = followLanguage(() => paint());

  const ensureHost = () => {
    stopFollowing ??= followLanguage(() => paint());
    if (host?.isConnected) return;
    host = doc.createElement(UI_TAG);
    // Sized to nothing and out of flow: the page's layout never changes because of us.
    host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
    mountPoint = doc.createElement('div');
    mountPoint.className = 'layer';
    mountPoint.addEventListener('pointerenter', () => (cardHovered = true), true);
    mountPoint.addEventListener('pointerleave', () => (cardHovered = false), true);
    shadow.append(mountPoint);
    doc.documentElement.append(host);
  };

  const paint = () => {
    if (!mountPoint) return;
    render(
      h(I18nProvider, { locale }, h('div', { lang: LANGUAGE_TAGS[locale] }, [
        h(Legend, { state, onStep: handlers.onStep, onTurnOff: handlers.onTurnOff }),
        card
          ? h(HighlightCard, {
              annotation: card.annotation,
              position: card.position,
              nameScript: readerScript({ locale, pageScript: handlers.page?.().script, pageLang: handlers.page?.().lang }),
              clipState,
              onClose: handlers.onClose,
              onClip: handlers.onClip
                ? (a: PageAnnotation) => {
                    clipState = 'saving';
                    paint();
                    handlers.onClip!(a).then(
                      () => ((clipState = 'saved'), paint()),
                      (error: unknown) => ((clipState = { error: error instanceof Error ? error.message : String(error) }), paint()),
                    );
                  }
                : undefined,
            })
          : null,
        picker ? h(ClipPicker, picker) : null,
      ])),
      mountPoint,
    );
  };

  const viewport = () => ({ width: doc.documentElement.clientWidth, height: doc.defaultView?.innerHeight ?? 800 });

  return {
    showCard(annotation, anchor, via) {
      ensureHost();
      clipState = 'idle';
      card = { annotation, anchor, position: placeCard(anchor, viewport(), 150) };
      paint();
      // Re-place with the card's real height so it never covers the text.
      const element = mountPoint?.querySelector<HTMLElement>('[data-testid="fzl-card"]');
      if (element && card) {
        card.position = placeCard(anchor, viewport(), element.offsetHeight);
        paint();
        if (via === 'keyboard') element.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
      }
    },
    hideCard() {
      if (!card) return;
      card = null;
      paint();
    },
    showPicker(next) {
      if (next) ensureHost();
      picker = next;
      paint();
    },
    isCardActive: () => cardHovered || Boolean(host && doc.activeElement === host),
    update(next) {
      state = next;
      if (next.status === 'active') ensureHost();
      paint();
    },
    unmount() {
      if (mountPoint) render(null, mountPoint);
      stopFollowing?.();
      stopFollowing = null;
      host?.remove();
      host = null;
      mountPoint = null;
      card = null;
      state = { status: 'off' };
    },
  };
}
