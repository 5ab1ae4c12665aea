import { inPrintedLocalTime } from './dates';
import { collectBlocks, type DomBlock } from './dom-blocks';
import { structuralHint } from './hints';
import {
  datelineFromBlocks,
  findBylineInText,
  findSourceInText,
  machinePublishedAt,
  pageLanguage,
  preferTimedDate,
  readJsonLd,
  readMetaTags,
  TITLE_META_KEYS,
} from './metadata';
import { bestSegment, cutAtRelatedHeading, scoreWithoutHint, withHint, type ScoredBlock, type UnhintedScore } from './score';
import { detectScript } from './script';
import { normalizeSpace } from './text';
import { chooseTitle } from './title';
import type { ArticleBlock, ArticleResult } from './types';

export interface FindArticleOptions {
  /** Least weight of prose (in Chinese characters, see `textWeight`) for a page to count as an article. */
  minProseWeight?: number;
  /**
   * Extra visibility test for live pages (e.g. `el => !el.checkVisibility()` or a computed-style check in
   * a content script): elements it returns true for are skipped with their subtree, like those the page
   * marks hidden in its markup. Without it only markup evidence is used (saved pages have no style sheet).
   */
  isHidden?: (element: Element) => boolean;
}

const DEFAULT_MIN_PROSE_WEIGHT = 50;

interface Candidate {
  score: number;
  depth: number;
  first: number;
  last: number;
}

/**
 * The <body> if it has content, else the root element. Not `document.body`: some DOM implementations
 * (linkedom) create a <body> on access when the page has none, and this function must not mutate.
 */
function bodyOrRoot(doc: Document): Element | null {
  const root = doc.documentElement;
  if (!root) return null;
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName.toUpperCase() === 'BODY') return child.firstChild ? child : root;
  }
  return root;
}

function isDocument(node: Document | Element): node is Document {
  return (node as Document).documentElement !== undefined && (node as Element).tagName === undefined;
}

/**
 * Finds the article body of a page, read-only. Blocks are scored (prose positive, links and furniture
 * negative), each element gets the sum of its blocks' scores, the element with the highest sum holds the
 * body (so a body split over sibling blocks with an ad between them is taken whole through their parent),
 * and within it the maximum-sum run of blocks is the body.
 */
