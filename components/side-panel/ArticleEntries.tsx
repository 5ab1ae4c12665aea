import { nameInScript, type DisplayScript } from '@/lib/display/names';
import type { EntitySummary, PageSummary, StatisticRow } from '@/lib/highlight/page-annotations';
import { KINDS_LABEL_KEYS } from '../HighlightCard';
import { useT } from '../i18n';
import { amountOf } from '../charts/format';

export interface EntryActions {
  /** Scroll the page to highlight `index` (and open its card). */
  scrollTo: (index: number) => void;
  /** Clip highlight `index` with the panel's choice; `label` names it in the saved notice. */
  clip: (index: number, label: string) => void;
  busy: boolean;
}

/** The article's operations, agencies and statistics, grouped as in the popup, each with scroll and clip. */
export function ArticleEntries({ summary, script, actions }: { summary: PageSummary; script: DisplayScript; actions: EntryActions }) {
  const t = useT();
  return (
    <div data-testid="panel-entries">
      <div class="fzl-counts">
        {(['operation', 'agency', 'statistic'] as const).map((kind) => (
          <span class={`fzl-count kind-${kind}`} data-testid={`panel-count-${kind}`}>
            <span class="fzl-swatch" aria-hidden="true" />
            {t(KINDS_LABEL_KEYS[kind])} <strong>{summary.counts[kind]}</strong>
          </span>
        ))}
      </div>
      <EntityGroup kind="operation" title={t('kindsOperation')} items={summary.operations} script={script} actions={actions} />
      <EntityGroup kind="agency" title={t('kindsAgency')} items={summary.agencies} script={script} actions={actions} />
      {summary.statistics.length ? <StatisticsGroup rows={summary.statistics} script={script} actions={actions} /> : null}
    </div>
  );
}

function EntityGroup({ kind, title, items, script, actions }: { kind: string; title: string; items: EntitySummary[]; script: DisplayScript; actions: EntryActions }) {
  const t = useT();
  if (!items.length) return null;
  return (
    <section>
      <h2 class="fzl-h2" id={`fzl-panel-${kind}`}>
        {title}
      </h2>
      <ul class="fzl-panel-list" role="list" aria-labelledby={`fzl-panel-${kind}`} data-testid={`panel-list-${kind}`}>
        {items.map((item) => {
          const name = nameInScript(item.canonical, script);
          const others = item.surfaces.filter((s) => s !== name);
          return (
            <li class="fzl-panel-entry">
              <button type="button" class="fzl-entity" data-testid="panel-entry" onClick={() => actions.scrollTo(item.first)} title={t('panelScrollTo')}>
                <span class="fzl-entity-label">
                  <span lang={script}>{name}</span>
                  {others.length ? <span class="fzl-muted"> ({others.join('、')})</span> : null}
                </span>
                <span class="fzl-mentions" aria-label={t('mentions', { count: item.mentions })}>
                  ×{item.mentions}
                </span>
              </button>
              <button type="button" class="fzl-panel-clip" data-testid="panel-clip-entry" disabled={actions.busy} aria-label={t('panelClipNamed', { name })} onClick={() => actions.clip(item.first, name)}>
                {t('clip')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The statistics with room: the measure (wrapping) and the figure (never wrapping), one row each. */
function StatisticsGroup({ rows, script, actions }: { rows: StatisticRow[]; script: DisplayScript; actions: EntryActions }) {
  const t = useT();
  return (
    <section>
      <h2 class="fzl-h2" id="fzl-panel-statistics">
        {t('kindsStatistic')}
      </h2>
      <table class="fzl-table fzl-panel-statistics" aria-labelledby="fzl-panel-statistics" data-testid="panel-statistics">
        <thead>
          <tr>
            <th scope="col">{t('colMeasure')}</th>
            <th scope="col" class="fzl-num">{t('colValue')}</th>
            <th scope="col">
              <span class="fzl-visually-hidden">{t('clip')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const amount = row.value === null ? row.text : amountOf({ value: row.value, unit: row.unit, approx: row.approx }, t, script);
            return (
              <tr data-testid="panel-statistic" title={row.sentence} tabIndex={0} onClick={() => actions.scrollTo(row.index)} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget && actions.scrollTo(row.index)}>
                <td lang={script}>
                  {row.measure ? nameInScript(row.measure, script) : <span class="fzl-muted">{t('chartNoMeasure')}</span>}
                  <div class="fzl-muted">{row.text}</div>
                </td>
                <td class="fzl-num fzl-panel-figure" data-testid="panel-figure" lang={script}>
                  {amount}
                </td>
                <td>
                  <button
                    type="button"
                    class="fzl-panel-clip"
                    data-testid="panel-clip-statistic"
                    disabled={actions.busy}
                    aria-label={t('panelClipNamed', { name: row.text })}
                    onClick={(e) => {
                      e.stopPropagation();
                      actions.clip(row.index, row.text);
                    }}
                  >
                    {t('clip')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
