import { findDateInText } from './dates';
import { findBylineInText, findSourceInText } from './metadata';
import { bestSegment, cutAtRelatedHeading, scoreBlock } from './score';
import { detectScript, } from './script';
import { normalizeSpace, textWeight } from './text';
import type { ArticleResult } from './types';
import { classifyBoilerplate } from './boilerplate';

const MIN_PROSE_WEIGHT = 50;

/**
 * The same algorithm over a text dump (one block a line, no markup, so no link information): the body
 * is the maximum-sum run of lines, prose scoring positive and furniture negative.
 */
export function findArticleInText(text: string): ArticleResult {
  const lines = text.split(/\r?\n/).map(normalizeSpace).filter((line) => line.length > 0);
  const scored = lines.map((line) => scoreBlock({ text: line, linkWeight: 0, hint: 0 }));
  const segment = bestSegment(scored.map((s) => s.score));
  segment.end = cutAtRelatedHeading(scored, segment.start, segment.end);
  if (segment.end < segment.start) return { ok: false, code: 'no-prose', reason: 'No prose found: no line of running text.' };

  const body: string[] = [];
  for (let i = segment.start; i <= segment.end; i++) {
    if (!scored[i].boilerplate) body.push(lines[i]);
  }
  const proseWeight = body.reduce((sum, line, i) => sum + (scored[segment.start + i]?.prose ? textWeight(line) : 0), 0);
  if (proseWeight < MIN_PROSE_WEIGHT) {
    return { ok: false, code: 'too-little-prose', reason: `Too little prose for an article: ${Math.round(proseWeight)} characters of running text (at least ${MIN_PROSE_WEIGHT} needed).` };
  }

  const before = lines.slice(0, segment.start);
  const after = lines.slice(segment.end + 1);
  const title = titleFromLines(before);
  const bodyText = body.join('\n');
  let publishedAt: string | undefined;
  for (let i = before.length - 1; i >= 0 && !publishedAt; i--) publishedAt = findDateInText(before[i])?.iso;
  publishedAt ??= findDateInText(after.slice(0, 10).join('\n'))?.iso;
  const source = findSourceInText(before.join('\n')) ?? findSourceInText(after.slice(0, 10).join('\n'));
  const byline = findBylineInText(before.slice(-6).join('\n')) ?? findBylineInText(body[body.length - 1] ?? '');

  return {
    ok: true,
    root: [],
    blocks: body.map((line) => ({ text: line })),
    title,
    byline,
    publishedAt,
    source,
    script: detectScript(bodyText),
  };
}

/**
 * The headline: the longest line above the body that reads like a heading (no sentence-final
 * punctuation, not a date, breadcrumb or furniture line). Without markup this is the best evidence.
 */
function titleFromLines(before: string[]): string {
  let title = '';
  for (const line of before) {
    const weight = textWeight(line);
    if (weight < 6 || weight > 80) continue;
    if (/[。！？]$/.test(line) || /[>＞]{1,2}|»/.test(line)) continue;
    if (classifyBoilerplate(line) || findDateInText(line)) continue;
    if (line.length > title.length) title = line;
  }
  return title.replace(/^[•·●]\s*/, '');
}
