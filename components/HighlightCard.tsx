import { describeStatistic, type PageAnnotation } from '@/lib/highlight/page-annotations';
import { createTranslator, type MessageKey, type Translate } from '@/lib/i18n';
import { nameInScript, type DisplayScript } from '@/lib/display/names';
import { useT } from './i18n';

/** Catalog keys of a kind's name: one highlight (the card) … */
export const KIND_LABEL_KEYS: Record<PageAnnotation['kind'], MessageKey> = {
  operation: 'kindOperation',
  agency: 'kindAgency',
  statistic: 'kindStatistic',
};
/** … and all of them (legend, counts, headings). */
export const KINDS_LABEL_KEYS: Record<PageAnnotation['kind'], MessageKey> = {
  operation: 'kindsOperation',
  agency: 'kindsAgency',
  statistic: 'kindsStatistic',
};

const defaultT = createTranslator('zh_CN');
/** The kinds' names in the default language (for code outside the interface). */
export const KIND_LABELS: Record<PageAnnotation['kind'], string> = {
  operation: defaultT('kindOperation'),
  agency: defaultT('kindAgency'),
  statistic: defaultT('kindStatistic'),
};

/** "破案 · 464,000 起", with "about" (约 / 約 / ≈) in the reader's language. */
export function cardStatistic(a: Pick<PageAnnotation, 'value' | 'unit' | 'approx' | 'measure'>, t: Translate): string {
  return describeStatistic(a, t('approxMark'));
}

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
  /** The script names are shown in (the reader's: lib/display/reader-script.ts); stored simplified. */
  nameScript?: DisplayScript;
}

export function HighlightCard({ annotation: a, position, onClip, onClose, clipState = 'idle', nameScript = 'zh-Hans' }: HighlightCardProps) {
  const t = useT();
  const canonical = a.canonical === undefined ? undefined : nameInScript(a.canonical, nameScript);
  const shown = { ...a, unit: a.unit && nameInScript(a.unit, nameScript), measure: a.measure && nameInScript(a.measure, nameScript) };
  const kind = t(KIND_LABEL_KEYS[a.kind]);
  return (
    <div
      class={`card kind-${a.kind}`}
      role="dialog"
      aria-label={t('cardLabel', { kind, text: a.text })}
      data-testid="fzl-card"
      style={{ left: `${position.left}px`, top: `${position.top}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div class="kind" data-testid="fzl-card-kind">
        <span class="swatch" aria-hidden="true" />
        {kind}
      </div>
      <div class="text" data-testid="fzl-card-text">{a.text}</div>
      {canonical && canonical !== a.text ? (
        <div class="canonical" data-testid="fzl-card-canonical" lang={nameScript}>
          → {canonical}
        </div>
      ) : canonical ? (
        <div class="canonical" data-testid="fzl-card-canonical" lang={nameScript}>
          {canonical}
        </div>
      ) : null}
      {a.kind === 'statistic' ? (
        <div class="stat" data-testid="fzl-card-statistic">
          {cardStatistic(shown, t)}
          {a.approx ? <span class="approx"> {t('approxNote')}</span> : null}
        </div>
      ) : null}
      <div class="actions">
        <button type="button" data-testid="fzl-card-clip" disabled={!onClip || clipState === 'saving'} onClick={() => onClip?.(a)}>
          {clipState === 'saved' ? t('clipSaved') : clipState === 'saving' ? t('clipSaving') : t('clip')}
        </button>
        <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
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
