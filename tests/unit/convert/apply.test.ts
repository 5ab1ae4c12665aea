import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createConverterCache, createPageConversion, type ConvertTexts } from '../../../lib/convert';

const cache = createConverterCache();
const toTarget = (from: 'cn' | 'tw', to: 'cn' | 'tw' | 'twp' | 'hk'): ConvertTexts => (texts) => cache.convertTexts(texts, from, to);
const noYield = async () => {};

function page(body: string, title = '网络诈骗新闻') {
  return parseHTML(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`).document;
}

describe('createPageConversion', () => {
  it('converts a phrase split by an inline tag as one phrase, and restores the exact DOM', async () => {
    const document = page('<p>下载<b>软</b>件，插上<a href="#">U</a>盘，打开<span>鼠标</span>设置</p><img alt="鼠标图片" title="软件">');
    const before = document.documentElement.cloneNode(true);
    const conversion = createPageConversion(document, { yieldToPage: noYield });
    const report = await conversion.convertTo('twp', toTarget('cn', 'twp'));
    const paragraph = document.querySelector('p')!;
    // Per-node conversion would give 軟件 (件 alone stays) and U盤; the block path gives OpenCC's phrases.
    expect(paragraph.textContent).toBe('下載軟體，插上隨身碟，開啟滑鼠設定');
    expect(document.querySelector('b')!.textContent).toBe('軟');
    expect(document.querySelector('a')!.textContent).toBe('隨身碟'); // the phrase goes to its first character's node
    expect(document.querySelector('span')!.textContent).toBe('滑鼠');
    expect(document.querySelector('img')!.getAttribute('alt')).toBe('滑鼠圖片');
    expect(document.querySelector('img')!.getAttribute('title')).toBe('軟體');
    expect(document.title).toBe('網路詐騙新聞');
    expect(report).toMatchObject({ status: 'done', target: 'twp', blocks: 1, attributes: 2 });
    expect(conversion.target).toBe('twp');

    conversion.restore();
    expect(document.documentElement.isEqualNode(before)).toBe(true);
    expect(document.title).toBe('网络诈骗新闻');
    expect(conversion.target).toBe('original');
  });

  it('switches targets from the original text, not from the previous conversion', async () => {
    const document = page('<p>头发<i>和</i>发展，后台软件</p>');
    const conversion = createPageConversion(document, { yieldToPage: noYield });
    await conversion.convertTo('tw', toTarget('cn', 'tw'));
    expect(document.querySelector('p')!.textContent).toBe('頭髮和發展，後臺軟件');
    await conversion.convertTo('hk', toTarget('cn', 'hk'));
    expect(document.querySelector('p')!.textContent).toBe('頭髮和發展，後台軟件');
    // 'cn' from a cn page is the identity: every node goes back to its original text.
    await conversion.convertTo('cn', toTarget('cn', 'cn'));
    expect(document.querySelector('p')!.innerHTML).toBe('头发<i>和</i>发展，后台软件');
  });

  it('writes only text nodes whose text changes and skips blocks without Han', async () => {
    const document = page('<p>的<b>在</b>中文</p><p>ASCII only</p><p>软件</p>');
    const seen: string[][] = [];
    const conversion = createPageConversion(document, { yieldToPage: noYield });
    const report = await conversion.convertTo('tw', async (texts) => {
      seen.push(texts);
      return cache.convertTexts(texts, 'cn', 'tw');
    });
    expect(seen).toEqual([['的在中文', '软件'], ['网络诈骗新闻']]); // blocks, then attributes + title
    expect(report.changedNodes).toBe(1);
  });

  it('converts in character-sized chunks, yields between them, and the priority block goes first', async () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `<p>第${i}段：公安机关开展打击治理电信网络诈骗犯罪专项行动</p>`).join('');
    const document = page(`<div id="nav">${paragraphs}</div><article><p>正文：断卡行动</p></article>`);
    const batches: string[][] = [];
    let yields = 0;
    const conversion = createPageConversion(document, {
      chunkCharacters: 100,
      maxChunkCharacters: 100,
      sliceMs: 0, // every chunk is a slice of its own
      priority: document.querySelector('article'),
      yieldToPage: async () => void yields++,
    });
    const report = await conversion.convertTo('tw', async (texts) => {
      batches.push(texts);
      return cache.convertTexts(texts, 'cn', 'tw');
    });
    expect(batches[0][0]).toBe('正文：断卡行动');
    const blockBatches = batches.slice(0, -1); // the last call is attributes + title
    expect(blockBatches.every((batch) => batch.join('').length <= 100 || batch.length === 1)).toBe(true);
    expect(blockBatches.length).toBeGreaterThan(5);
    expect(yields).toBe(blockBatches.length - 1);
    expect(report.blocks).toBe(31);
    expect(document.querySelector('article p')!.textContent).toBe('正文：斷卡行動');
    expect(document.querySelector('#nav p')!.textContent).toBe('第0段：公安機關開展打擊治理電信網絡詐騙犯罪專項行動');
  });

  it('keeps several chunks with the worker at once and writes them in page order as they come back', async () => {
    // 20 paragraphs of 24 characters; chunks of at most 48 characters (two paragraphs).
    const document = page(Array.from({ length: 20 }, (_, i) => `<p>第${String(i).padStart(2, '0')}段：开展打击治理电信网络诈骗犯罪</p>`).join(''));
    const answers: { texts: string[]; answer: (converted: string[]) => void }[] = [];
    const conversion = createPageConversion(document, { chunkCharacters: 48, maxChunkCharacters: 48, chunksInFlight: 3, yieldToPage: noYield });
    const running = conversion.convertTo('tw', (texts) => new Promise((answer) => answers.push({ texts, answer })));
    // Three block chunks and the attributes + title are asked for before any answer.
    expect(answers.map(({ texts }) => texts.length)).toEqual([2, 2, 2, 1]);
    expect(answers[3].texts).toEqual(['网络诈骗新闻']);
    const paragraphs = [...document.querySelectorAll('p')];
    const answered = new Set<number>();
    const answer = async (i: number) => {
      answers[i].answer(await cache.convertTexts(answers[i].texts, 'cn', 'tw'));
      answered.add(i);
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    // Answering the second chunk first writes nothing: the first is still out.
    await answer(1);
    expect(paragraphs[2].textContent).toBe('第02段：开展打击治理电信网络诈骗犯罪');
    // Each chunk written sends the next one (the list grows while it is answered).
    for (let i = 0; i < answers.length; i++) if (!answered.has(i)) await answer(i);
    const report = await running;
    expect(report).toMatchObject({ status: 'done', blocks: 20, batches: 11 });
    expect(paragraphs.every((p, i) => p.textContent === `第${String(i).padStart(2, '0')}段：開展打擊治理電信網絡詐騙犯罪`)).toBe(true);
  });

  it('a newer switch cancels the running one, which writes nothing after that', async () => {
    const document = page(Array.from({ length: 10 }, () => '<p>电信网络诈骗</p>').join(''));
    const conversion = createPageConversion(document, { chunkCharacters: 10, yieldToPage: noYield });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = conversion.convertTo('tw', async (texts) => {
      await gate;
      return cache.convertTexts(texts, 'cn', 'tw');
    });
    const fast = conversion.convertTo('cn', toTarget('cn', 'cn'));
    expect((await fast).status).toBe('done');
    release();
    expect((await slow).status).toBe('cancelled');
    expect(document.body.textContent).toBe('电信网络诈骗'.repeat(10));
  });

  it('converts content added later with the active target, joining it to its block', async () => {
    const document = page('<p id="p">下载<b>软</b></p>');
    const conversion = createPageConversion(document, { yieldToPage: noYield });
    expect(await conversion.convertAdded([document.querySelector('b')!])).toBeNull(); // nothing active
    await conversion.convertTo('twp', toTarget('cn', 'twp'));
    expect(document.getElementById('p')!.textContent).toBe('下載軟');
    const added = document.createTextNode('件');
    document.getElementById('p')!.appendChild(added);
    const section = document.createElement('section');
    section.innerHTML = '<h2 title="网络">鼠标</h2><fzl-card><p>界面软件</p></fzl-card>';
    document.body.appendChild(section);
    await conversion.convertAdded([added, section]);
    expect(document.getElementById('p')!.textContent).toBe('下載軟體');
    expect(section.querySelector('h2')!.textContent).toBe('滑鼠');
    expect(section.querySelector('h2')!.getAttribute('title')).toBe('網路');
    expect(section.querySelector('fzl-card p')!.textContent).toBe('界面软件');
    conversion.restore();
    expect(document.getElementById('p')!.textContent).toBe('下载软件');
    expect(section.querySelector('h2')!.outerHTML).toBe('<h2 title="网络">鼠标</h2>');
  });

  it('leaves alone a node the page rewrote after conversion, when restoring', async () => {
    const document = page('<p>软件</p><p>网络</p>');
    const conversion = createPageConversion(document, { yieldToPage: noYield });
    await conversion.convertTo('tw', toTarget('cn', 'tw'));
    document.querySelector('p')!.firstChild!.textContent = '页面自己改的';
    conversion.restore();
    expect(document.body.innerHTML).toBe('<p>页面自己改的</p><p>网络</p>');
  });
});
