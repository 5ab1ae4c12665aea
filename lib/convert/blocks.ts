import elements from './data/elements.json';
import { containsHan } from './han';
import type { AttributeText, TextBlock } from './types';

const INLINE_TAGS = new Set(elements.inline);
const SKIPPED_TAGS = new Set(elements.skipped);
const SKIPPED_CLASSES = elements.skippedClasses;
const HIGHLIGHT_WRAPPERS = new Set(elements.highlightWrappers);
const EXTENSION_PREFIX = elements.extensionPrefix;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

export interface CollectOptions {
  /** Blocks inside this element (the article body) come first, the rest keep page order after them. */
  priority?: Element | null;
  /** Keep blocks without any Han character (default false: they cannot change, so they are dropped). */
  keepNonHan?: boolean;
}

function tagOf(element: Element): string {
  return element.localName.toLowerCase();
}

function classesOf(element: Element): string[] {
  const value = element.getAttribute('class');
  return value ? value.split(/\s+/) : [];
}

/** Our highlight wrappers are inline page text, not extension UI. */
function isHighlightWrapper(element: Element, tag: string): boolean {
  return HIGHLIGHT_WRAPPERS.has(tag) || classesOf(element).some((name) => HIGHLIGHT_WRAPPERS.has(name));
}

function isExtensionUi(element: Element, tag: string): boolean {
  if (isHighlightWrapper(element, tag)) return false;
  if (tag.startsWith(EXTENSION_PREFIX)) return true;
  return classesOf(element).some((name) => name.startsWith(EXTENSION_PREFIX));
}

function hasSkippedClass(element: Element): boolean {
  return classesOf(element).some((name) => SKIPPED_CLASSES.includes(name));
}

/** True for an element whose whole subtree must keep its text as is. */
export function isSkippedElement(element: Element): boolean {
  const tag = tagOf(element);
  if (SKIPPED_TAGS.has(tag)) return true;
  if (!element.hasAttributes()) return tag.startsWith(EXTENSION_PREFIX) && !HIGHLIGHT_WRAPPERS.has(tag);
  if (isExtensionUi(element, tag)) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (element.getAttribute('translate')?.toLowerCase() === 'no') return true;
  return hasSkippedClass(element);
}

export function isInlineElement(element: Element): boolean {
  return INLINE_TAGS.has(tagOf(element));
}

/** True when `node` or one of its ancestors (up to the document) is skipped. */
export function isInsideSkipped(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeType === ELEMENT_NODE && isSkippedElement(current as Element)) return true;
  }
  return false;
}

function startNode(root: Element | Document): Node | null {
  return root.nodeType === DOCUMENT_NODE ? ((root as Document).body ?? (root as Document).documentElement) : root;
}

/**
 * The text blocks under `root`: each block-level element's text, with the text nodes of its inline
 * descendants joined, so that a phrase split by an inline tag (`<b>软</b>件`) is converted as one.
 * A block-level child, a skipped element (code, form field, extension UI …) or `<br>` ends the
 * current block. Blocks without Han characters are dropped: nothing in them can change.
 */
export function collectBlocks(root: Element | Document, options: CollectOptions = {}): TextBlock[] {
  const blocks: TextBlock[] = [];
  let nodes: Text[] = [];

  const flush = () => {
    if (nodes.length === 0) return;
    const segments = nodes.map((node) => node.data);
    const text = segments.join('');
    if (options.keepNonHan || containsHan(text)) blocks.push({ nodes, segments, text });
    nodes = [];
  };

  /** Takes one node; true when it is an element whose children are visited too. */
  const enter = (node: Node): boolean => {
    if (node.nodeType === TEXT_NODE) {
      nodes.push(node as Text);
      return false;
    }
    if (node.nodeType !== ELEMENT_NODE) return false;
    const element = node as Element;
    if (isSkippedElement(element)) {
      flush();
      return false;
    }
    if (!isInlineElement(element)) flush();
    return true;
  };

  // Iterative, not recursive: a page may nest elements deeper than any call stack.
  const visit = (top: Node) => {
    let node: Node | null = top.firstChild;
    while (node) {
      if (enter(node) && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node !== top && !node.nextSibling) {
        node = node.parentNode!;
        if (node !== top && !isInlineElement(node as Element)) flush(); // leaving a block
      }
      node = node === top ? null : node.nextSibling;
    }
  };

  const start = startNode(root);
  if (start) {
    // A root that is itself inside a skipped subtree (e.g. nodes added into our own UI) yields nothing.
    if (start.nodeType === ELEMENT_NODE && isInsideSkipped(start)) return [];
    visit(start);
    flush();
  }
  return orderByPriority(blocks, options.priority);
}

function orderByPriority(blocks: TextBlock[], priority: Element | null | undefined): TextBlock[] {
  if (!priority) return blocks;
  const first: TextBlock[] = [];
  const rest: TextBlock[] = [];
  for (const block of blocks) (priority.contains(block.nodes[0]) ? first : rest).push(block);
  return first.concat(rest);
}

/**
 * Attribute texts readers see (tooltips, image alternatives, placeholders, accessible names) under
 * `root`, including on `root` itself; not form values, not inside skipped subtrees. Only values with
 * Han characters are listed. The document title is the caller's business.
 */
export function collectAttributes(root: Element | Document): AttributeText[] {
  const found: AttributeText[] = [];
  const collect = (element: Element) => {
    for (const name of elements.convertedAttributes) {
      const value = element.getAttribute(name);
      if (value && containsHan(value)) found.push({ element, name, value });
    }
  };
  // Pre-order over elements, iterative (no call stack to overflow on a deep page).
  const visit = (start: Element) => {
    let element: Element | null = start;
    while (element) {
      const skipped = isSkippedElement(element);
      if (!skipped || isAttributeOnlyField(element)) collect(element);
      if (!skipped && element.firstElementChild) {
        element = element.firstElementChild;
        continue;
      }
      while (element !== start && !element.nextElementSibling) element = element.parentElement!;
      element = element === start ? null : element.nextElementSibling;
    }
  };
  const start = startNode(root);
  if (start && start.nodeType === ELEMENT_NODE && !isInsideSkipped((start as Element).parentNode ?? start)) {
    visit(start as Element);
  }
  return found;
}

/** Form fields keep their typed text, but their placeholder / title / label are page text. */
function isAttributeOnlyField(element: Element): boolean {
  const tag = tagOf(element);
  if (tag !== 'input' && tag !== 'textarea' && tag !== 'select') return false;
  // A field inside our own UI or marked no-translate stays untouched altogether.
  return !isExtensionUi(element, tag) && element.getAttribute('translate')?.toLowerCase() !== 'no' && !hasSkippedClass(element);
}
