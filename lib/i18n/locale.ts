/** Which catalog the interface uses: the reader's choice in options, else the browser's languages. */
import type { UiLanguage } from '../settings/settings';

export type Locale = 'zh_CN' | 'zh_TW' | 'en';

export const LOCALES: readonly Locale[] = ['zh_CN', 'zh_TW', 'en'];

/** BCP 47 tag for `<html lang>` and Intl. */
export const LANGUAGE_TAGS: Record<Locale, string> = { zh_CN: 'zh-CN', zh_TW: 'zh-TW', en: 'en' };

const FROM_SETTING: Record<Exclude<UiLanguage, 'auto'>, Locale> = { 'zh-CN': 'zh_CN', 'zh-TW': 'zh_TW', en: 'en' };

// Traditional script: Taiwan, Hong Kong, Macau, or an explicit Hant script subtag (zh-Hant, zh-Hant-SG).
const TRADITIONAL = /^zh(?:-(?:hant|tw|hk|mo)(?:-|$)|-[a-z0-9]+-hant(?:-|$))/;

/** One browser language tag → our locale, or null for a language we have no catalog for. */
export function localeOfTag(tag: string): Locale | null {
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (t === 'zh' || t.startsWith('zh-')) {
    if (/^zh-hans(?:-|$)/.test(t)) return 'zh_CN';
    return TRADITIONAL.test(t) ? 'zh_TW' : 'zh_CN';
  }
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return null;
}

/**
 * The reader's choice wins; 'auto' takes the first browser language we have a catalog for (a
 * French reader with English second gets English), and English when none matches.
 */
export function resolveLocale(uiLanguage: UiLanguage, preferredLanguages: readonly string[]): Locale {
  if (uiLanguage !== 'auto') return FROM_SETTING[uiLanguage];
  for (const tag of preferredLanguages) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return 'en';
}
