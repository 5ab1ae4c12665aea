import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectBlocks, createConverterCache } from '../../../lib/convert';
import { planChunks, readChunk } from '../../../lib/convert/batches';

const cache = createConverterCache();

function blocksOf(body: string) {
  return collectBlocks(parseHTML(`<!doctype html><html><body>${body}</body></html>`).document);
}

describe('planChunks', () => {
  it('starts small and doubles the chunk size up to the maximum, keeping page order', () => {
    // 40 paragraphs of 10 characters each.
    const blocks = blocksOf(Array.from({ length: 40 }, (_, i) => `<p>第${String(i).padStart(2, '0')}段电信网络诈骗</p>`).join(''));
    expect(blocks.every((block) => block.text.length === 10)).toBe(true);
    const chunks = planChunks(blocks, 'char', { first: 20, max: 80, maxTexts: 100 });
    expect(chunks.map((chunk) => chunk.texts.length)).toEqual([2, 4, 8, 8, 8, 8, 2]);
    expect(chunks.flatMap((chunk) => chunk.blocks)).toEqual(blocks);
    expect(chunks.flatMap((chunk) => chunk.texts)).toEqual(blocks.map((block) => block.text));
  });

  it('never sends more texts per message than allowed, and a block longer than a chunk goes alone', () => {
    const blocks = blocksOf(`${'<p>网络</p>'.repeat(7)}<p>${'诈骗'.repeat(50)}</p><p>公安</p>`);
    const chunks = planChunks(blocks, 'char', { first: 1000, max: 1000, maxTexts: 3 });
    expect(chunks.map((chunk) => chunk.texts.length)).toEqual([3, 3, 3]);
    const alone = planChunks(blocks, 'char', { first: 10, max: 10, maxTexts: 100 });
    expect(alone.find((chunk) => chunk.texts[0].length === 100)!.texts).toHaveLength(1);
  });

  it('phrase conversions send the Han segments of multi-node blocks in the same message', () => {
    const blocks = blocksOf('<p>下载<b>软</b>件，插上<a>U</a>盘</p><p>鼠标</p>');
    const [chunk, ...rest] = planChunks(blocks, 'phrase', { first: 1000, max: 1000, maxTexts: 100 });
    expect(rest).toEqual([]);
    // The block texts first, then the segments holding a Han character ('U' alone cannot change).
    expect(chunk.texts).toEqual(['下载软件，插上U盘', '鼠标', '下载', '软', '件，插上', '盘']);
    expect(planChunks(blocks, 'char', { first: 1000, max: 1000, maxTexts: 100 })[0].texts).toEqual(['下载软件，插上U盘', '鼠标']);
  });
});

describe('readChunk', () => {
  it('gives each block its conversion and each segment its own conversion', async () => {
    const blocks = blocksOf('<p>下载<b>软</b>件，插上<a>U</a>盘</p><p>鼠标</p>');
    const [chunk] = planChunks(blocks, 'phrase', { first: 1000, max: 1000, maxTexts: 100 });
    const [first, second] = readChunk(chunk, await cache.convertTexts(chunk.texts, 'cn', 'twp'));
    expect(first.converted).toBe('下載軟體，插上隨身碟');
    // Alone, 软 and 件 are no phrase (軟, 件) and 盘 is 盤: these pin the boundaries U盘 does not span.
    expect(first.segmentsConverted).toEqual(['下載', '軟', '件，插上', 'U', '盤']);
    expect(second).toEqual({ block: blocks[1], converted: '滑鼠' });
  });

  it('refuses an answer that does not hold one text per text sent', () => {
    const [chunk] = planChunks(blocksOf('<p>网络</p><p>诈骗</p>'), 'char', { first: 100, max: 100, maxTexts: 10 });
    expect(() => readChunk(chunk, ['網絡'])).toThrow(/1 texts, 2 were sent/);
  });
});
