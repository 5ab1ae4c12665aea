import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectAttributes, collectBlocks } from '../../../lib/convert';

const page = (body: string) => parseHTML(`<!doctype html><html><head><title>标题</title></head><body>${body}</body></html>`).document;

describe('collectBlocks', () => {
  it('joins the text nodes of inline descendants into one block per block element', () => {
    const document = page('<p>软<b>件</b>下载</p><div>前<p>中间</p>后</div>');
    const blocks = collectBlocks(document);
    expect(blocks.map((block) => block.segments)).toEqual([['软', '件', '下载'], ['前'], ['中间'], ['后']]);
    expect(blocks[0].text).toBe('软件下载');
    expect(blocks[0].nodes[1].parentNode).toBe(document.querySelector('b'));
  });

  it('skips code, form fields, editable and no-translate subtrees, and the extension UI, but converts highlight wrappers', () => {
    const document = page(`
      <p>网络<code>软件</code>诈骗</p>
      <script>var 软件 = 1</script><style>.软件{}</style><pre>软件</pre><textarea>软件</textarea>
      <select><option>软件</option></select>
      <div contenteditable="true"><p>编辑中</p></div><div contenteditable="false"><p>只读的</p></div>
      <p translate="no">不要翻译</p><p class="x notranslate">不要翻译</p><p class="fzl-no-convert">不转换</p>
      <fzl-root><p>插件界面</p></fzl-root><div class="fzl-card"><p>卡片</p></div>
      <p>开展<fzl-mark class="fzl-mark fzl-operation">断卡</fzl-mark>行动</p>`);
    const texts = collectBlocks(document).map((block) => block.segments);
    // The code element ends the block: 网络 and 诈骗 are not glued into one phrase across it.
    expect(texts).toEqual([['网络'], ['诈骗'], ['只读的'], ['开展', '断卡', '行动']]);
  });

  it('drops blocks without Han characters and puts the priority element first', () => {
    const document = page('<nav><a>首页</a></nav><p>English only</p><article><p>正文第一段</p><p>正文第二段</p></article><footer>版权</footer>');
    const blocks = collectBlocks(document, { priority: document.querySelector('article') });
    expect(blocks.map((block) => block.text)).toEqual(['正文第一段', '正文第二段', '首页', '版权']);
  });

  it('treats <br> as a block boundary', () => {
    const document = page('<p>第一行<br>第二行</p>');
    expect(collectBlocks(document).map((block) => block.text)).toEqual(['第一行', '第二行']);
  });
});

describe('collectAttributes', () => {
  it('lists title, alt, placeholder and aria-label with Han text, not form values or skipped subtrees', () => {
    const document = page(`
      <a title="打开链接" href="#">x</a><img alt="图片说明"><input placeholder="请输入" value="输入值">
      <button aria-label="关闭">x</button><span title="English">y</span>
      <div class="notranslate"><img alt="不要"></div><fzl-card><img alt="界面"></fzl-card>`);
    const found = collectAttributes(document).map(({ element, name, value }) => `${element.localName}.${name}=${value}`);
    expect(found).toEqual(['a.title=打开链接', 'img.alt=图片说明', 'input.placeholder=请输入', 'button.aria-label=关闭']);
  });
});
