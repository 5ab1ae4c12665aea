import { Converter } from 'opencc-js';
import { describe as group, expect, it } from 'vitest';
import { anchor, describe } from '../../../lib/collections/anchor';
import { findApproximate } from '../../../lib/collections/fuzzy';
import { SEED_000, SEED_SIMPLIFIED, SEED_TRADITIONAL, readSeed } from './helpers';

const simplified = readSeed(SEED_SIMPLIFIED);
const traditional = readSeed(SEED_TRADITIONAL);

function selectorsFor(page: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = page.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`not found: ${quote}`);
  return { start, selectors: describe(page, start, start + quote.length) };
}

/** Replaces the first occurrence of `from` (which must exist) with `to`. */
function edit(page: string, from: string, to: string): string {
  expect(page.includes(from)).toBe(true);
  return page.replace(from, to);
}

const INSERTED = '【编者按】本文于6月1日更新,补充了公安部发布会的相关数据。';

group('describe', () => {
  it('records the exact quote, 32 characters of context each side and the position', () => {
    const { start, selectors } = selectorsFor(simplified, '全年共破案46.4万起');
    const [quote, position] = selectors;
    expect(quote.exact).toBe('全年共破案46.4万起');
    expect(quote.prefix).toHaveLength(32);
    expect(quote.prefix.endsWith('法律政策不断完善,')).toBe(true);
    expect(quote.suffix.startsWith(',缉捕电信网络诈骗犯罪集团头目和骨干351名')).toBe(true);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 11 });
  });

  it('clips context at the text edges and never splits a surrogate pair', () => {
    // 𠮷 and 𩸽 (CJK Extension B) are two UTF-16 units each.
    const text = '𠮷' + '诈'.repeat(31) + '公安部' + '诈'.repeat(31) + '𩸽';
    const start = text.indexOf('公安部');
    const [quote] = describe(text, start, start + 3);
    // 32 units back would start inside 𠮷, 32 units on would end inside 𩸽: both are left out whole.
    expect(quote.prefix).toBe('诈'.repeat(31));
    expect(quote.suffix).toBe('诈'.repeat(31));
    const [whole] = describe(text, 2, text.length - 2);
    expect(whole.prefix).toBe('𠮷');
    expect(whole.suffix).toBe('𩸽');
    expect(() => describe('短', 0, 2)).toThrow(RangeError);
  });
});

group('anchor on real Chinese pages', () => {
  it('finds an unchanged quote by position', () => {
    const { start, selectors } = selectorsFor(simplified, '缉捕电信网络诈骗犯罪集团头目和骨干351名');
    expect(anchor(simplified, selectors)).toEqual({ start, end: start + 21, method: 'position' });
  });

  it('a sentence inserted before the quote: found by exact quote at its new place', () => {
    const { start, selectors } = selectorsFor(simplified, '累计拦截诈骗电话21亿次、短信24.2亿条');
    const changed = edit(simplified, '中国警察网北京', INSERTED + '中国警察网北京');
    const found = anchor(changed, selectors);
    expect(found).toEqual({ start: start + INSERTED.length, end: start + INSERTED.length + 21, method: 'exact' });
  });

  it('a repeated quote: the occurrence whose context matches wins, not merely the nearest', () => {
    const quote = '打击治理电信网络新型违法犯罪';
    const occurrences = simplified.split(quote).length - 1;
    expect(occurrences).toBeGreaterThan(4);
    // The one in "中央政法委将打击治理电信网络新型违法犯罪工作纳入平安建设考评体系".
    const target = simplified.indexOf('中央政法委将' + quote) + '中央政法委将'.length;
    const index = simplified.slice(0, target).split(quote).length - 1;
    const { selectors } = selectorsFor(simplified, quote, index);
    // Insert text before it so the old position now points into an earlier occurrence's area.
    const changed = edit(simplified, '记者从会上获悉', INSERTED + '记者从会上获悉');
    const found = anchor(changed, selectors)!;
    expect(found.method).toBe('exact');
    expect(changed.slice(found.start - 6, found.end + 10)).toBe('中央政法委将打击治理电信网络新型违法犯罪工作纳入平安建设考评');
  });

  it('a character edited inside the quote: found by its context, covering the new wording', () => {
    const { selectors } = selectorsFor(simplified, '协助公安机关紧急拦截涉案资金3180余亿元');
    let changed = edit(simplified, '紧急拦截涉案资金3180余亿元', '紧急拦截涉案资金3200余亿元');
    changed = edit(changed, '中国警察网北京', INSERTED + '中国警察网北京');
    const found = anchor(changed, selectors)!;
    expect(found.method).toBe('context');
    expect(changed.slice(found.start, found.end)).toBe('协助公安机关紧急拦截涉案资金3200余亿元');
  });

  it('edits inside the quote and in its context: found by the bounded fuzzy match', () => {
    const quote = '公安部建立分级分类预警劝阻机制,推动“厦门经验”落地生效,累计向各地推送预警指令2.4亿条';
    const { selectors } = selectorsFor(simplified, quote);
    let changed = edit(simplified, quote, '公安部建立分级分类预警劝阻工作机制,推动“厦门经验”落地见效,累计向各地推送预警指令2.5亿条');
    changed = edit(changed, '有效压制案件高发态势', '有力压制案件高发势头'); // the prefix changed too
    changed = edit(changed, ';工信部持续提升', ';工业和信息化部持续提升'); // and the suffix
    changed = edit(changed, '中国警察网北京', INSERTED + '中国警察网北京');
    const found = anchor(changed, selectors)!;
    expect(found.method).toBe('fuzzy');
    expect(changed.slice(found.start, found.end)).toBe('公安部建立分级分类预警劝阻工作机制,推动“厦门经验”落地见效,累计向各地推送预警指令2.5亿条');
  });

  it('whitespace changed inside the quote: found, and the range covers the same characters', () => {
    const quote = '依法严打严惩战果丰硕,法律政策不断完善';
    const { selectors } = selectorsFor(simplified, quote);
    // The page was re-flowed: spaces and a line break inside the quote, context re-worded too.
    let changed = edit(simplified, quote, '依法严打严惩 战果丰硕,\n    法律政策不断完善');
    changed = edit(changed, '全社会反诈局面初步形成,', '全社会反诈格局初步形成;');
    changed = edit(changed, ',全年共破案46.4万起', ';全年共破获案件46.4万起');
    const found = anchor(changed, selectors)!;
    expect(found.method).toBe('fuzzy');
    expect(changed.slice(found.start, found.end)).toBe('依法严打严惩 战果丰硕,\n    法律政策不断完善');
  });

  it('traditional and simplified forms are NOT the same text', () => {
    const toSimplified = Converter({ from: 'tw', to: 'cn' });
    const quoteTraditional = '預警勸阻受騙群眾2.1萬余人次,緊急止付涉案資金1120萬元';
    const { selectors } = selectorsFor(traditional, quoteTraditional);
    const quoteSimplified = toSimplified(quoteTraditional);
    expect(quoteSimplified).toBe('预警劝阻受骗群众2.1万余人次,紧急止付涉案资金1120万元');
    const simplifiedPage = toSimplified(traditional);
    expect(simplifiedPage.includes(quoteSimplified)).toBe(true);
    // The traditional clip does not anchor in the simplified edition of the same page…
    expect(anchor(simplifiedPage, selectors)).toBeNull();
    // …nor a simplified clip in the traditional page; each anchors in its own script.
    const fromSimplified = selectorsFor(simplifiedPage, quoteSimplified).selectors;
    expect(anchor(traditional, fromSimplified)).toBeNull();
    expect(anchor(traditional, selectors)?.method).toBe('position');
    expect(anchor(simplifiedPage, fromSimplified)?.method).toBe('position');
  });

  it('gives up when the passage is gone or changed beyond ~20 %', () => {
    const quote = '统筹开展“云剑”“断卡”“断流”等专项行动';
    const { selectors } = selectorsFor(simplified, quote);
    const gone = edit(simplified, quote, '');
    expect(anchor(gone, selectors)).toBeNull();
    const rewritten = edit(simplified, quote, '统一部署“净网”“护航”“清朗”系列专项工作');
    expect(anchor(edit(rewritten, '中国警察网北京', INSERTED + '中国警察网北京'), selectors)).toBeNull();
    // Very short quotes are never matched approximately.
    const { selectors: short } = selectorsFor(simplified, '最高法');
    expect(anchor(readSeed(SEED_000).replace(/最高人民法院/g, '最高院'), short)).toBeNull();
  });
});

