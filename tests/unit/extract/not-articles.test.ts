import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleText, findArticle } from '../../../lib/extract/index';
import { fixtures, htmlDocument, loadPage, newsHtml } from './helpers';

describe('pages that are not articles stay refused', () => {
  it('refuses the e2e news-list page (real headline lines of seed 000, each a link with a date)', () => {
    const doc = htmlDocument(readFileSync(`${fixtures}pages/list-page.html`, 'utf8'));
    const result = findArticle(doc);
    expect(result.ok).toBe(false);
  });

  it('refuses Readability’s one-line test pages: a single 8-word line or a cut-off sentence is not an article', () => {
    for (const page of ['invalid-attributes', 'ol', '005-unescape-html-entities']) {
      const result = findArticle(loadPage(`${fixtures}corpus/readability-test-pages/${page}/source.html`));
      expect(result.ok, page).toBe(false);
    }
  });
});

describe('articles among many links are still articles', () => {
  it('takes a lyrics post in `.entry-content` on a blog whose archive sidebar is hundreds of links', () => {
    // trafilatura's chineselyrics4u page: 35 unpunctuated lyric lines, then `Posted by K A at 12:11 PM`.
    const dir = 'trafilatura/chineselyrics4u.com.zhineng';
    const spec = JSON.parse(readFileSync(newsHtml(`${dir}/expected-snippets.json`), 'utf8'));
    const result = findArticle(loadPage(newsHtml(`${dir}/source.html`)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = articleText(result);
    for (const snippet of spec.with) expect(text).toContain(snippet);
    for (const snippet of spec.without) expect(text).not.toContain(snippet);
  });

  it('takes real English prose (Readability test page `001`) as an article: the threshold is in reading weight, not in Chinese characters', () => {
    const result = findArticle(loadPage(`${fixtures}corpus/readability-test-pages/001/source.html`));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.script).toBe('none');
  });
});
