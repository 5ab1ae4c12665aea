import type { Ref } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { layoutLegend, layoutUnitChart, MARKER_RADIUS, nearestPoint, seriesColor, type ChartFigure, type ChartTheme, type PlotPoint, type UnitChart } from '@/lib/charts';
import type { DisplayScript } from '@/lib/display/names';
import { nameInScript } from '@/lib/display/names';
import type { Locale } from '@/lib/i18n';
import { useT } from '../i18n';
import { compactNumber, measureName } from './format';
import { ItemTooltip } from './ItemTooltip';
import { usePointer } from './pointer';

export interface UnitChartViewProps {
  chart: UnitChart;
  theme: ChartTheme;
  locale: Locale;
  script: DisplayScript;
  /** SVG user units; the drawing scales to its box. */
  width: number;
  plotHeight: number;
  onOpen: (figure: ChartFigure) => void;
  svgRef?: Ref<SVGSVGElement>;
}

const FONT = "system-ui, 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif";

/** One value axis (one unit): a series per measure, exact figures filled, approximate ones hollow. */
export function UnitChartView({ chart, theme, locale, script, width, plotHeight, onOpen, svgRef }: UnitChartViewProps) {
  const t = useT();
  const unit = chart.unit ? nameInScript(chart.unit, script) : t('chartNoUnit');
  const labels = chart.series.map((s) => `${measureName(s.measure, t, script)} (${s.points.length})`);
  const hasApprox = chart.series.some((s) => s.approx > 0);
  const legend = useMemo(() => layoutLegend([...labels, ...(hasApprox ? [t('chartApproxLegend')] : [])], 8, 8, width - 8), [labels.join('\n'), hasApprox, width]);
  // Below the legend: a line for the axis's unit, above the top tick's label.
  const top = 8 + legend.height + 22;
  const box = { width, height: top + plotHeight + 24, top, right: 12, bottom: 24, left: 58 };
  const layout = useMemo(() => layoutUnitChart(chart, box, compactNumber(locale)), [chart, width, plotHeight, top, locale]);
  const [hover, setHover] = useState<PlotPoint<ChartFigure> | null>(null);
  const pointer = usePointer(box.width, (x, y) => setHover(nearestPoint(layout.points, x, y)));
  const title = t('chartUnitTitle', { unit, count: chart.count });

  return (
    <div class="fzl-chart-plot" data-testid="unit-chart" data-unit={chart.unit}>
      <svg
        ref={svgRef}
        class="fzl-chart-svg"
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-label={`${title}. ${t('chartTableHint')}`}
        font-family={FONT}
        font-size="12"
        onPointerMove={pointer.move}
        onPointerLeave={() => setHover(null)}
        onClick={() => hover && onOpen(hover.item)}
        style={{ cursor: hover ? 'pointer' : 'default' }}
      >
        <title>{title}</title>
        <rect width={box.width} height={box.height} fill={theme.background} />
        {legend.items.map((item, i) =>
          i < chart.series.length ? (
            <g>
              <circle cx={item.x + 5} cy={item.y + 6} r={MARKER_RADIUS + 0.5} fill={seriesColor(theme, i)} />
              <text x={item.x + 14} y={item.y + 10} fill={theme.text}>
                {item.label}
              </text>
            </g>
          ) : (
            <g>
              <circle cx={item.x + 5} cy={item.y + 6} r={MARKER_RADIUS} fill={theme.background} stroke={theme.muted} stroke-width="1.5" />
              <text x={item.x + 14} y={item.y + 10} fill={theme.muted}>
                {item.label}
              </text>
            </g>
          ),
        )}
        <text x={4} y={top - 10} fill={theme.muted} data-testid="chart-axis-unit">
          {layout.log ? t('chartLogAxis', { unit }) : unit}
        </text>
        {layout.yTicks.map((tick) => (
          <g>
            <line x1={box.left} x2={box.width - box.right} y1={tick.y} y2={tick.y} stroke={theme.grid} stroke-width="1" />
            <text x={box.left - 6} y={tick.y + 4} fill={theme.muted} text-anchor="end">
              {tick.label}
            </text>
          </g>
        ))}
        {layout.xTicks.map((tick) => (
          <text x={tick.x} y={box.height - 6} fill={theme.muted} text-anchor="middle">
            {tick.label}
          </text>
        ))}
        <line x1={box.left} x2={box.width - box.right} y1={box.height - box.bottom} y2={box.height - box.bottom} stroke={theme.muted} stroke-width="1" />
        {layout.paths.map((paths, i) => (
          <g data-testid="chart-series" data-measure={chart.series[i].measure}>
            {paths.filled ? <path d={paths.filled} fill="none" stroke={seriesColor(theme, i)} stroke-opacity="0.85" stroke-width={MARKER_RADIUS * 2} stroke-linecap="round" /> : null}
            {paths.hollow ? (
              <g data-testid="chart-approx">
                <path d={paths.hollow} fill="none" stroke={seriesColor(theme, i)} stroke-width={MARKER_RADIUS * 2} stroke-linecap="round" />
                <path d={paths.hollow} fill="none" stroke={theme.background} stroke-width={MARKER_RADIUS * 2 - 3} stroke-linecap="round" />
              </g>
            ) : null}
          </g>
        ))}
        {hover ? <circle cx={hover.x} cy={hover.y} r={MARKER_RADIUS + 3} fill="none" stroke={theme.text} stroke-width="1.5" /> : null}
      </svg>
      {hover ? <ItemTooltip item={hover.item} x={pointer.toCss(hover.x)} y={pointer.toCssY(hover.y)} script={script} flip={hover.x > box.width * 0.6} /> : null}
    </div>
  );
}
