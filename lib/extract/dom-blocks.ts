import hints from './data/hints.json';
import { normalizeSpace, textWeight } from './text';

/** One paragraph-level piece of text of the page, in reading order. */
export interface DomBlock {
  text: string;
  /** The nearest block-level element holding the text: the element highlights are mapped onto. */
  element: Element;
  linkWeight: number;
  /** Inside h1–h6. */
  heading: boolean;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIR',
  'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'HTML', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP_TAGS = new Set(hints.skipTags.map((tag) => tag.toUpperCase()));
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

const ELEMENT_NODE = 1;
const SOFT_BREAK = '\u0000';
const HAN_AT_END = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]$/;
const HAN_AT_START = /^[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

function isWrappedLine(line: string): boolean {
  const trimmed = line.trim();
  return textWeight(trimmed) >= 15 && !/[。！？!?.…:：」』”"）)]$/.test(trimmed);
}

/** Joins hard-wrapped lines: nothing between two Chinese characters, a space elsewhere. */
function joinWrappedLines(text: string): string {
  if (!text.includes(SOFT_BREAK)) return text;
  const pieces = text.split(SOFT_BREAK).map((piece) => piece.trim()).filter(Boolean);
  let joined = pieces[0] ?? '';
  for (const piece of pieces.slice(1)) joined += (HAN_AT_END.test(joined) && HAN_AT_START.test(piece) ? '' : ' ') + piece;
  return joined;
}
const TEXT_NODE = 3;

const HIDDEN_CLASS_TOKENS = new Set(hints.hiddenClassTokens);
const HIDDEN_CLASS_PATTERNS = hints.hiddenClassPatterns.map((source) => new RegExp(source));
const RESPONSIVE_CLASS = new RegExp(hints.hiddenClassResponsive);

/** A class token that hides its element on a desktop page: `hide`, `d-none`, `control-hide`, `o-promo--hidden`. */
function isHidingClass(token: string): boolean {
  if (HIDDEN_CLASS_TOKENS.has(token)) return true;
  return !RESPONSIVE_CLASS.test(token) && HIDDEN_CLASS_PATTERNS.some((re) => re.test(token));
}

/**
 * Not shown to the reader, so neither read nor annotated: the `hidden` attribute, `aria-hidden="true"`,
 * inline `display:none`/`visibility:hidden`, and class names that hide (the collapsed rest of a body
 * behind "展开全文" is `<div class="hidden-content control-hide">`; readers of the page do not see it
 * until they click, and the page's own gold stops there). A saved page has no style sheet, so class
 * names are the only evidence; a live page can pass its computed visibility as `isHidden`.
 */
export function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  if (style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  const className = element.getAttribute('class');
  return !!className && className.toLowerCase().split(/\s+/).some(isHidingClass);
}

export function isSkipped(element: Element, extraHidden?: (element: Element) => boolean): boolean {
  return SKIP_TAGS.has(element.tagName.toUpperCase()) || isHidden(element) || (!!extraHidden && extraHidden(element));
}

/**
 * Walks the tree read-only and cuts its visible text into blocks at block-level elements and `<br>`.
 * Link text is measured per block; it is what tells a list of headlines from a paragraph.
 */
export function collectBlocks(root: Element, extraHidden?: (element: Element) => boolean): DomBlock[] {
  const blocks: DomBlock[] = [];
  let parts: string[] = [];
  let linkParts: string[] = [];
  let owner: Element = root;
  let heading = false;

  const flush = () => {
    if (parts.length === 0) return;
    const text = normalizeSpace(joinWrappedLines(parts.join('')));
    if (text) {
      const linkText = linkParts.join('');
      blocks.push({ text, element: owner, linkWeight: linkText ? textWeight(linkText) : 0, heading });
    }
    parts = [];
    linkParts = [];
  };

  const visitText = (value: string, container: Element, inLink: boolean, inHeading: boolean, inPre: boolean) => {
    if (!value) return;
    if (inPre && value.includes('\n')) {
      const lines = value.split('\n');
      lines.forEach((line, i) => {
        if (i > 0) flush();
        owner = container;
        heading = inHeading;
        parts.push(line);
        if (inLink) linkParts.push(line);
      });
      return;
    }
    if (parts.length === 0 && !value.trim()) return;
    owner = container;
    heading = inHeading;
    parts.push(value);
    if (inLink) linkParts.push(value);
  };

  // An explicit stack, not recursion: hostile pages nest 10,000 levels deep.
  interface Frame {
    node: Node;
    container: Element;
    inLink: boolean;
    inHeading: boolean;
    inPre: boolean;
    /** Set on the way out of a block element: flush once its children are done. */
    exitBlock?: boolean;
  }
  const stack: Frame[] = [{ node: root, container: root, inLink: false, inHeading: false, inPre: false }];
  while (stack.length) {
    const frame = stack.pop()!;
    if (frame.exitBlock) {
      flush();
      continue;
    }
    const { node, container, inLink, inHeading, inPre } = frame;
    if (node.nodeType === TEXT_NODE) {
      visitText(node.nodeValue ?? '', container, inLink, inHeading, inPre);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (tag === 'BR') {
      // One <br> after a line that stops mid-sentence is a hard wrap inside a paragraph (old pages
      // and pre-formatted mail wrap at a fixed width); a second <br>, or one after a finished
      // sentence or a short line, ends the block.
      const joined = parts.join('');
      const lastLine = joined.slice(joined.lastIndexOf(SOFT_BREAK) + 1);
      if (!lastLine.trim() || !isWrappedLine(lastLine)) flush();
      else parts.push(SOFT_BREAK);
      continue;
    }
    if (tag === 'IMG') continue;
    if (isSkipped(element, extraHidden)) continue;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) {
      flush();
      stack.push({ node, container, inLink, inHeading, inPre, exitBlock: true });
    }
    const child: Omit<Frame, 'node'> = {
      container: isBlock ? element : container,
      inLink: inLink || tag === 'A',
      inHeading: inHeading || HEADING_TAGS.has(tag),
      inPre: inPre || tag === 'PRE' || tag === 'TEXTAREA',
    };
    // Children pushed last-first so they are visited in document order.
    for (let c = element.lastChild; c; c = c.previousSibling) stack.push({ node: c, ...child });
  }
  flush();
  return blocks;
}
