import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteEnabled, parseSettings, scriptTargetFor } from '../../../lib/settings/settings';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored and keeps valid fields', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const s = parseSettings({ enabled: false, disabledSites: ['news.cn'], scriptRules: { 'udn.com': 'cn' }, colors: { agency: '#112233' } });
    expect(s.enabled).toBe(false);
    expect(s.disabledSites).toEqual(['news.cn']);
    expect(s.scriptRules).toEqual({ 'udn.com': 'cn' });
    expect(s.colors.agency).toBe('#112233');
    expect(s.colors.operation).toBe(DEFAULT_SETTINGS.colors.operation);
  });

  it('repairs a corrupted record field by field instead of failing', () => {
    const s = parseSettings({
      enabled: 'yes',
      disabledSites: ['ok.example', 42, 'bad site', '<script>'],
      kinds: { agency: false, statistic: 'no' },
      colors: { operation: 'red; background: url(x)' },
      scriptRules: { 'a.example': 'klingon', 'b.example': 'tw', '__proto__': 'cn' },
      defaultScript: 'xx',
      uiLanguage: 'fr',
    });
    expect(s.enabled).toBe(true);
    expect(s.disabledSites).toEqual(['ok.example']);
    expect(s.kinds).toEqual({ operation: true, agency: false, statistic: true });
    expect(s.colors.operation).toBe(DEFAULT_SETTINGS.colors.operation);
    expect(s.scriptRules).toEqual({ 'b.example': 'tw' });
    expect(Object.getPrototypeOf(s.scriptRules)).toBe(Object.prototype);
    expect(s.defaultScript).toBe('original');
    expect(s.uiLanguage).toBe('auto');
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
  });

  it('answers per site', () => {
    const s = parseSettings({ disabledSites: ['sohu.com'], scriptRules: { 'udn.com': 'cn' }, defaultScript: 'tw' });
    expect(isSiteEnabled(s, 'sohu.com')).toBe(false);
    expect(isSiteEnabled(s, 'news.cn')).toBe(true);
    expect(isSiteEnabled({ ...s, enabled: false }, 'news.cn')).toBe(false);
    expect(scriptTargetFor(s, 'udn.com')).toBe('cn');
    expect(scriptTargetFor(s, 'news.cn')).toBe('tw');
  });
});
