/**
 * What the charts plot, taken from clips: every clipped statistic with a number becomes a figure,
 * every clipped operation or agency a mention, each with its article's date, page and quote. The
 * background builds this for the side panel (a few fields per clip instead of whole clips); the
 * manager builds it from the clips it already holds.
 */
import { pageOf, type Clip } from '../collections';

export interface ChartQuote {
  prefix: string;
  exact: string;
  suffix: string;
}

interface ChartItem {
  clipId: string;
  /** The article's date (YYYY-MM-DD) when the page gave one; figures without one are listed, not plotted. */
  date: string | null;
  /** `date` as UTC milliseconds (null without a date). */
  time: number | null;
  title: string;
  url: string;
  /** The page (URL without #fragment): figures and mentions of one article share it. */
  page: string;
  site: string;
  quote: ChartQuote;
  collectionIds: string[];
  /** The page's script: names are shown in the reader's script. */
  script: Clip['target']['script'];
}

export interface ChartFigure extends ChartItem {
  value: number;
  /** As stored, simplified ('' when the annotator found none). */
  unit: string;
  measure: string;
  /** 余/多/约: the text gives a lower bound or an estimate, not an exact count. */
  approx: boolean;
  text: string;
}

export interface ChartMention extends ChartItem {
  kind: 'operation' | 'agency';
  /** The simplified canonical name (the key across scripts). */
  canonical: string;
}

export interface ChartData {
  figures: ChartFigure[];
  mentions: ChartMention[];
}

const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

/** YYYY-MM-DD of a page date (a month alone is the month's first day), or null. */
export function articleDay(publishedAt: string | undefined): string | null {
  const match = publishedAt ? DATE.exec(publishedAt) : null;
  if (!match) return null;
  return `${match[1]}-${match[2]}-${match[3] ?? '01'}`;
}

export function dayTime(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** How much of the page's text around the quote a tooltip shows, each side. */
const CONTEXT_CHARS = 40;

function itemOf(clip: Clip): ChartItem {
  const date = articleDay(clip.target.publishedAt);
  const [quote] = clip.target.selector;
  return {
    clipId: clip.id,
    date,
    time: date === null ? null : dayTime(date),
    title: clip.target.title,
    url: clip.target.url,
    page: pageOf(clip.target.url),
    site: clip.target.site,
    quote: { prefix: quote.prefix.slice(-CONTEXT_CHARS), exact: quote.exact, suffix: quote.suffix.slice(0, CONTEXT_CHARS) },
    collectionIds: clip.collectionIds,
    script: clip.target.script,
  };
}

export function chartDataOf(clips: Iterable<Clip>): ChartData {
  const figures: ChartFigure[] = [];
  const mentions: ChartMention[] = [];
  for (const clip of clips) {
    if (clip.kind === 'statistic') {
      if (clip.value === undefined || !Number.isFinite(clip.value)) continue;
      figures.push({ ...itemOf(clip), value: clip.value, unit: clip.unit ?? '', measure: clip.measure ?? '', approx: clip.approx === true, text: clip.text });
    } else if (clip.kind === 'operation' || clip.kind === 'agency') {
      mentions.push({ ...itemOf(clip), kind: clip.kind, canonical: clip.canonical ?? clip.text });
    }
  }
  return { figures, mentions };
}
