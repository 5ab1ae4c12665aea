import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { withoutPinyinArtefacts } from '../../../lib/annotate/pinyin';
import { annotateElements, describeStatistic, sentenceAround, statisticsTable, summarize } from '../../../lib/highlight/page-annotations';

const doc = parseHTML(
  `<html><body><div id="a">
  <p>会同外交部、最高法、最高检联合部署开展“拔钉”行动。最高人民法院强调依法严惩。</p>
  <p>全年共破案46.4万起，协助公安机关紧急拦截涉案资金3180余亿元。</p>
  </div></body></html>`,
).document as unknown as Document;

describe('summarize', () => {
  const annotated = annotateElements(Array.from(doc.querySelectorAll('p')));
  const summary = summarize(annotated);

  it('counts per kind and groups mentions by canonical name with their surface forms', () => {
    expect(summary.counts.operation).toBe(1);
    expect(summary.counts.statistic).toBe(2);
    const court = summary.agencies.find((a) => a.canonical === '最高人民法院')!;
    expect(court.mentions).toBe(2);
    expect(court.surfaces).toEqual(['最高法', '最高人民法院']);
    expect(summary.agencies[0].canonical).toBe('最高人民法院'); // most mentioned first
    expect(summary.operations[0]).toMatchObject({ canonical: '拔钉行动', mentions: 1 });
  });

  it('gives each figure its value, unit, qualifier, measure and the sentence it comes from', () => {
    const money = summary.statistics.find((s) => s.text === '3180余亿元')!;
    expect(money).toMatchObject({ value: 318_000_000_000, unit: '元', approx: true });
    expect(money.sentence).toBe('全年共破案46.4万起，协助公安机关紧急拦截涉案资金3180余亿元。');
    expect(describeStatistic({ value: 464000, unit: '起', approx: false, measure: '破案' })).toBe('破案 · 464,000 起');
    expect(describeStatistic({ value: 318_000_000_000, unit: '元', approx: true, measure: '涉案资金' })).toBe('涉案资金 · 约318,000,000,000 元');
    // The card says "about" in the reader's language (zh_TW 約, en ≈).
    expect(describeStatistic({ value: 21_000, unit: '人次', approx: true, measure: '' }, '≈')).toBe('≈21,000 人次');
  });

  it('exports the table as CSV and TSV, defusing cells a spreadsheet would run', () => {
    const rows = [{ index: 0, text: '=1+1', value: 2, unit: '起', approx: false, measure: '破案', sentence: '一句,"话"\n下一行' }];
    expect(statisticsTable(rows, 'csv').split('\r\n')[1]).toBe(`'=1+1,2,起,false,破案,"一句,""话""\n下一行"`);
    expect(statisticsTable(rows, 'tsv').split('\r\n')[1]).toBe(`'=1+1\t2\t起\tfalse\t破案\t一句,"话" 下一行`);
  });
});

describe('sentenceAround', () => {
  it('stops at sentence ends and at block breaks', () => {
    const text = '第一句。第二句有3.2万次拦截；第三句\n下一段';
    const at = text.indexOf('3.2万次');
    expect(sentenceAround(text, at, at + 5)).toBe('第二句有3.2万次拦截；第三句');
    expect(sentenceAround(text, text.indexOf('下一段'), text.indexOf('下一段') + 3)).toBe('下一段');
  });
});

describe('summarize for display', () => {
  it('lists surfaces and sentences as the reader sees them with the artefact cleanup on', () => {
    const page = parseHTML(
      `<html><body><div><p>國務院新聞辦公室舉行新聞發(fā)布會，公安部刑事偵查局通報：全年共破案46.4萬(wàn)起。</p></div></body></html>`,
    ).document;
    const annotated = annotateElements(Array.from(page.querySelectorAll('p')) as unknown as Element[]);
    const raw = summarize(annotated);
    const shown = summarize(annotated, withoutPinyinArtefacts);
    // The raw page text keeps its brackets (annotation offsets index it) …
    expect(raw.statistics[0].text).toBe('46.4萬(wàn)起');
    // … the popup shows the cleaned text, with the same parsed value.
    expect(shown.statistics[0]).toMatchObject({ text: '46.4萬起', value: 464_000, unit: '起' });
    expect(shown.statistics[0].sentence).toContain('新聞發布會');
    expect(shown.statistics[0].sentence).not.toContain('(');
    expect(shown.agencies.map((a) => a.canonical)).toEqual(raw.agencies.map((a) => a.canonical));
  });
});
