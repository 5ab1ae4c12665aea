import { useState } from 'preact/hooks';
import { statisticsTable, type StatisticRow } from '@/lib/highlight/page-annotations';

export function StatisticsTable({
  rows,
  onSelect,
  copyText,
}: {
  rows: StatisticRow[];
  onSelect: (index: number) => void;
  copyText?: (text: string) => Promise<void>;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (format: 'csv' | 'tsv') => {
    if (!copyText) return;
    try {
      await copyText(statisticsTable(rows, format));
      setCopied(`已复制 ${rows.length} 行 (${format.toUpperCase()})`);
    } catch (error) {
      setCopied(`复制失败：${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <div data-testid="statistics">
      <div class="fzl-copy">
        <button type="button" data-testid="copy-csv" onClick={() => void copy('csv')}>
          复制 CSV
        </button>
        <button type="button" data-testid="copy-tsv" onClick={() => void copy('tsv')}>
          复制 TSV
        </button>
        <span class="fzl-muted" role="status">
          {copied}
        </span>
      </div>
      <table class="fzl-table" data-testid="statistics-table">
        <thead>
          <tr>
            <th scope="col">原文</th>
            <th scope="col">数值</th>
            <th scope="col">单位</th>
            <th scope="col">约数</th>
            <th scope="col">统计对象</th>
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
              <td>{row.unit}</td>
              <td>{row.approx ? '约' : ''}</td>
              <td>{row.measure}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