group('fuzzy matcher', () => {
  it('reports the fewest-edit match and its edit count', () => {
    expect(findApproximate('甲乙丙丁戊己庚辛', '乙丙X戊', 1)).toEqual({ start: 1, end: 5, errors: 1 });
    expect(findApproximate('甲乙丙丁戊己庚辛', '乙丙XY戊', 1)).toBeNull();
  });

  it('runs in < 50 ms on a 100,000-character page for a few-hundred-character quote', () => {
    // The other four seed pages repeated (much the same vocabulary), then seed 002 once at the end.
    const others = ['000_0b94c6cf45dcb226.txt', '001_69ea3a8987a04835.txt', '003_b6a945670905af2c.txt', '004_daf76fd60bbc25c0.txt'].map(readSeed);
    let big = '';
    for (let i = 0; big.length < 100_000 - simplified.length; i++) big += others[i % others.length];
    big = big.slice(0, 100_000 - simplified.length) + simplified;
    expect(big.length).toBe(100_000);
    const at = big.lastIndexOf('为深入推进打击治理电信网络新型违法犯罪工作');
    const quote = big.slice(at, at + 300);
    const [q, p] = describe(big, at, at + 300);
    // Every 12th character edited (8 %), the context changed, and the passage moved: only fuzzy can find it.
    let edited = '';
    for (let i = 0; i < quote.length; i++) edited += i % 12 === 5 ? '〇' : quote[i];
    const page = big.slice(0, at - 40) + '新增一段导语。' + '前文改写' + edited + '后文改写' + big.slice(at + 340);
    const selectors = [{ ...q, prefix: q.prefix, suffix: q.suffix }, p] as const;
    const timings: number[] = [];
    let found = null;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      found = anchor(page, selectors);
      timings.push(performance.now() - t0);
    }
    expect(found).not.toBeNull();
    expect(found!.method).toBe('fuzzy');
    expect(page.slice(found!.start, found!.end)).toBe(edited);
    const absent = '这一段文字在页面上根本不存在,'.repeat(20);
    const t0 = performance.now();
    expect(anchor(page, describe(absent, 0, 300))).toBeNull();
    const absentMs = performance.now() - t0;
    const median = timings.sort((a, b) => a - b)[2];
    console.log(`anchor fuzzy 300 chars / 100k page: median ${median.toFixed(1)} ms, absent quote ${absentMs.toFixed(1)} ms`);
    expect(median).toBeLessThan(50);
    expect(absentMs).toBeLessThan(50);
  });
});
