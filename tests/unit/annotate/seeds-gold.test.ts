import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/index';
import type { Annotation, AnnotationKind } from '../../../lib/annotate/types';
import { exactSpanF1 } from './span-f1';

const goldDir = join(__dirname, '../../fixtures/annotate/gold');
const seedDir = join(__dirname, '../../fixtures/seeds');
const golds = readdirSync(goldDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as { seed: string; body: string; annotations: Annotation[] });

describe('hand-made gold for the five seeds', () => {
  it('covers all five seeds, with bodies made of whole seed lines and consistent spans', () => {
    expect(golds.map((g) => g.seed).sort()).toEqual(readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort());
    for (const gold of golds) {
      const seedLines = new Set(readFileSync(join(seedDir, gold.seed), 'utf8').split('\n'));
      for (const line of gold.body.split('\n')) expect(seedLines.has(line)).toBe(true);
      for (const a of gold.annotations) expect(gold.body.slice(a.start, a.end)).toBe(a.text);
    }
  });

  const kinds: AnnotationKind[] = ['operation', 'agency', 'statistic'];
  for (const kind of kinds) {
    it(`${kind}: exact-span F1 ≥ 0.9 over the seeds`, () => {
      expect(exactSpanF1(golds, kind)).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('statistics: ≥ 98 % of gold figures have the right value and unit', () => {
    let total = 0;
    let right = 0;
    for (const g of golds) {
      const got = annotate(g.body, { kinds: ['statistic'] });
      for (const e of g.annotations.filter((a) => a.kind === 'statistic')) {
        total++;
        const hit = got.find((a) => a.start < e.end && e.start < a.end);
        if (hit && hit.value === e.value && hit.unit === e.unit) right++;
      }
    }
    expect(total).toBeGreaterThan(30);
    expect(right / total).toBeGreaterThanOrEqual(0.98);
  });

  it('canonical names match the gold for every agency and operation found with its gold span', () => {
    let found = 0;
    let total = 0;
    for (const g of golds) {
      const got = annotate(g.body);
      for (const e of g.annotations.filter((a) => a.kind !== 'statistic')) {
        total++;
        const hit = got.find((a) => a.kind === e.kind && a.start === e.start && a.end === e.end);
        if (!hit) continue;
        found++;
        expect(hit.canonical, `${g.seed} ${e.text}`).toBe(e.canonical);
      }
    }
    expect(found / total).toBeGreaterThanOrEqual(0.95);
  });
});
