/** Display names and formats shared by the popup panel and the manager. */
import { MAX_IMPORT_CHARS, type Clip, type ClipKind } from '@/lib/collections';
import { nameInScript } from '@/lib/display/names';
import { readerScript } from '@/lib/display/reader-script';
import type { Locale, MessageKey, Translate } from '@/lib/i18n';

/** Catalog keys of the kinds of clip. */
export const CLIP_KIND_KEYS: Record<ClipKind, MessageKey> = {
  operation: 'kindOperation',
  agency: 'kindAgency',
  statistic: 'kindStatistic',
  selection: 'kindSelection',
};

/** The page's date when known, else the day it was clipped (local time), as YYYY-MM-DD. */
export function clipDate(clip: Clip): string {
  if (clip.target.publishedAt) return clip.target.publishedAt.slice(0, 10);
  const d = new Date(clip.createdAt);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Tags typed as "a, b；c" or separated by spaces/、. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,，;；、\s]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** A failed message as the reader sees it; other codes carry the library's own message. */
export function errorText(error: { code: string; message: string }, t: Translate): string {
  if (error.code === 'storage') return t('errStorage', { message: error.message });
  if (error.code === 'unreachable') return t('errUnreachable');
  if (error.code === 'TOO_LARGE') return t('errImportTooLarge', { max: MAX_IMPORT_CHARS.toLocaleString() });
  return error.message;
}

/**
 * A clip's canonical name as the reader is shown it: traditional for the 繁體 interface or a clip from a
 * traditional page (stored, searched and exported simplified: one key across scripts).
 */
export function clipCanonical(clip: Pick<Clip, 'canonical' | 'target'>, locale: Locale): string | undefined {
  return clip.canonical === undefined ? undefined : nameInScript(clip.canonical, readerScript({ locale, pageScript: clip.target.script }));
}

/** A canonical name outside any one clip (filter lists): in the interface's script. */
export function canonicalForLocale(canonical: string, locale: Locale): string {
  return nameInScript(canonical, readerScript({ locale }));
}
