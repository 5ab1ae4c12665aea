import { describe, expect, it } from 'vitest';
import { createIdSource, UUID_PATTERN } from '../../../lib/collections/ids';
import { LIMITS, normaliseTags, parseClip, parseCollection, type Clip } from '../../../lib/collections/model';
import { SEED_SIMPLIFIED, draftFrom, readSeed } from './helpers';

const page = readSeed(SEED_SIMPLIFIED);

function validClip(): Clip {
  const draft = draftFrom(page, '全年共破案46.4万起', { kind: 'statistic', value: 464000, unit: '起', measure: '破案' });
  return {
    ...draft,
    id: '3f1c2a4e-9b7d-4c1e-8a2b-1234567890ab',
    collectionIds: ['c1'],
    note: '',
    tags: ['破案'],
    createdAt: '2024-03-01T08:00:00.000Z',
    updatedAt: '2024-03-01T08:00:00.000Z',
  } as Clip;
}

function errorOf(value: unknown, path?: string): string {
  const result = parseClip(value, path);
  if (result.ok) throw new Error('expected a validation error');
  expect(result.error.code).toBe('INVALID');
  return result.error.message;
}

describe('parseClip', () => {
  it('accepts a clip of a real statistic and returns an equal fresh object', () => {
    const clip = validClip();
    const result = parseClip(clip);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toEqual(clip);
      expect(result.value).not.toBe(clip);
      expect(result.value.target.selector[0].exact).toBe('全年共破案46.4万起');
    }
  });

  it('names the path of the bad field', () => {
    const clip = validClip() as unknown as { target: { url: unknown } };
    clip.target.url = 42;
    expect(errorOf(clip, 'clips[3]')).toBe('clips[3].target.url: expected a string, got a number');
    const noSelector = validClip() as unknown as { target: { selector: unknown[] } };
    (noSelector.target.selector[1] as { start: unknown }).start = -1;
    expect(errorOf(noSelector)).toBe('clip.target.selector[1].start: expected an integer from 0 to 100000000');
    expect(errorOf('garbage', 'clip:abc')).toBe('clip:abc: expected an object, got a string');
  });

  it('bounds every length a page or user controls', () => {
    expect(errorOf({ ...validClip(), text: '诈'.repeat(LIMITS.textLength + 1) })).toBe('clip.text: longer than 10000 characters (10001)');
    expect(parseClip({ ...validClip(), text: '诈'.repeat(LIMITS.textLength) }).ok).toBe(true);
    expect(errorOf({ ...validClip(), note: 'x'.repeat(20_001) })).toMatch(/^clip\.note: longer than 20000/);
    const tooManyTags = Array.from({ length: 51 }, (_, i) => `标签${i}`);
    expect(errorOf({ ...validClip(), tags: tooManyTags })).toBe('clip.tags: more than 50 items (51)');
    expect(errorOf({ ...validClip(), tags: ['断卡', '断卡'] })).toBe("clip.tags[1]: duplicate tag '断卡'");
    const longPrefix = validClip();
    longPrefix.target.selector[0].prefix = '前'.repeat(257);
    expect(errorOf(longPrefix)).toMatch(/^clip\.target\.selector\[0\]\.prefix: longer than 256/);
  });

  it('refuses ids that could reach Object.prototype, and non-web URLs', () => {
    expect(errorOf({ ...validClip(), id: '__proto__' })).toMatch(/^clip\.id: expected an id/);
    expect(errorOf({ ...validClip(), collectionIds: [] })).toBe('clip.collectionIds: a clip must belong to at least one collection');
    const js = validClip();
    js.target.url = 'javascript:alert(1)';
    expect(errorOf(js)).toBe('clip.target.url: expected an http, https or file URL, got javascript:');
    const relative = validClip();
    relative.target.url = '/n3559/t_1090399.html';
    expect(errorOf(relative)).toBe('clip.target.url: expected an absolute URL');
  });

  it('checks kinds, timestamps, number fields and the selector pair', () => {
    expect(errorOf({ ...validClip(), kind: 'person' })).toBe("clip.kind: expected one of 'operation', 'agency', 'statistic', 'selection'");
    expect(errorOf({ ...validClip(), createdAt: '2024-03-01' })).toBe('clip.createdAt: expected an ISO 8601 UTC timestamp');
    expect(errorOf({ ...validClip(), value: Number.NaN })).toBe('clip.value: expected a finite number, got NaN');
    const swapped = validClip();
    swapped.target.selector = [swapped.target.selector[1], swapped.target.selector[0]] as unknown as Clip['target']['selector'];
    expect(errorOf(swapped)).toBe("clip.target.selector[0].type: expected one of 'TextQuoteSelector'");
    const backwards = validClip();
    backwards.target.selector[1] = { type: 'TextPositionSelector', start: 10, end: 5 };
    expect(errorOf(backwards)).toBe('clip.target.selector[1].end: must not be before start');
  });

  it('drops unknown keys, including an own __proto__ from JSON', () => {
    const hostile = JSON.parse(JSON.stringify({ ...validClip(), extra: 'x' }).replace('{', '{"__proto__":{"polluted":true},'));
    const result = parseClip(hostile);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.keys(result.value)).not.toContain('extra');
      expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    }
  });
});

describe('parseCollection', () => {
  it('accepts a named collection and refuses blank or control-character names', () => {
    const base = { id: 'c1', name: '电诈统计', createdAt: '2024-03-01T08:00:00.000Z', updatedAt: '2024-03-01T08:00:00.000Z' };
    expect(parseCollection(base)).toEqual({ ok: true, value: base });
    const blank = parseCollection({ ...base, name: '   ' });
    expect(!blank.ok && blank.error.message).toBe('collection.name: must not be blank');
    const control = parseCollection({ ...base, name: 'a\u0007b' });
    expect(!control.ok && control.error.message).toBe('collection.name: must not contain control characters');
  });
});

describe('ids', () => {
  it('makes RFC 4122 v4 UUIDs from the injected byte source', () => {
    const zeros = createIdSource((bytes) => bytes.fill(0));
    expect(zeros()).toBe('00000000-0000-4000-8000-000000000000');
    const ones = createIdSource((bytes) => bytes.fill(0xff));
    expect(ones()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    const real = createIdSource();
    const many = new Set(Array.from({ length: 1000 }, () => real()));
    expect(many.size).toBe(1000);
    for (const id of many) expect(id).toMatch(UUID_PATTERN);
  });
});

describe('normaliseTags', () => {
  it('trims, drops empties and duplicates, keeps order', () => {
    expect(normaliseTags([' 断卡 ', '', '云剑', '断卡', '  '])).toEqual(['断卡', '云剑']);
  });
});

