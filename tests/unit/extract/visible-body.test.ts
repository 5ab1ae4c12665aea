import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleText, findArticle, isHiddenElement } from '../../../lib/extract/index';
import { characterF1, htmlDocument, loadPage, newsHtml } from './helpers';

const expectedOf = (dir: string) => readFileSync(newsHtml(`${dir}/expected.txt`), 'utf8');
const compactLines = (text: string) => text.split('\n').map((line) => line.replace(/\s+/g, '')).filter(Boolean);

function article(doc: Document, options = {}) {
  const result = findArticle(doc, options);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const paragraph = (n: number) => `<p>第${n}段：公安机关持续推进打击治理工作，会同有关部门开展专项行动，依法严厉打击各类电信网络诈骗犯罪活动，切实维护人民群众财产安全。</p>`;

describe('the collapsed rest of a body behind "展开全文" is not read', () => {
  // sohu 2020: the body is cut after 25 paragraphs by `<div class="lookall-box">…展开全文…</div>` and the
  // rest sits in `<div class="hidden-content control-hide">` until the reader clicks. CWCE's gold stops there.
  const dir = 'cwce/d8d4c4ec-dc2a-420f-a9f8-5e8ee597b965';

  it('ends the sohu body at the last shown paragraph', () => {
    const result = article(loadPage(newsHtml(`${dir}/source.html`)));
    const got = compactLines(articleText(result));
    const gold = compactLines(expectedOf(dir));
    expect(got[got.length - 1]).toBe('苏银霞打小做生意，从上世纪90年代开始，卖农药化肥，盖养猪场，倒腾木材。2007年，别人做轴承，她做齿轮，建了一家小锻造厂。');
    expect(got[got.length - 1]).toBe(gold[gold.length - 1]);
    expect(articleText(result)).not.toContain('作为当地的企业老板');
    expect(characterF1(articleText(result), expectedOf(dir))).toBeGreaterThan(0.98);
  });

  it('treats hiding class names as hidden, and responsive ones (`hidden-xs`, `hide-when-compact`, `hideBr`) as shown', () => {
    const el = (cls: string) => htmlDocument(`<html><body><div class="${cls}">x</div></body></html>`).querySelector('div')!;
    for (const cls of ['hide', 'hidden', 'd-none', 'hidden-content control-hide', 'o-self-promo--hidden', 'sr-only']) expect(isHiddenElement(el(cls)), cls).toBe(true);
    for (const cls of ['hidden-xs hidden-sm', 'hide-when-compact', 'hideBr', 'mw-hide-empty-elt', 'navbar-collapse collapse', 'mobile-hide', 'content']) expect(isHiddenElement(el(cls)), cls).toBe(false);
  });

  it('keeps body text inside responsive classes (松花江网 wraps its whole layout in `hidden-xs hidden-sm`)', () => {
    const doc = htmlDocument(`<html><body><div class="hidden-xs hidden-sm"><div class="content">${paragraph(1)}${paragraph(2)}</div></div></body></html>`);
    expect(article(doc).blocks).toHaveLength(2);
  });

  it('lets a live page add its computed visibility through `isHidden`', () => {
    const doc = htmlDocument(`<html><body><article>${paragraph(1)}${paragraph(2)}<div class="fold">${paragraph(3)}</div></article></body></html>`);
    expect(article(doc).blocks).toHaveLength(3);
    const result = article(doc, { isHidden: (element: Element) => element.getAttribute('class') === 'fold' });
    expect(result.blocks.map((b) => b.text.slice(0, 3))).toEqual(['第1段', '第2段']);
  });
});

describe('a page of several posts: the article is the first post', () => {
  // blog.wenxuecity.com 2005: a blog page lists posts, each `post-title` (title, `2005-06-13 15:00:14`),
  // `post-body`, `post-footer`. The CWCE gold is the first post only.
  for (const [dir, firstWords, nextTitle] of [
    ['cwce/59562291-5657-476d-9902-ad76b53ef82b', '湘菜粤菜兵分两路', '澳坛真的累了'],
    ['cwce/8f1cdd94-6326-49be-bfd0-f3681cc7e89d', '距墨爾本西北約110公里處', '长发剪了，感觉很轻松'],
  ]) {
    it(`${dir}: stops at the timed dateline of the next post`, () => {
      const result = article(loadPage(newsHtml(`${dir}/source.html`)));
      const text = articleText(result);
      expect(text.startsWith(firstWords)).toBe(true);
      expect(text).not.toContain(nextTitle);
      expect(characterF1(text, expectedOf(dir))).toBeGreaterThan(0.95);
    });
  }

  it('does not cut a news body whose dateline (with time) stands above it', () => {
    const doc = htmlDocument(`<html><body><div class="content"><h1>标题</h1><p>2023-05-31 21:31:24</p>${paragraph(1)}${paragraph(2)}${paragraph(3)}</div></body></html>`);
    const result = article(doc);
    expect(result.blocks).toHaveLength(3);
    expect(result.publishedAt).toBe('2023-05-31T21:31:24');
  });
});
