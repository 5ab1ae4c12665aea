import patterns from './data/boilerplate.json';
import { hasSentencePunctuation, stripPinyinGlosses } from './text';

/** Why a line is page furniture rather than article text. */
export type BoilerplateKind =
  | 'editor'
  | 'source'
  | 'copyright'
  | 'related-heading'
  | 'pagination'
  | 'share'
  | 'headline-list'
  | 'keyword-list'
  | 'date-only'
  | 'media-label'
  | 'rubric';

/**
 * One alternation per list: a line is tested once per list instead of once per pattern (every block
 * of every page goes through here, and the content script runs it cold). The patterns hold no
 * back-references, so `(?:a)|(?:b)` matches exactly when one of them does.
 */
const compile = (sources: string[]) => new RegExp(sources.length ? sources.map((source) => `(?:${source})`).join('|') : '(?!)', 'i'); // an empty list matches nothing
const EDITOR = compile(patterns.editorLine);
const SOURCE = compile(patterns.sourceLine);
const COPYRIGHT = compile(patterns.copyright);
const RELATED = compile(patterns.relatedHeading);
const PAGINATION = compile(patterns.pagination);
const SHARE = compile(patterns.shareLine);
const MEDIA_LABEL = compile(patterns.mediaLabel);
const RUBRIC = compile(patterns.rubric);

const BULLET = /^[·•●◆■□▪▶►>»\-–*]\s*\S/;
const BULLETS_GLOBAL = /[·•●◆■□▪▶►]/g;
const SEPARATORS_GLOBAL = /[|｜]/g;

/**
 * Classifies a whitespace-normalised line. Lines with sentence punctuation are only taken as
 * furniture by patterns that cannot match prose (copyright notices, editor credits).
 */
export function classifyBoilerplate(rawLine: string): BoilerplateKind | undefined {
  if (rawLine.length === 0) return undefined;
  const line = stripPinyinGlosses(rawLine);
  const short = line.length <= 60;
  if (short && EDITOR.test(line)) return 'editor';
  if (line.length <= 300 && COPYRIGHT.test(line)) return 'copyright';
  if (short && SOURCE.test(line) && !/[。！？]/.test(line)) return 'source';
  if (short && RELATED.test(line)) return 'related-heading';
  if (short && PAGINATION.test(line)) return 'pagination';
  if (short && SHARE.test(line) && !hasSentencePunctuation(line.slice(4))) return 'share';
  if (MEDIA_LABEL.test(line)) return 'media-label';
  if (line.length <= 30 && !/[。！？!?]/.test(line) && RUBRIC.test(line)) return 'rubric';
  // `2023-05`, `2021-12-03 10:00`: the dates beside list headlines.
  if (short && /^[\[(（【]?\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?(?:\s+\d{1,2}[:：]\d{2}(?::\d{2})?)?\s*[\])）】]?$/.test(line)) return 'date-only';
  // `·公安部印发…·公安部部署…`: headlines run together, one bullet each.
  const bullets = line.match(BULLETS_GLOBAL)?.length ?? 0;
  if (BULLET.test(line) && !/[。！？]$/.test(line)) return 'headline-list';
  if (bullets >= 2 && line.startsWith('·')) return 'headline-list';
  // `海门市| 彩票| 仁寿县| …`: SEO keyword spam, site maps.
  const separators = line.match(SEPARATORS_GLOBAL)?.length ?? 0;
  if (separators >= 3 && separators * 12 >= line.length) return 'keyword-list';
  return undefined;
}
