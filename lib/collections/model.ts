/**
 * The collections data model (schema version 2): collections of clips, each clip anchored to a
 * page with W3C Web Annotation selectors. Everything read from storage or a file goes through
 * `parseClip` / `parseCollection`, which bound every length so a hostile page cannot bloat storage.
 */
import type { Script } from '../extract/types';
import { fail, ok, type Result } from './result';
import {
  ValidationError,
  attempt,
  readArray,
  readBoolean,
  readFiniteNumber,
  readInstant,
  readInteger,
  readObject,
  readOneOf,
  readOptionalString,
  readPageDate,
  readString,
} from './validate';

export const CLIP_KINDS = ['operation', 'agency', 'statistic', 'selection'] as const;
export type ClipKind = (typeof CLIP_KINDS)[number];

/** `unknown` when the script was never recorded (clips migrated from schema v1). */
export type ClipScript = Script | 'unknown';
export const CLIP_SCRIPTS: readonly ClipScript[] = ['zh-Hans', 'zh-Hant', 'mixed', 'none', 'unknown'];

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** UTF-16 offsets into the page's article text, as `lib/annotate` reports them. */
  start: number;
  end: number;
}

export type ClipSelectors = [TextQuoteSelector, TextPositionSelector];

export interface ClipTarget {
  url: string;
  title: string;
  site: string;
  publishedAt?: string;
  byline?: string;
  script: ClipScript;
  selector: ClipSelectors;
}

export interface Clip {
  id: string;
  collectionIds: string[];
  kind: ClipKind;
  text: string;
  canonical?: string;
  value?: number;
  unit?: string;
  approx?: boolean;
  measure?: string;
  note: string;
  tags: string[];
  target: ClipTarget;
  /** ISO 8601 UTC instants. */
  createdAt: string;
  updatedAt: string;
}

export interface Collection {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** Upper bounds on everything a page or a user can put into storage. */
export const LIMITS = {
  idLength: 64,
  nameLength: 200,
  textLength: 10_000,
  noteLength: 20_000,
  tags: 50,
  tagLength: 100,
  contextLength: 256,
  urlLength: 4_096,
  titleLength: 1_000,
  siteLength: 200,
  bylineLength: 500,
  canonicalLength: 200,
  unitLength: 50,
  measureLength: 200,
  collectionsPerClip: 1_000,
  maxOffset: 100_000_000,
} as const;

/** Ids are UUIDs when we make them; older data may hold other short tokens. Never `__proto__`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Names every object inherits (valueOf, constructor …): as ids they would read the prototype's members. */
const RESERVED_IDS = new Set(Object.getOwnPropertyNames(Object.prototype));

export function readId(value: unknown, path: string): string {
  const id = readString(value, path, { max: LIMITS.idLength, min: 1, pattern: ID_PATTERN, patternName: 'an id (letters, digits, - and _)' });
  if (RESERVED_IDS.has(id)) throw new ValidationError(path, `"${id}" is a reserved name (Object.prototype) and cannot be an id`);
  return id;
}

const ALLOWED_URL_SCHEMES = new Set(['http:', 'https:', 'file:']);

export function readUrl(value: unknown, path: string): string {
  const text = readString(value, path, { max: LIMITS.urlLength, min: 1 });
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new ValidationError(path, 'expected an absolute URL');
  }
  if (!ALLOWED_URL_SCHEMES.has(parsed.protocol)) {
    throw new ValidationError(path, `expected an http, https or file URL, got ${parsed.protocol}`);
  }
  return text;
}

function readTags(value: unknown, path: string): string[] {
  const items = readArray(value, path, LIMITS.tags);
  const tags = items.map((tag, i) => readString(tag, `${path}[${i}]`, { max: LIMITS.tagLength, min: 1 }));
  const seen = new Set<string>();
  tags.forEach((tag, i) => {
    if (seen.has(tag)) throw new ValidationError(`${path}[${i}]`, `duplicate tag '${tag}'`);
    seen.add(tag);
  });
  return tags;
}

function readCollectionIds(value: unknown, path: string): string[] {
  const items = readArray(value, path, LIMITS.collectionsPerClip);
  if (items.length === 0) throw new ValidationError(path, 'a clip must belong to at least one collection');
  const ids = items.map((id, i) => readId(id, `${path}[${i}]`));
  if (new Set(ids).size !== ids.length) throw new ValidationError(path, 'lists a collection twice');
  return ids;
}

