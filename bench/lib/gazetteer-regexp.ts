/**
 * The baseline the recogniser is measured against: one JavaScript RegExp alternation of the same
 * gazetteer terms (agency names and aliases, operation names, place names + body words) plus a
 * statistics pattern. Used by the annotate() throughput bench and, through mark.js, by the page bench.
 */
import agencyData from '../../lib/data/agencies.json';
import operationData from '../../lib/data/operations.json';
import placeData from '../../lib/data/annotate-places.json';
import patternData from '../../lib/data/annotate-agency-patterns.json';
import statData from '../../lib/data/annotate-statistics.json';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function gazetteerTerms(): string[] {
  const terms = new Set<string>();
  for (const a of agencyData.agencies as { canonical: string; aliases: string[] }[]) for (const t of [a.canonical, ...a.aliases]) terms.add(t);
  for (const o of operationData.operations as { name: string; aliases?: string[] }[]) for (const t of [o.name, ...(o.aliases ?? [])]) terms.add(t);
  return [...terms].sort((a, b) => b.length - a.length);
}

/** Local bodies: a place name, an optional level, a body word (汉中市公安局). */
export function localBodyPatternSource(): string {
  const places = [...placeData.provinces, ...placeData.cities].map(escape).join('|');
  const bodies = patternData.bodies.map(escape).join('|');
  return `(?:${places})(?:省|市|县|区)?(?:${bodies})`;
}

/** Figures with a qualifier, multiplier and unit (46.4万起, 3180余亿元). */
export function statisticPatternSource(): string {
  const units = [...statData.units].sort((a, b) => b.length - a.length).map(escape).join('|');
  return `(?:近|超过|超|逾|约)?(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿]+)(?:余|多)?[十百千万亿]*(?:余|多)?(?:${units})`;
}

/** The whole alternation as source text (flags left to the caller). */
export function gazetteerPatternSource(): string {
  return [...gazetteerTerms().map(escape), localBodyPatternSource(), statisticPatternSource()].join('|');
}
