/**
 * The page code of the lens on hostile DOM shapes (linkedom): trees far deeper than any stack of
 * recursive calls allows, and editors and form fields inside the article, which the lens must
 * neither read nor write.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { buildTextMap } from '../../../lib/highlight/text-map';
import { hidePinyinArtefacts } from '../../../lib/page/pinyin-cleanup';
import { collectBlocks, isInsideSkipped } from '../../../lib/convert/blocks';
import { seedParagraphs } from '../../fixtures/hostile/build-pages';

const ARTEFACT = '漢中市舉行2020年掃黑除惡專項斗爭新聞發(fā)布會'; // seed 001's first sentence

/** A document whose body holds `depth` nested divs with the paragraphs in the innermost. */
function deepDocument(depth: number, paragraphs: string[]) {
  const { document } = parseHTML('<!doctype html><html><body><div id="top"></div></body></html>');
  let at = document.getElementById('top')!;
  for (let i = 0; i < depth; i++) {
    const div = document.createElement('div');
    at.appendChild(div);
    at = div;
  }
  for (const line of paragraphs) {
    const p = document.createElement('p');
    p.textContent = line;
    at.appendChild(p);
  }
  return { document, top: document.getElementById('top')!, innermost: at };
}

describe('a DOM 100,000 levels deep', () => {
  const lines = [...seedParagraphs('000').slice(0, 2), ARTEFACT];
  const depth = 100_000;

  it('text map: the text at the bottom is read, without recursion', () => {
    const { top } = deepDocument(depth, lines);
    const map = buildTextMap([top]);
    expect(map.text).toBe(lines.join('\n'));
    expect(map.nodes.filter(Boolean).length).toBe(lines.join('').length);
  });

  it('pinyin cleanup: hides the brackets at the bottom and restores them', () => {
    const { top, innermost } = deepDocument(depth, lines);
    const cleanup = hidePinyinArtefacts([top]);
    expect(cleanup.count).toBe(1); // 新聞發(fā)布會
    cleanup.restore();
    expect(innermost.lastElementChild!.textContent).toBe(ARTEFACT);
    expect(innermost.lastElementChild!.childNodes.length).toBe(1);
  });

  it('script conversion: collects the blocks at the bottom', () => {
    const { document, innermost } = deepDocument(depth, lines);
    const blocks = collectBlocks(document);
    expect(blocks.map((b) => b.text)).toEqual(lines);
    expect(isInsideSkipped(innermost.firstChild!)).toBe(false);
  });
});

describe('editors and form fields inside the article', () => {
  const html = `<!doctype html><html><body><div id="artibody">
<p id="para">${ARTEFACT}，公安部通報。</p>
<div id="editor" contenteditable="true"><p id="in-editor">${ARTEFACT}，公安部通報。</p></div>
<div id="editor-empty" contenteditable><p>${ARTEFACT}</p></div>
<div id="editor-plain" contenteditable="plaintext-only">${ARTEFACT}</div>
<div id="not-editor" contenteditable="false"><p id="in-not-editor">最高人民法院${ARTEFACT}</p></div>
<form><select id="select"><option>新聞發(fā)布會</option><optgroup label="網絡"><option>公安部發(fā)布通報</option></optgroup></select>
<textarea id="textarea">${ARTEFACT}</textarea><button id="button">公安部發(fā)布會</button></form>
</div></body></html>`;

  it('text map: reads the article, not what is in editors or fields', () => {
    const { document } = parseHTML(html);
    const map = buildTextMap([document.getElementById('artibody')!]);
    expect(map.text).toContain(`${ARTEFACT}，公安部通報。`);
    expect(map.text.split(ARTEFACT).length - 1).toBe(2); // #para and the contenteditable="false" one
    expect(map.text).toContain('最高人民法院');
    expect(map.text).not.toContain('公安部發(fā)布通報'); // an option's text
    // A block that is itself inside an editor is not read either.
    expect(buildTextMap([document.getElementById('in-editor')!]).text).toBe('');
  });

  it('pinyin cleanup: never writes into editors, options or text areas', () => {
    const { document } = parseHTML(html);
    const body = document.getElementById('artibody')!;
    const before = body.innerHTML;
    const ids = ['editor', 'editor-empty', 'editor-plain', 'select', 'textarea'];
    const untouched = ids.map((id) => document.getElementById(id)!.outerHTML);
    const cleanup = hidePinyinArtefacts([body, document.getElementById('in-editor')!]);
    expect(cleanup.count).toBe(3); // #para, #in-not-editor and the button's label (page text like any other)
    expect(ids.map((id) => document.getElementById(id)!.outerHTML)).toEqual(untouched);
    cleanup.restore();
    expect(body.innerHTML).toBe(before);
  });
});
