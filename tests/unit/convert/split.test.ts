import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitConverted } from '../../../lib/convert';
import { stringConverter } from './opencc-cases';

const seedsDir = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
const seed = (prefix: string) => readFileSync(seedsDir + readdirSync(seedsDir).find((name) => name.startsWith(prefix))!, 'utf8');

/** Sentences of a real page that contain Han text, cut at 。/newline. */
function sentences(text: string, limit: number): string[] {
  return text
    .split(/(?<=[。！？\n])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\u4e00-\u9fff]/.test(sentence) && sentence.length >= 8)
    .slice(0, limit);
}

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function random(seedValue: number) {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomSplit(text: string, next: () => number): string[] {
  const points = Array.from(text);
  const cuts = new Set<number>();
  const count = 1 + Math.floor(next() * 5);
  for (let i = 0; i < count; i++) cuts.add(Math.floor(next() * (points.length + 1)));
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), points.length];
  const segments: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) segments.push(points.slice(bounds[i], bounds[i + 1]).join(''));
  return segments;
}

/** Characters OpenCC never changes: they must stay in the segment that held them, in order. */
const ANCHOR = /[，。、；：？！“”（）《》0-9]/gu;
const anchors = (text: string) => text.match(ANCHOR)?.join('') ?? '';

describe('splitConverted: character conversions', () => {
  it('maps by code point, so astral characters that change UTF-16 width stay in their segment', () => {
    // Hand-written: 𠮷 (2 UTF-16 units) standing for 吉 (1 unit) must not shift the boundary.
    expect(splitConverted(['𠮷野', '家'], '吉野家', 'char')).toEqual(['吉野', '家']);
    expect(splitConverted(['吉', '野家'], '𠮷野家', 'char')).toEqual(['𠮷', '野家']);
  });

  it('keeps empty segments empty', () => {
    expect(splitConverted(['', '软件', ''], '軟件', 'char')).toEqual(['', '軟件', '']);
  });

  const cases: [string, string][] = [
    ['000', 's2tw'],
    ['002', 's2hk'],
    ['001', 'tw2s'],
    ['003', 't2s'],
  ];
  for (const [prefix, config] of cases) {
    it(`random splits of seed ${prefix} sentences under ${config}: exact, one to one`, () => {
      const convert = stringConverter(config);
      const next = random(prefix.charCodeAt(2) * 7919);
      let checked = 0;
      for (const sentence of sentences(seed(prefix), 60)) {
        const converted = convert(sentence);
        expect(Array.from(converted).length).toBe(Array.from(sentence).length);
        for (let round = 0; round < 5; round++) {
          const segments = randomSplit(sentence, next);
          const pieces = splitConverted(segments, converted, 'char');
          expect(pieces.join('')).toBe(converted);
          expect(pieces.length).toBe(segments.length);
          segments.forEach((segment, i) => {
            expect(Array.from(pieces[i]).length).toBe(Array.from(segment).length);
            expect(anchors(pieces[i])).toBe(anchors(segment));
          });
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  }
});

describe('splitConverted: phrase conversions (s2twp)', () => {
  const convert = stringConverter('s2twp');

  it('gives a replaced phrase wholly to the segment holding its first character', () => {
    expect(convert('U盘')).toBe('隨身碟');
    expect(splitConverted(['U', '盘'], '隨身碟', 'phrase', ['U', '盤'])).toEqual(['隨身碟', '']);
    expect(splitConverted(['U', '盘'], '隨身碟', 'phrase')).toEqual(['隨身碟', '']);
    const segments = ['用U', '盘拷贝软', '件'];
    const converted = convert(segments.join(''));
    expect(converted).toBe('用隨身碟複製軟體');
    // 拷贝 → 複製 and 软件 → 軟體 keep their length: those characters map one to one.
    expect(splitConverted(segments, converted, 'phrase', segments.map(convert))).toEqual(['用隨身碟', '複製軟', '體']);
  });

  it('uses the per-segment conversions when no phrase spans a boundary', () => {
    const segments = ['插上', 'U盘', '，打开鼠标设置'];
    const converted = convert(segments.join(''));
    expect(converted).toBe('插上隨身碟，開啟滑鼠設定');
    expect(splitConverted(segments, converted, 'phrase', segments.map(convert))).toEqual(['插上', '隨身碟', '，開啟滑鼠設定']);
  });

  for (const prefix of ['000', '002']) {
    it(`random splits of seed ${prefix} sentences: exact, anchors stay put`, () => {
      const next = random(prefix.charCodeAt(2) * 104729);
      let changedLength = 0;
      let checked = 0;
      for (const sentence of sentences(seed(prefix), 80)) {
        const converted = convert(sentence);
        if (Array.from(converted).length !== Array.from(sentence).length) changedLength++;
        for (let round = 0; round < 5; round++) {
          const segments = randomSplit(sentence, next);
          for (const reference of [segments.map(convert), undefined]) {
            const pieces = splitConverted(segments, converted, 'phrase', reference);
            expect(pieces.join('')).toBe(converted);
            expect(pieces.length).toBe(segments.length);
            segments.forEach((segment, i) => expect(anchors(pieces[i]), `${segments.join('|')}`).toBe(anchors(segment)));
          }
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
      expect(changedLength).toBeGreaterThan(0);
    });
  }
});
