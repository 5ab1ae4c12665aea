import { describe, expect, it } from 'vitest';
import type { Clip } from '../../../lib/collections/model';
import { queryWords, searchClips } from '../../../lib/collections/search';
import { SEED_SIMPLIFIED, bigState, draftFrom, readSeed } from './helpers';

const page = readSeed(SEED_SIMPLIFIED);

function clip(id: string, quote: string, extra: Partial<Clip> = {}): Clip {
  return {
    ...draftFrom(page, quote),
    id,
    collectionIds: ['c1'],
    note: '',
    tags: [],
    createdAt: '2024-03-01T08:00:00.000Z',
    updatedAt: '2024-03-01T08:00:00.000Z',
    ...extra,
  } as Clip;
}

const clips = [
  clip('a', '全年共破案46.4万起', { kind: 'statistic', note: 'Ministry of Public Security figure', tags: ['破案', '2022'] }),
  clip('b', '“云剑”“断卡”“断流”等专项行动', { kind: 'operation', canonical: '断卡行动', collectionIds: ['c2'] }),
  clip('c', '紧急拦截涉案资金3180余亿元', { note: '人民银行', tags: ['资金'] }),
  clip('d', '累计拦截诈骗电话21亿次、短信24.2亿条', { target: { ...draftFrom(page, '累计拦截诈骗电话21亿次').target, site: 'ＭＩＩＴ 工信部', title: '工信部通报' } }),
];
const ids = (found: Clip[]) => found.map((c) => c.id);

describe('searchClips', () => {
  it('matches Chinese substrings in text, note, tags, canonical, title and site', () => {
    expect(ids(searchClips(clips, '拦截'))).toEqual(['c', 'd']);
    expect(ids(searchClips(clips, '人民银行'))).toEqual(['c']);
    expect(ids(searchClips(clips, '断卡行动'))).toEqual(['b']);
    expect(ids(searchClips(clips, '资金'))).toEqual(['c']);
    expect(ids(searchClips(clips, '工信部通报'))).toEqual(['d']);
    expect(ids(searchClips(clips, '成效明显'))).toHaveLength(3); // title of the three clips on the default page
  });

  it('is case- and width-insensitive; several words must all match', () => {
    expect(ids(searchClips(clips, 'MINISTRY public'))).toEqual(['a']);
    expect(ids(searchClips(clips, 'miit'))).toEqual(['d']); // full-width ＭＩＩＴ in the site
    expect(ids(searchClips(clips, '拦截 人民银行'))).toEqual(['c']);
    expect(ids(searchClips(clips, '拦截\u3000短信'))).toEqual(['d']); // ideographic space separates words
    expect(ids(searchClips(clips, '拦截 云剑'))).toEqual([]);
  });

  it('does not fold traditional and simplified, nor match across fields', () => {
    expect(ids(searchClips(clips, '攔截'))).toEqual([]);
    expect(ids(searchClips(clips, '2022Ministry'))).toEqual([]);
  });

  it('an empty query returns everything; filters by collection and kind', () => {
    expect(ids(searchClips(clips, '   '))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(searchClips(clips, '', { collectionId: 'c2' }))).toEqual(['b']);
    expect(ids(searchClips(clips, '', { kind: 'statistic' }))).toEqual(['a']);
    expect(queryWords(' 断卡  ＡＢ ')).toEqual(['断卡', 'ab']);
  });

  it('sees an edited clip (a new object) with its new note', () => {
    const edited = { ...clips[0], note: '更新后的笔记' };
    expect(ids(searchClips([edited], '更新后'))).toEqual(['a']);
    expect(ids(searchClips([clips[0]], '更新后'))).toEqual([]);
  });

  it('answers a query over 10,000 clips in well under 50 ms once haystacks are built', () => {
    const state = bigState(10_000);
    const all = Object.values(state.clips);
    const t0 = performance.now();
    searchClips(all, '断卡');
    const firstMs = performance.now() - t0;
    const queries = ['公安部', '詐騙', '断卡 中国警察网', 'tianshui t3', '第99', 'nothing-matches-this'];
    const timings = queries.map((q) => {
      const t = performance.now();
      const found = searchClips(all, q);
      const ms = performance.now() - t;
      expect(found.every((c) => c.text.length > 0)).toBe(true);
      return ms;
    });
    const worst = Math.max(...timings);
    console.log(`search 10,000 clips: first query ${firstMs.toFixed(1)} ms (builds haystacks), then worst ${worst.toFixed(1)} ms`);
    // Notes are on every 5th clip: 第990, 第995 and 第9900 … 第9995 (20) start with 第99.
    const notes = searchClips(all, '第99').map((c) => c.note);
    expect(notes).toHaveLength(22);
    expect(notes.every((note) => note.startsWith('第99'))).toBe(true);
    expect(worst).toBeLessThan(50);
  });
});
