/**
 * The text chunker between the DOM and the pure recogniser (as Apache Annotator does): the text of
 * a set of block elements, concatenated, with a map from every text offset back to (text node,
 * offset). Whitespace runs are collapsed to one space, as a reader sees them, so a name or number
 * broken across lines or inline tags (`<b>汉中</b>市公安局`) is one string for `annotate`.
 * Blocks are separated by "\n" so nothing matches across paragraphs.
 */

export interface TextMap {
  text: string;
  /** For each UTF-16 index of `text`: the text node it comes from (null for block separators). */
  nodes: (Text | null)[];
  /** For each UTF-16 index of `text`: the offset inside that node. */
  offsets: Int32Array;
}

export interface TextRangePiece {
  node: Text;
  start: number;
  end: number;
}

const ELEMENT = 1;
const TEXT = 3;
/** Elements that start a new line for a reader: text on either side must not match across them. */
const BLOCK_TAGS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TFOOT', 'TR', 'UL']);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RT', 'RP', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'MATH', 'IFRAME', 'OBJECT']);

/**
 * An editing host (`contenteditable` other than "false"): what the reader is typing is theirs, not
 * the article, so the lens neither reads nor writes it (the script conversion skips it too).
 */
export function isEditingHost(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  if (value === null) return false;
  const state = value.toLowerCase();
  return state !== 'false' && state !== 'inherit';
}

function isInsideEditingHost(element: Element): boolean {
  for (let e: Element | null = element; e; e = e.parentElement) if (isEditingHost(e)) return true;
  return false;
}

export interface TextMapOptions {
  /** Skip an element and its subtree (our own UI, hidden elements…). */
  skip?: (element: Element) => boolean;
}

/** Elements of `elements` that are not inside another one of them, in document order of the input. */
export function outermost(elements: readonly Element[]): Element[] {
  const set = new Set(elements);
  const out: Element[] = [];
  for (const element of elements) {
    let inside = false;
    for (let p = element.parentElement; p; p = p.parentElement) {
      if (set.has(p)) {
        inside = true;
        break;
      }
    }
    if (!inside && !out.includes(element)) out.push(element);
  }
  return out;
}

export interface TextMapBuilder {
  /** Appends one block element's text (a "\n" separates it from the previous block). */
  add(block: Element): void;
  /** Characters so far. */
  readonly length: number;
  finish(): TextMap;
}

/**
 * Builds a text map block by block, so a long article can be mapped in slices that yield to the
 * page between them. Blocks nested in an earlier block are skipped (their text is already in).
 */
