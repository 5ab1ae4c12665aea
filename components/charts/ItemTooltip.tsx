import type { ChartFigure, ChartMention } from '@/lib/charts';
import { readableText } from '@/lib/collections/display';
import type { DisplayScript } from '@/lib/display/names';
import { nameInScript } from '@/lib/display/names';
import { useT } from '../i18n';
import { amountOf, measureName, quoteParts } from './format';

/** What the pointer is over: the figure (or the operation), its article and date, and the quote. */
export function ItemTooltip({ item, x, y, script, flip }: { item: ChartFigure | ChartMention; x: number; y: number; script: DisplayScript; flip: boolean }) {
  const t = useT();
  const quote = quoteParts(item);
  return (
    <div class="fzl-chart-tip" role="status" data-testid="chart-tooltip" style={{ left: `${x}px`, top: `${y}px`, transform: flip ? 'translate(-100%, 8px)' : 'translate(8px, 8px)' }}>
      {'value' in item ? (
        <div>
          <strong data-testid="chart-tooltip-value">{amountOf(item, t, script)}</strong> · {measureName(item.measure, t, script)}
          {item.approx ? <span class="fzl-muted"> ({t('chartApproxNote')})</span> : null}
        </div>
      ) : (
        <div>
          <strong>{nameInScript(item.canonical, script)}</strong>
        </div>
      )}
      <div data-testid="chart-tooltip-article">{readableText(item.title) || item.url}</div>
      <div class="fzl-muted">{[item.date, item.site].filter(Boolean).join(' · ')}</div>
      <div class="fzl-chart-quote">
        …{quote.before}
        <mark>{quote.exact}</mark>
        {quote.after}…
      </div>
      <div class="fzl-muted">{t('chartClickToOpen')}</div>
    </div>
  );
}
