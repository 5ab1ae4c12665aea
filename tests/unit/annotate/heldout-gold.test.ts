/**
 * The held-out gold (tests/fixtures/annotate/heldout): well-formed, and the dev pages stay at the level
 * reached after tuning. The blind test pages are only checked for form here, so no test is tuned on them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/index';
import type { Annotation, AnnotationKind } from '../../../lib/annotate/types';
import { kindF1, scoreTexts } from '../../../lib/eval/annotation-score';

interface HeldOut {
  page: string;
  script: 'zh-Hans' | 'zh-Hant';
  body: string;
  annotations: Annotation[];
}

const dir = join(__dirname, '../../fixtures/annotate/heldout');
const load = (split: string) =>
  readdirSync(join(dir, split))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, split, f), 'utf8')) as HeldOut);
const dev = load('dev');
const test = load('test');

describe('held-out gold', () => {
  it('has 8 dev and 4 test pages in both scripts, with spans that match the body and do not overlap', () => {
    expect(dev).toHaveLength(8);
    expect(test).toHaveLength(4);
    for (const set of [dev, test]) expect(new Set(set.map((g) => g.script))).toEqual(new Set(['zh-Hans', 'zh-Hant']));
    for (const g of [...dev, ...test]) {
      const sorted = [...g.annotations].sort((a, b) => a.start - b.start);
      sorted.forEach((a, k) => {
        expect(g.body.slice(a.start, a.end)).toBe(a.text);
        if (k > 0) expect(sorted[k - 1].end).toBeLessThanOrEqual(a.start);
      });
    }
  });

  // Scored as the guidelines ask (lib/eval/annotation-score.ts), over the held-out and regional dev sets:
  // the level reached after tuning, so a rule change that loses recognition fails here.
  const regionalDir = join(__dirname, '../../fixtures/annotate/regional/dev');
  const regionalDev = readdirSync(regionalDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(regionalDir, f), 'utf8')) as HeldOut & { id: string });
  const floors: Record<AnnotationKind, number> = { operation: 0.5, agency: 0.8, statistic: 0.9 };
  for (const kind of ['operation', 'agency', 'statistic'] as const) {
    it(`dev (held-out + regional) ${kind}: guideline F1 ≥ ${floors[kind]}`, () => {
      const golds = [...dev.map((g) => ({ ...g, name: g.page })), ...regionalDev.map((g) => ({ ...g, name: g.id }))];
      const score = scoreTexts(golds, (body) => annotate(body));
      expect(kindF1(score.kinds[kind]).lenient).toBeGreaterThanOrEqual(floors[kind]);
    });
  }

  it('dev: no operation is found on pages that name none', () => {
    for (const g of dev) expect(annotate(g.body, { kinds: ['operation'] })).toEqual([]);
  });
});
