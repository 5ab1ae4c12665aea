import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { blockScript, convertBySource, sourceScriptOf } from '../../../lib/convert';
import type { SourceScript } from '../../../lib/convert';

const converters = new Map<string, (t: string) => string>();
const opencc = (from: SourceScript, to: string) => {
  const key = `${from}>${to}`;
  if (!converters.has(key)) converters.set(key, OpenCC.Converter({ from, to } as never));
  return converters.get(key)!;
};

describe('convertBySource on a mixed page', () => {
  const texts = [
    '公安部部署全国公安机关开展“断卡”行动，打击治理电信网络诈骗。', // simplified
    '漢中市公安局黨委副書記通報了掃黑除惡專項鬥爭情況，網絡詐騙案件明顯上升。', // traditional
    '2022', // nothing to tell: the page's own script
  ];
  const sourceOf = (text: string) => sourceScriptOf('zh-CN', blockScript(text, 'zh-Hans'));

  it('converts each block from its own script and sends one batch per script', async () => {
    const calls: { source: SourceScript; count: number }[] = [];
    const out = await convertBySource(texts, 'cn', sourceOf, 'cn', async (source, batch) => {
      calls.push({ source, count: batch.length });
      return batch.map(opencc(source, 'cn'));
    });
    expect(out[0]).toBe(texts[0]); // already simplified: not sent at all
    expect(out[1]).toBe('汉中市公安局党委副书记通报了扫黑除恶专项斗争情况，网络诈骗案件明显上升。');
    expect(calls).toEqual([{ source: 't', count: 1 }]);

    const toTw = await convertBySource(texts, 'cn', sourceOf, 'tw', async (source, batch) => batch.map(opencc(source, 'tw')));
    expect(toTw[0]).toBe('公安部部署全國公安機關開展“斷卡”行動，打擊治理電信網絡詐騙。');
    expect(toTw[1]).toBe(opencc('t', 'tw')(texts[1])); // traditional stays traditional, Taiwan forms
    expect(toTw[2]).toBe('2022');
  });

  it('fails loudly when the worker answers the wrong number of texts', async () => {
    await expect(convertBySource(texts, 'cn', sourceOf, 'tw', async () => ['x'])).rejects.toThrow(/number of texts/);
  });
});

describe('blockScript', () => {
  it('takes a block\'s own script only when it is unambiguous', () => {
    expect(blockScript('漢中市公安局黨委副書記通報', 'zh-Hans')).toBe('zh-Hant');
    expect(blockScript('汉中市公安局党委副书记通报', 'zh-Hant')).toBe('zh-Hans');
    // Mixed in one line (OpenCC's own test inputs): converts as the page does.
    expect(blockScript('狸猫 狸貓 貍貓', 'zh-Hans')).toBe('zh-Hans');
    expect(blockScript('抬头 擡頭', 'zh-Hant')).toBe('zh-Hant');
    // Too little evidence.
    expect(blockScript('國家', 'zh-Hans')).toBe('zh-Hans');
    expect(blockScript('2022年', 'zh-Hant')).toBe('zh-Hant');
  });
});
