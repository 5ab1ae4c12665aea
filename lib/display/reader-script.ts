/**
 * Which script the reader is shown names in: traditional for a reader with the 繁體 interface or on a
 * traditional page, simplified otherwise. Hong Kong and Macau pages (by their language tag) get Hong Kong
 * variants; other traditional readers Taiwan's, as the zh_TW interface is.
 */
import type { Locale } from '../i18n/locale';
import type { DisplayScript } from './names';

export interface ReaderContext {
  locale: Locale;
  /** The article's script as detected (findArticle): zh-Hans, zh-Hant, or none / mixed. */
  pageScript?: string;
  /** The page's language tag (`<html lang>`), when it has one. */
  pageLang?: string;
}

export function readerScript({ locale, pageScript, pageLang }: ReaderContext): DisplayScript {
  const traditional = locale === 'zh_TW' || pageScript === 'zh-Hant';
  if (!traditional) return 'zh-Hans';
  if (pageLang !== undefined && /^zh-(?:hk|mo)\b|^zh-hant-(?:hk|mo)\b|^yue\b/i.test(pageLang)) return 'zh-Hant-HK';
  return 'zh-Hant-TW';
}
