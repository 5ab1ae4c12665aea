import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findArticle } from '../../../lib/extract/index';
import { chooseTitle } from '../../../lib/extract/title';
import { htmlDocument, loadPage, newsHtml } from './helpers';

const paragraph = (n: number) => `<p>第${n}段：公安机关持续推进打击治理工作，会同有关部门开展专项行动，依法严厉打击各类电信网络诈骗犯罪活动，切实维护人民群众财产安全。</p>`;

describe('titles', () => {
  it('takes the whole <h1> when a meta title is cut at an unescaped quote (163.com, 2019)', () => {
    // The page's own markup: `<meta property="og:title" content="奖金711万元！"中国诺贝尔奖"首位获奖女性啥来头?">`
    // parses as `奖金711万元！`; the <title> and <h1> carry the whole headline.
    const doc = htmlDocument(`<html><head><title>奖金711万元！"中国诺贝尔奖"首位获奖女性啥来头?_网易新闻</title>
      <meta property="og:title" content="奖金711万元！"中国诺贝尔奖"首位获奖女性啥来头?"></head>
      <body><div class="post_content_main"><h1>奖金711万元！"中国诺贝尔奖"首位获奖女性啥来头?</h1>${paragraph(1)}${paragraph(2)}</div></body></html>`);
    const result = findArticle(doc);
    expect(result.ok && result.title).toBe('奖金711万元！"中国诺贝尔奖"首位获奖女性啥来头?');
  });

  it('finds the headline line of an old page whose <title> puts the site name first (自由電子報, Big5)', () => {
    const spec = JSON.parse(readFileSync(newsHtml('taiwanese_news_parser/liberty_times_big5_s1/expected-snippets.json'), 'utf8'));
    const result = findArticle(loadPage(newsHtml('taiwanese_news_parser/liberty_times_big5_s1/source.html')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.title).toBe(spec.title);
    expect(result.title).toBe('果汁？啤酒？難分 「飲誘」青少年');
    // The headline line is the title, not the body's first line.
    expect(result.blocks[0].text).not.toBe(result.title);
  });

  it('keeps a `——` subtitle: a dash pair is not a site separator', () => {
    const docTitle = '为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕_巴彦淖尔市人民政府网';
    expect(chooseTitle(docTitle, [], [], ['为现代化巴彦淖尔建设凝聚强大智慧和力量'])).toBe('为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕');
    expect(chooseTitle('多维博客 » 播客热潮迅速蔓延 挑逗传统传媒业', [], [], ['播客热潮迅速蔓延 挑逗传统传媒业'])).toBe('播客热潮迅速蔓延 挑逗传统传媒业');
  });
});
