export { findArticle, findArticleSliced, findArticleSteps, type FindArticleOptions, type StepScheduler } from './find-article';
export { findArticleInText } from './find-article-in-text';
export { decodeHtml } from './decode';
export { isHidden as isHiddenElement } from './dom-blocks';
export type { Article, ArticleBlock, ArticleResult, NoArticle, Script } from './types';
import type { Article } from './types';

/** The body as plain text, one block a line. */
export function articleText(article: Article): string {
  return article.blocks.map((block) => block.text).join('\n');
}
