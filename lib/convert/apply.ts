import { collectAttributes, collectBlocks, isInlineElement, isInsideSkipped } from './blocks';
import { conversionKind } from './converters';
import { splitConverted } from './split';
import type { ConversionKind, ConvertTexts, Target, TextBlock } from './types';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

export interface PageConversionOptions {
  /** The article body: its blocks are converted (and shown converted) first. */
  priority?: Element | null;
  /** Characters of block text per `convert` call (one message to the worker). */
  chunkCharacters?: number;
  /** Hands the main thread back to the page between chunks (the content script may pass `scheduler.yield`). */
  yieldToPage?: () => Promise<unknown>;
}

export interface ConversionReport {
  status: 'done' | 'cancelled';
  target: Target;
  blocks: number;
  /** Text nodes whose text was rewritten by this run. */
  changedNodes: number;
  attributes: number;
  batches: number;
}

export interface PageConversion {
  /**
   * Converts the page to `target` with `convert` (texts in, converted texts out, already bound to the
   * page's source script and this target). Always starts from the original text, never from an
   * earlier conversion. A newer `convertTo`/`restore`/`cancel` stops this run between chunks.
   */
  convertTo(target: Target, convert: ConvertTexts, kind?: ConversionKind): Promise<ConversionReport>;
  /** Converts content added after `convertTo` (nodes from a MutationObserver) to the active target. */
  convertAdded(nodes: Iterable<Node>): Promise<ConversionReport | null>;
  /** Puts every text node and attribute this object changed back to its original text. */
  restore(): void;
  /** Stops a running conversion without restoring. */
  cancel(): void;
  readonly target: Target;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createPageConversion(root: Element | Document, options: PageConversionOptions = {}): PageConversion {
  const chunkCharacters = options.chunkCharacters ?? 6000;
  const yieldToPage = options.yieldToPage ?? defaultYield;
  const document = root.nodeType === DOCUMENT_NODE ? (root as Document) : null;

  /** Text node → its original text and what we last wrote into it (to notice the page changing it). */
  const replacedText = new Map<Text, { original: string; written: string }>();
  const originalAttributes = new Map<Element, Map<string, { original: string; written: string }>>();
  let originalTitle: { original: string; written: string } | null = null;

  let generation = 0;
  let activeTarget: Target = 'original';
  let activeConvert: ConvertTexts | null = null;
  let activeKind: ConversionKind = 'char';

  /** The node's original text; forgets our record when the page itself rewrote the node since. */
  function originalOf(node: Text): string {
    const replaced = replacedText.get(node);
    if (replaced === undefined) return node.data;
    if (replaced.written === node.data) return replaced.original;
    replacedText.delete(node);
    return node.data;
  }

  function write(node: Text, original: string, next: string) {
    const replaced = replacedText.get(node);
    if (next === original) {
      if (replaced === undefined) return false;
      node.data = original;
      replacedText.delete(node);
      return true;
    }
    if (replaced === undefined) replacedText.set(node, { original, written: next });
    else replaced.written = next;
    if (node.data === next) return false;
    node.data = next;
    return true;
  }

  function originalBlock(block: TextBlock): TextBlock {
    if (replacedText.size === 0) return block; // nothing replaced yet: the collected text is the original
    const segments = block.nodes.map(originalOf);
    return { nodes: block.nodes, segments, text: segments.join('') };
  }

  function chunk(blocks: TextBlock[]): TextBlock[][] {
    const chunks: TextBlock[][] = [];
    let current: TextBlock[] = [];
    let size = 0;
    for (const block of blocks) {
      if (current.length > 0 && size + block.text.length > chunkCharacters) {
        chunks.push(current);
        current = [];
        size = 0;
      }
      current.push(block);
      size += block.text.length;
    }
    if (current.length > 0) chunks.push(current);
    return chunks;
  }

  async function convertBlocks(
    blocks: TextBlock[],
    convert: ConvertTexts,
    kind: ConversionKind,
    run: number,
    report: ConversionReport,
  ): Promise<boolean> {
    const chunks = chunk(blocks.map(originalBlock));
    for (let index = 0; index < chunks.length; index++) {
      const batch = chunks[index];
      const converted = await convert(batch.map((block) => block.text));
      report.batches++;
      if (run !== generation) return false;
      // Phrase conversions: blocks split over several nodes that changed also get each node's own
      // conversion, which pins every boundary that no replaced phrase spans (see splitConverted).
      const needSegments =
        kind === 'phrase' ? batch.filter((block, i) => block.nodes.length > 1 && converted[i] !== block.text) : [];
      const segmentConversions = new Map<TextBlock, string[]>();
      if (needSegments.length > 0) {
        const flat = await convert(needSegments.flatMap((block) => block.segments));
        report.batches++;
        if (run !== generation) return false;
        let offset = 0;
        for (const block of needSegments) {
          segmentConversions.set(block, flat.slice(offset, (offset += block.segments.length)));
        }
      }
      batch.forEach((block, i) => {
        const pieces = splitConverted(block.segments, converted[i], kind, segmentConversions.get(block));
        block.nodes.forEach((node, k) => {
          if (write(node, block.segments[k], pieces[k])) report.changedNodes++;
        });
      });
      report.blocks += batch.length;
      if (index < chunks.length - 1) {
        await yieldToPage();
        if (run !== generation) return false;
      }
    }
    return true;
  }

  async function convertAttributes(
    scope: Element | Document,
    convert: ConvertTexts,
    run: number,
    report: ConversionReport,
    withTitle: boolean,
  ): Promise<boolean> {
    const found = collectAttributes(scope).map(({ element, name, value }) => {
      const record = originalAttributes.get(element)?.get(name);
      const original = record && record.written === value ? record.original : value;
      return { element, name, original };
    });
    const title = withTitle && document ? originalTitleOf(document) : null;
    const texts = found.map((attribute) => attribute.original);
    if (title !== null) texts.push(title);
    if (texts.length === 0) return true;
    const converted = await convert(texts);
    report.batches++;
    if (run !== generation) return false;
    found.forEach(({ element, name, original }, i) => {
      let records = originalAttributes.get(element);
      if (converted[i] === original) {
        if (records?.has(name)) {
          element.setAttribute(name, original);
          records.delete(name);
        }
        return;
      }
      if (!records) originalAttributes.set(element, (records = new Map()));
      records.set(name, { original, written: converted[i] });
      element.setAttribute(name, converted[i]);
      report.attributes++;
    });
    if (title !== null && document) {
      const next = converted[converted.length - 1];
      if (next !== document.title) document.title = next;
      originalTitle = next === title ? null : { original: title, written: next };
    }
    return true;
  }

  function originalTitleOf(doc: Document): string {
    if (originalTitle && originalTitle.written === doc.title) return originalTitle.original;
    originalTitle = null;
    return doc.title;
  }

  function newReport(target: Target): ConversionReport {
    return { status: 'done', target, blocks: 0, changedNodes: 0, attributes: 0, batches: 0 };
  }

  function restore() {
    generation++;
    activeTarget = 'original';
    activeConvert = null;
    for (const [node, { original, written }] of replacedText) {
      if (node.data === written) node.data = original;
    }
    replacedText.clear();
    for (const [element, records] of originalAttributes) {
      for (const [name, { original, written }] of records) {
        if (element.getAttribute(name) === written) element.setAttribute(name, original);
      }
    }
    originalAttributes.clear();
    if (document && originalTitle && document.title === originalTitle.written) document.title = originalTitle.original;
    originalTitle = null;
  }

  async function convertTo(target: Target, convert: ConvertTexts, kind = conversionKind(target)): Promise<ConversionReport> {
    if (target === 'original') {
      restore();
      return newReport(target);
    }
    const run = ++generation;
    activeTarget = target;
    activeConvert = convert;
    activeKind = kind;
    const report = newReport(target);
    const blocks = collectBlocks(root, { priority: options.priority });
    const finished =
      (await convertBlocks(blocks, convert, kind, run, report)) &&
      (await convertAttributes(root, convert, run, report, true));
    if (!finished) report.status = 'cancelled';
    return report;
  }

  async function convertAdded(nodes: Iterable<Node>): Promise<ConversionReport | null> {
    if (activeTarget === 'original' || !activeConvert) return null;
    const run = generation;
    const convert = activeConvert;
    const report = newReport(activeTarget);
    const blocks = blocksAround(nodes);
    const elements = [...nodes].filter((node): node is Element => node.nodeType === ELEMENT_NODE);
    let finished = await convertBlocks(blocks, convert, activeKind, run, report);
    for (const element of elements) {
      if (!finished) break;
      finished = await convertAttributes(element, convert, run, report, false);
    }
    if (!finished) report.status = 'cancelled';
    return report;
  }

  /**
   * The blocks that contain added nodes. An added text node or inline element belongs to the block of
   * its nearest block-level ancestor (its neighbours' text is part of the same phrases), so that
   * block is collected again; an added block-level element brings its own blocks.
   */
  function blocksAround(nodes: Iterable<Node>): TextBlock[] {
    const seen = new Set<Text>();
    const result: TextBlock[] = [];
    for (const node of nodes) {
      if (!node.isConnected || !root.contains(node) || isInsideSkipped(node)) continue;
      const scope = node.nodeType === TEXT_NODE || (node.nodeType === ELEMENT_NODE && isInlineElement(node as Element))
        ? blockAncestor(node)
        : (node as Element);
      if (!scope) continue;
      for (const block of collectBlocks(scope)) {
        if (seen.has(block.nodes[0])) continue;
        if (scope !== node && !block.nodes.some((text) => text === node || node.contains(text))) continue;
        seen.add(block.nodes[0]);
        result.push(block);
      }
    }
    return result;
  }

  function blockAncestor(node: Node): Element | null {
    let current = node.parentNode;
    while (current && current.nodeType === ELEMENT_NODE && isInlineElement(current as Element)) {
      if (current === root) break;
      current = current.parentNode;
    }
    return current && current.nodeType === ELEMENT_NODE ? (current as Element) : null;
  }

  return {
    convertTo,
    convertAdded,
    restore,
    cancel: () => void generation++,
    get target() {
      return activeTarget;
    },
  };
}