export function createTextMapBuilder(options: TextMapOptions = {}): TextMapBuilder {
  // Text is kept as a list of substrings (no per-character strings); the per-character node and
  // offset arrays are filled in runs. This keeps a 200,000-character article cheap to map.
  const parts: string[] = [];
  const nodes: (Text | null)[] = [];
  let offsets = new Int32Array(4096);
  let length = 0;
  let lastChar = '';
  const added = new Set<Element>();
  let pendingSpace: { node: Text | null; offset: number } | null = null;
  let pendingBreak = false;
  let atBlockStart = true;

  const grow = (extra: number) => {
    if (length + extra <= offsets.length) return;
    let size = offsets.length * 2;
    while (size < length + extra) size *= 2;
    const next = new Int32Array(size);
    next.set(offsets);
    offsets = next;
  };

  const pushRun = (text: string, node: Text | null, from: number) => {
    grow(text.length);
    parts.push(text);
    for (let i = 0; i < text.length; i++) {
      nodes.push(node);
      offsets[length + i] = from + i;
    }
    length += text.length;
    lastChar = text[text.length - 1];
  };

  // Collapsible whitespace, NBSP and the ideographic space (indentation on Chinese pages).
  const SPACE = /[ \t\n\r\f\u00a0\u3000]+/g;

  const visitText = (node: Text) => {
    const data = node.data;
    let at = 0;
    SPACE.lastIndex = 0;
    for (let m = SPACE.exec(data); ; m = SPACE.exec(data)) {
      const runEnd = m ? m.index : data.length;
      if (runEnd > at) {
        if (pendingBreak) {
          if (length && lastChar !== '\n') pushRun('\n', null, 0);
          pendingBreak = false;
          pendingSpace = null;
        }
        if (pendingSpace) {
          pushRun(' ', pendingSpace.node, pendingSpace.offset);
          pendingSpace = null;
        }
        atBlockStart = false;
        pushRun(data.slice(at, runEnd), node, at);
      }
      if (!m) break;
      if (!atBlockStart && !pendingSpace) pendingSpace = { node, offset: m.index };
      at = m.index + m[0].length;
    }
  };

  /** Reads one node; true when it is an element whose children are read too. */
  const enter = (node: Node): boolean => {
    if (node.nodeType === TEXT) {
      visitText(node as Text);
      return false;
    }
    if (node.nodeType !== ELEMENT) return false;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || isEditingHost(el) || options.skip?.(el)) return false;
    if (tag === 'BR') {
      if (!atBlockStart && !pendingSpace) pendingSpace = { node: null, offset: 0 };
      return false;
    }
    if (BLOCK_TAGS.has(tag)) pendingBreak = true;
    return true;
  };

  // Iterative, not recursive: a page may nest elements deeper than any call stack.
  const walk = (root: Element) => {
    let node: Node | null = root.firstChild;
    while (node) {
      if (enter(node) && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node !== root && !node.nextSibling) {
        node = node.parentNode!;
        if (node !== root && BLOCK_TAGS.has((node as Element).tagName.toUpperCase())) pendingBreak = true;
      }
      node = node === root ? null : node.nextSibling;
    }
  };

  const isInsideAdded = (element: Element) => {
    for (let p = element.parentElement; p; p = p.parentElement) if (added.has(p)) return true;
    return false;
  };

  return {
    add(block) {
      if (added.has(block) || isInsideAdded(block) || isInsideEditingHost(block)) return;
      added.add(block);
      pendingBreak = length > 0;
      pendingSpace = null;
      atBlockStart = true;
      walk(block);
      pendingSpace = null; // trailing whitespace of a block is dropped
      pendingBreak = false;
    },
    get length() {
      return length;
    },
    finish() {
      const text = parts.join('');
      // A <br> space has no text node of its own: attach it to the next character's node.
      for (let i = 0; i < length; i++) {
        if (nodes[i] === null && text.charCodeAt(i) === 32) {
          nodes[i] = nodes[i + 1] ?? nodes[i - 1] ?? null;
          offsets[i] = nodes[i] === nodes[i + 1] ? offsets[i + 1] : offsets[i - 1] + 1;
        }
      }
      return { text, nodes, offsets: offsets.slice(0, length) };
    },
  };
}

export function buildTextMap(blocks: readonly Element[], options: TextMapOptions = {}): TextMap {
  const builder = createTextMapBuilder(options);
  for (const block of outermost(blocks)) builder.add(block);
  return builder.finish();
}

/**
 * The DOM pieces of `text.slice(start, end)`: one per text node it touches, with offsets inside
 * that node (end exclusive). Whitespace collapsed into one space maps to its first character only.
 */
export function piecesOf(map: TextMap, start: number, end: number): TextRangePiece[] {
  const pieces: TextRangePiece[] = [];
  for (let i = start; i < end; i++) {
    const node = map.nodes[i];
    if (!node) continue;
    const offset = map.offsets[i];
    // Include a surrogate pair's second half with the first.
    const width = offset + 1 < node.data.length && isHighSurrogate(node.data.charCodeAt(offset)) ? 2 : 1;
    const last = pieces[pieces.length - 1];
    if (last && last.node === node && offset >= last.end) {
      // contiguous in the map: only collapsed whitespace lies between, which belongs to the span
      last.end = Math.max(last.end, offset + width);
    } else {
      pieces.push({ node, start: offset, end: offset + width });
    }
    if (width === 2 && map.nodes[i + 1] === node && map.offsets[i + 1] === offset + 1) i++;
  }
  return pieces;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