function readSelectors(value: unknown, path: string): ClipSelectors {
  const items = readArray(value, path, 2);
  if (items.length !== 2) throw new ValidationError(path, 'expected [TextQuoteSelector, TextPositionSelector]');
  const quote = readObject(items[0], `${path}[0]`);
  readOneOf(quote.type, `${path}[0].type`, ['TextQuoteSelector'] as const);
  const position = readObject(items[1], `${path}[1]`);
  readOneOf(position.type, `${path}[1].type`, ['TextPositionSelector'] as const);
  const start = readInteger(position.start, `${path}[1].start`, 0, LIMITS.maxOffset);
  const end = readInteger(position.end, `${path}[1].end`, 0, LIMITS.maxOffset);
  if (end < start) throw new ValidationError(`${path}[1].end`, 'must not be before start');
  return [
    {
      type: 'TextQuoteSelector',
      exact: readString(quote.exact, `${path}[0].exact`, { max: LIMITS.textLength, min: 1 }),
      prefix: readString(quote.prefix, `${path}[0].prefix`, { max: LIMITS.contextLength }),
      suffix: readString(quote.suffix, `${path}[0].suffix`, { max: LIMITS.contextLength }),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

function readTarget(value: unknown, path: string): ClipTarget {
  const raw = readObject(value, path);
  const target: ClipTarget = {
    url: readUrl(raw.url, `${path}.url`),
    title: readString(raw.title, `${path}.title`, { max: LIMITS.titleLength }),
    site: readString(raw.site, `${path}.site`, { max: LIMITS.siteLength }),
    script: readOneOf(raw.script, `${path}.script`, CLIP_SCRIPTS),
    selector: readSelectors(raw.selector, `${path}.selector`),
  };
  if (raw.publishedAt !== undefined) target.publishedAt = readPageDate(raw.publishedAt, `${path}.publishedAt`);
  const byline = readOptionalString(raw.byline, `${path}.byline`, { max: LIMITS.bylineLength });
  if (byline !== undefined) target.byline = byline;
  return target;
}

/** Reads a clip from untrusted data; throws ValidationError. */
export function readClip(value: unknown, path: string): Clip {
  const raw = readObject(value, path);
  const clip: Clip = {
    id: readId(raw.id, `${path}.id`),
    collectionIds: readCollectionIds(raw.collectionIds, `${path}.collectionIds`),
    kind: readOneOf(raw.kind, `${path}.kind`, CLIP_KINDS),
    text: readString(raw.text, `${path}.text`, { max: LIMITS.textLength, min: 1 }),
    note: readString(raw.note, `${path}.note`, { max: LIMITS.noteLength }),
    tags: readTags(raw.tags, `${path}.tags`),
    target: readTarget(raw.target, `${path}.target`),
    createdAt: readInstant(raw.createdAt, `${path}.createdAt`),
    updatedAt: readInstant(raw.updatedAt, `${path}.updatedAt`),
  };
  const canonical = readOptionalString(raw.canonical, `${path}.canonical`, { max: LIMITS.canonicalLength });
  if (canonical !== undefined) clip.canonical = canonical;
  if (raw.value !== undefined) clip.value = readFiniteNumber(raw.value, `${path}.value`);
  const unit = readOptionalString(raw.unit, `${path}.unit`, { max: LIMITS.unitLength });
  if (unit !== undefined) clip.unit = unit;
  if (raw.approx !== undefined) clip.approx = readBoolean(raw.approx, `${path}.approx`);
  const measure = readOptionalString(raw.measure, `${path}.measure`, { max: LIMITS.measureLength });
  if (measure !== undefined) clip.measure = measure;
  return clip;
}

export function readCollection(value: unknown, path: string): Collection {
  const raw = readObject(value, path);
  return {
    id: readId(raw.id, `${path}.id`),
    name: readCollectionName(raw.name, `${path}.name`),
    createdAt: readInstant(raw.createdAt, `${path}.createdAt`),
    updatedAt: readInstant(raw.updatedAt, `${path}.updatedAt`),
  };
}

export function readCollectionName(value: unknown, path: string): string {
  const name = readString(value, path, { max: LIMITS.nameLength, min: 1 });
  if (name.trim() === '') throw new ValidationError(path, 'must not be blank');
  // Control characters (other than none at all) have no business in a name shown in a list.
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new ValidationError(path, 'must not contain control characters');
  return name;
}

export function parseClip(value: unknown, path = 'clip'): Result<Clip> {
  const read = attempt(() => readClip(value, path));
  return read.ok ? ok(read.value) : fail('INVALID', read.message);
}

export function parseCollection(value: unknown, path = 'collection'): Result<Collection> {
  const read = attempt(() => readCollection(value, path));
  return read.ok ? ok(read.value) : fail('INVALID', read.message);
}

/** Trims, drops empties and duplicates: what a user typing tags means. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const trimmed = tag.trim();
    if (trimmed !== '' && !seen.has(trimmed)) {
      seen.add(trimmed);
      out.push(trimmed);
    }
  }
  return out;
}
