import { describe, expect, it } from 'vitest';
import type { Clip } from '@/lib/collections';
import {
  CHART_THEMES,
  chartDataOf,
  chartFilterOptions,
  chartsByUnit,
  contrastRatio,
  filterChartData,
  layoutTimeline,
  layoutUnitChart,
  nearestPoint,
  NO_CHART_FILTERS,
  operationTimeline,
  timeScale,
  valueScale,
  wantsLog,
} from '@/lib/charts';

let n = 0;
function clip(kind: Clip['kind'], fields: Partial<Clip> & { url?: string; publishedAt?: string; site?: string } = {}): Clip {
  const { url = 'https://www.mps.gov.cn/a/1.html', publishedAt = '2023-01-10', site = 'mps.gov.cn', ...rest } = fields;
  const id = `c${++n}`;
  const text = rest.text ?? '46.4万起';
  return {
    id,
    collectionIds: ['k1'],
    kind,
    text,
    note: '',
    tags: [],
    target: {
      url,
      title: '标题',
      site,
      ...(publishedAt ? { publishedAt } : {}),
      script: 'zh-Hans',
      selector: [
        { type: 'TextQuoteSelector', exact: text, prefix: '前文'.repeat(40), suffix: '后文'.repeat(40) },
        { type: 'TextPositionSelector', start: 0, end: text.length },
      ],
    },
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...rest,
  };
}

const stat = (value: number, unit: string, measure: string, extra: Parameters<typeof clip>[1] = {}) => clip('statistic', { value, unit, measure, approx: false, ...extra });

describe('chart data from clips', () => {
  it('takes figures with a number, mentions of operations and agencies, the article day and a short quote', () => {
    const data = chartDataOf([
      stat(464000, '起', '破案', { publishedAt: '2023-05-31T21:31:24' }),
      clip('statistic', { text: '若干' }), // no value: nothing to plot
      clip('agency', { canonical: '公安部', text: '公安部' }),
      clip('operation', { text: '断卡' }), // no canonical: its text
      clip('selection', { text: '一段话' }),
      stat(3, '起', '破案', { publishedAt: '2023-07' }),
    ]);
    expect(data.figures.map((f) => [f.value, f.date])).toEqual([
      [464000, '2023-05-31'],
      [3, '2023-07-01'],
    ]);
    expect(data.figures[0].time).toBe(Date.UTC(2023, 4, 31));
    expect(data.figures[0].quote.prefix.length).toBe(40);
    expect(data.figures[0].quote.suffix.length).toBe(40);
    expect(data.mentions.map((m) => [m.kind, m.canonical])).toEqual([
      ['agency', '公安部'],
      ['operation', '断卡'],
    ]);
  });
});

describe('series', () => {
  it('never puts two units on one axis, even for the same measure; measures of one unit share it', () => {
    const charts = chartsByUnit(
      chartDataOf([
        stat(100, '元', '涉案金额'),
        stat(5, '美元', '涉案金额'),
        stat(7, '起', '破案'),
        stat(9, '起', '立案'),
        stat(8, '起', '破案', { publishedAt: '2022-03-01' }),
        stat(1, '起', '破案', { publishedAt: '' }),
      ]).figures,
    );
    expect(charts[0].unit).toBe('起'); // the most figures first
    expect(charts.map((c) => c.unit).sort()).toEqual(['元', '美元', '起'].sort());
    const cases = charts[0];
    expect(cases.series.map((s) => [s.measure, s.unit, s.points.map((p) => p.value)])).toEqual([
      ['破案', '起', [8, 7]], // oldest first
      ['立案', '起', [9]],
    ]);
    expect(cases.undated.map((f) => f.value)).toEqual([1]);
    for (const chart of charts) for (const s of chart.series) expect(s.points.every((p) => p.unit === chart.unit)).toBe(true);
  });

  it('counts approximate figures and draws them hollow, exact ones filled', () => {
    const [chart] = chartsByUnit(chartDataOf([stat(318e9, '元', '拦截资金', { approx: true }), stat(2e9, '元', '拦截资金')]).figures);
    expect(chart.series[0].approx).toBe(1);
    const layout = layoutUnitChart(chart, { width: 400, height: 200, top: 10, right: 10, bottom: 20, left: 40 }, String);
    expect(layout.paths[0].hollow.match(/M/g)?.length).toBe(1);
    expect(layout.paths[0].filled.match(/M/g)?.length).toBe(1);
  });
});

