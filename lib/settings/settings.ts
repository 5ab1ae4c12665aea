/**
 * User settings: one record in extension storage (`local:settings`), versioned with ordered
 * migrations (WXT `storage.defineItem`). Every read goes through `parseSettings`, so a corrupted or
 * hand-edited record falls back field by field to defaults instead of breaking the content script.
 */
import type { AnnotationKind } from '../annotate/types';
import { DEFAULT_COLORS, isValidColor, type HighlightColors } from '../highlight/highlighter';

export type ScriptTarget = 'original' | 'cn' | 'tw' | 'twp' | 'hk';
export type UiLanguage = 'auto' | 'zh-CN' | 'zh-TW' | 'en';

export interface Settings {
  /** Global switch for highlights. */
  enabled: boolean;
  /** Sites (hostname without www.) where the reader chose "never on this site". */
  disabledSites: string[];
  kinds: Record<AnnotationKind, boolean>;
  colors: HighlightColors;
  cleanupPinyin: boolean;
  /** Per-site script rules: "always show this site in …". */
  scriptRules: Record<string, ScriptTarget>;
  /** Script for sites without a rule. */
  defaultScript: ScriptTarget;
  uiLanguage: UiLanguage;
  defaultCollectionId: string | null;
}

export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  kinds: { operation: true, agency: true, statistic: true },
  colors: DEFAULT_COLORS,
  cleanupPinyin: true,
  scriptRules: {},
  defaultScript: 'original',
  uiLanguage: 'auto',
  defaultCollectionId: null,
};

const TARGETS: readonly ScriptTarget[] = ['original', 'cn', 'tw', 'twp', 'hk'];
const LANGUAGES: readonly UiLanguage[] = ['auto', 'zh-CN', 'zh-TW', 'en'];
const SITE = /^[a-z0-9.-]{1,253}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseSettings(raw: unknown): Settings {
  const v = isObject(raw) ? raw : {};
  const bool = (x: unknown, d: boolean) => (typeof x === 'boolean' ? x : d);
  const kinds = isObject(v.kinds) ? v.kinds : {};
  const colors = isObject(v.colors) ? v.colors : {};
  const color = (x: unknown, d: string) => (typeof x === 'string' && isValidColor(x) ? x : d);
  const rules: Record<string, ScriptTarget> = {};
  if (isObject(v.scriptRules)) {
    for (const [site, target] of Object.entries(v.scriptRules)) {
      if (SITE.test(site) && TARGETS.includes(target as ScriptTarget)) rules[site] = target as ScriptTarget;
    }
  }
  return {
    enabled: bool(v.enabled, DEFAULT_SETTINGS.enabled),
    disabledSites: Array.isArray(v.disabledSites)
      ? [...new Set(v.disabledSites.filter((s): s is string => typeof s === 'string' && SITE.test(s)))]
      : [],
    kinds: {
      operation: bool(kinds.operation, true),
      agency: bool(kinds.agency, true),
      statistic: bool(kinds.statistic, true),
    },
    colors: {
      operation: color(colors.operation, DEFAULT_COLORS.operation),
      agency: color(colors.agency, DEFAULT_COLORS.agency),
      statistic: color(colors.statistic, DEFAULT_COLORS.statistic),
    },
    cleanupPinyin: bool(v.cleanupPinyin, DEFAULT_SETTINGS.cleanupPinyin),
    scriptRules: rules,
    defaultScript: TARGETS.includes(v.defaultScript as ScriptTarget) ? (v.defaultScript as ScriptTarget) : 'original',
    uiLanguage: LANGUAGES.includes(v.uiLanguage as UiLanguage) ? (v.uiLanguage as UiLanguage) : 'auto',
    defaultCollectionId: typeof v.defaultCollectionId === 'string' ? v.defaultCollectionId : null,
  };
}

/**
 * Ordered migrations for WXT's `storage.defineItem({ version, migrations })`: key N migrates a record
 * of version N-1 to N. Version 1 is the first stored layout, so there are none yet; parseSettings
 * still repairs any record it reads.
 */
export const settingsMigrations: Record<number, (old: unknown) => unknown> = {};

export function isSiteEnabled(settings: Settings, site: string | null): boolean {
  return settings.enabled && (site === null || !settings.disabledSites.includes(site));
}

export function scriptTargetFor(settings: Settings, site: string | null): ScriptTarget {
  return (site && settings.scriptRules[site]) || settings.defaultScript;
}
