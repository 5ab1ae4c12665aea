import hints from './data/hints.json';

const POSITIVE_IDS = new Set(hints.positiveIds.map((id) => id.toLowerCase()));
const POSITIVE_CLASSES = new Set(hints.positiveClasses.map((name) => name.toLowerCase()));
const NEGATIVE_PATTERNS = hints.negativePatterns.map((pattern) => pattern.toLowerCase());
const NEGATIVE_TAGS = new Set(hints.negativeTags.map((tag) => tag.toUpperCase()));

/**
 * +1 for a known article-body container (`<article>`, `itemprop=articleBody`, `#Zoom`, `.TRS_Editor` …),
 * -1 for navigation, related lists, comments, footers; 0 when the element says nothing.
 */
export function structuralHint(element: Element): number {
  const tag = element.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML') return 0;
  const id = (element.getAttribute('id') ?? '').toLowerCase();
  const classes = (element.getAttribute('class') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const names = id ? [id, ...classes] : classes;
  if (names.some((name) => NEGATIVE_PATTERNS.some((pattern) => name.includes(pattern)))) return -1;
  if ((element.getAttribute('itemprop') ?? '').toLowerCase() === 'articlebody') return 1;
  if (id && POSITIVE_IDS.has(id)) return 1;
  if (classes.some((name) => POSITIVE_CLASSES.has(name))) return 1;
  if (tag === 'ARTICLE') return 1;
  if (NEGATIVE_TAGS.has(tag)) return -1;
  return 0;
}
