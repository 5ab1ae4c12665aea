/**
 * Scores recognised annotations against hand-made gold, as `shared/annotation-guidelines.md` asks:
 *
 * - **exact**: a hit counts when its kind, start and end equal a gold annotation's;
 * - **guideline**: the guidelines' "judgement calls to score leniently" are not held against either side —
 *   a maximal span against its nested parent matches (one contains the other), durations and place + 警方
 *   agencies count when both sides have them and are neither a miss nor a false hit otherwise, and the unit
 *   of a foreign currency does not make a value wrong.
 *
 * Pure: the caller passes the recogniser, so the eval script and the unit tests score the same way.
 */
import type { Annotation, AnnotationKind } from '../annotate/types';

export interface GoldText {
  name: string;
  body: string;
  annotations: readonly Annotation[];
  script?: 'zh-Hans' | 'zh-Hant';
  region?: 'mainland' | 'taiwan' | 'hongkong' | 'macau';
}

export const KINDS: readonly AnnotationKind[] = ['operation', 'agency', 'statistic'];

export interface KindCounts {
  gold: number;
  found: number;
  exact: number;
  /** Guideline scoring: gold and found less unmatched judgement calls, and the matches. */
  lenientGold: number;
  lenientFound: number;
  lenientMatched: number;
}

export interface Score {
  texts: number;
  characters: number;
  kinds: Record<AnnotationKind, KindCounts>;
  /** Gold statistics (judgement calls left unmatched excluded), matched ones, right values, right value + unit. */
  statGold: number;
  statMatched: number;
  valueRight: number;
  valueUnitRight: number;
  canonicalMatched: number;
  canonicalRight: number;
  measureGold: number;
  measureRight: number;
  /** One line per difference: misses, false hits, wrong fields. */
  notes: string[];
}

const DURATION_UNITS = new Set(['年', '个月', '月', '天', '日', '周', '小时', '分钟', '秒']);
const FOREIGN_CURRENCIES = new Set(['新台币', '港元', '人民币', '澳门元', '美元', '欧元', '元']);

/** A call the guidelines score leniently: a duration, or a place + 警方/公安机关 agency. */
export function isJudgementCall(a: Annotation): boolean {
  if (a.kind === 'statistic') return a.unit !== undefined && DURATION_UNITS.has(a.unit);
  if (a.kind === 'agency') return /(?:警方|公安机关|公安機關)$/.test(a.text);
  return false;
}

const contains = (a: Annotation, b: Annotation) => a.start <= b.start && b.end <= a.end;
const overlaps = (a: Annotation, b: Annotation) => a.start < b.end && b.start < a.end;
const sameValue = (a?: number, b?: number) => a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

export function emptyScore(): Score {
  const kinds = {} as Record<AnnotationKind, KindCounts>;
  for (const k of KINDS) kinds[k] = { gold: 0, found: 0, exact: 0, lenientGold: 0, lenientFound: 0, lenientMatched: 0 };
  return { texts: 0, characters: 0, kinds, statGold: 0, statMatched: 0, valueRight: 0, valueUnitRight: 0, canonicalMatched: 0, canonicalRight: 0, measureGold: 0, measureRight: 0, notes: [] };
}

const context = (body: string, a: { start: number; end: number }) =>
  `${body.slice(Math.max(0, a.start - 8), a.start)}[${body.slice(a.start, a.end)}]${body.slice(a.end, a.end + 6)}`.replace(/\n/g, '⏎');

