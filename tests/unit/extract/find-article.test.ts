import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleText, findArticle } from '../../../lib/extract/index';
import { characterF1, htmlDocument, loadPage, newsHtml } from './helpers';

const expectedOf = (dir: string) => readFileSync(newsHtml(`${dir}/expected.txt`), 'utf8');
const lines = (text: string) => text.split('\n').map((line) => line.replace(/\s+/g, '')).filter(Boolean);

function article(doc: Document) {
  const result = findArticle(doc);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** A 2000s provincial-government page: nested layout tables, nav links, body in a <td> with <br> paragraphs. */
const OLD_GOVERNMENT_PAGE = `<html><head><meta charset="utf-8"><title>市公安局召开打击治理电信网络诈骗工作会议--某某市人民政府网</title></head>
<body><table width="100%"><tr><td><a href="/">首页</a> | <a href="/zw">政务公开</a> | <a href="/bs">网上办事</a> | <a href="/hd">互动交流</a></td></tr></table>
<table width="980"><tr>
<td width="200" valign="top"><table><tr><td><a href="/a1">市政府召开常务会议</a></td></tr><tr><td><a href="/a2">全市安全生产工作会议召开</a></td></tr><tr><td><a href="/a3">我市启动春季植树活动</a></td></tr><tr><td><a href="/a4">市领导调研农村工作</a></td></tr></table></td>
<td valign="top"><table width="100%">
<tr><td align="center"><font size="4"><b>市公安局召开打击治理电信网络诈骗工作会议</b></font></td></tr>
<tr><td align="center">发布时间：2021年6月8日 10:30　来源：市公安局　【<a href="#">打印</a>】【<a href="#">关闭</a>】</td></tr>
<tr><td class="content">　　6月7日，市公安局召开全市打击治理电信网络诈骗犯罪工作会议，总结前一阶段工作，部署下一阶段任务。<br><br>
　　会议指出，今年以来，全市公安机关共破获电信网络诈骗案件312起，抓获犯罪嫌疑人205名，止付冻结涉案资金1800余万元。<br><br>
　　会议要求，各单位要持续开展“断卡”行动，深化源头治理，加强预警劝阻，确保发案数持续下降。<br><br>
　　[责任编辑：王明]</td></tr>
</table></td></tr></table>
<table><tr><td>主办：某某市人民政府办公室　版权所有　ICP备05001234号</td></tr></table></body></html>`;

describe('findArticle on table layouts of old government sites', () => {
  it('takes the three <br> paragraphs of the body cell and nothing else', () => {
    const doc = htmlDocument(OLD_GOVERNMENT_PAGE);
    const result = article(doc);
    expect(result.blocks.map((b) => b.text)).toEqual([
      '6月7日，市公安局召开全市打击治理电信网络诈骗犯罪工作会议，总结前一阶段工作，部署下一阶段任务。',
      '会议指出，今年以来，全市公安机关共破获电信网络诈骗案件312起，抓获犯罪嫌疑人205名，止付冻结涉案资金1800余万元。',
      '会议要求，各单位要持续开展“断卡”行动，深化源头治理，加强预警劝阻，确保发案数持续下降。',
    ]);
    expect(result.title).toBe('市公安局召开打击治理电信网络诈骗工作会议');
    expect(result.publishedAt).toBe('2021-06-08T10:30:00');
    expect(result.source).toBe('市公安局');
    expect(result.root).toHaveLength(1);
    expect(result.root[0].getAttribute('class')).toBe('content');
  });

  it('extracts a real government page (巴彦淖尔市人民政府网) from its first to its last paragraph', () => {
    const dir = 'cwce/500b350d-d38d-4fb0-9e81-75e0c95e95a8';
    const result = article(loadPage(newsHtml(`${dir}/source.html`)));
    // The CWCE gold ends with `来源：巴彦淖尔日报编辑：苏亮`; source and editor lines are dropped by design.
    const expected = lines(expectedOf(dir)).filter((line) => !/^来源：.*编辑：/.test(line));
    expect(expected[expected.length - 1]).toBe('预祝大会圆满成功！');
    const got = lines(articleText(result));
    expect(got[0]).toBe(expected[0]);
    expect(got[got.length - 1]).toBe(expected[expected.length - 1]);
    expect(characterF1(articleText(result), expectedOf(dir))).toBeGreaterThan(0.97);
  });

  it('extracts a 2005 sina page laid out in tables, decoded from GB2312', () => {
    const dir = 'cwce/0d931936-d510-4904-a714-88bb267b62da';
    const result = article(loadPage(newsHtml(`${dir}/source.html`)));
    expect(result.title).toBe('四年前中500万现穷困潦倒 一夜暴富后如何经营');
    expect(characterF1(articleText(result), expectedOf(dir))).toBeGreaterThan(0.95);
  });
});

describe('findArticle on GB18030 and Big5 pages', () => {
  it('decodes and extracts a GB2312 sohu page (2005) with its title and dateline', () => {
    const dir = 'cwce/33a95b71-b49b-42c1-9c0a-ab8e3feba3cf';
    const result = article(loadPage(newsHtml(`${dir}/source.html`)));
    expect(result.title).toBe('工商部门初定SKII广告属于虚假宣传');
    expect(result.publishedAt?.slice(0, 16)).toBe('2005-03-11T12:12');
    expect(result.script).toBe('zh-Hans');
    expect(characterF1(articleText(result), expectedOf(dir))).toBeGreaterThan(0.95);
  });

  it('decodes and extracts an old Big5 Liberty Times page', () => {
    const spec = JSON.parse(readFileSync(newsHtml('taiwanese_news_parser/liberty_times_big5_s1/expected-snippets.json'), 'utf8'));
    const result = article(loadPage(newsHtml('taiwanese_news_parser/liberty_times_big5_s1/source.html')));
    for (const snippet of spec.content_includes) expect(articleText(result).replace(/\s+/g, '')).toContain(snippet.replace(/\s+/g, ''));
    expect(result.script).toBe('zh-Hant');
  });
});

const paragraph = (n: number) => `<p>第${n}段：公安机关持续推进打击治理工作，会同有关部门开展专项行动，依法严厉打击各类电信网络诈骗犯罪活动，切实维护人民群众财产安全。</p>`;

describe('findArticle on bodies split into sibling blocks', () => {
  it('merges two body parts around an ad block and leaves the ad out', () => {
    const doc = htmlDocument(`<html><head><title>专项行动取得成效_某某网</title></head><body>
      <div id="main"><h1>专项行动取得成效</h1>
      <div class="part1">${paragraph(1)}${paragraph(2)}</div>
      <div class="promo"><a href="/x">下载客户端</a> <a href="/y">关注公众号</a> <a href="/z">热门活动报名中</a></div>
      <div class="part2">${paragraph(3)}${paragraph(4)}</div></div>
      <div class="sidebar"><ul><li><a href="/1">推荐新闻一</a></li><li><a href="/2">推荐新闻二</a></li></ul></div></body></html>`);
    const result = article(doc);
    expect(result.blocks.map((b) => b.text.slice(0, 3))).toEqual(['第1段', '第2段', '第3段', '第4段']);
    expect(result.root.map((el) => el.getAttribute('class'))).toEqual(['part1', 'part2']);
    expect(articleText(result)).not.toContain('下载客户端');
  });
});

describe('findArticle with pagination, captions and editor lines', () => {
  const doc = () =>
    htmlDocument(`<html><head><title>反诈宣传进社区-新闻中心</title></head><body>
    <div class="article-content">
      <p><img src="a.jpg"></p><p class="pic-caption">图为民警向居民讲解防骗知识。</p>
      ${paragraph(1)}${paragraph(2)}
      <p>来源：新华网</p>
      <p>[责任编辑：张三]</p>
      <div class="page"><a href="?p=1">上一页</a> <a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=3">3</a> <a href="?p=2">下一页</a></div>
    </div>
    <div class="related"><h3>相关新闻</h3><ul><li><a href="/r1">警方破获一起电信诈骗案</a></li><li><a href="/r2">反诈知识进校园</a></li></ul></div>
    </body></html>`);

  it('keeps the image caption as the first block, as the CWCE gold does', () => {
    const result = article(doc());
    expect(result.blocks[0].text).toBe('图为民警向居民讲解防骗知识。');
  });

  it('drops the source line, the editor line, the page links and the related list', () => {
    const text = articleText(article(doc()));
    expect(text).not.toMatch(/责任编辑|来源：|上一页|下一页|相关新闻|警方破获/);
    expect(text.split('\n')).toHaveLength(3);
  });
});

describe('findArticle on pages that are not articles', () => {
  it('refuses a portal home page made of the link lists of a real news page', () => {
    const seed = readFileSync(`${newsHtml('..')}/../seeds/000_0b94c6cf45dcb226.txt`, 'utf8');
    const headlines = seed.split('\n').filter((line) => line.startsWith('·')).map((line) => line.slice(1));
    const lists = [0, 1, 2, 3]
      .map((box) => `<div class="box"><h2>栏目${box + 1}</h2><ul>${headlines.slice(box * 12, box * 12 + 12).map((h, i) => `<li><a href="/n/${box}/${i}.html">${h}</a> <span>09-0${(i % 9) + 1}</span></li>`).join('')}</ul></div>`)
      .join('');
    const doc = htmlDocument(`<html><head><title>天水在线</title></head><body><div class="nav"><a href="/">首页</a><a href="/xw">新闻中心</a><a href="/ty">图片</a></div>
      <div class="focus"><a href="/f1"><img src="f.jpg"></a><p>天水在线摄影报道：麦积区社棠镇柏林村的“阳光玫瑰”葡萄迎来丰收。</p></div>${lists}
      <div class="footer">版权所有 天水在线 陇ICP备05000000号</div></body></html>`);
    const result = findArticle(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.length).toBeGreaterThan(10);
      expect(['link-list', 'no-prose', 'too-little-prose']).toContain(result.code);
    }
  });

  it('refuses a page with too little prose', () => {
    const result = findArticle(htmlDocument('<html><body><p>页面不存在</p><p><a href="/">返回首页</a></p></body></html>'));
    expect(result).toEqual({ ok: false, code: 'no-prose', reason: expect.stringMatching(/prose/) });
  });
});

