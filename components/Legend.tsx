import type { LegendState } from '@/lib/page/lens';
import { KINDS_LABEL_KEYS } from './HighlightCard';
import { useT } from './i18n';

export interface LegendProps {
  state: LegendState;
  onStep: (delta: 1 | -1) => void;
  onTurnOff: () => void;
}

/** A small legend of the three colours with counts; its buttons give keyboard access to highlights. */
export function Legend({ state, onStep, onTurnOff }: LegendProps) {
  const t = useT();
  if (state.status !== 'active') return null;
  const { counts } = state;
  const total = counts.operation + counts.agency + counts.statistic;
  return (
    <div class="legend" role="region" aria-label={t('legendLabel')} data-testid="fzl-legend">
      {(['operation', 'agency', 'statistic'] as const).map((kind) => (
        <span class={`entry kind-${kind}`} data-testid={`fzl-legend-${kind}`}>
          <span class="swatch" aria-hidden="true" />
          {t(KINDS_LABEL_KEYS[kind])} {counts[kind]}
        </span>
      ))}
      <button type="button" aria-label={t('legendPrevious')} disabled={total === 0} onClick={() => onStep(-1)} data-testid="fzl-prev">
        ‹
      </button>
      <button type="button" aria-label={t('legendNext')} disabled={total === 0} onClick={() => onStep(1)} data-testid="fzl-next">
        ›
      </button>
      <button type="button" aria-label={t('legendTurnOff')} onClick={onTurnOff} data-testid="fzl-off">
        ×
      </button>
    </div>
  );
}
