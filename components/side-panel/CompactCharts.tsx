import { useMemo } from 'preact/hooks';
import { chartsByUnit, type ChartData, type ChartFigure } from '@/lib/charts';
import { readerScript } from '@/lib/display/reader-script';
import { useI18n } from '../i18n';
import { useChartTheme } from '../charts/color-scheme';
import { UnitChartView } from '../charts/UnitChartView';
import '../charts/charts.css';

const SHOWN_UNITS = 2;

/** The chosen collection's figures, small: the two units with the most figures, the rest in the manager. */
export function CompactCharts({ data, collectionName, onOpen, onOpenManager }: { data: ChartData | null; collectionName: string; onOpen: (figure: ChartFigure) => void; onOpenManager: () => void }) {
  const { t, locale } = useI18n();
  const theme = useChartTheme();
  const charts = useMemo(() => (data ? chartsByUnit(data.figures).filter((c) => c.count > 0) : []), [data]);
  const script = readerScript({ locale });
  return (
    <section data-testid="panel-charts" aria-labelledby="fzl-panel-charts">
      <h2 class="fzl-h2" id="fzl-panel-charts">
        {t('panelChartTitle', { name: collectionName })}
      </h2>
      {data === null ? (
        <div class="fzl-muted">…</div>
      ) : charts.length === 0 ? (
        <div class="fzl-muted" data-testid="panel-chart-empty">
          {t('chartNoFigures')}
        </div>
      ) : (
        charts.slice(0, SHOWN_UNITS).map((chart) => <UnitChartView key={chart.unit} chart={chart} theme={theme} locale={locale} script={script} width={340} plotHeight={110} onOpen={onOpen} />)
      )}
      <button type="button" class="fzl-entity" data-testid="panel-open-charts" onClick={onOpenManager}>
        {charts.length > SHOWN_UNITS ? t('panelMoreCharts', { count: charts.length - SHOWN_UNITS }) : t('panelAllCharts')}
      </button>
    </section>
  );
}
