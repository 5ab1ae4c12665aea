/** Result of `findArticle`: the article body of a page and the metadata a researcher cites. */
export type Script = 'zh-Hans' | 'zh-Hant' | 'mixed' | 'none';

export interface ArticleBlock {
  /** Paragraph-level text, whitespace-normalised, in reading order. */
  text: string;
  /** The element the block's text comes from (absent for plain-text input). */
  element?: Element;
}

export interface Article {
  ok: true;
  /** The element(s) holding the body; one in most pages, several sibling blocks on split layouts. */
  root: Element[];
  blocks: ArticleBlock[];
  title: string;
  byline?: string;
  /**
   * ISO 8601 as the page shows it to its readers: local time without zone when the page gives none
   * (`2023-05-31T21:31:24`), with the offset when machine markup gives the instant and the page prints
   * the local time (`2022-02-06T13:48:06+01:00`), reduced to `YYYY-MM-DD` or `YYYY-MM` when that is all
   * the page says (`——《北京之春》1998年3月号` → `1998-03`).
   */
  publishedAt?: string;
  /** Where the article comes from, e.g. `公安部网站` from `来源:公安部网站`. */
  source?: string;
  lang?: string;
  script: Script;
}

/** Why a page is not taken as an article, for the interface to say in the reader's language. */
export type NoArticleCode = 'no-body' | 'no-prose' | 'too-little-prose' | 'link-list' | 'not-chinese' | 'unreadable';

export interface NoArticle {
  ok: false;
  code: NoArticleCode;
  /** Why this page is not taken as an article (home page, list of links, too little text …). */
  reason: string;
}

export type ArticleResult = Article | NoArticle;
