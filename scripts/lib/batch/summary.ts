/**
 * `annotate summary OUT.jsonl|OUT.parquet ...`: what a batch found, through DuckDB SQL over the output
 * itself (no second pass over the pages): documents, counts by operation, agency and year, and the
 * statistics table (by measure and unit).
 */
import { readJsonlSql, sqlString } from './sinks';

export interface SummaryTable {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

function source(paths: string[]): string {
  const parquet = paths.filter((p) => /\.parquet$/i.test(p));
  const jsonl = paths.filter((p) => !/\.parquet$/i.test(p));
  const parts: string[] = [];
  // Parquet and JSONL outputs have the same columns, so they can be summarised together.
  if (parquet.length) parts.push(`SELECT * FROM read_parquet([${parquet.map(sqlString).join(', ')}], union_by_name = true)`);
  for (const p of jsonl) parts.push(`SELECT * FROM ${readJsonlSql(p)}`);
  return parts.join(' UNION ALL BY NAME ');
}

export async function summarise(paths: string[]): Promise<SummaryTable[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const query = async (sql: string) => (await connection.runAndReadAll(sql)).getRowsJson() as (string | number | null)[][];
  try {
    await connection.run(`CREATE TEMP VIEW docs AS SELECT row_number() OVER () AS doc, * FROM (${source(paths)})`);
    await connection.run(`CREATE TEMP VIEW hits AS SELECT doc, coalesce(date, warcDate) AS date, unnest(annotations, recursive := true) FROM docs`);
    const tables: SummaryTable[] = [];
    const [[documents, articles, failed]] = await query(
      `SELECT count(*), count(*) FILTER (WHERE noArticle IS NULL), count(*) FILTER (WHERE noArticle IS NOT NULL) FROM docs`,
    );
    tables.push({ title: 'documents', columns: ['documents', 'articles', 'not articles'], rows: [[documents, articles, failed]] });
    for (const kind of ['operation', 'agency'] as const) {
      tables.push({
        title: `by ${kind}`,
        columns: [kind, 'mentions', 'documents'],
        rows: await query(
          `SELECT coalesce(canonical, text) AS name, count(*) AS mentions, count(DISTINCT doc) AS documents FROM hits
           WHERE kind = '${kind}' GROUP BY name ORDER BY mentions DESC, name`,
        ),
      });
    }
    tables.push({
      title: 'by year (the page date, else the crawl date)',
      columns: ['year', 'documents', 'operations', 'agencies', 'statistics'],
      rows: await query(
        `SELECT coalesce(substr(coalesce(date, warcDate), 1, 4), 'unknown') AS year, count(*) AS documents,
                sum(len(list_filter(annotations, a -> a.kind = 'operation'))) AS operations,
                sum(len(list_filter(annotations, a -> a.kind = 'agency'))) AS agencies,
                sum(len(list_filter(annotations, a -> a.kind = 'statistic'))) AS statistics
         FROM docs GROUP BY year ORDER BY year`,
      ),
    });
    tables.push({
      title: 'statistics (by what is counted and unit)',
      columns: ['measure', 'unit', 'mentions', 'documents', 'min', 'max', 'approx'],
      rows: await query(
        `SELECT coalesce(measure, '') AS measure, coalesce(unit, '') AS unit, count(*) AS mentions, count(DISTINCT doc) AS documents,
                min(value) AS min, max(value) AS max, count(*) FILTER (WHERE approx) AS approx
         FROM hits WHERE kind = 'statistic' GROUP BY measure, unit ORDER BY mentions DESC, measure, unit`,
      ),
    });
    return tables;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const char of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return w;
}

export function formatTables(tables: SummaryTable[]): string {
  const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(v));
  return tables
    .map((table) => {
      const rows = [table.columns, ...table.rows.map((r) => r.map(cell))];
      const widths = table.columns.map((_, k) => Math.max(...rows.map((r) => width(r[k] as string))));
      const line = (r: (string | number | null)[]) => r.map((v, k) => String(v) + ' '.repeat(widths[k] - width(String(v)))).join('  ').trimEnd();
      return [`## ${table.title}`, line(rows[0]), ...rows.slice(1).map(line)].join('\n');
    })
    .join('\n\n') + '\n';
}
