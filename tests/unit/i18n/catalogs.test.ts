import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOGS, LOCALES, placeholdersOf } from '@/lib/i18n';

// The catalogs Chrome reads from the built extension are the same files the translator imports.
const root = resolve(import.meta.dirname, '../../..');
const onDisk = (locale: string) => JSON.parse(readFileSync(resolve(root, `assets/public/_locales/${locale}/messages.json`), 'utf8'));

describe('_locales catalogs', () => {
  it('the three catalogs have exactly the same keys', () => {
    const keys = LOCALES.map((l) => Object.keys(CATALOGS[l]).sort());
    expect(keys[0].length).toBeGreaterThan(100);
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
  });

  it('are the files Chrome reads', () => {
    for (const locale of LOCALES) expect(onDisk(locale)).toEqual(CATALOGS[locale]);
  });

  it('every key is a valid Chrome message name, unique ignoring case (Chrome ignores case)', () => {
    const keys = Object.keys(CATALOGS.zh_CN);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(keys.filter((k) => k.startsWith('@@'))).toEqual([]);
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
  });

  it('no message is empty and none uses Chrome $placeholder$ syntax by accident', () => {
    for (const locale of LOCALES) {
      for (const [key, entry] of Object.entries(CATALOGS[locale])) {
        expect(entry.message.trim(), `${locale}.${key}`).not.toBe('');
        expect(entry.message, `${locale}.${key}`).not.toContain('$');
      }
    }
  });

  it('every {placeholder} of a message is in the other languages too', () => {
    const mismatches: string[] = [];
    for (const key of Object.keys(CATALOGS.zh_CN)) {
      const sets = LOCALES.map((l) => [...new Set(placeholdersOf(CATALOGS[l][key].message))].sort().join(','));
      if (new Set(sets).size !== 1) mismatches.push(`${key}: ${sets.join(' | ')}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('Traditional Chinese is translated, not the simplified text: no simplified-only characters', () => {
    // Characters that exist only in simplified script (their traditional forms differ).
    const simplifiedOnly = /[这个时设发说载网络开关闭图标启钮显数据类导总项动简择选录笔签页从对与辑复删码链门问题统计译务条]/;
    const offenders = Object.entries(CATALOGS.zh_TW)
      .filter(([key]) => !key.startsWith('script')) // script names are written in their own script (简体)
      .filter(([, entry]) => simplifiedOnly.test(entry.message))
      .map(([key, entry]) => `${key}: ${entry.message}`);
    expect(offenders).toEqual([]);
  });

  it('Taiwan wording, not a character-for-character copy of the mainland terms', () => {
    expect(CATALOGS.zh_TW.optionsTitle.message).toContain('設定');
    expect(CATALOGS.zh_TW.search.message).toBe('搜尋');
    expect(CATALOGS.zh_TW.save.message).toBe('儲存');
    expect(CATALOGS.zh_TW.export.message).toBe('匯出');
    expect(CATALOGS.zh_TW.tabCollections.message).toBe('收藏夾');
    expect(CATALOGS.zh_TW.site.message).toBe('網站');
  });

  it('the manifest messages exist in the default catalog', () => {
    for (const key of ['extName', 'extDescription', 'actionTitle', 'commandClipSelection', 'commandToggleScript', 'commandOpenPanel', 'panelTitle'])
      expect(CATALOGS.zh_CN[key]?.message).toBeTruthy();
    // Chrome: a command description and the name have length limits (name ≤ 75 characters).
    for (const locale of LOCALES) expect(CATALOGS[locale].extName.message.length).toBeLessThanOrEqual(75);
  });
});
