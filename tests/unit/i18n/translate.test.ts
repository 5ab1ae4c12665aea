import { describe, expect, it } from 'vitest';
import { createTranslator, resolveLocale, translateParts, type MessageKey } from '@/lib/i18n';

describe('resolveLocale', () => {
  it('follows the reader\'s choice over the browser', () => {
    expect(resolveLocale('en', ['zh-CN'])).toBe('en');
    expect(resolveLocale('zh-TW', ['en-US'])).toBe('zh_TW');
    expect(resolveLocale('zh-CN', ['zh-TW'])).toBe('zh_CN');
  });

  it('auto: Taiwan, Hong Kong, Macau and Hant tags are traditional, other Chinese is simplified', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-SG', 'zh_TW', 'ZH-hk']) expect(resolveLocale('auto', [tag]), tag).toBe('zh_TW');
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-HK', 'zh_CN']) expect(resolveLocale('auto', [tag]), tag).toBe('zh_CN');
  });

  it('auto: the first language with a catalog wins; anything else is English', () => {
    expect(resolveLocale('auto', ['fr-FR', 'zh-TW', 'en'])).toBe('zh_TW');
    expect(resolveLocale('auto', ['en-GB', 'zh-CN'])).toBe('en');
    expect(resolveLocale('auto', ['ja', 'ko'])).toBe('en');
    expect(resolveLocale('auto', [])).toBe('en');
    // "zhuang" is not Chinese.
    expect(resolveLocale('auto', ['za', 'zha'])).toBe('en');
  });
});

describe('createTranslator', () => {
  it('fills {placeholders} in each language', () => {
    expect(createTranslator('zh_CN')('neverOnSite', { site: 'udn.com' })).toBe('不在此网站使用（udn.com）');
    expect(createTranslator('zh_TW')('optionsVersion', { version: '0.1.0' })).toBe('版本 0.1.0');
    expect(createTranslator('en')('copiedRows', { count: 3, format: 'CSV' })).toBe('Copied 3 rows (CSV)');
  });

  it('keeps an unknown placeholder visible and a missing parameter as written', () => {
    expect(createTranslator('en')('neverOnSite')).toBe('Never on this site ({site})');
    expect(createTranslator('en')('neverOnSite', {})).toBe('Never on this site ({site})');
  });

  it('falls back to zh_CN, then to the key', () => {
    const t = createTranslator('en');
    expect(t('no_such_key' as MessageKey)).toBe('no_such_key');
  });

  it('translateParts keeps elements between the text', () => {
    const bold = { bold: '导入完成' };
    const parts = translateParts('zh_CN', 'importReport', {
      done: bold,
      added: 5,
      updated: 0,
      skipped: 1,
      rejected: 0,
      collectionsAdded: 1,
      collectionsUpdated: 0,
      collectionsSkipped: 0,
    });
    expect(parts[0]).toBe(bold);
    expect(parts.slice(1).join('')).toBe('：摘录 新增 5 · 更新 0 · 跳过 1 · 拒绝 0；收藏夹 新增 1 · 更新 0 · 跳过 0');
  });
});
