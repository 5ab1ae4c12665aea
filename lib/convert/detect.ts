import scriptCharacters from './data/script-characters.json';

const SIMPLIFIED_ONLY = new Set(scriptCharacters.simplifiedOnly);
const TRADITIONAL_ONLY = new Set(scriptCharacters.traditionalOnly);

export type DetectedScript = 'zh-Hans' | 'zh-Hant' | 'none';

/**
 * Which script a text is written in, by counting characters that exist in only one script
 * (derived from OpenCC's character tables). Shared characters are ignored; a tie or no
 * discriminating character at all gives `none`. `limit` caps how many characters are read
 * so that calling it on a whole page stays cheap.
 */
export function detectScript(text: string, limit = 20_000): DetectedScript {
  const { simplified, traditional } = scriptEvidence(text, limit);
  if (simplified === traditional) return 'none';
  return simplified > traditional ? 'zh-Hans' : 'zh-Hant';
}

/** Counts of characters that exist in only one script (the evidence `detectScript` weighs). */
export function scriptEvidence(text: string, limit = 20_000): { simplified: number; traditional: number } {
  let simplified = 0;
  let traditional = 0;
  let read = 0;
  for (const char of text) {
    if (++read > limit) break;
    if (SIMPLIFIED_ONLY.has(char)) simplified++;
    else if (TRADITIONAL_ONLY.has(char)) traditional++;
  }
  return { simplified, traditional };
}

/**
 * The script of one block on a page whose script is `page`: the block's own only when it is
 * unambiguous (at least `minimum` characters of the other script and none of the page's, a quoted
 * traditional paragraph in a simplified article); text that mixes both scripts, or says too little,
 * converts as the page does (OpenCC's own tests mix scripts in one line on purpose).
 */
export function blockScript(text: string, page: DetectedScript, minimum = 3): DetectedScript {
  if (page === 'none') return detectScript(text);
  const { simplified, traditional } = scriptEvidence(text);
  if (page === 'zh-Hans' && simplified === 0 && traditional >= minimum) return 'zh-Hant';
  if (page === 'zh-Hant' && traditional === 0 && simplified >= minimum) return 'zh-Hans';
  return page;
}
