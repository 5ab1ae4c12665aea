/** The operations mentioned across the collections, each with the dated articles that mention it. */
import type { ChartMention } from './figures';

export interface TimelineRow {
  canonical: string;
  /** Dated mentions, one per article (the first clip of it), oldest first. */
  mentions: ChartMention[];
  /** Mentions of this operation without an article date (counted, not plotted). */
  undated: number;
}

export function operationTimeline(mentions: readonly ChartMention[]): TimelineRow[] {
  const rows = new Map<string, { byPage: Map<string, ChartMention>; undated: Set<string> }>();
  for (const m of mentions) {
    if (m.kind !== 'operation') continue;
    let row = rows.get(m.canonical);
    if (!row) rows.set(m.canonical, (row = { byPage: new Map(), undated: new Set() }));
    if (m.time === null) row.undated.add(m.page);
    else if (!row.byPage.has(m.page)) row.byPage.set(m.page, m);
  }
  const out: TimelineRow[] = [];
  for (const [canonical, row] of rows) {
    const dated = [...row.byPage.values()].sort((a, b) => a.time! - b.time!);
    out.push({ canonical, mentions: dated, undated: row.undated.size });
  }
  // Oldest first mention first: the rows read as the campaigns' history.
  const first = (r: TimelineRow) => r.mentions[0]?.time ?? Infinity;
  return out.sort((a, b) => first(a) - first(b) || b.mentions.length - a.mentions.length);
}
