/**
 * The article text as the page wrote it, while the page is shown converted: clips quote the
 * original, not our conversion of it, and anchor again on an unconverted visit. Character
 * conversions keep every node's length, so the text map's offsets index the original text too.
 */
import type { TextMap } from '../highlight/text-map';

export function originalTextOf(map: TextMap, originalOf: (node: Text) => string): string {
  const chars: string[] = new Array(map.text.length);
  for (let i = 0; i < map.text.length; i++) {
    const node = map.nodes[i];
    const shown = map.text[i];
    if (!node || shown === ' ' || shown === '\n') {
      chars[i] = shown; // collapsed whitespace and block breaks are the map's own
      continue;
    }
    const original = originalOf(node);
    // A node whose length changed (a phrase conversion) cannot be indexed by the map's offsets.
    chars[i] = original.length === node.data.length ? original[map.offsets[i]] : shown;
  }
  return chars.join('');
}
