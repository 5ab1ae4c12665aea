import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTextMap, createTextMapBuilder, piecesOf } from '../../../lib/highlight/text-map';
import { annotate } from '../../../lib/annotate';

const page = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
const blocks = (doc: Document, selector = 'p') => Array.from(doc.querySelectorAll(selector));
/** The DOM text a list of pieces covers, to compare with the annotation's text. */
const pieceText = (pieces: ReturnType<typeof piecesOf>) => pieces.map((p) => p.node.data.slice(p.start, p.end)).join('');

describe('buildTextMap', () => {
  it('joins the text of inline elements so a name split by tags is one string', () => {
    const doc = page('<p>近日，<b>汉中</b>市<a href="#">公安局</a>破获<span>46.4</span>万起案件。</p>');
    const map = buildTextMap(blocks(doc));
    expect(map.text).toBe('近日，汉中市公安局破获46.4万起案件。');
    const hit = annotate(map.text).find((a) => a.kind === 'agency')!;
    expect(hit.text).toBe('汉中市公安局');
    const pieces = piecesOf(map, hit.start, hit.end);
    expect(pieces.map((p) => p.node.data.slice(p.start, p.end))).toEqual(['汉中', '市', '公安局']);
  });

  it('collapses whitespace as a reader sees it and separates blocks with a newline', () => {
    const doc = page('<p>\n  公安部\u3000\u3000部署  开展<br>“断卡”行动 \n</p><p>  第二段 </p>');
    const map = buildTextMap(blocks(doc));
    expect(map.text).toBe('公安部 部署 开展 “断卡”行动\n第二段');
    expect(map.nodes.length).toBe(map.text.length);
    expect(map.offsets.length).toBe(map.text.length);
    // Every mapped character other than a collapsed space is the character of its node at its offset.
    for (let i = 0; i < map.text.length; i++) {
      const node = map.nodes[i];
      if (map.text[i] === ' ' || map.text[i] === '\n') continue;
      expect(node!.data[map.offsets[i]]).toBe(map.text[i]);
    }
  });

  it('skips scripts, styles, ruby annotations and what the caller marks as its own', () => {
    const doc = page('<p>公安部<script>var x="最高法"</script><ruby>警<rt>jǐng</rt></ruby><fzl-root>UI</fzl-root>察</p>');
    const map = buildTextMap(blocks(doc), { skip: (el) => el.tagName.toLowerCase() === 'fzl-root' });
    expect(map.text).toBe('公安部警察');
  });

  it('keeps astral characters whole and maps offsets by UTF-16 unit', () => {
    const doc = page('<p>𠮷野家<b>𠀀</b>案涉及公安部</p>');
    const map = buildTextMap(blocks(doc));
    expect(map.text).toBe('𠮷野家𠀀案涉及公安部');
    const start = map.text.indexOf('公安部');
    const pieces = piecesOf(map, start, start + 3);
    expect(pieceText(pieces)).toBe('公安部');
    const astral = piecesOf(map, 0, 2);
    expect(pieceText(astral)).toBe('𠮷');
  });

  it('breaks lines at block elements inside a block, so nothing matches across paragraphs', () => {
    const doc = page('<div id="a">部署开展“断<p>卡”行动</p>公安<div>部</div></div>');
    expect(buildTextMap([doc.querySelector('#a')!]).text).toBe('部署开展“断\n卡”行动\n公安\n部');
  });

  it('ignores nested blocks already inside an added block and builds the same map incrementally', () => {
    const doc = page('<div id="a"><p>甲段公安部</p><p>乙段最高检</p></div><p>丙段</p>');
    const whole = buildTextMap([doc.querySelector('#a')!, ...blocks(doc)]);
    expect(whole.text).toBe('甲段公安部\n乙段最高检\n丙段');
    const builder = createTextMapBuilder();
    for (const b of [doc.querySelector('#a')!, ...blocks(doc)]) builder.add(b);
    expect(builder.finish().text).toBe(whole.text);
  });

  it('maps every annotation of a real seed page back onto exactly its text in the DOM', () => {
    const html = readFileSync(join(import.meta.dirname, '../../fixtures/pages/seeds/002_cd855594ea86f9d9.html'), 'utf8');
    const doc = parseHTML(html).document as unknown as Document;
    const map = buildTextMap(blocks(doc, '#artibody p, #artibody li'));
    const annotations = annotate(map.text);
    expect(annotations.length).toBeGreaterThan(30);
    for (const a of annotations) expect(pieceText(piecesOf(map, a.start, a.end)).replace(/\s+/g, ' ')).toBe(a.text);
  });
});
