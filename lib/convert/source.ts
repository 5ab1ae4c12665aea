import type { DetectedScript } from './detect';
import type { SourceScript } from './types';

/** The opencc-js source of a page: simplified, or traditional of the region its `lang` names
 * (generic `t` when it names none); null when the page has no Chinese text to convert. */
export function sourceScriptOf(lang: string, detected: DetectedScript): SourceScript | null {
  if (detected === 'zh-Hans') return 'cn';
  if (detected !== 'zh-Hant') return null;
  const tag = lang.toLowerCase();
  if (/-(tw|hant-tw)$/.test(tag)) return 'tw';
  if (/-(hk|mo|hant-hk)$/.test(tag)) return 'hk';
  return 't';
}
