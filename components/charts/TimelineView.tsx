import type { Ref } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { layoutTimeline, nearestPoint, seriesColor, type ChartMention, type ChartTheme, type PlotPoint, type TimelineRow } from '@/lib/charts';
import { nameInScript, type DisplayScript } from '@/lib/display/names';
import { useT } from '../i18n';
import { ItemTooltip } from './ItemTooltip';
import { usePointer } from './pointer';

const FONT = "system-ui, 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif";

/** The operations mentioned across the collections: one row each, a mark per article that mentions it. */
export function TimelineView({ rows, theme, script, width, onOpen, svgRef }: { rows: TimelineRow[]; theme: ChartTheme; script: DisplayScript; width: number; onOpen: (mention: ChartMention) => void; svgRef?: Ref<SVGSVGElement> }) {
  const t = useT();
  const layout = useMemo(() => layoutTimeline(rows, { width, top: 8, right: 12, bottom: 24, left: 150 }), [rows, width]);
  const [hover, setHover] = useState<PlotPoint<ChartMention> | null>(null);
  const pointer = usePointer(width, (x, y) => setHover(nearestPoint(layout.points, x, y)));
  const { box } = layout;
  const title = t('chartTimelineTitle', { count: rows.length });
  return (
    <div class="fzl-chart-plot" data-testid="timeline-chart">
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
        {layout.xTicks.map((tick) => (
          <g>
            <line x1={tick.x} x2={tick.x} y1={box.top} y2={box.height - box.bottom} stroke={theme.grid} stroke-width="1" />
            <text x={tick.x} y={box.height - 6} fill={theme.muted} text-anchor="middle">
              {tick.label}
            </text>
          </g>
        ))}
        {layout.rows.map(({ y, row, path }, i) => {
          const name = nameInScript(row.canonical, script);
          return (
            <g data-testid="timeline-row">
              <text x={box.left - 8} y={y + 4} fill={theme.text} text-anchor="end">
                {name.length > 11 ? `${name.slice(0, 10)}…` : name}
              </text>
              <line x1={box.left} x2={box.width - box.right} y1={y} y2={y} stroke={theme.grid} stroke-width="1" stroke-dasharray="2 3" />
              <path d={path} stroke={seriesColor(theme, i)} stroke-width="3" stroke-linecap="round" />
            </g>
          );
        })}
        {hover ? <circle cx={hover.x} cy={hover.y} r={8} fill="none" stroke={theme.text} stroke-width="1.5" /> : null}
      </svg>
      {hover ? <ItemTooltip item={hover.item} x={pointer.toCss(hover.x)} y={pointer.toCssY(hover.y)} script={script} flip={hover.x > width * 0.6} /> : null}
    </div>
  );
}
