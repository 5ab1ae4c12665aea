/**
 * Evaluates lib/annotate against hand-made gold, one report per set:
 *   seeds          tests/fixtures/annotate/gold/*.json         (the five texts the rules were written on)
 *   held-out dev   tests/fixtures/annotate/heldout/dev/*.json  (unseen pages; may be looked at while tuning)
 *   held-out test  tests/fixtures/annotate/heldout/test/*.json (blind check; only with --test)
 * Per set: precision / recall / F1 per kind (exact span match and lenient overlap match), the share of
 * gold statistics with the right value and unit, canonical accuracy, measure agreement, and measures given
 * where the gold has none.
 *
 *   npm run -s eval:annotate                      seeds + held-out dev
 *   npm run -s eval:annotate -- --test            plus the blind held-out test set
 *   npm run -s eval:annotate -- --verbose         plus every miss, false positive and wrong field per set
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate } from '../lib/annotate/index';
import type { Annotation, AnnotationKind } from '../lib/annotate/types';

interface Gold {
  /** Seeds name their seed file, held-out pages their corpus page. */
  seed?: string;
  page?: string;
  body: string;
  annotations: Annotation[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'tests/fixtures/annotate');
const verbose = process.argv.includes('--verbose');
const withTest = process.argv.includes('--test');
const KINDS: AnnotationKind[] = ['operation', 'agency', 'statistic'];

interface Counts {
  gold: number;
  found: number;
  exact: number;
  lenientGold: number;
  lenientFound: number;
}

const overlaps = (a: Annotation, b: Annotation) => a.start < b.end && b.start < a.end;
const context = (body: string, a: { start: number; end: number }) =>
  `${body.slice(Math.max(0, a.start - 8), a.start)}[${body.slice(a.start, a.end)}]${body.slice(a.end, a.end + 6)}`.replace(/\n/g, '⏎');
const sameValue = (a?: number, b?: number) => a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1).padStart(5) + '%' : '    - ');
const ratio = (a: number, b: number) => `${a}/${b} (${pct(a / b).trim()})`;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function loadSet(dir: string): Gold[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ page: basename(f, '.json'), ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold) }));
}

function evaluate(title: string, golds: Gold[]): void {
  const counts = new Map<AnnotationKind, Counts>(KINDS.map((k) => [k, { gold: 0, found: 0, exact: 0, lenientGold: 0, lenientFound: 0 }]));
  let statGold = 0;
  let valueRight = 0;
  let valueUnitRight = 0;
  let canonicalGold = 0;
  let canonicalRight = 0;
  let measureGold = 0;
  let measureRight = 0;
  let measureNotExpected = 0;
  let measureSpurious = 0;
  const notes: string[] = [];

  for (const gold of golds) {
    const name = gold.seed ?? gold.page ?? '?';
    const found = annotate(gold.body);
    for (const kind of KINDS) {
      const g = gold.annotations.filter((a) => a.kind === kind);
      const f = found.filter((a) => a.kind === kind);
      const c = counts.get(kind)!;
      c.gold += g.length;
      c.found += f.length;
      for (const ga of g) {
        const exact = f.find((fa) => fa.start === ga.start && fa.end === ga.end);
        const near = exact ?? f.find((fa) => overlaps(fa, ga));
        if (exact) c.exact++;
        if (near) c.lenientGold++;
        if (!exact) notes.push(`${name} MISS ${kind}: ${context(gold.body, ga)}${near ? `  (overlap: ${near.text})` : ''}`);
        if (kind === 'statistic') {
          statGold++;
          if (near && sameValue(near.value, ga.value)) {
            valueRight++;
            if (near.unit === ga.unit) valueUnitRight++;
            else notes.push(`${name} UNIT ${ga.text}: ${near.unit} ≠ gold ${ga.unit}`);
          } else if (near) notes.push(`${name} VALUE ${ga.text}: ${near.value} ≠ gold ${ga.value}`);
          if (ga.measure !== undefined && near) {
            measureGold++;
            if (near.measure === ga.measure) measureRight++;
            else notes.push(`${name} MEASURE ${ga.text}: ${near.measure ?? '(none)'} ≠ gold ${ga.measure}`);
          } else if (near) {
            measureNotExpected++;
            if (near.measure !== undefined) {
              measureSpurious++;
              notes.push(`${name} SPURIOUS MEASURE ${ga.text}: ${near.measure}`);
            }
          }
        } else if (near) {
          canonicalGold++;
          if (near.canonical === ga.canonical) canonicalRight++;
          else notes.push(`${name} CANONICAL ${ga.text}: ${near.canonical} ≠ gold ${ga.canonical}`);
        }
      }
      for (const fa of f) {
        if (g.some((ga) => overlaps(fa, ga))) c.lenientFound++;
        if (!g.some((ga) => ga.start === fa.start && ga.end === fa.end)) {
          notes.push(`${name} FALSE ${kind}: ${context(gold.body, fa)}${fa.canonical ? ` → ${fa.canonical}` : ''}`);
        }
      }
    }
  }

  const chars = golds.reduce((n, g) => n + g.body.length, 0);
  console.log(`\n== ${title}: ${golds.length} texts, ${chars} characters`);
  console.log('kind        gold found |  exact P      R     F1 | lenient P     R     F1');
  for (const kind of KINDS) {
    const c = counts.get(kind)!;
    const p = c.exact / c.found;
    const r = c.exact / c.gold;
    const lp = c.lenientFound / c.found;
    const lr = c.lenientGold / c.gold;
    console.log(
      `${kind.padEnd(10)} ${String(c.gold).padStart(5)} ${String(c.found).padStart(5)} | ${pct(p)} ${pct(r)} ${pct(f1(p, r))} | ${pct(lp)} ${pct(lr)} ${pct(f1(lp, lr))}`,
    );
  }
  console.log(`statistics with the right value:        ${ratio(valueRight, statGold)}`);
  console.log(`statistics with the right value + unit: ${ratio(valueUnitRight, statGold)}`);
  console.log(`canonical right (agencies, operations): ${ratio(canonicalRight, canonicalGold)}`);
  console.log(`measure agrees with gold:               ${ratio(measureRight, measureGold)}`);
  console.log(`measure given where gold has none:      ${ratio(measureSpurious, measureNotExpected)}`);
  if (verbose) for (const note of notes) console.log('  ' + note);
  else if (notes.length > 0) console.log(`${notes.length} differences (run with --verbose to list them)`);
}

evaluate('seeds (training texts)', loadSet(join(fixtures, 'gold')));
evaluate('held-out dev', loadSet(join(fixtures, 'heldout/dev')));
if (withTest) evaluate('held-out test (blind)', loadSet(join(fixtures, 'heldout/test')));