export function findArticle(input: Document | Element, options: FindArticleOptions = {}): ArticleResult {
  const steps = findArticleSteps(input, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** How often the steps pause: every this many blocks or candidates. */
const STEP_EVERY = 48;

/**
 * `findArticle` as a sequence of steps: it pauses (yields) between slices of work, so a caller on a
 * live page can hand the main thread back to the page between them (`findArticleSliced`). Run to the
 * end without pausing, it is `findArticle`.
 */
export function* findArticleSteps(input: Document | Element, options: FindArticleOptions = {}): Generator<void, ArticleResult> {
  const doc = isDocument(input) ? input : input.ownerDocument;
  // Saved pages are not always well-formed: when the parser leaves <body> empty (content under an
  // unknown root element), read the whole document.
  const scope: Element | null = isDocument(input) ? bodyOrRoot(input) : input;
  if (!scope) return { ok: false, code: 'no-body', reason: 'The document has no body.' };

  const blocks = collectBlocks(scope, options.isHidden);
  yield;
  const weightOf = new Map<Element, number>();
  const scored: ScoredBlock[] = [];
  const plainScores: ScoredBlock[] = [];
  // Scored once: a hint (below) only adjusts the last step, so hinted blocks are not scored again.
  const unhinted: UnhintedScore[] = [];
  let totalWeight = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    unhinted.push(scoreWithoutHint({ text: block.text, linkWeight: block.linkWeight, hint: 0, linkAware: true }));
    plainScores.push(unhinted[i].result);
    totalWeight += plainScores[i].weight;
    for (let el: Element | null = block.element; el; el = el === scope ? null : el.parentElement) {
      weightOf.set(el, (weightOf.get(el) ?? 0) + plainScores[i].weight);
    }
    if (i % STEP_EVERY === STEP_EVERY - 1) yield;
  }

  const hintCache = new Map<Element, number>();
  const hintOf = (el: Element) => {
    let hint = hintCache.get(el);
    if (hint === undefined) {
      hint = structuralHint(el);
      // A "negative" class on a wrapper that holds most of the page is a layout name, not a sidebar.
      if (hint < 0 && (weightOf.get(el) ?? 0) > totalWeight * 0.5) hint = 0;
      hintCache.set(el, hint);
    }
    return hint;
  };

  const candidates = new Map<Element, Candidate>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (i % STEP_EVERY === STEP_EVERY - 1) yield;
    let hint = 0;
    for (let el: Element | null = block.element; el && hint === 0; el = el === scope ? null : el.parentElement) hint = hintOf(el);
    const result = hint === 0 ? plainScores[i] : withHint(unhinted[i], { text: block.text, linkWeight: block.linkWeight, hint, linkAware: true });
    const adjusted = block.heading && result.score > 0 ? { ...result, score: result.score * 0.5 } : result;
    scored.push(adjusted);
    let depth = 0;
    const chain: Element[] = [];
    for (let el: Element | null = block.element; el; el = el === scope ? null : el.parentElement) chain.push(el);
    depth = chain.length;
    chain.forEach((el, level) => {
      const candidate = candidates.get(el);
      if (candidate) {
        candidate.score += adjusted.score;
        candidate.last = i;
      } else candidates.set(el, { score: adjusted.score, depth: depth - level, first: i, last: i });
    });
  }

  // An element is worth the best run of blocks it holds (not the sum of all its blocks): old pages put
  // the whole page in one table cell, and the body is one stretch of that cell.
  const values = scored.map((s) => s.score);
  let container: Element | undefined;
  let best: Candidate | undefined;
  let segment = { start: 0, end: -1, sum: 0 };
  let visited = 0;
  // Wrappers with one child hold the same run of blocks as that child: compute each run once.
  const runOf = new Map<number, ReturnType<typeof bestSegment>>();
  for (const [el, candidate] of candidates) {
    if (++visited % STEP_EVERY === 0) yield;
    const runKey = candidate.first * blocks.length + candidate.last;
    let run = runOf.get(runKey);
    if (run === undefined) {
      run = bestSegment(values.slice(candidate.first, candidate.last + 1));
      runOf.set(runKey, run);
    }
    if (!best || run.sum > segment.sum + 1e-9 || (Math.abs(run.sum - segment.sum) <= 1e-9 && candidate.depth > best.depth)) {
      best = candidate;
      container = el;
      segment = { ...run };
    }
  }
  if (!container || !best || segment.sum <= 0) return { ok: false, code: 'no-prose', reason: 'No prose found: the page has no paragraph of running text.' };

  const inside = scored.slice(best.first, best.last + 1);
  segment.end = cutAtRelatedHeading(inside, segment.start, segment.end);
  // Tables, lists and short closing lines that end a body carry no sentence punctuation and would be
  // trimmed by the run; unlinked text that follows the run directly, before any link or furniture, is
  // still the body.
  while (segment.end + 1 < inside.length && isPlainTrailingText(inside[segment.end + 1], blocks[best.first + segment.end + 1])) segment.end++;
  const kept: { block: DomBlock; scored: ScoredBlock }[] = [];
  for (let i = best.first + segment.start; i <= best.first + segment.end; i++) {
    const s = scored[i];
    if (s.boilerplate || s.linkDensity > 0.5) continue;
    kept.push({ block: blocks[i], scored: s });
  }

  yield;
  const metaScope: Document | Element = doc ?? scope;
  const metas = readMetaTags(metaScope);
  const jsonLd = readJsonLd(metaScope);
  const headings = Array.from(scope.querySelectorAll('h1')).map((h) => normalizeSpace(h.textContent ?? ''));
  const metaTitles = [...TITLE_META_KEYS.map((key) => metas.get(key)), jsonLd?.headline].filter((t): t is string => !!t);
  const documentTitle = doc?.querySelector('title')?.textContent ?? '';
  const firstBody = best.first + segment.start;
  const lastBody = best.first + segment.end;
  // The run's opening lines up to its first real paragraph (30+ characters of prose), furniture included:
  // the article header. A dateline there (`主题：…？` / `作者：… 时间：…` on a forum) dates the article
  // even when the body drops the line; a headline there (`果汁？啤酒？難分 「飲誘」青少年` in the body cell
  // of an old Liberty Times page) names it.
  const leading: string[] = [];
  for (let i = firstBody; i <= lastBody && !(scored[i].prose && scored[i].weight >= 30) && leading.length < 6; i++) leading.push(blocks[i].text);
  const linesAbove = [...blocks.slice(Math.max(0, firstBody - 12), firstBody).map((b) => b.text), ...leading];
  const title = chooseTitle(documentTitle, metaTitles, headings, linesAbove);

  // The headline repeated in the body is not body: as one line, or cut into consecutive lines that
  // together make it (`<ul class="subtitles"><li>打击治理电信网络新型违法犯罪成效明显</li><li>2022年共破案
  // 46.4万起 …</li>` under the <h1> of seed 002's page). A single line that is only part of the title is
  // a subheading and stays (`出国前后关注点大不同`).
  const repeated = titleRepeats(kept.map(({ block, scored: s }) => (s.prose ? undefined : block.text)), title);
  const body = kept.filter((_, i) => !repeated.has(i));
  // Prose, plus unpunctuated text a body container vouches for (scored positive: lyrics, poems).
  const proseWeight = body.reduce((sum, { scored: s }) => sum + (s.prose || s.score > 0 ? s.weight : 0), 0);
  const minProse = options.minProseWeight ?? DEFAULT_MIN_PROSE_WEIGHT;
  if (proseWeight < minProse) {
    return { ok: false, code: 'too-little-prose', reason: `Too little prose for an article: ${Math.round(proseWeight)} characters of running text (at least ${minProse} needed).` };
  }
  const pageLinkWeight = blocks.reduce((sum, block) => sum + block.linkWeight, 0);
  // Blocks of running text: prose, and unpunctuated lines a body container vouches for (a lyrics post in
  // `.entry-content` on a blog whose sidebar archive is hundreds of links).
  const proseBlocks = body.filter(({ scored: s }) => s.prose || s.score > 0).length;
  if (pageLinkWeight > totalWeight * 0.7 && proseWeight < totalWeight * 0.15 && (proseBlocks < 2 || proseWeight < 80)) {
    return { ok: false, code: 'link-list', reason: 'A list of links (home, channel or search-result page): links outweigh running text.' };
  }

  yield;
  const articleBlocks: ArticleBlock[] = body.map(({ block }) => ({ text: block.text, element: block.element }));
  const bodyText = articleBlocks.map((b) => b.text).join('\n');
  const before = blocks.slice(0, firstBody).map((b) => b.text);
  const after = blocks.slice(lastBody + 1).map((b) => b.text);
  const nearText = [...before.slice(-12), ...after.slice(0, 12)].join('\n');

  const dateline = datelineFromBlocks(before, articleBlocks.map((b) => b.text), after, leading);
  const machineDate = machinePublishedAt(metaScope, metas, jsonLd);
  const printedNear = [...leading, ...before.slice(-15)];
  const publishedAt = preferTimedDate(machineDate && inPrintedLocalTime(machineDate, printedNear), dateline);
  const source = findSourceInText(before.slice(-12).join('\n')) ?? findSourceInText(after.slice(0, 12).join('\n')) ?? findSourceInText(bodyText.slice(-300));
  const byline = (metas.get('author') || jsonLd?.author || findBylineInText(nearText))?.trim() || undefined;

  return {
    ok: true,
    root: rootElements(container, body.map(({ block }) => block.element)),
    blocks: articleBlocks,
    title,
    byline,
    publishedAt,
    source,
    lang: pageLanguage(metaScope, metas),
    script: detectScript(bodyText),
  };
}

