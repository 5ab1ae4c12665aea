import { describe, expect, it } from 'vitest';
import t2sData from '../../../lib/data/annotate-t2s-chars.json';
import { annotate, findPinyinArtefacts } from '../../../lib/annotate/index';
import { normalize, simplify } from '../../../lib/annotate/normalize';

describe('traditional → simplified character map (generated from opencc-js)', () => {
  const pairs = [...t2sData.pairs];

  it('holds one code point to one code point, count as declared', () => {
    expect(pairs.length % 2).toBe(0);
    expect(pairs.length / 2).toBe(t2sData.count);
    for (const cp of pairs) expect([...cp]).toHaveLength(1);
  });

  it('maps the characters the seeds need', () => {
    expect(simplify('國家反詐中心')).toBe('国家反诈中心');
    expect(simplify('萬億兩餘個')).toBe('万亿两余个');
    expect(simplify('網絡詐騙')).toBe('网络诈骗');
    expect(simplify('公安部刑偵局')).toBe('公安部刑侦局');
  });

  it('leaves simplified text as it is', () => {
    expect(simplify('打击治理电信网络新型违法犯罪')).toBe('打击治理电信网络新型违法犯罪');
  });
});

describe('pinyin artefact brackets', () => {
  const seed001 = '3月24日,漢中市舉行2020年掃黑除惡專項斗爭新聞發(fā)布會,市公安局';

  it('finds the bracket after a Han character', () => {
    const spans = findPinyinArtefacts(seed001);
    expect(spans).toHaveLength(1);
    expect(seed001.slice(spans[0].start, spans[0].end)).toBe('(fā)');
  });

  it('leaves other brackets alone: no tone mark, not after Han, or not letters', () => {
    expect(findPinyinArtefacts('中国(China)')).toEqual([]);
    expect(findPinyinArtefacts('Beijing (fā)')).toEqual([]);
    expect(findPinyinArtefacts('会议(1)')).toEqual([]);
    expect(findPinyinArtefacts('网站(abc)')).toEqual([]);
  });

  it('is dropped from the matching copy, with offsets mapped back', () => {
    const text = '網(wǎng)絡';
    const norm = normalize(text);
    expect(norm.length).toBe(2);
    expect(String.fromCharCode(norm.codes[0], norm.codes[1])).toBe('网络');
    expect(norm.toOriginal![1]).toBe(text.indexOf('絡'));
  });

  it('lets 國(guó)家反詐中心 match with the bracket inside the span', () => {
    const text = '創(chuàng)建合成作戰(zhàn)平臺(tái),即國(guó)家反詐中心。';
    const agency = annotate(text).find((a) => a.kind === 'agency')!;
    expect(agency.text).toBe('國(guó)家反詐中心');
    expect(agency.start).toBe(text.indexOf('國'));
    expect(agency.end).toBe(text.indexOf('。'));
    expect(agency.canonical).toBe('国家反诈中心');
  });

  it('keeps a trailing bracket out of the span', () => {
    const text = '開展打擊治理電信網(wǎng)絡(luò)新型違法犯罪專項(xiàng)行動(dòng)。';
    const op = annotate(text).find((a) => a.kind === 'operation')!;
    expect(op.text).toBe('打擊治理電信網(wǎng)絡(luò)新型違法犯罪專項(xiàng)行動');
  });
});

describe('offsets with astral characters', () => {
  it('stay right when a 𠀀-type character precedes hits', () => {
    const text = '𠀀𠀁公安部破獲案件811起';
    const found = annotate(text);
    expect(found.map((a) => a.text)).toEqual(['公安部', '811起']);
    for (const a of found) expect(text.slice(a.start, a.end)).toBe(a.text);
    expect(found[0].start).toBe(4);
  });

  it('stay right with astral characters and artefacts together', () => {
    const text = '𠀀發(fā)布:𪚥中央網(wǎng)信辦封堵網址79.9萬個';
    const found = annotate(text);
    expect(found.map((a) => [a.kind, a.text])).toEqual([
      ['agency', '中央網(wǎng)信辦'],
      ['statistic', '79.9萬個'],
    ]);
    for (const a of found) expect(text.slice(a.start, a.end)).toBe(a.text);
    expect(found[1].value).toBe(799000);
  });

  it('keep every unit when a BMP character with an astral simplified form comes near the end', () => {
    // 嵽 → 𫶇 (two units for one) right before the end: the copy used to drop the last units while
    // counting them, and the statistics scanner then looped for ever on the missing unit.
    const text = '\ufffd\ufffd\ufffd嵽\ufffd\ufffd';
    const norm = normalize(text);
    expect(norm.length).toBe(text.length + 1);
    expect(Array.from(norm.codes.subarray(0, norm.length))).toEqual([0xfffd, 0xfffd, 0xfffd, 0xd86f, 0xdd87, 0xfffd, 0xfffd]);
    expect(Array.from(norm.toOriginal!.subarray(0, norm.length + 1))).toEqual([0, 1, 2, 3, 3, 4, 5, 6]);
    expect(annotate(`${text}共破案12起嵽二`).map((a) => a.text)).toEqual(['12起']);
  });
});

describe('traditional and simplified give the same hits', () => {
  it('on a sentence from seed 002 and its traditional form', () => {
    const simplified = '会同国家移民管理局组织开展“斩链”“清源”“利剑”三大战役,累计拦截诈骗电话21亿次';
    const traditional = '會同國家移民管理局組織開展「斬鏈」「清源」「利劍」三大戰役,累計攔截詐騙電話21億次';
    const strip = (text: string) => annotate(text).map(({ kind, start, end, canonical, value, unit, measure }) => ({ kind, start, end, canonical, value, unit, measure }));
    expect(strip(traditional)).toEqual(strip(simplified));
    expect(strip(simplified)).toHaveLength(5);
  });
});
