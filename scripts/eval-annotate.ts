/**
 * Evaluates lib/annotate against hand-made gold (scoring: lib/eval/annotation-score.ts):
 *   seeds           tests/fixtures/annotate/gold/*.json           (the five texts the rules were written on)
 *   held-out dev    tests/fixtures/annotate/heldout/dev/*.json    (unseen corpus pages; looked at while tuning)
 *   regional dev    tests/fixtures/annotate/regional/dev/*.json   (mainland, Taiwan, Hong Kong, Macau passages; tuned on)
 *   held-out test   tests/fixtures/annotate/heldout/test/*.json   (blind; only with --test)
 *   regional test   tests/fixtures/annotate/regional/test/*.json  (blind; only with --test)
 * Per set: precision / recall / F1 per kind, exact span and by the guidelines' lenient judgement calls; the
 * share of gold statistics with the right value (and unit); canonical accuracy; measure agreement. Then the
 * dev split (and with --test the test split) by script (simplified / traditional) and by region.
 *
 *   npm run -s eval:annotate                      seeds + dev sets
 *   npm run -s eval:annotate -- --test            plus the blind test sets and the parity goals
 *   npm run -s eval:annotate -- --verbose         plus every miss, false hit and wrong field of the dev sets
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate } from '../lib/annotate/index';
import type { Annotation } from '../lib/annotate/types';
import { type GoldText, KINDS, kindF1, type Score, scoreTexts } from '../lib/eval/annotation-score';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'tests/fixtures/annotate');
const verbose = process.argv.includes('--verbose');
const withTest = process.argv.includes('--test');

interface GoldFile {
  seed?: string;
  page?: string;
  id?: string;
  script?: GoldText['script'];
  region?: GoldText['region'];
  body: string;
  annotations: Annotation[];
}

function loadSet(dir: string): GoldText[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const g = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldFile;
      return { name: g.id ?? g.seed ?? g.page ?? basename(f, '.json'), body: g.body, annotations: g.annotations, script: g.script, region: g.region };
    });
}

const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1).padStart(5) + '%' : '    - ');
const ratio = (a: number, b: number) => `${a}/${b} (${pct(a / b).trim()})`;
const recognise = (body: string) => annotate(body);

function printSet(title: string, golds: GoldText[], listNotes: boolean): Score {
  const score = scoreTexts(golds, recognise);
  console.log(`\n== ${title}: ${score.texts} texts, ${score.characters} characters`);
  console.log('kind        gold found |  exact P      R     F1 | guideline P   R     F1');
  for (const kind of KINDS) {
    const c = score.kinds[kind];
    const f = kindF1(c);
    console.log(`${kind.padEnd(10)} ${String(c.gold).padStart(5)} ${String(c.found).padStart(5)} | ${pct(f.exactP)} ${pct(f.exactR)} ${pct(f.exact)} | ${pct(f.lenientP)} ${pct(f.lenientR)} ${pct(f.lenient)}`);
  }
  console.log(`statistics with the right value:        ${ratio(score.valueRight, score.statGold)} of gold, ${ratio(score.valueRight, score.statMatched)} of matched`);
  console.log(`statistics with the right value + unit: ${ratio(score.valueUnitRight, score.statGold)}`);
  console.log(`canonical right (agencies, operations): ${ratio(score.canonicalRight, score.canonicalMatched)}`);
  console.log(`measure agrees with gold:               ${ratio(score.measureRight, score.measureGold)}`);
  if (listNotes) for (const note of score.notes) console.log('  ' + note);
  else if (score.notes.length > 0) console.log(`${score.notes.length} differences${verbose ? '' : ' (run with --verbose to list those of the dev sets)'}`);
  return score;
}

interface Group {
  label: string;
  texts: GoldText[];
}

function groupsOf(texts: GoldText[]): Group[] {
  return [
    { label: 'simplified (zh-Hans)', texts: texts.filter((t) => t.script === 'zh-Hans') },
    { label: 'traditional (zh-Hant)', texts: texts.filter((t) => t.script === 'zh-Hant') },
    { label: 'mainland', texts: texts.filter((t) => t.region === 'mainland') },
    { label: 'Taiwan', texts: texts.filter((t) => t.region === 'taiwan') },
    { label: 'Hong Kong + Macau', texts: texts.filter((t) => t.region === 'hongkong' || t.region === 'macau') },
    { label: 'all', texts },
  ];
}

/** One row per group: F1 per kind (guideline / exact) and values right; returns the scores by label. */
function printGroups(title: string, texts: GoldText[]): Map<string, Score> {
  const scores = new Map<string, Score>();
  console.log(`\n== ${title} by script and region — F1 guideline (exact), values right of gold / of matched`);
  console.log('group                   texts | operation       agency          statistic       | values right');
  for (const group of groupsOf(texts)) {
    const score = scoreTexts(group.texts, recognise);
    scores.set(group.label, score);
    const cells = KINDS.map((k) => {
      const f = kindF1(score.kinds[k]);
      return score.kinds[k].gold + score.kinds[k].found === 0 ? '      -        ' : `${pct(f.lenient)} (${pct(f.exact).trim()})`.padEnd(15);
    });
    console.log(`${group.label.padEnd(23)} ${String(score.texts).padStart(5)} | ${cells.join(' ')} | ${pct(score.valueRight / score.statGold)} / ${pct(score.valueRight / score.statMatched)}`);
  }
  return scores;
}

const seeds = loadSet(join(fixtures, 'gold'));
const heldoutDev = loadSet(join(fixtures, 'heldout/dev'));
const regionalDev = loadSet(join(fixtures, 'regional/dev'));
printSet('seeds (training texts)', seeds, false);
printSet('held-out dev', heldoutDev, verbose);
printSet('regional dev', regionalDev, verbose);
printGroups('dev (held-out dev + regional dev)', [...heldoutDev, ...regionalDev]);

if (withTest) {
  const heldoutTest = loadSet(join(fixtures, 'heldout/test'));
  const regionalTest = loadSet(join(fixtures, 'regional/test'));
  printSet('held-out test (blind)', heldoutTest, false);
  printSet('regional test (blind)', regionalTest, false);
  const scores = printGroups('test (held-out test + regional test, blind)', [...heldoutTest, ...regionalTest]);
  const simplified = scores.get('simplified (zh-Hans)')!;
  const traditional = scores.get('traditional (zh-Hant)')!;
  console.log('\ngoals (blind test split, guideline F1)');
  for (const kind of KINDS) {
    const s = kindF1(simplified.kinds[kind]).lenient;
    const t = kindF1(traditional.kinds[kind]).lenient;
    const data = simplified.kinds[kind].lenientGold > 0 && traditional.kinds[kind].lenientGold > 0;
    const met = data && s >= 0.9 && t >= 0.9 && t >= s - 0.03;
    console.log(`${met ? 'MET    ' : data ? 'NOT MET' : 'NO DATA'}  ${kind}: F1 ≥ 0.9 in each script and traditional within 0.03 of simplified: simplified ${pct(s).trim()}, traditional ${pct(t).trim()}`);
  }
  for (const [label, score] of [['simplified', simplified], ['traditional', traditional]] as const) {
    const ofGold = score.valueRight / score.statGold;
    const ofMatched = score.valueRight / score.statMatched;
    console.log(`${ofGold >= 0.97 ? 'MET    ' : 'NOT MET'}  values right ≥ 97 % (${label}): ${ratio(score.valueRight, score.statGold)} of gold statistics; ${ratio(score.valueRight, score.statMatched)} of those found`);
  }
}
