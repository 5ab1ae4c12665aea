import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hidePinyinArtefacts, isPinyinElement, PINYIN_SELECTOR } from '../../../lib/page/pinyin-cleanup';

const seed001 = readFileSync(join(import.meta.dirname, '../../fixtures/pages/seeds/001_69ea3a8987a04835.html'), 'utf8');

describe('hidePinyinArtefacts', () => {
  it('hides every bracket of a real traditional page so the text reads 發布會, and restores the same nodes exactly', () => {
    const doc = parseHTML(seed001).document as unknown as Document;
    const pristine = doc.documentElement.cloneNode(true);
    const paragraphs = Array.from(doc.querySelectorAll('#artibody p'));
    const firstText = paragraphs[0].firstChild as Text;
    const cleanup = hidePinyinArtefacts(paragraphs);
    expect(cleanup.count).toBeGreaterThan(50);
    const visible = (el: Element) =>
      Array.from(el.childNodes)
        .filter((n) => !isPinyinElement(n))
        .map((n) => n.textContent)
        .join('');
    expect(visible(paragraphs[0])).toContain('新聞發布會');
    expect(visible(paragraphs[0])).not.toMatch(/\(fā\)/);
    expect(doc.documentElement.isEqualNode(pristine)).toBe(false);
    cleanup.restore();
    expect(doc.documentElement.isEqualNode(pristine)).toBe(true);
    expect(paragraphs[0].firstChild).toBe(firstText); // the same node object, not a copy
    expect(paragraphs[0].childNodes.length).toBe(1);
  });

  it('leaves elements listed as already cleaned untouched, and cleans the rest of the page', () => {
    const doc = parseHTML(seed001).document as unknown as Document;
    const pristine = doc.documentElement.cloneNode(true);
    const paragraphs = Array.from(doc.querySelectorAll('#artibody p'));
    const done = new Set<Element>([paragraphs[0]]);
    const cleanup = hidePinyinArtefacts([doc.body], done);
    expect(paragraphs[0].childNodes.length).toBe(1); // not entered: its brackets stay as they were
    expect(paragraphs[0].textContent).toMatch(/\(fā\)/);
    expect(paragraphs.slice(1).some((p) => p.querySelector(PINYIN_SELECTOR))).toBe(true);
    cleanup.restore();
    expect(doc.documentElement.isEqualNode(pristine)).toBe(true);
  });

  it('leaves brackets that are not pinyin after a Han character, and form fields, alone', () => {
    const doc = parseHTML(
      '<html><body><p>公安部(China)发布(2023)通报(abc)</p><p contenteditable="true">發(fā)布</p><textarea>發(fā)布</textarea></body></html>',
    ).document as unknown as Document;
    const cleanup = hidePinyinArtefacts(Array.from(doc.querySelectorAll('p, textarea')));
    expect(cleanup.count).toBe(0);
    expect(doc.querySelector('p')!.textContent).toBe('公安部(China)发布(2023)通报(abc)');
  });
});
