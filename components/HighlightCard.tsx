import type { PageAnnotation } from '@/lib/highlight/page-annotations';
import { describeStatistic } from '@/lib/highlight/page-annotations';

export const KIND_LABELS: Record<PageAnnotation['kind'], string> = {
  operation: '专项行动',
  agency: '机构',
  statistic: '数据',
};

export interface CardPosition {
  left: number;
  top: number;
  /** Placed under the text (true) or above it. */
  below: boolean;
}

const CARD_WIDTH = 300;
const GAP = 8;

/**
 * Where the card goes: under the highlighted text when there is room, else above it; never over it.
 * `cardHeight` is measured after the first render (a generous estimate before).
 */
export function placeCard(anchor: DOMRect, viewport: { width: number; height: number }, cardHeight: number): CardPosition {
  const left = Math.max(GAP, Math.min(anchor.left, viewport.width - CARD_WIDTH - GAP));
  const roomBelow = viewport.height - anchor.bottom;
  const below = roomBelow >= cardHeight + GAP || roomBelow >= anchor.top;
  const top = below ? anchor.bottom + GAP : Math.max(GAP, anchor.top - GAP - cardHeight);
  return { left, top, below };
}

export interface HighlightCardProps {
  annotation: PageAnnotation;
  position: CardPosition;
  onClip?: (annotation: PageAnnotation) => void;
  onClose: () => void;
  clipState?: 'idle' | 'saving' | 'saved' | { error: string };
}

export function HighlightCard({ annotation: a, position, onClip, onClose, clipState = 'idle' }: HighlightCardProps) {
  return (
    <div
      class={`card kind-${a.kind}`}
      role="dialog"
      aria-label={`${KIND_LABELS[a.kind]}：${a.text}`}
      data-testid="fzl-card"
      style={{ left: `${position.left}px`, top: `${position.top}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div class="kind" data-testid="fzl-card-kind">
        <span class="swatch" aria-hidden="true" />
        {KIND_LABELS[a.kind]}
      </div>
      <div class="text" data-testid="fzl-card-text">{a.text}</div>
      {a.canonical && a.canonical !== a.text ? (
        <div class="canonical" data-testid="fzl-card-canonical">
          → {a.canonical}
        </div>
      ) : a.canonical ? (
        <div class="canonical" data-testid="fzl-card-canonical">
          {a.canonical}
        </div>
      ) : null}
      {a.kind === 'statistic' ? (
        <div class="stat" data-testid="fzl-card-statistic">
          {describeStatistic(a)}
          {a.approx ? <span class="approx"> （约数）</span> : null}
        </div>
      ) : null}
      <div class="actions">
        <button type="button" data-testid="fzl-card-clip" disabled={!onClip || clipState === 'saving'} onClick={() => onClip?.(a)}>
          {clipState === 'saved' ? '已收藏' : clipState === 'saving' ? '收藏中…' : '收藏'}
        </button>
        <button type="button" class="close" aria-label="关闭" onClick={onClose}>
          ×
        </button>
      </div>
      {typeof clipState === 'object' ? (
        <div class="error" role="alert" data-testid="fzl-card-error">
          {clipState.error}
        </div>
      ) : null}
    </div>
  );
}
