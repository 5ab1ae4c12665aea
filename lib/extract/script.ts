import scriptPairs from './data/script-pairs.json';
import type { Script } from './types';

const SIMPLIFIED_ONLY = 1;
const TRADITIONAL_ONLY = 2;
/**
 * Per UTF-16 unit: which script only it belongs to (0: both or neither). A table, not a Set of
 * one-character strings: no string per character read, and the content script runs this cold.
 * Astral characters of the lists could never match a single unit, so they are left out.
 */
const scriptOf = new Uint8Array(0x10000);
for (const char of scriptPairs.traditional) if (char.length === 1) scriptOf[char.charCodeAt(0)] = TRADITIONAL_ONLY;
// Written second: a character in both lists counts as simplified, as it always has.
for (const char of scriptPairs.simplified) if (char.length === 1) scriptOf[char.charCodeAt(0)] = SIMPLIFIED_ONLY;

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
    const script = scriptOf[code];
    if (script === SIMPLIFIED_ONLY) simplified++;
    else if (script === TRADITIONAL_ONLY) traditional++;
    else han++;
  }
  const distinctive = simplified + traditional;
  if (distinctive === 0) return han > 0 ? 'mixed' : 'none';
  if (simplified >= distinctive * 0.8) return 'zh-Hans';
  if (traditional >= distinctive * 0.8) return 'zh-Hant';
  return 'mixed';
}
