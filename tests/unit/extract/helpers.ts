import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { decodeHtml } from '../../../lib/extract/decode';

export const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const newsHtml = (relative: string) => `${fixtures}corpus/news-html/${relative}`;

export function loadPage(path: string): Document {
  const { html } = decodeHtml(new Uint8Array(readFileSync(path)));
  return parseHTML(html).document as unknown as Document;
}

export function htmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

const compact = (text: string) => text.replace(/\s+/g, '');

/** Bag-of-characters F1, whitespace ignored (the measure the eval script uses). */
export function characterF1(extracted: string, expected: string): number {
  const a = Array.from(compact(extracted));
  const b = Array.from(compact(expected));
  const counts = new Map<string, number>();
  for (const c of b) counts.set(c, (counts.get(c) ?? 0) + 1);
  let overlap = 0;
  for (const c of a) {
    const left = counts.get(c) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(c, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const p = overlap / a.length;
  const r = overlap / b.length;
  return (2 * p * r) / (p + r);
}
