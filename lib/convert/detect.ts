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
  let simplified = 0;
  let traditional = 0;
  let read = 0;
  for (const char of text) {
    if (++read > limit) break;
    if (SIMPLIFIED_ONLY.has(char)) simplified++;
    else if (TRADITIONAL_ONLY.has(char)) traditional++;
  }
  if (simplified === traditional) return 'none';
  return simplified > traditional ? 'zh-Hans' : 'zh-Hant';
}
