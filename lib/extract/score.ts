import { classifyBoilerplate, type BoilerplateKind } from './boilerplate';
import { findDateInText } from './dates';
import { hasSentencePunctuation, textWeight } from './text';

const SENTENCE_END = /[。！？…][”」』"')）]*\s*$|[。]|[.!?]["')]*$/;

/** What the scorer needs to know about one paragraph-level block. */
export interface BlockFeatures {
  text: string;
  /** Weight (see `textWeight`) of the part of the text inside links. */
  linkWeight: number;
  /** +1 inside a known body container, -1 inside navigation/comments/footer, 0 otherwise. */
  hint: number;
  /**
   * True when link text is known (DOM input). Then lists of headlines show up as links and a short
   * unlinked line (a subheading, a caption) need not be held against the body; in a text dump the
   * same line may be a headline of a related list, so it counts against.
   */
  linkAware?: boolean;
}

export interface ScoredBlock {
  score: number;
  /** A short line with a date and time of day: a dateline, or the header of a reply in a thread. */
  timedDateline?: boolean;
  weight: number;
  prose: boolean;
  boilerplate?: BoilerplateKind;
  linkDensity: number;
}

/**
 * Scores a block: positive for prose (its weight without link text), negative for page furniture.
 * Prose = has sentence punctuation and at least 8 "Chinese characters" of weight, so a 60-character
 * Chinese paragraph counts fully, with no 500-character threshold tuned on English.
 */
export function scoreBlock(block: BlockFeatures): ScoredBlock {
  return withHint(scoreWithoutHint(block), block);
}

/** A block's score before its structural hint is applied: the hint only adjusts the last step. */
export interface UnhintedScore {
  result: ScoredBlock;
  /** False when the block was settled before the hint could count (furniture, links, a dateline). */
  hintable: boolean;
}

/** Everything of `scoreBlock` that does not depend on `block.hint` (the costly part: patterns, weights). */
export function scoreWithoutHint(block: BlockFeatures): UnhintedScore {
  const weight = textWeight(block.text);
  const linkDensity = weight > 0 ? Math.min(1, block.linkWeight / weight) : 0;
  let boilerplate = classifyBoilerplate(block.text);
  // A bare number without a link is a table cell, not a page link.
  if (boilerplate === 'pagination' && block.linkAware && block.linkWeight === 0 && /^\d+$/.test(block.text)) boilerplate = undefined;
  if (boilerplate) {
    // `2005-06-13 15:00:14` alone on a line: the header of the next post on a blog or forum page.
    const timedDateline = boilerplate === 'date-only' && findDateInText(block.text)?.hasTime === true;
    return { result: { score: -(10 + weight), weight, prose: false, boilerplate, linkDensity, timedDateline }, hintable: false };
  }
  if (linkDensity > 0.5) return { result: { score: -(4 + weight), weight, prose: false, linkDensity }, hintable: false };
  const nonLink = weight - block.linkWeight;
  // A short line is prose only if it reads as a sentence (ends like one or holds a full stop):
  // `重返荣耀,小米要放弃惯性_今头条` is a headline even with its comma.
  const prose = nonLink >= 8 && hasSentencePunctuation(block.text) && (nonLink >= 30 || SENTENCE_END.test(block.text));
  let score: number;
  if (prose) score = nonLink - 2 * block.linkWeight;
  else if (nonLink >= 40) score = nonLink * 0.3; // long unpunctuated text: poems, lists of data, pre-formatted text
  else if (isDateline(block.text)) {
    const timed = findDateInText(block.text)?.hasTime === true;
    return { result: { score: -(3 + 0.3 * weight), weight, prose: false, linkDensity, timedDateline: timed }, hintable: false };
  }
  else if (block.linkAware && block.linkWeight === 0) score = -(0.5 + 0.05 * weight);
  else score = -(3 + 0.3 * weight);
  return { result: { score, weight, prose, linkDensity }, hintable: true };
}

/** `scoreBlock` from the part computed without the hint: the same result as scoring the block again. */
export function withHint(unhinted: UnhintedScore, block: BlockFeatures): ScoredBlock {
  if (!unhinted.hintable || block.hint === 0) return unhinted.result;
  const { weight, prose, linkDensity } = unhinted.result;
  let score = unhinted.result.score;
  if (block.hint < 0) score = -Math.abs(score) - 2;
  else if (block.hint > 0 && score > 0) score *= 1.5;
  // Inside a known body container, unlinked lines without punctuation (lyrics, poems, lists, tables)
  // are body too.
  else if (block.hint > 0 && block.linkAware && block.linkWeight === 0 && !isDateline(block.text)) score = 0.3 * weight;
  return { score, weight, prose, linkDensity };
}

/**
 * Where a body run ends early: a "相关新闻 / 推荐阅读" heading after which the run holds much less
 * prose than before it (a related list that slipped into the run), returns the index to cut at.
 */
export function cutAtRelatedHeading(blocks: ScoredBlock[], start: number, end: number): number {
  // The body ends at its last positive block before the cut: the title line and footer of the next post
  // (`澳坛真的累了`, `由海姑娘张贴 @ …`) sit between the body and the next dateline.
  const lastPositiveBefore = (cut: number) => {
    let last = cut - 1;
    while (last > start && blocks[last].score <= 0) last--;
    return last;
  };
  let proseBefore = 0;
  for (let i = start; i <= end; i++) {
    // A timed dateline after the body has begun heads the next post, a reply or a comment (blogs,
    // forums): the article ended before it. News bodies carry their dateline above the first paragraph.
    if (blocks[i].timedDateline && proseBefore >= 100) return lastPositiveBefore(i);
    if (blocks[i].boilerplate === 'related-heading' && proseBefore > 0) {
      let proseAfter = 0;
      for (let j = i + 1; j <= end; j++) if (blocks[j].prose) proseAfter += blocks[j].weight;
      if (proseAfter < proseBefore * 0.5) return lastPositiveBefore(i);
    }
    if (blocks[i].prose) proseBefore += blocks[i].weight;
  }
  return end;
}

/** A short unpunctuated line with a date in it: `2005年03月31日03:18 北京娱乐信报`, `作者：… 时间：…`. */
function isDateline(text: string): boolean {
  return text.length <= 120 && findDateInText(text) !== undefined;
}

/** Maximum-sum contiguous run (Kadane): the body is the stretch where prose outweighs furniture. */
export function bestSegment(scores: number[]): { start: number; end: number; sum: number } {
  let best = { start: 0, end: -1, sum: 0 };
  let runStart = 0;
  let run = 0;
  for (let i = 0; i < scores.length; i++) {
    if (run <= 0) {
      run = 0;
      runStart = i;
    }
    run += scores[i];
    if (run > best.sum) best = { start: runStart, end: i, sum: run };
  }
  return best;
}
