/**
 * Our own translator over the extension's `_locales` catalogs: Chrome's `i18n.getMessage` follows
 * the browser language only, and the reader can pick another language in options.
 */
import zhCN from '../../assets/public/_locales/zh_CN/messages.json';
import zhTW from '../../assets/public/_locales/zh_TW/messages.json';
import en from '../../assets/public/_locales/en/messages.json';
import type { Locale } from './locale';

export type Catalog = Record<string, { message: string; description?: string }>;
export type MessageKey = keyof typeof zhCN;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const CATALOGS: Record<Locale, Catalog> = { zh_CN: zhCN, zh_TW: zhTW, en };

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** `{name}` placeholders in a message, in order of appearance. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

function messageOf(locale: Locale, key: string): string {
  // Missing in this locale: the default (zh_CN) catalog, then the key itself, so a gap shows, never breaks.
  const entry = CATALOGS[locale][key] ?? CATALOGS.zh_CN[key];
  return entry?.message ?? key;
}

/**
 * A message with its placeholders replaced by anything (text, numbers, or UI elements such as a
 * bold span): the parts in order, for callers that render elements inside a sentence.
 */
export function translateParts<T>(locale: Locale, key: MessageKey, params: Record<string, T | string | number> = {}): (T | string)[] {
  const message = messageOf(locale, key);
  const parts: (T | string)[] = [];
  let last = 0;
  for (const match of message.matchAll(PLACEHOLDER)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(message.slice(last, at));
    const value = params[match[1]];
    // An unknown placeholder stays visible as written rather than vanishing.
    parts.push(value === undefined ? match[0] : typeof value === 'number' ? String(value) : value);
    last = at + match[0].length;
  }
  if (last < message.length) parts.push(message.slice(last));
  return parts;
}

export function createTranslator(locale: Locale): Translate {
  return (key, params) => {
    const message = messageOf(locale, key);
    if (!params) return message;
    return message.replace(PLACEHOLDER, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
  };
}
