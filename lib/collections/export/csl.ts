/**
 * CSL-JSON for reference managers (Zotero, Citavi, pandoc): one `webpage` item per source page,
 * with the clips' quotes and notes in the item's `note`. `validateCslItem` checks what CSL-JSON
 * requires of an item (`id`, `type`) and the shape of its dates.
 */
import type { Clip, ClipScript } from '../model';
import { ok, type Result } from '../result';
import type { CollectionsState } from '../schema';
import { selectForExport, type ExportOptions } from './select';

export interface CslDate {
  'date-parts': [number, number?, number?][];
}

export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  URL: string;
  'container-title'?: string;
  author?: { literal: string }[];
  issued?: CslDate;
  accessed: CslDate;
  language?: string;
  note?: string;
}

const LANGUAGE_OF_SCRIPT: Partial<Record<ClipScript, string>> = { 'zh-Hans': 'zh-Hans', 'zh-Hant': 'zh-Hant' };

/** `2023-05-31T21:31:24` → [[2023, 5, 31]]; partial dates keep only what they say. */
export function cslDate(iso: string | undefined): CslDate | undefined {
  const match = iso ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso) : null;
  if (!match) return undefined;
  const parts: [number, number?, number?] = [Number(match[1])];
  if (match[2]) parts.push(Number(match[2]));
  if (match[3]) parts.push(Number(match[3]));
  return { 'date-parts': [parts] };
}

/** FNV-1a, 32 bits: a stable short id for a page URL. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function pageOf(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

function noteFor(clips: Clip[]): string {
  return clips
    .map((clip) => {
      const lines = [`“${clip.text}”`];
      if (clip.tags.length > 0) lines.push(`Tags: ${clip.tags.join(', ')}`);
      if (clip.note.trim() !== '') lines.push(clip.note);
      return lines.join('\n');
    })
    .join('\n\n');
}

export function buildCslItems(clips: readonly Clip[]): CslItem[] {
  const pages = new Map<string, Clip[]>();
  for (const clip of clips) {
    const page = pageOf(clip.target.url);
    const list = pages.get(page);
    if (list) list.push(clip);
    else pages.set(page, [clip]);
  }
  const usedIds = new Set<string>();
  const items: CslItem[] = [];
  for (const [url, pageClips] of pages) {
    const first = pageClips[0];
    let id = `fanzha-${hashOf(url)}`;
    for (let n = 2; usedIds.has(id); n++) id = `fanzha-${hashOf(url)}-${n}`;
    usedIds.add(id);
    const earliest = pageClips.reduce((min, clip) => (clip.createdAt < min ? clip.createdAt : min), first.createdAt);
    const item: CslItem = {
      id,
      type: 'webpage',
      title: pageClips.find((c) => c.target.title)?.target.title ?? url,
      URL: url,
      accessed: cslDate(earliest) as CslDate,
      note: noteFor(pageClips),
    };
    const site = pageClips.find((c) => c.target.site)?.target.site;
    if (site) item['container-title'] = site;
    const byline = pageClips.find((c) => c.target.byline)?.target.byline;
    if (byline) item.author = [{ literal: byline }];
    const issued = cslDate(pageClips.find((c) => c.target.publishedAt)?.target.publishedAt);
    if (issued) item.issued = issued;
    const language = LANGUAGE_OF_SCRIPT[first.target.script];
    if (language) item.language = language;
    items.push(item);
  }
  return items;
}

function validDate(date: unknown): boolean {
  if (typeof date !== 'object' || date === null) return false;
  const parts = (date as { 'date-parts'?: unknown })['date-parts'];
  if (!Array.isArray(parts) || parts.length < 1 || parts.length > 2) return false;
  return parts.every(
    (part) =>
      Array.isArray(part) &&
      part.length >= 1 &&
      part.length <= 3 &&
      part.every((n) => Number.isInteger(n)) &&
      (part[1] === undefined || (part[1] >= 1 && part[1] <= 12)) &&
      (part[2] === undefined || (part[2] >= 1 && part[2] <= 31)),
  );
}

/** Problems with one CSL-JSON item (empty when valid): required fields and date shapes. */
export function validateCslItem(item: unknown): string[] {
  const problems: string[] = [];
  if (typeof item !== 'object' || item === null) return ['item: expected an object'];
  const raw = item as Record<string, unknown>;
  if (typeof raw.id !== 'string' && typeof raw.id !== 'number') problems.push('id: required (string or number)');
  if (typeof raw.type !== 'string' || raw.type === '') problems.push('type: required');
  for (const field of ['issued', 'accessed']) {
    if (raw[field] !== undefined && !validDate(raw[field])) problems.push(`${field}: expected {"date-parts": [[year, month?, day?]]}`);
  }
  return problems;
}

export function exportCslJson(state: CollectionsState, options: ExportOptions = {}): Result<string> {
  const selection = selectForExport(state, options);
  if (!selection.ok) return selection;
  return ok(JSON.stringify(buildCslItems(selection.value.clips), null, 2));
}
