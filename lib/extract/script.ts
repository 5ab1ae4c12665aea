import scriptPairs from './data/script-pairs.json';
import type { Script } from './types';

const simplifiedOnly = new Set<string>(Array.from(scriptPairs.simplified));
const traditionalOnly = new Set<string>(Array.from(scriptPairs.traditional));

/**
 * Tells simplified from traditional Chinese by counting frequent characters that exist in only one
 * of the two scripts (这/這, 们/們 …). Characters shared by both scripts say nothing and are ignored.
 */
export function detectScript(text: string): Script {
  let simplified = 0;
  let traditional = 0;
  let han = 0;
  for (const char of text) {
    if (simplifiedOnly.has(char)) simplified++;
    else if (traditionalOnly.has(char)) traditional++;
    else if (/[\u3400-\u9fff]/.test(char)) han++;
  }
  const distinctive = simplified + traditional;
  if (distinctive === 0) return han > 0 ? 'mixed' : 'none';
  if (simplified >= distinctive * 0.8) return 'zh-Hans';
  if (traditional >= distinctive * 0.8) return 'zh-Hant';
  return 'mixed';
}