function isPlainTrailingText(scoredBlock: ScoredBlock, block: DomBlock): boolean {
  return !scoredBlock.boilerplate && block.linkWeight === 0 && !block.heading && scoredBlock.score > -5;
}

/** The container, or its children that hold the body when the body is a few siblings among other things. */
function rootElements(container: Element, blockElements: Element[]): Element[] {
  const holders: Element[] = [];
  for (const element of blockElements) {
    if (element === container) return [container];
    let child: Element | null = element;
    while (child && child.parentElement !== container) child = child.parentElement;
    if (child && !holders.includes(child)) holders.push(child);
  }
  if (holders.length === 1) return holders;
  return holders.length === 0 || holders.length === container.children.length ? [container] : holders;
}

const TITLE_SEPARATORS = /[\s—–\-_|｜:：·•]+/g;

/** Indexes of the lines (undefined = prose, never taken) that repeat the title, whole or in consecutive parts. */
function titleRepeats(lines: (string | undefined)[], title: string): Set<number> {
  const target = title.replace(TITLE_SEPARATORS, '');
  const repeated = new Set<number>();
  if (target.length < 4) return repeated;
  for (let i = 0; i < lines.length; i++) {
    let joined = '';
    for (let j = i; j < lines.length && lines[j] !== undefined; j++) {
      joined += lines[j]!.replace(TITLE_SEPARATORS, '');
      if (!target.startsWith(joined)) break;
      if (joined === target) {
        for (let k = i; k <= j; k++) repeated.add(k);
        i = j;
        break;
      }
    }
  }
  return repeated;
}

export interface StepScheduler {
  /** Milliseconds of work before pausing. */
  budgetMs: number;
  now: () => number;
  yieldToPage: () => Promise<void>;
  /** Told the length of each stretch of synchronous work. */
  onSliceDone?: (ms: number) => void;
}

/** `findArticle` for a live page: the same steps, handing the main thread back within `budgetMs`. */
export async function findArticleSliced(
  input: Document | Element,
  options: FindArticleOptions,
  scheduler: StepScheduler,
): Promise<ArticleResult> {
  const steps = findArticleSteps(input, options);
  let sliceStart = scheduler.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      scheduler.onSliceDone?.(scheduler.now() - sliceStart);
      return step.value;
    }
    const elapsed = scheduler.now() - sliceStart;
    if (elapsed >= scheduler.budgetMs) {
      scheduler.onSliceDone?.(elapsed);
      await scheduler.yieldToPage();
      sliceStart = scheduler.now();
    }
  }
}