describe('findArticle reads only what a reader sees', () => {
  it('leaves out ruby annotations, scripts, styles, templates and hidden elements', () => {
    const doc = htmlDocument(`<html><head><style>p{color:red}</style></head><body><article>
      <p>反<ruby>詐<rp>(</rp><rt>zhà</rt><rp>)</rp></ruby>中心提醒，凡是要求转账到所谓“安全账户”的，都是诈骗，请广大市民提高警惕，保护好自己的钱袋子。</p>
      <script>var 广告 = "不应出现";</script><noscript>请开启脚本</noscript><template><p>模板文字不应出现。</p></template>
      <p hidden>隐藏段落不应出现。</p><p aria-hidden="true">辅助隐藏不应出现。</p><p style="display: none">样式隐藏不应出现。</p>
      <p>警方表示，将继续加大打击力度，会同有关部门开展专项整治，坚决遏制电信网络诈骗犯罪高发势头。</p></article></body></html>`);
    const text = articleText(article(doc));
    expect(text).toContain('反詐中心提醒');
    expect(text).not.toMatch(/zhà|不应出现|请开启脚本|\(|\)/);
    expect(text.split('\n')).toHaveLength(2);
  });
});

describe('findArticle is read-only and points into the given document', () => {
  it('does not mutate the document, and every block element is a live element of it', () => {
    const doc = loadPage(newsHtml('cwce/274a65d9-46df-45be-b9f6-4d18ba911427/source.html'));
    const before = doc.cloneNode(true);
    const result = article(doc);
    expect(doc.isEqualNode(before)).toBe(true);
    for (const block of result.blocks) {
      expect(block.element?.ownerDocument).toBe(doc);
      expect(result.root.some((root) => root === block.element || root.contains(block.element!))).toBe(true);
    }
  });

  it('accepts an element and stays inside it', () => {
    const doc = htmlDocument(`<html><body><div id="a">${paragraph(1)}${paragraph(2)}</div><div id="b">${paragraph(3)}${paragraph(4)}${paragraph(5)}</div></body></html>`);
    const result = article(doc.getElementById('a') as unknown as Document);
    expect(result.blocks.map((b) => b.text.slice(0, 3))).toEqual(['第1段', '第2段']);
  });
});

describe('findArticle on a page nested deeper than a call stack', () => {
  it('walks 20,000 levels without recursion and finds the article at the bottom', async () => {
    const { parseHTML } = await import('linkedom');
    const depth = 20_000;
    const text = '公安部部署全国公安机关开展“断卡”行动，截至目前共打掉涉“两卡”违法犯罪团伙4.3万个，抓获犯罪嫌疑人近50万名。';
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${text}</p><p>${text}</p>${'</div>'.repeat(depth)}</body></html>`;
    const { document } = parseHTML(html);
    const { findArticle } = await import('../../../lib/extract');
    const result = findArticle(document as unknown as Document);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.blocks.map((b) => b.text)).toEqual([text, text]);
  });
});
