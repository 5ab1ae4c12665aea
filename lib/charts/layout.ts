/**
 * Where everything of a chart goes, in SVG user units: the points of each series, their marker
 * paths (one `<path>` per series for filled markers and one for hollow ones, so 10,000 figures are
 * a handful of elements, not 10,000), the ticks, and the nearest point to the pointer. Pure: the
 * component draws what this returns, and the same drawing is what an export saves.
 */
import type { ChartFigure, ChartMention } from './figures';
import { timeScale, valueScale, wantsLog, type Tick } from './scale';
import type { UnitChart } from './series';
import type { TimelineRow } from './timeline';

export interface Box {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PlotPoint<T> {
  x: number;
  y: number;
  item: T;
  /** Which series (colour) the point belongs to. */
  series: number;
}

/** Marker dots (`M x y h0`), drawn with a round cap `MARKER_RADIUS * 2` wide. */
export interface SeriesPaths {
  /** Exact figures: filled dots. */
  filled: string;
  /** Approximate figures (余/多): hollow dots (a narrower dot in the background colour on top), so "about" shows without hovering. */
  hollow: string;
}

export interface UnitChartLayout {
  box: Box;
  log: boolean;
  xTicks: (Tick & { x: number })[];
  yTicks: (Tick & { y: number })[];
  points: PlotPoint<ChartFigure>[];
  paths: SeriesPaths[];
}

export const MARKER_RADIUS = 3.5;

const round = (v: number) => Math.round(v * 10) / 10;

/** Room for a date label (2023-05) every 64 units of the time axis. */
const ticksFor = (box: Box) => Math.max(2, Math.floor((box.width - box.left - box.right) / 64));

/**
 * One marker as path data: a zero-length segment that the renderer draws as a dot with a round line cap
 * of the marker's diameter. Thirteen characters a point instead of a circle's forty: 10,000 figures
 * parse and paint in a fraction of the time.
 */
function dot(x: number, y: number): string {
  return `M${round(x)} ${round(y)}h0`;
}

export function layoutUnitChart(chart: UnitChart, box: Box, format: (v: number) => string): UnitChartLayout {
  const times: number[] = [];
  const values: number[] = [];
  for (const s of chart.series)
    for (const p of s.points) {
      times.push(p.time!);
      values.push(p.value);
    }
  const x = timeScale(times, [box.left, box.width - box.right], ticksFor(box));
  const log = wantsLog(values);
  const y = valueScale(values, [box.height - box.bottom, box.top], log, format);
  const points: PlotPoint<ChartFigure>[] = [];
  const paths: SeriesPaths[] = chart.series.map((s, index) => {
    const filled: string[] = [];
    const hollow: string[] = [];
    for (const figure of s.points) {
      const px = x(figure.time!);
      const py = y(figure.value);
      points.push({ x: px, y: py, item: figure, series: index });
      (figure.approx ? hollow : filled).push(dot(px, py));
    }
    return { filled: filled.join(''), hollow: hollow.join('') };
  });
  return {
    box,
    log,
    xTicks: x.ticks.map((t) => ({ ...t, x: x(t.at) })),
    yTicks: y.ticks.map((t) => ({ ...t, y: y(t.at) })),
    points,
    paths,
  };
}

export interface TimelineLayout {
  box: Box;
  xTicks: (Tick & { x: number })[];
  /** Each row with its marks as one path. */
  rows: { y: number; row: TimelineRow; path: string }[];
  points: PlotPoint<ChartMention>[];
}

export const TIMELINE_ROW_HEIGHT = 22;

/** One row per operation, a mark per article date that mentions it. */
export function layoutTimeline(rows: readonly TimelineRow[], box: Omit<Box, 'height'>): TimelineLayout {
  const height = box.top + box.bottom + rows.length * TIMELINE_ROW_HEIGHT;
  const full: Box = { ...box, height };
  const times: number[] = [];
  for (const row of rows) for (const m of row.mentions) times.push(m.time!);
  const x = timeScale(times, [box.left, box.width - box.right], ticksFor(full));
  const points: PlotPoint<ChartMention>[] = [];
  const laid = rows.map((row, index) => {
    const y = box.top + index * TIMELINE_ROW_HEIGHT + TIMELINE_ROW_HEIGHT / 2;
    const marks: string[] = [];
    for (const mention of row.mentions) {
      const px = x(mention.time!);
      points.push({ x: px, y, item: mention, series: index });
      marks.push(`M${round(px)} ${round(y - 6)}v12`);
    }
    return { y, row, path: marks.join('') };
  });
  return { box: full, xTicks: x.ticks.map((t) => ({ ...t, x: x(t.at) })), rows: laid, points };
}

/** The point nearest to (x, y) within `reach` units, or null: what the pointer is over. */
export function nearestPoint<T>(points: readonly PlotPoint<T>[], x: number, y: number, reach = 12): PlotPoint<T> | null {
  let best: PlotPoint<T> | null = null;
  let bestDistance = reach * reach;
  for (const p of points) {
    const dx = p.x - x;
    const dy = p.y - y;
    const d = dx * dx + dy * dy;
    if (d <= bestDistance) {
      bestDistance = d;
      best = p;
    }
  }
  return best;
}

/**
 * Roughly how wide a label is at `fontSize` (CJK characters a full em, others about 0.6 em): enough to
 * lay out a legend in the SVG itself, so an exported chart keeps it without measuring the DOM.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0x2e80 ? fontSize : fontSize * 0.6;
  return width;
}

export interface LegendItem {
  x: number;
  y: number;
  label: string;
}

/** Legend entries in rows across `width` from (left, top), each a swatch and its label. */
export function layoutLegend(labels: readonly string[], left: number, top: number, width: number, fontSize = 12): { items: LegendItem[]; height: number } {
  const rowHeight = fontSize + 6;
  const items: LegendItem[] = [];
  let x = left;
  let y = top;
  for (const label of labels) {
    const w = 14 + estimateTextWidth(label, fontSize) + 14;
    if (x > left && x + w > width) {
      x = left;
      y += rowHeight;
    }
    items.push({ x, y, label });
    x += w;
  }
  return { items, height: labels.length ? y - top + rowHeight : 0 };
}
