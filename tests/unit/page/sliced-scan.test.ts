import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateElements } from '../../../lib/highlight/page-annotations';
import { annotateBlocksSliced, ScanCancelled } from '../../../lib/page/sliced-scan';

const long = readFileSync(join(import.meta.dirname, '../../fixtures/pages/long-article.html'), 'utf8');
const all = { operation: true, agency: true, statistic: true };

describe('annotateBlocksSliced', () => {
  it('finds exactly what one pass finds on a 200,000-character article, yielding between slices', async () => {
    const doc = parseHTML(long).document as unknown as Document;
    const blocks = Array.from(doc.querySelectorAll('#artibody p'));
    const whole = annotateElements(blocks);
    let yields = 0;
    let painted = 0;
    const sliced = await annotateBlocksSliced(
      blocks,
      { kinds: all },
      { budgetMs: 5, now: () => performance.now(), cancelled: () => false, yieldToPage: async () => void yields++ },
      (slice) => (painted += slice.length),
    );
    expect(sliced.map.text.length).toBeGreaterThan(199_000);
    expect(sliced.map.text).toBe(whole.map.text);
    const key = (a: { kind: string; start: number; end: number; value?: number; canonical?: string }) =>
      `${a.kind}:${a.start}:${a.end}:${a.value ?? ''}:${a.canonical ?? ''}`;
    expect(sliced.annotations.map(key)).toEqual(whole.annotations.map(key));
    expect(sliced.annotations.map((a) => a.index)).toEqual(sliced.annotations.map((_, i) => i));
    expect(painted).toBe(sliced.annotations.length);
    expect(yields).toBeGreaterThan(5);
  });

  it('stops when a newer scan cancels it, and filters kinds', async () => {
    const doc = parseHTML(long).document as unknown as Document;
    const blocks = Array.from(doc.querySelectorAll('#artibody p'));
    let cancel = false;
    const run = annotateBlocksSliced(blocks, { kinds: all }, {
      budgetMs: 0,
      now: () => performance.now(),
      cancelled: () => cancel,
      yieldToPage: async () => void (cancel = true),
    });
    await expect(run).rejects.toBeInstanceOf(ScanCancelled);
    const few = Array.from(doc.querySelectorAll('#artibody p')).slice(0, 5);
    const onlyAgencies = await annotateBlocksSliced(few, { kinds: { ...all, operation: false, statistic: false } }, {
      budgetMs: 50,
      now: () => performance.now(),
      cancelled: () => false,
      yieldToPage: async () => {},
    });
    expect(onlyAgencies.annotations.length).toBeGreaterThan(0);
    expect(new Set(onlyAgencies.annotations.map((a) => a.kind))).toEqual(new Set(['agency']));
  });
});
