import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { buildTextMap } from '../../../lib/highlight/text-map';
import { originalTextOf } from '../../../lib/convert';

describe('originalTextOf', () => {
  it('reads the page\'s own text at the map\'s offsets while the page shows a character conversion', () => {
    const { document } = parseHTML('<html><body><p>漢中市<b>公安局</b>  通報</p><p>U盤</p></body></html>');
    const paragraphs = Array.from(document.querySelectorAll('p')) as unknown as Element[];
    const texts = Array.from(document.querySelectorAll('p, b'))
      .flatMap((el) => Array.from(el.childNodes))
      .filter((n) => n.nodeType === 3) as unknown as Text[];
    const originals = new Map<Text, string>(texts.map((t) => [t, t.data]));
    // The page as shown: simplified, same lengths, except one phrase-converted node.
    const shown: Record<string, string> = { 漢中市: '汉中市', 公安局: '公安局', '  通報': '  通报', U盤: '随身碟' };
    for (const t of texts) t.data = shown[t.data] ?? t.data;
    const map = buildTextMap(paragraphs);
    expect(map.text).toBe('汉中市公安局 通报\n随身碟');
    const original = originalTextOf(map, (node) => originals.get(node) ?? node.data);
    // Same length and offsets as the map; a node whose length changed keeps what is shown.
    expect(original).toBe('漢中市公安局 通報\n随身碟');
    expect(original.length).toBe(map.text.length);
  });
});
