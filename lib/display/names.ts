/**
 * Canonical names, units and measures in the reader's script. The annotator keys everything by the
 * simplified canonical (one stable key across scripts); a reader of traditional text is shown the same
 * name in traditional script: 内政部警政署刑事警察局 → 內政部警政署刑事警察局, 新台币 → 新臺幣.
 *
 * Conversion is OpenCC's (lib/data/display-s2t.json, generated from opencc-js): longest phrase first, then
 * character by character, then the Taiwan or Hong Kong variants. It is for names and short phrases made
 * of the annotator's own words, not for running text (the worker's opencc-js does that).
 */
import data from '../data/display-s2t.json';

/** The script a name is shown in: as stored, traditional, or traditional with Taiwan / Hong Kong variants. */
export type DisplayScript = 'zh-Hans' | 'zh-Hant' | 'zh-Hant-TW' | 'zh-Hant-HK';

function pairMap(pairs: string): Map<number, string> {
  const map = new Map<number, string>();
  const cps = [...pairs];
  for (let i = 0; i + 1 < cps.length; i += 2) map.set(cps[i].codePointAt(0)!, cps[i + 1]);
  return map;
}

// Built on first use: the content script pays nothing until a card or the popup shows a name.
let tables: { chars: Map<number, string>; tw: Map<number, string>; hk: Map<number, string>; phrases: Map<string, string>; longest: number } | null = null;
function load() {
  if (tables === null) {
    const phrases = new Map(Object.entries(data.phrases as Record<string, string>));
    let longest = 1;
    for (const key of phrases.keys()) longest = Math.max(longest, key.length);
    tables = { chars: pairMap(data.chars), tw: pairMap(data.tw), hk: pairMap(data.hk), phrases, longest };
  }
  return tables;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 2000;

/** `name` (simplified) as shown in `script`. */
export function nameInScript(name: string, script: DisplayScript): string {
  if (script === 'zh-Hans' || name === '') return name;
  const key = script + '\u0000' + name;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const { chars, tw, hk, phrases, longest } = load();
  const variants = script === 'zh-Hant-TW' ? tw : script === 'zh-Hant-HK' ? hk : null;
  let out = '';
  let i = 0;
  outer: while (i < name.length) {
    for (let len = Math.min(longest, name.length - i); len >= 2; len--) {
      const phrase = phrases.get(name.slice(i, i + len));
      if (phrase !== undefined) {
        out += phrase;
        i += len;
        continue outer;
      }
    }
    const cp = name.codePointAt(i)!;
    out += chars.get(cp) ?? String.fromCodePoint(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  if (variants !== null) {
    let varied = '';
    for (const ch of out) varied += variants.get(ch.codePointAt(0)!) ?? ch;
    out = varied;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, out);
  return out;
}
