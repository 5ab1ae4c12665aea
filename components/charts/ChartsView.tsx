import { useMemo, useRef, useState } from 'preact/hooks';
import {
  chartFilterOptions,
  chartsByUnit,
  filterChartData,
  NO_CHART_FILTERS,
  operationTimeline,
  type ChartData,
  type ChartFigure,
  type ChartFilters,
  type ChartMention,
  type UnitChart,
} from '@/lib/charts';
import { readableText } from '@/lib/collections/display';
import { nameInScript } from '@/lib/display/names';
import { readerScript } from '@/lib/display/reader-script';
import { useI18n } from '../i18n';
import { onValue } from '../control-events';
import { useChartTheme } from './color-scheme';
import { svgFileText, svgToPng } from './export';
import { amountOf, measureName } from './format';
import { TimelineView } from './TimelineView';
import { UnitChartView } from './UnitChartView';
import './charts.css';

export interface ChartsViewProps {
  data: ChartData;
  collections: readonly { id: string; name: string }[];
  /** Opens the clip's article, scrolled to it. */
  onOpen: (clipId: string) => void;
  /** Saves a file. */
  download: (content: string | Blob, filename: string, mimeType: string) => void;
}

const TABLE_ROWS = 200;
const WIDTH = 760;

/** The manager's charts: figures over the articles' dates (one axis per unit), the operations' timeline, as pictures or as a table. */
export function ChartsView({ data, collections, onOpen, download }: ChartsViewProps) {
  const { t, locale } = useI18n();
  const theme = useChartTheme();
  const script = readerScript({ locale });
  const [filters, setFilters] = useState<ChartFilters>(NO_CHART_FILTERS);
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const [rows, setRows] = useState(TABLE_ROWS);
  const options = useMemo(() => chartFilterOptions(data), [data]);
  const filtered = useMemo(() => filterChartData(data, filters), [data, filters]);
  const charts = useMemo(() => chartsByUnit(filtered.figures), [filtered]);
  const timeline = useMemo(() => operationTimeline(filtered.mentions), [filtered]);
  const setFilter = (key: keyof ChartFilters, value: string) => {
    setFilters({ ...filters, [key]: value });
    setRows(TABLE_ROWS);
  };
  const undated = charts.reduce((n, c) => n + c.undated.length, 0);

  return (
    <section class="fzl-charts" data-testid="charts-view" aria-label={t('viewCharts')}>
      <div class="fzl-manager-filters" role="group" aria-label={t('filters')}>
        <select aria-label={t('kindsAgency')} data-testid="chart-filter-agency" value={filters.agency} onChange={onValue((v) => setFilter('agency', v))}>
          <option value="">{t('allAgencies')}</option>
          {options.agencies.map((a) => (
            <option value={a}>{nameInScript(a, script)}</option>
          ))}
        </select>
        <select aria-label={t('kindsOperation')} data-testid="chart-filter-operation" value={filters.operation} onChange={onValue((v) => setFilter('operation', v))}>
          <option value="">{t('allOperations')}</option>
          {options.operations.map((o) => (
            <option value={o}>{nameInScript(o, script)}</option>
          ))}
        </select>
        <select aria-label={t('site')} data-testid="chart-filter-site" value={filters.site} onChange={onValue((v) => setFilter('site', v))}>
          <option value="">{t('allSites')}</option>
          {options.sites.map((s) => (
            <option value={s}>{s}</option>
          ))}
        </select>
        <select aria-label={t('collection')} data-testid="chart-filter-collection" value={filters.collectionId} onChange={onValue((v) => setFilter('collectionId', v))}>
          <option value="">{t('allCollections')}</option>
          {collections.map((c) => (
            <option value={c.id}>{c.name}</option>
          ))}
        </select>
        <span class="fzl-muted">{t('chartFilterHint')}</span>
      </div>
      <div class="fzl-manager-views" role="group" aria-label={t('chartShowAs')}>
        <button type="button" aria-pressed={mode === 'chart'} data-testid="chart-mode-chart" onClick={() => setMode('chart')}>
          {t('chartAsChart')}
        </button>
        <button type="button" aria-pressed={mode === 'table'} data-testid="chart-mode-table" onClick={() => setMode('table')}>
          {t('chartAsTable')}
        </button>
        <span class="fzl-muted" data-testid="chart-summary">
          {t('chartSummary', { figures: filtered.figures.length, series: charts.reduce((n, c) => n + c.series.length, 0), operations: timeline.length })}
          {undated ? ` · ${t('chartUndated', { count: undated })}` : ''}
        </span>
      </div>

      {mode === 'chart' ? (
        <>
          {charts.filter((c) => c.count > 0).length === 0 ? <div class="fzl-muted" data-testid="chart-empty">{t('chartNoFigures')}</div> : null}
          {charts
            .filter((c) => c.count > 0)
            .map((chart) => (
              <ExportableChart key={chart.unit} name={`figures-${chart.unit || 'none'}`} download={download} title={t('chartUnitTitle', { unit: chart.unit ? nameInScript(chart.unit, script) : t('chartNoUnit'), count: chart.count })}>
                {(ref) => <UnitChartView chart={chart} theme={theme} locale={locale} script={script} width={WIDTH} plotHeight={220} onOpen={(f) => onOpen(f.clipId)} svgRef={ref} />}
              </ExportableChart>
            ))}
          {timeline.some((r) => r.mentions.length) ? (
            <ExportableChart name="operations-timeline" download={download} title={t('chartTimelineTitle', { count: timeline.length })}>
              {(ref) => <TimelineView rows={timeline.filter((r) => r.mentions.length)} theme={theme} script={script} width={WIDTH} onOpen={(m) => onOpen(m.clipId)} svgRef={ref} />}
            </ExportableChart>
          ) : null}
        </>
      ) : (
        <ChartTables charts={charts} timeline={timeline.flatMap((r) => r.mentions)} rows={rows} onMore={() => setRows((n) => n + TABLE_ROWS * 5)} onOpen={onOpen} />
      )}
    </section>
  );
}

