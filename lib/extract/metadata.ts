import { findDateInText, findYearMonthInText, normalizeMachineDate } from './dates';
import { normalizeSpace, stripPinyinGlosses } from './text';

const DATE_META_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:release_date', 'publishdate', 'publish_date',
  'pubdate', 'publishtime', 'publish-time', 'pubtime', 'ptime', 'datepublished', 'dc.date', 'dc.date.issued',
  'dcterms.created', 'sailthru.date', 'date', 'weibo:article:create_at', 'article.published', 'firstpublishedtime',
  'parsely-pub-date', 'contentpublishdate', 'created', 'publishedtime',
];

/** Title meta keys, most specific first. */
export const TITLE_META_KEYS = ['dc:title', 'dcterm:title', 'dc.title', 'og:title', 'weibo:article:title', 'weibo:webpage:title', 'parsely-title', 'twitter:title'];

export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: string;
  articleBody?: string;
}

/** `<meta name|property|itemprop=… content=…>` values, keys lower-cased. */
export function readMetaTags(doc: Document | Element): Map<string, string> {
  const metas = new Map<string, string>();
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    const keys = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv'))?.toLowerCase().trim();
    const content = meta.getAttribute('content');
    if (!keys || !content) continue;
    // `property="og:title twitter:title"` names several keys at once.
    for (const key of keys.split(/\s+/)) if (!metas.has(key)) metas.set(key, content.trim());
  }
  return metas;
}

function authorName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(authorName).filter(Boolean).join(' ') || undefined;
  if (value && typeof value === 'object' && 'name' in value && typeof (value as { name: unknown }).name === 'string') return (value as { name: string }).name;
  return undefined;
}

/** The first JSON-LD object of an article type (NewsArticle, Article, BlogPosting, …). */
export function readJsonLd(doc: Document | Element): JsonLdArticle | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        if (record['@graph']) queue.push(record['@graph']);
        const type = String(record['@type'] ?? '');
        if (/Article|BlogPosting|Report|WebPage/i.test(type) && (record.headline || record.datePublished || record.articleBody)) {
          return {
            headline: typeof record.headline === 'string' ? record.headline : undefined,
            datePublished: typeof record.datePublished === 'string' ? record.datePublished : undefined,
            author: authorName(record.author),
            articleBody: typeof record.articleBody === 'string' ? record.articleBody : undefined,
          };
        }
      }
    }
  }
  return undefined;
}

/** Publication date from machine-readable markup: meta tags, JSON-LD, `<time datetime>`. */
export function machinePublishedAt(doc: Document | Element, metas: Map<string, string>, jsonLd?: JsonLdArticle): string | undefined {
  for (const key of DATE_META_KEYS) {
    const value = metas.get(key);
    const date = value ? normalizeMachineDate(value) : undefined;
    if (date) return date;
  }
  if (jsonLd?.datePublished) {
    const date = normalizeMachineDate(jsonLd.datePublished);
    if (date) return date;
  }
  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  const itempropValue = itemprop?.getAttribute('content') ?? itemprop?.getAttribute('datetime') ?? itemprop?.textContent;
  if (itempropValue) {
    const date = normalizeMachineDate(itempropValue);
    if (date) return date;
  }
  const time = doc.querySelector('time[datetime]') ?? doc.querySelector('time[pubdate]');
  const timeValue = time?.getAttribute('datetime') ?? time?.textContent;
  return timeValue ? normalizeMachineDate(timeValue) : undefined;
}

const SOURCE_IN_TEXT = /(?:来源|來源|稿源|出处|出處|新闻来源|新聞來源)\s*[:：︰]\s*([^\s|｜,，。;；()（）\]】"“”]{2,30})/;
const AUTHOR_IN_TEXT = /(?:作者|撰文|文\s*\/|記者|记者|本报记者|本報記者)\s*[:：︰/]?\s*([\u3400-\u9fffA-Za-z·]{2,12}(?:[ 、，,][\u3400-\u9fff]{2,4}){0,3})/;

/** `来源:公安部网站  打印本页` → `公安部网站`. */
export function findSourceInText(text: string): string | undefined {
  const match = SOURCE_IN_TEXT.exec(stripPinyinGlosses(text));
  if (!match || /[=<>]/.test(match[1]) || !/[\u3400-\u9fffA-Za-z]{2}/.test(match[1])) return undefined;
  return match[1].replace(/(?:打印|作者|编辑|編輯|时间|時間|发布|發布|日期|字号|字號).*$/, '') || undefined;
}

/** `作者：张三`, `记者 李四 王五` → the names. */
export function findBylineInText(text: string): string | undefined {
  const match = AUTHOR_IN_TEXT.exec(stripPinyinGlosses(text));
  if (!match) return undefined;
  if (/^(?:size|本人|by)$/i.test(match[1]) || match[1].startsWith('本人')) return undefined;
  const name = match[1].replace(/\s*(?:实习生|實習生|通讯员|通訊員)\s*/g, ' ').replace(/(?:报道|報導|报导|摄影|攝影|来源|來源|发布|發布|时间|時間|编辑|編輯).*$/, '').trim();
  return name.length >= 2 ? name : undefined;
}

/**
 * The dateline near the body: a date in the lines that open the body run before its first paragraph
 * (`作者：芊草凡凡 时间：2005-08-22 19:13:18`, `2003-7-24 钱江晚报`; dropped from the body as furniture,
 * still the article's own dateline), else just above the body's first line, else just below its last line
 * (blogs and forums write "posted at" under the post), else further above (old portals put dozens of
 * one-character cells between dateline and body), else in the body's first or last lines. Without any
 * full date, a year and month (`——《北京之春》1998年3月号`) in the same places, as `1998-03`.
 */
export function datelineFromBlocks(before: string[], body: string[], after: string[], leading: string[] = []): string | undefined {
  const lookBack = (from: number, to: number) => {
    for (let i = before.length - 1 - from; i >= Math.max(0, before.length - to); i--) {
      const found = findDateInText(before[i]);
      if (found) return found.iso;
    }
    return undefined;
  };
  const firstIn = (texts: string[]) => {
    for (const text of texts) {
      const found = findDateInText(text);
      if (found) return found.iso;
    }
    return undefined;
  };
  const full = firstIn(leading) ?? lookBack(0, 15) ?? firstIn(after.slice(0, 10)) ?? lookBack(15, 200) ?? firstIn([...body.slice(0, 3), ...body.slice(-3)]);
  if (full) return full;
  const near = [...leading, ...before.slice(-15).reverse(), ...body.slice(0, 3), ...body.slice(-3), ...after.slice(0, 10)];
  for (const text of near) {
    const yearMonth = findYearMonthInText(text);
    if (yearMonth) return yearMonth;
  }
  return undefined;
}

/** A machine date without a time of day gets the time from the page's dateline when both name the same day. */
export function preferTimedDate(machine: string | undefined, dateline: string | undefined): string | undefined {
  if (!machine) return dateline;
  if (dateline && !machine.includes('T') && dateline.startsWith(machine) && dateline.includes('T')) return dateline;
  return machine;
}

export function pageLanguage(doc: Document | Element, metas: Map<string, string>): string | undefined {
  const html = 'documentElement' in doc ? (doc as Document).documentElement : doc.closest('html');
  const lang = html?.getAttribute('lang') ?? html?.getAttribute('xml:lang') ?? metas.get('content-language') ?? metas.get('language');
  return lang ? normalizeSpace(lang) : undefined;
}
