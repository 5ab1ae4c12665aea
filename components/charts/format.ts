import type { ChartFigure, ChartMention } from '@/lib/charts';
import { readableText } from '@/lib/collections/display';
import { nameInScript, type DisplayScript } from '@/lib/display/names';
import { LANGUAGE_TAGS, type Locale, type Translate } from '@/lib/i18n';

/** Axis labels: 2.4亿 / 2.4億 / 240M, as the reader's language writes large numbers. */
export function compactNumber(locale: Locale): (value: number) => string {
  const format = new Intl.NumberFormat(LANGUAGE_TAGS[locale], { notation: 'compact', maximumFractionDigits: 1 });
  return (value) => format.format(value);
}

/** The figure in full, as the statistics tables write it (240,000,000). */
export const fullNumber = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 6 });

/** "约 3,180,000,000 元" — the amount with its approximation mark and unit in the reader's script. */
export function amountOf(figure: Pick<ChartFigure, 'value' | 'unit' | 'approx'>, t: Translate, script: DisplayScript): string {
  return [figure.approx ? t('approxMark') : '', fullNumber(figure.value), figure.unit ? ` ${nameInScript(figure.unit, script)}` : ''].join('');
}

/** A measure as a legend or axis names it; figures without one are "other". */
export function measureName(measure: string, t: Translate, script: DisplayScript): string {
  return measure ? nameInScript(readableText(measure), script) : t('chartNoMeasure');
}

/** The quote around a figure or mention: a little of the text before and after, the clipped part itself. */
export function quoteParts(item: ChartFigure | ChartMention): { before: string; exact: string; after: string } {
  return { before: readableText(item.quote.prefix), exact: readableText(item.quote.exact), after: readableText(item.quote.suffix) };
}
