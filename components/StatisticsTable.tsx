import { useState } from 'preact/hooks';
import { nameInScript, type DisplayScript } from '@/lib/display/names';
import { statisticsTable, type StatisticRow } from '@/lib/highlight/page-annotations';
import { useT } from './i18n';

export function StatisticsTable({
  rows,
  onSelect,
  copyText,
  nameScript = 'zh-Hans',
}: {
  rows: StatisticRow[];
  onSelect: (index: number) => void;
  copyText?: (text: string) => Promise<void>;
  /** Units and measures are shown in the reader's script (the copied table keeps them simplified). */
  nameScript?: DisplayScript;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const t = useT();
  const copy = async (format: 'csv' | 'tsv') => {
    if (!copyText) return;
    try {
      await copyText(statisticsTable(rows, format));
      setCopied(t('copiedRows', { count: rows.length, format: format.toUpperCase() }));
    } catch (error) {
      setCopied(t('copyFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <div data-testid="statistics">
      <div class="fzl-copy">
        <button type="button" data-testid="copy-csv" onClick={() => void copy('csv')}>
          {t('copyCsv')}
        </button>
        <button type="button" data-testid="copy-tsv" onClick={() => void copy('tsv')}>
          {t('copyTsv')}
        </button>
        <span class="fzl-muted" role="status">
          {copied}
        </span>
      </div>
      <table class="fzl-table" data-testid="statistics-table">
        <thead>
          <tr>
            <th scope="col">{t('colText')}</th>
            <th scope="col">{t('colValue')}</th>
            <th scope="col">{t('colUnit')}</th>
            <th scope="col">{t('colApprox')}</th>
            <th scope="col">{t('colMeasure')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              tabIndex={0}
              title={row.sentence}
              onClick={() => onSelect(row.index)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') onSelect(row.index);
              }}
            >
              <td>{row.text}</td>
              <td class="fzl-num">{row.value === null ? '' : row.value.toLocaleString('en-US', { maximumFractionDigits: 6 })}</td>
              <td lang={nameScript}>{nameInScript(row.unit, nameScript)}</td>
              <td>{row.approx ? t('approxMark') : ''}</td>
              <td lang={nameScript}>{nameInScript(row.measure, nameScript)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
