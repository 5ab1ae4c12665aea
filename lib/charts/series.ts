/**
 * Figures grouped for plotting: one chart (one value axis) per unit, and inside it one series per
 * measure. Figures of the same measure in different units (涉案金额 in 元 and in 美元, 诈骗 in 起 and
 * in 人) never share an axis; different measures counted in the same unit may, each in its colour.
 */
import type { ChartFigure } from './figures';

export interface ChartSeries {
  /** `measure` + NUL + `unit`: stable across renders (colours and legend follow it). */
  key: string;
  measure: string;
  unit: string;
  /** Dated figures, oldest first (ties: smaller value first). */
  points: ChartFigure[];
  approx: number;
}

export interface UnitChart {
  unit: string;
  series: ChartSeries[];
  /** Figures of this unit without an article date: listed in the table, not plotted. */
  undated: ChartFigure[];
  /** All dated figures of the chart. */
  count: number;
}

export const seriesKey = (measure: string, unit: string) => `${measure}\u0000${unit}`;

const collator = new Intl.Collator('zh');

export function chartsByUnit(figures: readonly ChartFigure[]): UnitChart[] {
  const units = new Map<string, { series: Map<string, ChartSeries>; undated: ChartFigure[] }>();
  for (const figure of figures) {
    let chart = units.get(figure.unit);
    if (!chart) units.set(figure.unit, (chart = { series: new Map(), undated: [] }));
    if (figure.time === null) {
      chart.undated.push(figure);
      continue;
    }
    const key = seriesKey(figure.measure, figure.unit);
    let series = chart.series.get(key);
    if (!series) chart.series.set(key, (series = { key, measure: figure.measure, unit: figure.unit, points: [], approx: 0 }));
    series.points.push(figure);
    if (figure.approx) series.approx++;
  }
  const charts: UnitChart[] = [];
  for (const [unit, { series, undated }] of units) {
    const list = [...series.values()];
    for (const s of list) s.points.sort((a, b) => a.time! - b.time! || a.value - b.value);
    // The largest series first: it gets the first colour and leads the legend.
    list.sort((a, b) => b.points.length - a.points.length || collator.compare(a.measure, b.measure));
    charts.push({ unit, series: list, undated, count: list.reduce((n, s) => n + s.points.length, 0) });
  }
  return charts.sort((a, b) => b.count - a.count || collator.compare(a.unit, b.unit));
}
