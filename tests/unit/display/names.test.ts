/**
 * Names in the reader's script: the light table (lib/data/display-s2t.json) against opencc-js itself, the
 * converter the extension ships, on every canonical the gazetteers hold and every canonical of the gold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import agencies from '../../../lib/data/agencies.json';
import operations from '../../../lib/data/operations.json';
import { nameInScript } from '../../../lib/display/names';
import { readerScript } from '../../../lib/display/reader-script';

const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
const toT = OpenCC.Converter({ from: 'cn', to: 't' });

function goldCanonicals(): string[] {
  const root = join(__dirname, '../../fixtures/annotate');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) {
        const doc = JSON.parse(readFileSync(path, 'utf8')) as { annotations?: { canonical?: string; unit?: string; measure?: string }[] };
        for (const a of doc.annotations ?? []) for (const v of [a.canonical, a.unit, a.measure]) if (v) out.push(v);
      }
    }
  };
  walk(root);
  return [...new Set(out)];
}

describe('canonical names in the reader’s script', () => {
  it('shows the examples of the issue as a traditional reader expects', () => {
    expect(nameInScript('内政部警政署刑事警察局', 'zh-Hant-TW')).toBe('內政部警政署刑事警察局');
    expect(nameInScript('法务部调查局', 'zh-Hant-TW')).toBe('法務部調查局');
    expect(nameInScript('香港警务处商业罪案调查科', 'zh-Hant-HK')).toBe('香港警務處商業罪案調查科');
    expect(nameInScript('最高人民法院', 'zh-Hans')).toBe('最高人民法院');
    expect(nameInScript('查获诈骗团伙', 'zh-Hant-TW')).toBe('查獲詐騙團伙');
  });

  it('agrees with opencc-js on every gazetteer canonical and alias (tw, hk, t)', () => {
    const names = [
      ...agencies.agencies.flatMap((a) => [a.canonical, ...a.aliases]),
      ...operations.operations.flatMap((o) => [o.name, o.canonical ?? o.name + '行动']),
    ];
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      expect(nameInScript(name, 'zh-Hant-TW'), name).toBe(toTw(name));
      expect(nameInScript(name, 'zh-Hant-HK'), name).toBe(toHk(name));
      expect(nameInScript(name, 'zh-Hant'), name).toBe(toT(name));
    }
  });

  // The differences are opencc-js's phrase segmentation across our word boundaries, where the table is the
  // better reading: 台湾台北… → 臺灣台北… (a 湾台 phrase), 冻结扣押 → 凍結釦押 (a 结扣 phrase).
  it('agrees with opencc-js on ≥ 95 % of the gold canonicals, units and measures', () => {
    const names = goldCanonicals();
    expect(names.length).toBeGreaterThan(100);
    const wrong = names.filter((n) => nameInScript(n, 'zh-Hant-TW') !== toTw(n));
    expect(wrong.length / names.length, wrong.join(' ')).toBeLessThanOrEqual(0.05);
  });

  it('picks traditional for the 繁體 interface or a traditional page, Hong Kong variants on zh-HK pages', () => {
    expect(readerScript({ locale: 'zh_CN', pageScript: 'zh-Hans' })).toBe('zh-Hans');
    expect(readerScript({ locale: 'en', pageScript: 'zh-Hans' })).toBe('zh-Hans');
    expect(readerScript({ locale: 'zh_TW', pageScript: 'zh-Hans' })).toBe('zh-Hant-TW');
    expect(readerScript({ locale: 'zh_CN', pageScript: 'zh-Hant' })).toBe('zh-Hant-TW');
    expect(readerScript({ locale: 'en', pageScript: 'zh-Hant', pageLang: 'zh-HK' })).toBe('zh-Hant-HK');
    expect(readerScript({ locale: 'zh_TW', pageScript: 'zh-Hant', pageLang: 'zh-Hant-MO' })).toBe('zh-Hant-HK');
  });
});
