/**
 * Display cleanup of the `發(fā)布會` artefact: each bracketed pinyin in the given elements' text is
 * moved into a hidden `<span data-fzl-pinyin>`, so the text reads `發布會`; the original text is kept
 * in the DOM (hidden, still copyable with the element) and `restore()` puts every text node back
 * exactly: the same node objects, the same data, no extra nodes.
 */
import { findPinyinArtefacts } from '../annotate';
import { isEditingHost } from '../highlight/text-map';

/**
 * The marker attribute of our hidden spans. A plain <span>, not a custom tag: a page can register a custom
 * element under any name we would pick (#19: a page-defined `fzl-pinyin` ran page code inside our nodes
 * and could empty them), but it cannot make a <span> created by us run its code.
 */
export const PINYIN_ATTRIBUTE = 'data-fzl-pinyin';
export const PINYIN_SELECTOR = `span[${PINYIN_ATTRIBUTE}]`;

export function isPinyinElement(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).tagName === 'SPAN' && (node as Element).hasAttribute(PINYIN_ATTRIBUTE);
}

export interface PinyinCleanup {
  /** Number of brackets hidden. */
  count: number;
  restore(): void;
}

// Form fields (an <option>'s text is its value), code, and non-HTML content keep their text as is.
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP', 'DATALIST', 'CODE', 'PRE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH']);

// The attribute (isEditingHost), not `isContentEditable`: that one forces a style recalculation of the page.
const isSkipped = (el: Element) => SKIP.has(el.tagName.toUpperCase()) || isPinyinElement(el) || isEditingHost(el);

/**
 * The text nodes to clean under `root`, not entering `done` (elements already cleaned). Iterative: a
 * page may nest elements deeper than a call stack.
 */
function textNodesOf(root: Element, done?: ReadonlySet<Element>): Text[] {
  const out: Text[] = [];
  // A block inside a form field or an editor (the reader's own text) holds nothing to clean.
  for (let e: Element | null = root; e; e = e.parentElement) if (isSkipped(e)) return out;
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 3) out.push(node as Text);
    else if (node.nodeType === 1 && !isSkipped(node as Element) && !done?.has(node as Element) && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node !== root && !node.nextSibling) node = node.parentNode!;
    node = node === root ? null : node.nextSibling;
  }
  return out;
}

export function hidePinyinArtefacts(elements: readonly Element[], done?: ReadonlySet<Element>): PinyinCleanup {
  // Each added node remembers where its text starts in the original string, so a selection or
  // range boundary inside it can be mapped back on restore.
  const edits: { node: Text; original: string; added: { node: Node; at: number }[] }[] = [];
  let count = 0;
  // One empty hidden element per document, cloned for each bracket: a clone costs one DOM call where
  // creating and setting two attributes cost three (a long traditional page holds 10,000 brackets).
  let template: Element | null = null;
  for (const element of elements) {
    for (const node of textNodesOf(element, done)) {
      const data = node.data;
      if (!data.includes('(')) continue;
      const spans = findPinyinArtefacts(data);
      if (!spans.length) continue;
      const doc = node.ownerDocument;
      if (template === null || template.ownerDocument !== doc) {
        template = doc.createElement('span');
        template.setAttribute(PINYIN_ATTRIBUTE, '');
        template.setAttribute('hidden', '');
        template.setAttribute('aria-hidden', 'true');
        // A page rule such as [hidden] { display: block } must not show the brackets again.
        template.setAttribute('style', 'display: none !important');
      }
      const added: { node: Node; at: number }[] = [];
      // The pieces after `node` (which stays as the first piece) are built in a fragment and inserted
      // at once: one change to the page's tree per text node instead of one per piece.
      const pieces = doc.createDocumentFragment();
      for (let i = 0; i < spans.length; i++) {
        const span = spans[i];
        const hidden = template.cloneNode(false) as Element;
        hidden.textContent = data.slice(span.start, span.end);
        pieces.appendChild(hidden);
        added.push({ node: hidden, at: span.start });
        const tailEnd = i + 1 < spans.length ? spans[i + 1].start : data.length;
        if (tailEnd > span.end) {
          const tail = doc.createTextNode(data.slice(span.end, tailEnd));
          pieces.appendChild(tail);
          added.push({ node: tail, at: span.end });
        }
      }
      node.parentNode!.insertBefore(pieces, node.nextSibling);
      node.data = data.slice(0, spans[0].start);
      edits.push({ node, original: data, added });
      count += spans.length;
    }
  }
  /** A boundary inside a node we added, as a position in the original text node. */
  function mapBoundary(container: Node, offset: number): { node: Text; offset: number } | null {
    for (const edit of edits) {
      for (const { node, at } of edit.added) {
        if (node === container) return { node: edit.node, offset: at + (node.nodeType === 3 ? offset : 0) };
        if (node.contains(container)) return { node: edit.node, offset: at + (container.nodeType === 3 ? offset : 0) };
      }
    }
    return null;
  }

  return {
    count,
    restore() {
      const doc = edits[0]?.node.ownerDocument;
      const selection = doc?.defaultView?.getSelection?.() ?? null;
      const saved = selection && selection.rangeCount ? selection.getRangeAt(0) : null;
      const mapped = saved
        ? {
            start: mapBoundary(saved.startContainer, saved.startOffset),
            end: mapBoundary(saved.endContainer, saved.endOffset),
          }
        : null;
      for (const edit of edits.reverse()) {
        for (const { node } of edit.added) node.parentNode?.removeChild(node);
        // appendData keeps ranges and selections inside the head where they are (replacing the
        // whole data would collapse them to 0).
        if (edit.original.startsWith(edit.node.data)) edit.node.appendData(edit.original.slice(edit.node.data.length));
        else edit.node.data = edit.original;
      }
      edits.length = 0;
      if (selection && saved && mapped && (mapped.start || mapped.end)) {
        const range = saved.cloneRange();
        try {
          range.setStart(mapped.start?.node ?? saved.startContainer, mapped.start?.offset ?? saved.startOffset);
          range.setEnd(mapped.end?.node ?? saved.endContainer, mapped.end?.offset ?? saved.endOffset);
          selection.removeAllRanges();
          selection.addRange(range);
        } catch {
          // the page moved the nodes meanwhile: leave its selection alone
        }
      }
    },
  };
}
