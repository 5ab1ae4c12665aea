import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { buildTextMap, type TextMap } from '../../../lib/highlight/text-map';
import { alignConversion, originalTextOf } from '../../../lib/convert';

/** A page, then the same nodes rewritten as a conversion would show them; the originals are kept. */
function shownPage(html: string, shown: Record<string, string>) {
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  const paragraphs = Array.from(document.querySelectorAll('p')) as unknown as Element[];
  const texts: Text[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) texts.push(node as Text);
    node.childNodes.forEach(walk);
  };
  paragraphs.forEach(walk);
  const originals = new Map<Text, string>(texts.map((t) => [t, t.data]));
  for (const t of texts) t.data = shown[t.data] ?? t.data;
  const map = buildTextMap(paragraphs);
  return { map, original: originalTextOf(map, (node) => originals.get(node) ?? node.data) };
}

const shownRange = (map: TextMap, quote: string) => {
  const start = map.text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + quote.length };
};

describe('originalTextOf', () => {
  it('reads the page\'s own text at the map\'s offsets while the page shows a character conversion', () => {
    const { map, original } = shownPage('<p>漢中市<b>公安局</b>  通報</p><p>詐騙</p>', { 漢中市: '汉中市', '  通報': '  通报', 詐騙: '诈骗' });
    expect(map.text).toBe('汉中市公安局 通报\n诈骗');
    expect(original.text).toBe('漢中市公安局 通報\n詐騙');
    expect(original.toOriginal(3, 8)).toEqual({ start: 3, end: 8 });
    expect(original.toShown(9, 11)).toEqual({ start: 9, end: 11 });
  });

  it('quotes the original of a phrase conversion, whole phrases for a cut one, and maps back', () => {
    // 打击U盘诈骗 shown as 打擊隨身碟詐騙 (twp): the node's length changed.
    const { map, original } = shownPage('<p>警方<b>打击U盘诈骗</b>，软件公司</p>', { 打击U盘诈骗: '打擊隨身碟詐騙', '，软件公司': '，軟體公司' });
    expect(map.text).toBe('警方打擊隨身碟詐騙，軟體公司');
    expect(original.text).toBe('警方打击U盘诈骗，软件公司');
    const quote = (shown: string) => {
      const { start, end } = original.toOriginal(shownRange(map, shown).start, shownRange(map, shown).end);
      return original.text.slice(start, end);
    };
    expect(quote('打擊隨身碟詐騙')).toBe('打击U盘诈骗');
    // Part of a stretch whose length changed quotes the whole original stretch (the alignment
    // cannot tell 盘→隨 from 盘→碟 there); characters converted one for one quote exactly.
    expect(quote('隨身')).toBe('击U盘诈骗');
    expect(quote('詐騙，軟體')).toBe('击U盘诈骗，软件');
    expect(quote('軟')).toBe('软');
    expect(quote('體公')).toBe('件公');
    expect(quote('警方')).toBe('警方');
    // And back: the original quote covers exactly the shown text that shows it.
    const back = (quote: string) => {
      const start = original.text.indexOf(quote);
      const shown = original.toShown(start, start + quote.length);
      return map.text.slice(shown.start, shown.end);
    };
    expect(back('U盘')).toBe('擊隨身碟詐騙');
    expect(back('件')).toBe('體');
    expect(back('打击U盘诈骗')).toBe('打擊隨身碟詐騙');
    expect(back('软件公司')).toBe('軟體公司');
  });
});

describe('alignConversion', () => {
  it('pieces cover both texts in order, in UTF-16 offsets, astral characters whole', () => {
    const original = '𠮷野家的U盘';
    const shown = '𠮷野家的隨身碟';
    const pieces = alignConversion(original, shown);
    expect(pieces.map((p) => [original.slice(p.originalStart, p.originalEnd), shown.slice(p.shownStart, p.shownEnd)])).toEqual([
      ['𠮷', '𠮷'],
      ['野', '野'],
      ['家', '家'],
      ['的', '的'],
      ['U盘', '隨身碟'],
    ]);
  });
});
