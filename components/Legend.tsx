import type { LegendState } from '@/lib/page/lens';
import { KIND_LABELS } from './HighlightCard';

export interface LegendProps {
  state: LegendState;
  onStep: (delta: 1 | -1) => void;
  onTurnOff: () => void;
}

/** A small legend of the three colours with counts; its buttons give keyboard access to highlights. */
export function Legend({ state, onStep, onTurnOff }: LegendProps) {
  if (state.status !== 'active') return null;
  const { counts } = state;
  const total = counts.operation + counts.agency + counts.statistic;
  return (
    <div class="legend" role="region" aria-label="反诈透镜图例" data-testid="fzl-legend">
      {(['operation', 'agency', 'statistic'] as const).map((kind) => (
        <span class={`entry kind-${kind}`} data-testid={`fzl-legend-${kind}`}>
          <span class="swatch" aria-hidden="true" />
          {KIND_LABELS[kind]} {counts[kind]}
        </span>
      ))}
      <button type="button" aria-label="上一个高亮" disabled={total === 0} onClick={() => onStep(-1)} data-testid="fzl-prev">
        ‹
      </button>
      <button type="button" aria-label="下一个高亮" disabled={total === 0} onClick={() => onStep(1)} data-testid="fzl-next">
        ›
      </button>
      <button type="button" aria-label="关闭高亮" onClick={onTurnOff} data-testid="fzl-off">
        ×
      </button>
    </div>
  );
}
