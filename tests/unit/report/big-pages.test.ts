/**
 * #19 item 5: an 8 MB page failed "Maximum call stack size exceeded" (a spread of every hit into one
 * push, and a recursive walk over the DOM). Built here from seed text, so the sizes are real-looking.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/index';
import { reportPage } from '../../../lib/report/page-report';

const seed = readFileSync(join(__dirname, '../../fixtures/seeds/002_cd855594ea86f9d9.txt'), 'utf8');

describe('big pages', () => {
  it('annotates 16 M characters (over 400,000 hits) without a stack overflow', () => {
    let text = seed;
    while (text.length < 16_000_000) text += text; // 16 M characters
    const hits = annotate(text);
    expect(hits.length).toBeGreaterThan(400_000);
    expect(text.slice(hits.at(-1)!.start, hits.at(-1)!.end)).toBe(hits.at(-1)!.text);
  }, 60_000);

  it('reads the visible text of a page nested 20,000 elements deep (--no-extract)', () => {
    const depth = 20_000;
    const html = `<html><body>${'<div>'.repeat(depth)}公安部破获案件46.4万起${'</div>'.repeat(depth)}</body></html>`;
    const report = reportPage('deep.html', Buffer.from(html), { extract: false, parseHtml: (h: string) => parseHTML(h).document as unknown as Document });
    expect(report.body).toContain('公安部破获案件46.4万起');
    expect(report.annotations.map((a) => a.text)).toEqual(['公安部', '46.4万起']);
  }, 60_000);
});
