/**
 * Display cleanup of the `發(fā)布會` artefact: each bracketed pinyin in the given elements' text is
 * moved into a hidden `<fzl-pinyin>` element, so the text reads `發布會`; the original text is kept
 * in the DOM (hidden, still copyable with the element) and `restore()` puts every text node back
 * exactly: the same node objects, the same data, no extra nodes.
 */
import { findPinyinArtefacts } from '../annotate';

export const PINYIN_TAG = 'fzl-pinyin';

export interface PinyinCleanup {
  /** Number of brackets hidden. */
  count: number;
  restore(): void;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT', 'CODE', 'PRE', 'NOSCRIPT', 'TEMPLATE']);

function textNodesOf(root: Element): Text[] {
  const out: Text[] = [];
  const walk = (el: Element) => {
    if (SKIP.has(el.tagName.toUpperCase()) || el.tagName.toLowerCase() === PINYIN_TAG) return;
    if ((el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') === 'true') return;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out.push(c as Text);
      else if (c.nodeType === 1) walk(c as Element);
    }
  };
  walk(root);
  return out;
}

export function hidePinyinArtefacts(elements: readonly Element[]): PinyinCleanup {
  const edits: { node: Text; original: string; added: Node[] }[] = [];
  let count = 0;
  for (const element of elements) {
    for (const node of textNodesOf(element)) {
      const data = node.data;
      if (!data.includes('(')) continue;
      const spans = findPinyinArtefacts(data);
      if (!spans.length) continue;
      const doc = node.ownerDocument;
      const added: Node[] = [];
      // Build the pieces after `node`, keeping `node` itself as the first piece.
      const parent = node.parentNode!;
      const next = node.nextSibling;
      for (let i = 0; i < spans.length; i++) {
        const span = spans[i];
        const hidden = doc.createElement(PINYIN_TAG);
        hidden.setAttribute('hidden', '');
        hidden.setAttribute('aria-hidden', 'true');
        hidden.textContent = data.slice(span.start, span.end);
        parent.insertBefore(hidden, next);
        added.push(hidden);
        const tailEnd = i + 1 < spans.length ? spans[i + 1].start : data.length;
        if (tailEnd > span.end) {
          const tail = doc.createTextNode(data.slice(span.end, tailEnd));
          parent.insertBefore(tail, next);
          added.push(tail);
        }
      }
      node.data = data.slice(0, spans[0].start);
      edits.push({ node, original: data, added });
      count += spans.length;
    }
  }
  return {
    count,
    restore() {
      for (const edit of edits.reverse()) {
        for (const n of edit.added) n.parentNode?.removeChild(n);
        if (edit.node.data !== edit.original) edit.node.data = edit.original;
      }
      edits.length = 0;
    },
  };
}
