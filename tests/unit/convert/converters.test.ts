import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertBatch, createConverterCache, detectScript, loadOpenccBundle, planDirection, type DictionaryBundle } from '../../../lib/convert';
import { loadKnownDifferences, loadOpenccCases, stringConverter } from './opencc-cases';

const seedsDir = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));

describe('createConverterCache', () => {
  it('loads only the bundle a direction needs, once, and keeps the built converter', async () => {
    const loaded: DictionaryBundle[] = [];
    const cache = createConverterCache(async (bundle) => {
      loaded.push(bundle);
      return loadOpenccBundle(bundle);
    });
    expect(await cache.convertTexts(['软件', '鼠标'], 'cn', 'twp')).toEqual(['軟體', '滑鼠']);
    expect(loaded).toEqual(['cn2t']);
    expect(await cache.convertTexts(['軟體'], 'tw', 'cn')).toEqual(['软体']);
    expect(loaded).toEqual(['cn2t', 't2cn']);
    const first = await cache.getConverter('cn', 'twp');
    expect(await cache.getConverter('cn', 'twp')).toBe(first);
    await cache.convertTexts(['软件'], 'cn', 'twp');
    expect(loaded).toEqual(['cn2t', 't2cn']);
    expect(cache.builtDirections().map((built) => built.direction).sort()).toEqual(['cn>twp', 'tw>cn']);
    expect(cache.has('cn', 'twp')).toBe(true);
    expect(cache.has('cn', 'tw')).toBe(false); // 繁體 is its own converter, not 臺灣用語's
  });

  it('does not convert for original or for a page already in the target script', async () => {
    const cache = createConverterCache(async () => {
      throw new Error('must not load');
    });
    expect(await cache.convertTexts(['软件'], 'cn', 'original')).toEqual(['软件']);
    expect(await cache.convertTexts(['软件'], 'cn', 'cn')).toEqual(['软件']);
    expect(await cache.convertTexts(['軟體'], 'tw', 'tw')).toEqual(['軟體']);
    expect(planDirection('hk', 'tw')).toEqual({ kind: 'opencc', bundle: 'cn2t', from: 't', to: 'tw' });
  });

  it('retries a failed load instead of caching the failure', async () => {
    let attempts = 0;
    const cache = createConverterCache(async (bundle) => {
      if (++attempts === 1) throw new Error('network');
      return loadOpenccBundle(bundle);
    });
    await expect(cache.convertTexts(['软件'], 'cn', 'tw')).rejects.toThrow('network');
    expect(await cache.convertTexts(['软件'], 'cn', 'tw')).toEqual(['軟件']);
  });

  // The per-direction bundles must convert exactly like opencc-js's full build (and so like OpenCC).
  const directions = [
    ['s2tw', 'cn', 'tw'],
    ['s2twp', 'cn', 'twp'],
    ['s2hk', 'cn', 'hk'],
    ['tw2s', 'tw', 'cn'],
    ['hk2s', 'hk', 'cn'],
    ['t2s', 't', 'cn'],
    ['t2tw', 't', 'tw'],
    ['t2hk', 't', 'hk'],
  ] as const;
  const cases = loadOpenccCases();
  const known = loadKnownDifferences();
  const cache = createConverterCache();
  for (const [config, from, to] of directions) {
    it(`${from} → ${to} equals OpenCC ${config} on its testcases`, async () => {
      const mine = cases.filter((testCase) => testCase.config === config);
      expect(mine.length).toBeGreaterThan(5);
      const converted = await cache.convertTexts(mine.map((testCase) => testCase.input), from, to);
      mine.forEach((testCase, i) => {
        expect(converted[i]).toBe(stringConverter(config)(testCase.input));
        if (!known.some((entry) => entry.id === testCase.id && entry.config === config)) expect(converted[i]).toBe(testCase.expected);
      });
    });
  }
});

describe('convertBatch', () => {
  it('converts a joined batch exactly like each text alone (OpenCC inputs in every config, seeds lines)', () => {
    const byConfig = new Map<string, string[]>();
    for (const testCase of loadOpenccCases()) byConfig.set(testCase.config, [...(byConfig.get(testCase.config) ?? []), testCase.input]);
    for (const [config, inputs] of byConfig) {
      const convert = stringConverter(config);
      // Each text followed by every other, so that any text's end meets any text's start.
      const texts = inputs.flatMap((input) => [input, ...inputs.slice(0, 8)]);
      expect(convertBatch(convert, texts), config).toEqual(texts.map(convert));
    }
    for (const [prefix, config] of [['000', 's2twp'], ['002', 's2hk'], ['001', 'tw2s'], ['004', 'hk2s']]) {
      const name = readdirSync(seedsDir).find((file) => file.startsWith(prefix))!;
      const lines = readFileSync(seedsDir + name, 'utf8').split('\n');
      const convert = stringConverter(config);
      expect(convertBatch(convert, lines), prefix).toEqual(lines.map(convert));
    }
  });

  it('makes one converter call per batch', () => {
    const calls: string[] = [];
    const convert = (text: string) => (calls.push(text), stringConverter('s2t')(text));
    expect(convertBatch(convert, ['汉字', '字体', '头发'])).toEqual(['漢字', '字體', '頭髮']);
    expect(calls.length).toBe(1);
  });

  it('falls back to one call per text when a text holds the separator or an ideographic description character', () => {
    const calls: string[] = [];
    const convert = (text: string) => (calls.push(text), stringConverter('s2t')(text));
    expect(convertBatch(convert, ['汉字⿰', '字体'])).toEqual(['漢字⿰', '字體']);
    expect(calls).toEqual(['汉字⿰', '字体']);
    calls.length = 0;
    expect(convertBatch(convert, ['汉\uFDD0字', '字体'])).toEqual(['漢\uFDD0字', '字體']);
    expect(calls).toEqual(['汉\uFDD0字\uFDD0字体', '汉\uFDD0字', '字体']);
  });
});

describe('detectScript', () => {
  it('tells simplified from traditional by script-only characters', () => {
    expect(detectScript('公安部等九部门联合部署开展打击惩治涉网黑恶犯罪专项行动')).toBe('zh-Hans');
    expect(detectScript('漢中市舉行2020年掃黑除惡專項斗爭新聞發布會')).toBe('zh-Hant');
    expect(detectScript('中国人民的大会')).toBe('zh-Hans'); // 国 and 会 are simplified-only
    expect(detectScript('The quick brown fox')).toBe('none');
    expect(detectScript('中文大学')).toBe('zh-Hans');
    expect(detectScript('人民大会堂在北京')).toBe('zh-Hans');
    expect(detectScript('在北京的人')).toBe('none');
  });
});