/** Adds one text's comparison to `score`. */
export function scoreText(score: Score, gold: GoldText, found: readonly Annotation[]): void {
  score.texts++;
  score.characters += gold.body.length;
  const { name, body } = gold;
  for (const kind of KINDS) {
    const g = gold.annotations.filter((a) => a.kind === kind);
    const f = found.filter((a) => a.kind === kind);
    const c = score.kinds[kind];
    c.gold += g.length;
    c.found += f.length;
    // One-to-one: exact matches first, then nested (names) or overlapping with the same value (figures).
    const partner = new Map<Annotation, Annotation>();
    const taken = new Set<Annotation>();
    for (const ga of g) {
      const fa = f.find((x) => !taken.has(x) && x.start === ga.start && x.end === ga.end);
      if (fa) {
        partner.set(ga, fa);
        taken.add(fa);
        c.exact++;
      }
    }
    for (const ga of g) {
      if (partner.has(ga)) continue;
      const fa = f.find((x) => !taken.has(x) && (kind === 'statistic' ? overlaps(x, ga) && sameValue(x.value, ga.value) : contains(x, ga) || contains(ga, x)));
      if (fa) {
        partner.set(ga, fa);
        taken.add(fa);
      }
    }
    for (const ga of g) {
      const fa = partner.get(ga);
      if (!fa && isJudgementCall(ga)) continue;
      c.lenientGold++;
      if (fa) c.lenientMatched++;
      if (!fa || fa.start !== ga.start || fa.end !== ga.end) {
        const near = fa ?? f.find((x) => overlaps(x, ga));
        score.notes.push(`${name} MISS ${kind}: ${context(body, ga)}${near ? `  (${fa ? 'matched' : 'overlap'}: ${near.text})` : ''}`);
      }
      if (kind === 'statistic') {
        score.statGold++;
        if (!fa) continue;
        score.statMatched++;
        if (!sameValue(fa.value, ga.value)) {
          score.notes.push(`${name} VALUE ${ga.text}: ${fa.value} ≠ gold ${ga.value}`);
          continue;
        }
        score.valueRight++;
        const currencies = FOREIGN_CURRENCIES.has(ga.unit ?? '') && FOREIGN_CURRENCIES.has(fa.unit ?? '');
        if (fa.unit === ga.unit || currencies) score.valueUnitRight++;
        else score.notes.push(`${name} UNIT ${ga.text}: ${fa.unit} ≠ gold ${ga.unit}`);
        if (ga.measure !== undefined) {
          score.measureGold++;
          if (fa.measure === ga.measure) score.measureRight++;
        }
      } else if (fa) {
        score.canonicalMatched++;
        if (fa.canonical === ga.canonical) score.canonicalRight++;
        else score.notes.push(`${name} CANONICAL ${ga.text}: ${fa.canonical} ≠ gold ${ga.canonical}`);
      }
    }
    for (const fa of f) {
      if (taken.has(fa)) {
        c.lenientFound++;
        continue;
      }
      if (isJudgementCall(fa)) continue;
      c.lenientFound++;
      score.notes.push(`${name} FALSE ${kind}: ${context(body, fa)}${fa.canonical ? ` → ${fa.canonical}` : ''}`);
    }
  }
}

export function scoreTexts(golds: readonly GoldText[], recognise: (body: string) => Annotation[]): Score {
  const score = emptyScore();
  for (const gold of golds) scoreText(score, gold, recognise(gold.body));
  return score;
}

export const f1 = (p: number, r: number) => (p + r === 0 || !Number.isFinite(p + r) ? 0 : (2 * p * r) / (p + r));

/** Exact-span and guideline F1 of one kind. */
export function kindF1(c: KindCounts): { exactP: number; exactR: number; exact: number; lenientP: number; lenientR: number; lenient: number } {
  const exactP = c.found === 0 ? (c.gold === 0 ? 1 : 0) : c.exact / c.found;
  const exactR = c.gold === 0 ? 1 : c.exact / c.gold;
  const lenientP = c.lenientFound === 0 ? (c.lenientGold === 0 ? 1 : 0) : c.lenientMatched / c.lenientFound;
  const lenientR = c.lenientGold === 0 ? 1 : c.lenientMatched / c.lenientGold;
  return { exactP, exactR, exact: f1(exactP, exactR), lenientP, lenientR, lenient: f1(lenientP, lenientR) };
}