describe('filters', () => {
  const data = chartDataOf([
    stat(1, '起', '破案', { url: 'https://a.cn/1' , site: 'a.cn' }),
    clip('agency', { canonical: '公安部', url: 'https://a.cn/1#x', site: 'a.cn' }),
    stat(2, '起', '破案', { url: 'https://b.cn/2', site: 'b.cn', collectionIds: ['k2'] }),
    clip('operation', { canonical: '断卡行动', url: 'https://b.cn/2', site: 'b.cn', collectionIds: ['k2'] }),
  ]);
  it('by agency or operation: the figures of the articles where it was clipped too', () => {
    expect(filterChartData(data, { ...NO_CHART_FILTERS, agency: '公安部' }).figures.map((f) => f.value)).toEqual([1]);
    expect(filterChartData(data, { ...NO_CHART_FILTERS, operation: '断卡行动' }).figures.map((f) => f.value)).toEqual([2]);
    expect(filterChartData(data, { ...NO_CHART_FILTERS, agency: '公安部', operation: '断卡行动' }).figures).toEqual([]);
  });
  it('by site and collection: the clip\'s own', () => {
    expect(filterChartData(data, { ...NO_CHART_FILTERS, site: 'b.cn' }).figures.map((f) => f.value)).toEqual([2]);
    expect(filterChartData(data, { ...NO_CHART_FILTERS, collectionId: 'k1' }).figures.map((f) => f.value)).toEqual([1]);
    expect(filterChartData(data, NO_CHART_FILTERS)).toEqual(data);
  });
  it('offers the agencies, operations and sites clipped', () => {
    expect(chartFilterOptions(data)).toEqual({ agencies: ['公安部'], operations: ['断卡行动'], sites: ['a.cn', 'b.cn'] });
  });
  it('filters 10,000 figures well inside a frame', () => {
    const many = chartDataOf(Array.from({ length: 10_000 }, (_, i) => stat(i, i % 2 ? '起' : '元', `m${i % 7}`, { url: `https://a.cn/${i % 500}`, site: `s${i % 5}` })).concat(
      Array.from({ length: 500 }, (_, i) => clip('agency', { canonical: `机构${i % 9}`, url: `https://a.cn/${i}` })),
    ));
    const t0 = performance.now();
    const filtered = filterChartData(many, { ...NO_CHART_FILTERS, agency: '机构3', site: 's1' });
    const charts = chartsByUnit(filtered.figures);
    for (const chart of charts) layoutUnitChart(chart, { width: 800, height: 260, top: 10, right: 10, bottom: 24, left: 56 }, String);
    const ms = performance.now() - t0;
    console.log(`filter + series + layout of 10,000 figures: ${ms.toFixed(1)} ms`);
    expect(filtered.figures.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(200); // generous: the machine is shared
  });
});

describe('scales', () => {
  it('years on a time axis spanning years, months on a shorter one, padding around one date', () => {
    const years = timeScale([Date.UTC(2019, 5, 1), Date.UTC(2024, 5, 1)], [0, 500]);
    expect(years.ticks.map((t) => t.label)).toEqual(['2020', '2021', '2022', '2023', '2024']);
    const months = timeScale([Date.UTC(2023, 0, 15), Date.UTC(2023, 6, 15)], [0, 500]);
    expect(months.ticks[0].label).toMatch(/^2023-0[2-3]$/);
    expect(timeScale([Date.UTC(2019, 5, 1), Date.UTC(2024, 5, 1)], [0, 200], 2).ticks.length).toBeLessThanOrEqual(3); // narrow: fewer labels
    const one = timeScale([Date.UTC(2023, 4, 31)], [0, 100]);
    expect(one(Date.UTC(2023, 4, 31))).toBeCloseTo(50, 0);
  });
  it('log only across three orders of magnitude of positive values; ticks round and covering', () => {
    expect(wantsLog([351, 464000])).toBe(true);
    expect(wantsLog([10, 900])).toBe(false);
    expect(wantsLog([0, 5000])).toBe(false);
    const linear = valueScale([3, 47], [100, 0], false, String);
    expect(linear.ticks.map((t) => t.at)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(linear(0)).toBe(100);
    const log = valueScale([351, 464000], [100, 0], true, String);
    expect(log.ticks[0].at).toBe(100);
    expect(log.ticks.at(-1)!.at).toBe(1_000_000);
    expect(log(464000)).toBeGreaterThan(0);
  });
});

describe('timeline and hit-testing', () => {
  it('one row per operation, one mark per article, oldest campaign first', () => {
    const rows = operationTimeline(
      chartDataOf([
        clip('operation', { canonical: '断卡行动', publishedAt: '2023-03-01', url: 'https://a.cn/2' }),
        clip('operation', { canonical: '断卡行动', publishedAt: '2023-03-01', url: 'https://a.cn/2' }), // same article
        clip('operation', { canonical: '云剑行动', publishedAt: '2021-03-01', url: 'https://a.cn/1' }),
        clip('operation', { canonical: '云剑行动', publishedAt: '', url: 'https://a.cn/3' }),
      ]).mentions,
    );
    expect(rows.map((r) => [r.canonical, r.mentions.length, r.undated])).toEqual([
      ['云剑行动', 1, 1],
      ['断卡行动', 1, 0],
    ]);
    const layout = layoutTimeline(rows, { width: 600, top: 10, right: 10, bottom: 24, left: 120 });
    expect(layout.points).toHaveLength(2);
    expect(nearestPoint(layout.points, layout.points[1].x + 3, layout.points[1].y)?.item.canonical).toBe('断卡行动');
    expect(nearestPoint(layout.points, 0, 0)).toBeNull();
  });
});

describe('palette', () => {
  it('every series colour and the text keep 3:1 (graphics) and 4.5:1 (text) on their background', () => {
    for (const theme of Object.values(CHART_THEMES)) {
      for (const colour of theme.series) expect(contrastRatio(colour, theme.background), colour).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(theme.text, theme.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(theme.muted, theme.background)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
