/**
 * Chart filters. A figure names no agency or operation of its own, so "by agency" keeps the figures
 * of the articles in which that agency was clipped too (the page joins them); site and collection
 * are the clip's own.
 */
import type { ChartData, ChartFigure, ChartMention } from './figures';

export interface ChartFilters {
  agency: string;
  operation: string;
  site: string;
  collectionId: string;
}

export const NO_CHART_FILTERS: ChartFilters = { agency: '', operation: '', site: '', collectionId: '' };

export interface ChartFilterOptions {
  agencies: string[];
  operations: string[];
  sites: string[];
}

const collator = new Intl.Collator('zh');
const sorted = (values: Set<string>) => [...values].sort(collator.compare);

export function chartFilterOptions(data: ChartData): ChartFilterOptions {
  const agencies = new Set<string>();
  const operations = new Set<string>();
  const sites = new Set<string>();
  for (const m of data.mentions) (m.kind === 'agency' ? agencies : operations).add(m.canonical);
  for (const item of [...data.figures, ...data.mentions]) if (item.site) sites.add(item.site);
  return { agencies: sorted(agencies), operations: sorted(operations), sites: sorted(sites) };
}

/** Pages that mention `canonical` of `kind` among the clips. */
function pagesMentioning(mentions: readonly ChartMention[], kind: ChartMention['kind'], canonical: string): Set<string> {
  const pages = new Set<string>();
  for (const m of mentions) if (m.kind === kind && m.canonical === canonical) pages.add(m.page);
  return pages;
}

export function filterChartData(data: ChartData, filters: ChartFilters): ChartData {
  const agencyPages = filters.agency ? pagesMentioning(data.mentions, 'agency', filters.agency) : null;
  const operationPages = filters.operation ? pagesMentioning(data.mentions, 'operation', filters.operation) : null;
  const keep = (item: ChartFigure | ChartMention) =>
    (!filters.site || item.site === filters.site) &&
    (!filters.collectionId || item.collectionIds.includes(filters.collectionId)) &&
    (agencyPages === null || agencyPages.has(item.page)) &&
    (operationPages === null || operationPages.has(item.page));
  return { figures: data.figures.filter(keep), mentions: data.mentions.filter(keep) };
}
