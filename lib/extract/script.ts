import scriptPairs from './data/script-pairs.json';
import type { Script } from './types';

const simplifiedOnly = new Set<string>(Array.from(scriptPairs.simplified));
const traditionalOnly = new Set<string>(Array.from(scriptPairs.traditional));

/**
 * Tells simplified from traditional Chinese by counting frequent characters that exist in only one
 * of the two scripts (这/這, 们/們 …). Characters shared by both scripts say nothing and are ignored.
 */
export function detectScript(text: string, limit = 20_000): Script {
  let simplified = 0;
  let traditional = 0;
  let han = 0;
  // A sample of the text decides (a 200,000-character article need not be read whole); the
  // distinctive characters are all in the BMP, so UTF-16 units can be read directly.
  const end = Math.min(text.length, limit);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400 || code > 0x9fff) continue;
    const char = text[i];
    if (simplifiedOnly.has(char)) simplified++;
    else if (traditionalOnly.has(char)) traditional++;
    else han++;
  }
  const distinctive = simplified + traditional;
  if (distinctive === 0) return han > 0 ? 'mixed' : 'none';
  if (simplified >= distinctive * 0.8) return 'zh-Hans';
  if (traditional >= distinctive * 0.8) return 'zh-Hant';
  return 'mixed';
}