function ExportableChart({ name, title, download, children }: { name: string; title: string; download: ChartsViewProps['download']; children: (ref: { current: SVGSVGElement | null }) => preact.ComponentChildren }) {
  const { t } = useI18n();
  const svg = useRef<SVGSVGElement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stamp = () => new Date().toISOString().slice(0, 10);
  const safe = name.replace(/[^\p{L}\p{N}_-]+/gu, '-');
  const saveSvg = () => svg.current && download(svgFileText(svg.current), `fanzha-lens-${safe}-${stamp()}.svg`, 'image/svg+xml');
  const savePng = async () => {
    if (!svg.current) return;
    try {
      download(await svgToPng(svgFileText(svg.current)), `fanzha-lens-${safe}-${stamp()}.png`, 'image/png');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <figure class="fzl-chart" data-testid="chart-figure">
      <figcaption>
        <span class="fzl-chart-title">{title}</span>
        <button type="button" data-testid="chart-export-svg" onClick={saveSvg}>
          {t('chartExportSvg')}
        </button>
        <button type="button" data-testid="chart-export-png" onClick={() => void savePng()}>
          {t('chartExportPng')}
        </button>
        {error ? <span class="fzl-coll-error" role="alert">{error}</span> : null}
      </figcaption>
      {children(svg)}
    </figure>
  );
}

/** The same data as tables: what a screen reader reads, and what a reader copies. */
function ChartTables({ charts, timeline, rows, onMore, onOpen }: { charts: UnitChart[]; timeline: ChartMention[]; rows: number; onMore: () => void; onOpen: (clipId: string) => void }) {
  const { t, locale } = useI18n();
  const script = readerScript({ locale });
  const figures: ChartFigure[] = charts.flatMap((c) => [...c.series.flatMap((s) => s.points), ...c.undated]);
  const article = (item: ChartFigure | ChartMention) => (
    <button type="button" class="fzl-entity" data-testid="chart-table-open" title={item.url} onClick={() => onOpen(item.clipId)}>
      {readableText(item.title) || item.url}
    </button>
  );
  return (
    <>
      <table class="fzl-table fzl-chart-table" data-testid="chart-table">
        <caption>{t('chartFiguresCaption', { count: figures.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colUnit')}</th>
            <th scope="col">{t('colIndicator')}</th>
            <th scope="col" class="fzl-num">{t('colValue')}</th>
            <th scope="col">{t('colApprox')}</th>
            <th scope="col">{t('date')}</th>
            <th scope="col">{t('source')}</th>
            <th scope="col">{t('site')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.slice(0, rows).map((f) => (
            <tr data-testid="chart-table-row">
              <td lang={script}>{f.unit ? nameInScript(f.unit, script) : t('chartNoUnit')}</td>
              <td lang={script}>{measureName(f.measure, t, script)}</td>
              <td class="fzl-num">{amountOf({ ...f, approx: false, unit: '' }, t, script)}</td>
              <td>{f.approx ? t('approxMark') : ''}</td>
              <td>{f.date ?? t('chartNoDate')}</td>
              <td>{article(f)}</td>
              <td>{f.site}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {figures.length > rows ? (
        <button type="button" data-testid="chart-table-more" onClick={onMore}>
          {t('showMore', { count: figures.length })}
        </button>
      ) : null}
      {timeline.length ? (
        <table class="fzl-table fzl-chart-table" data-testid="timeline-table">
          <caption>{t('chartTimelineCaption', { count: timeline.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kindsOperation')}</th>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('site')}</th>
            </tr>
          </thead>
          <tbody>
            {timeline.slice(0, rows).map((m) => (
              <tr>
                <td lang={script}>{nameInScript(m.canonical, script)}</td>
                <td>{m.date}</td>
                <td>{article(m)}</td>
                <td>{m.site}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
