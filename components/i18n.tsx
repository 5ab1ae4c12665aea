/**
 * The interface language for preact components: a context holding the translator, `useT()` to read
 * it, and `LocalizedRoot` for an extension page, which follows the reader's setting (or the
 * browser's languages) and re-renders every open page when it changes.
 */
import { createContext, type ComponentChildren, type VNode } from 'preact';
import { useContext, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { createTranslator, LANGUAGE_TAGS, resolveLocale, translateParts, type Locale, type MessageKey, type Translate } from '@/lib/i18n';
import type { Settings } from '@/lib/settings/settings';

export interface I18n {
  locale: Locale;
  t: Translate;
  /** A message whose placeholders may be elements (a bold word inside a sentence). */
  parts: (key: MessageKey, params: Record<string, VNode | string | number>) => (VNode | string)[];
}

export function i18nFor(locale: Locale): I18n {
  return {
    locale,
    t: createTranslator(locale),
    parts: (key, params) => translateParts<VNode>(locale, key, params),
  };
}

// Without a provider (a component rendered on its own, a benchmark): the default locale.
const I18nContext = createContext<I18n>(i18nFor('zh_CN'));

export function I18nProvider({ locale, children }: { locale: Locale; children?: ComponentChildren }) {
  const value = useMemo(() => i18nFor(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useT = (): Translate => useContext(I18nContext).t;
export const useI18n = (): I18n => useContext(I18nContext);

/** Where a page reads the language setting from (extension storage, through settings-store). */
export interface LanguageSource {
  load(): Promise<Settings>;
  watch(callback: (settings: Settings) => void): () => void;
  /** The browser's languages, most preferred first. */
  browserLanguages: readonly string[];
}

/**
 * Renders its children in the reader's language once the setting is read (nothing before, so no
 * flash of another language), follows changes made in options, and keeps `<html lang>` and the
 * page title in that language.
 */
export function LocalizedRoot({ source, title, children }: { source: LanguageSource; title?: MessageKey; children: ComponentChildren }) {
  const [locale, setLocale] = useState<Locale | null>(null);
  useEffect(() => {
    const follow = (settings: Settings) => setLocale(resolveLocale(settings.uiLanguage, source.browserLanguages));
    void source.load().then(follow, () => setLocale(resolveLocale('auto', source.browserLanguages)));
    return source.watch(follow);
  }, []);
  // Before paint: the title and <html lang> change with the text, never a frame later.
  useLayoutEffect(() => {
    if (!locale) return;
    document.documentElement.lang = LANGUAGE_TAGS[locale];
    if (title) document.title = createTranslator(locale)(title);
  }, [locale]);
  return locale ? <I18nProvider locale={locale}>{children}</I18nProvider> : null;
}

/** The browser's languages as extension pages and the background see them, most preferred first. */
export function browserLanguages(uiLanguage: string): string[] {
  const list = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  return [...list, uiLanguage].filter((tag): tag is string => Boolean(tag));
}
