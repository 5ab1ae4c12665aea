import { normalizeSpace } from './text';

/** Separators between an article title and the site/channel names Chinese CMSs append to `<title>`. */
const SUFFIX_SEPARATOR = /\s*(?:_{1,2}|\||｜|--+|(?<!—)—(?!—)|–|\s-\s|-(?=[^-]{1,12}$)|::|：：|»|·(?=[^·]{1,10}$))\s*/;

/**
 * `四年前中500万现穷困潦倒 一夜暴富后如何经营__商贸_产业资讯_新浪网` → the part before the site names.
 * A trailing segment is removed only while what remains still looks like a title (≥ 4 characters), and
 * `——` (a Chinese subtitle dash) is never taken as a separator.
 */
export function stripSiteSuffix(title: string): string {
  let current = normalizeSpace(title);
  for (let guard = 0; guard < 6; guard++) {
    const pieces = splitLast(current);
    if (!pieces) break;
    const [head, tail] = pieces;
    if (head.length < 4 || tail.length > 30) break;
    current = head;
  }
  return current;
}

function splitLast(title: string): [string, string] | undefined {
  const re = new RegExp(SUFFIX_SEPARATOR.source, 'g');
  let last: RegExpExecArray | undefined;
  for (let match = re.exec(title); match; match = re.exec(title)) {
    if (match[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    last = match;
  }
  if (!last) return undefined;
  return [title.slice(0, last.index).trim(), title.slice(last.index + last[0].length).trim()];
}

const compact = (text: string) => text.replace(/\s+/g, '');
/** What is left of a document title around the headline: a site name with a separator on the headline's side (`——` is a subtitle dash, not a separator). */
const SITE_AFFIX = /^[^_|｜\-–—:：»·]{1,24}(?:_{1,2}|\||｜|-{1,2}|–|(?<!—)—|::|：：|»|·)$|^(?:_{1,2}|\||｜|-{1,2}|–|—(?!—)|::|：：|»|·)[^]{1,28}$/;

/**
 * Picks the title: a heading or og:title that the document title starts with wins (it is the article's
 * own wording without site names); else og:title; else the document title without its site suffix.
 */
export function chooseTitle(documentTitle: string, metaTitles: string[], headings: string[], linesAboveBody: string[] = []): string {
  const docTitle = normalizeSpace(documentTitle);
  const docCompact = compact(docTitle);
  const candidates = [...metaTitles, ...headings].map(normalizeSpace).filter((t) => t.length >= 2 && t.length <= 200);
  // The longest such prefix: a meta tag whose content holds an unescaped `"` is cut at it
  // (`content="奖金711万元！"中国诺贝尔奖"…"` reads as `奖金711万元！`), while the <h1> has the whole title.
  let longestPrefix = '';
  for (const candidate of candidates) {
    const c = compact(candidate);
    if (docCompact && c.length >= 4 && docCompact.startsWith(c) && (c.length < docCompact.length || !splitLast(candidate)) && c.length > compact(longestPrefix).length) longestPrefix = candidate;
  }
  if (longestPrefix) return longestPrefix;
  // Old pages without <h1> or meta titles print the headline as a plain line above the body, and some
  // put the site name first in <title> (`自由電子報 - 果汁？啤酒？難分 「飲誘」青少年`): a line that is
  // the document title but for a site name and separators is the title.
  for (const line of [...linesAboveBody].reverse()) {
    const normalized = normalizeSpace(line);
    const c = compact(normalized);
    if (c.length < 4 || c.length > 120 || !docCompact.includes(c) || c === docCompact) continue;
    const rest = docCompact.replace(c, '');
    if (rest.length <= 30 && SITE_AFFIX.test(rest)) return normalized;
  }
  for (const candidate of candidates) {
    const stripped = stripSiteSuffix(candidate);
    const c = compact(stripped);
    if (docCompact && c.length >= 4 && docCompact.includes(c)) return stripped;
  }
  if (metaTitles.length > 0 && metaTitles[0].trim()) return stripSiteSuffix(metaTitles[0]);
  if (docTitle) return stripSiteSuffix(docTitle);
  return headings[0] ? normalizeSpace(headings[0]) : '';
}
