import { collectAttributes, collectBlocks, isInlineElement, isInsideSkipped } from './blocks';
import { conversionKind } from './converters';
import { planChunks, readChunk, type ChunkSizes } from './batches';
import { splitConverted } from './split';
import type { ConversionKind, ConvertTexts, Target, TextBlock } from './types';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

export interface PageConversionOptions {
  /** The article body: its blocks are converted (and shown converted) first. */
  priority?: Element | null;
  /** Characters in the first `convert` call (one message to the worker); later calls grow to `maxChunkCharacters`. */
  chunkCharacters?: number;
  maxChunkCharacters?: number;
  /** `convert` calls sent before the first answer is written (the rest are sent after it). */
  chunksInFlight?: number;
  /** Writing yields to the page after this long (ms); waiting for the worker yields anyway. */
  sliceMs?: number;
  /** Hands the main thread back to the page between chunks (the content script may pass `scheduler.yield`). */
  yieldToPage?: () => Promise<unknown>;
  /**
   * Characters written (converting or restoring) before the page is let render them. The browser lays
   * out all text rewritten since its last frame in one go: 200,000 characters at once made one 55–120 ms
   * frame; a frame's worth keeps each frame short.
   */
  frameCharacters?: number;
  /** Resolves once the page has rendered what was written so far (the content script waits for a frame). */
  nextFrame?: () => Promise<unknown>;
  /** Whether a node is on screen now: those blocks are converted and restored first. Read before any write. */
  isOnScreen?: (node: Node) => boolean;
}

export interface ConversionReport {
  status: 'done' | 'cancelled';
  target: Target;
  blocks: number;
  /** Text nodes whose text was rewritten by this run. */
  changedNodes: number;
  attributes: number;
  batches: number;
  /** Where the time went on the page's thread (ms): collecting blocks, handing batches to `convert`,
   * waiting for converted batches, splitting and writing them, yielding to the page, and the
   * attributes (collected, sent, waited for and written after the text). */
  timings: { collect: number; send: number; wait: number; write: number; yield: number; attributes: number };
  /** From the start to the first frame the page rendered after writing (what is on screen converted
   * first); the whole run when it never paused for a frame. */
  firstScreen: number;
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
  /** Puts every text node and attribute this object changed back to its original text, at once. */
  restore(): void;
  /**
   * The same, a frame's worth of characters at a time, what is on screen first. A `convertTo` started
   * meanwhile stops it and starts from the original text of every node (restored or not yet).
   */
  restoreInFrames(): Promise<void>;
  /** Stops a running conversion without restoring. */
  cancel(): void;
  /** The text a node had before this object converted it (its current text if never converted). */
  originalText(node: Text): string;
  readonly target: Target;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createPageConversion(root: Element | Document, options: PageConversionOptions = {}): PageConversion {
  const chunkSizes: ChunkSizes = {
    first: options.chunkCharacters ?? 4000,
    max: Math.max(options.chunkCharacters ?? 0, options.maxChunkCharacters ?? 32_000),
    maxTexts: 4000,
  };
  const chunksInFlight = Math.max(1, options.chunksInFlight ?? 16);
  const sliceMs = options.sliceMs ?? 16;
  const yieldToPage = options.yieldToPage ?? defaultYield;
  const frameCharacters = options.frameCharacters ?? Infinity;
  const nextFrame = options.nextFrame ?? yieldToPage;
  const isOnScreen = options.isOnScreen;
  /** Characters written since the page last rendered (shared by conversion and restore). */
  let writtenSinceFrame = 0;
  /** When the current conversion's first frame was rendered. */
  let firstFrameAt: number | null = null;

  /** Counts written characters; when a frame's worth is written, waits for the page to render it. */
  async function frameBreak(characters: number, run: number): Promise<boolean> {
    writtenSinceFrame += characters;
    if (writtenSinceFrame < frameCharacters) return true;
    await nextFrame();
    writtenSinceFrame = 0;
    firstFrameAt ??= performance.now();
    return run === generation;
  }
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

  /** A sent `convert` call; `settled` tells whether awaiting it will hand the thread to the page. */
  interface Request<T> {
    result: Promise<T>;
    settled: boolean;
  }

  function request<T>(result: Promise<T>): Request<T> {
    const sent: Request<T> = { result, settled: false };
    // Also marks a rejection as handled: a cancelled run never awaits its remaining requests.
    result.then(
      () => void (sent.settled = true),
      () => void (sent.settled = true),
    );
    return sent;
  }

  /**
   * Converts blocks in chunks: the first `chunksInFlight` are sent at once and the first chunk (the
   * start of the article, what the reader looks at) is written as soon as it is back; then every other
   * chunk is sent and they are written once all of them are back, in one go. Written chunk by chunk as
   * answers came, the page laid out each piece while the next was with the worker (as costly per
   * frame, measured: 50-70 ms rendering frames either way) and the conversion took that much longer.
   * Writing yields to the page after each `sliceMs`.
   */
  async function convertBlocks(
    blocks: TextBlock[],
    convert: ConvertTexts,
    kind: ConversionKind,
    run: number,
    report: ConversionReport,
  ): Promise<boolean> {
    const chunks = planChunks(blocks.map(originalBlock), kind, chunkSizes);
    const requests: Request<string[]>[] = [];
    const sendUpTo = (count: number) => {
      const started = performance.now();
      while (requests.length < Math.min(count, chunks.length)) {
        requests.push(request(convert(chunks[requests.length].texts)));
        report.batches++;
      }
      report.timings.send += performance.now() - started;
    };
    sendUpTo(chunksInFlight);
    let sliceStarted = performance.now();
    for (let index = 0; index < chunks.length; index++) {
      if (index === 1) {
        sendUpTo(chunks.length);
        const started = performance.now();
        await Promise.all(requests.slice(1).map((r) => r.result));
        sliceStarted = performance.now();
        report.timings.wait += sliceStarted - started;
        if (run !== generation) return false;
      }
      const pending = requests[index];
      const waits = !pending.settled;
      let started = performance.now();
      const converted = await pending.result;
      if (waits) {
        sliceStarted = performance.now();
        report.timings.wait += sliceStarted - started;
      }
      if (run !== generation) return false;
      started = performance.now();
      for (const { block, converted: text, segmentsConverted } of readChunk(chunks[index], converted)) {
        // An unchanged block keeps every segment: no split needed.
        const pieces = text === block.text ? block.segments : splitConverted(block.segments, text, kind, segmentsConverted);
        let written = 0;
        block.nodes.forEach((node, k) => {
          if (write(node, block.segments[k], pieces[k])) {
            report.changedNodes++;
            written += pieces[k].length;
          }
        });
        if (writtenSinceFrame + written >= frameCharacters) {
          const paused = performance.now();
          report.timings.write += paused - started;
          if (!(await frameBreak(written, run))) return false;
          started = performance.now();
          sliceStarted = started;
          report.timings.yield += started - paused;
        } else writtenSinceFrame += written;
      }
      report.blocks += chunks[index].blocks.length;
      const now = performance.now();
      report.timings.write += now - started;
      if (index < chunks.length - 1 && now - sliceStarted >= sliceMs) {
        await yieldToPage();
        sliceStarted = performance.now();
        report.timings.yield += sliceStarted - now;
        if (run !== generation) return false;
      }
    }
    return true;
  }

  interface AttributeRequest {
    pending: Request<string[]>;
    write(converted: string[], report: ConversionReport): void;
  }

  /** Collects the attribute texts (and the title) under `scope` and sends them for conversion. */
  function requestAttributes(
    scope: Element | Document,
    convert: ConvertTexts,
    report: ConversionReport,
    withTitle: boolean,
  ): AttributeRequest | null {
    const found = collectAttributes(scope).map(({ element, name, value }) => {
      const record = originalAttributes.get(element)?.get(name);
      const original = record && record.written === value ? record.original : value;
      return { element, name, original };
    });
    const title = withTitle && document ? originalTitleOf(document) : null;
    const texts = found.map((attribute) => attribute.original);
    if (title !== null) texts.push(title);
    if (texts.length === 0) return null;
    report.batches++;
    return { pending: request(convert(texts)), write };

    function write(converted: string[], report: ConversionReport) {
      if (converted.length !== texts.length) {
        throw new Error(`converted batch holds ${converted.length} texts, ${texts.length} were sent`);
      }
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
    }
  }

  /** Writes each attribute request's answer, in order, unless the run was cancelled meanwhile. */
  async function writeAttributes(requests: (AttributeRequest | null)[], run: number, report: ConversionReport): Promise<boolean> {
    for (const sent of requests) {
      if (!sent) continue;
      const converted = await sent.pending.result;
      if (run !== generation) return false;
      sent.write(converted, report);
    }
    return run === generation;
  }

  function originalTitleOf(doc: Document): string {
    if (originalTitle && originalTitle.written === doc.title) return originalTitle.original;
    originalTitle = null;
    return doc.title;
  }

  function newReport(target: Target): ConversionReport {
    return { status: 'done', target, blocks: 0, changedNodes: 0, attributes: 0, batches: 0, timings: { collect: 0, send: 0, wait: 0, write: 0, yield: 0, attributes: 0 }, firstScreen: 0 };
  }

  function restore() {
    generation++;
    activeTarget = 'original';
    activeConvert = null;
    for (const [node, { original, written }] of replacedText) {
      if (node.data === written) node.data = original;
    }
    replacedText.clear();
    restoreAttributes();
  }

  async function restoreInFrames(): Promise<void> {
    const run = ++generation;
    activeTarget = 'original';
    activeConvert = null;
    restoreAttributes();
    // Positions are read before the first write (reading them after one would force a layout).
    const ordering = performance.now();
    const entries = onScreenFirst([...replacedText], ([node]) => node);
    writtenSinceFrame = 0;
    // Reading every node's position is a task of its own on a long page: not inside the first frame.
    if (performance.now() - ordering > 8) {
      await nextFrame();
      if (run !== generation) return;
    }
    for (const [node, record] of entries) {
      // A newer conversion reads the not yet restored nodes' original text from `replacedText`.
      if (run !== generation) return;
      if (replacedText.get(node) !== record) continue;
      replacedText.delete(node);
      if (node.data !== record.written) continue;
      node.data = record.original;
      if (!(await frameBreak(record.original.length, run))) return;
    }
  }

  /** Blocks (or nodes) on screen first, each group in document order. */
  function onScreenFirst<T>(items: T[], nodeOf: (item: T) => Node): T[] {
    if (!isOnScreen) return items;
    const first: T[] = [];
    const rest: T[] = [];
    // Text nodes of one element share its answer (a paragraph holds many).
    const byParent = new Map<Node, boolean>();
    for (const item of items) {
      const node = nodeOf(item);
      const parent = node.parentNode ?? node;
      let seen = byParent.get(parent);
      if (seen === undefined) byParent.set(parent, (seen = isOnScreen(node)));
      (seen ? first : rest).push(item);
    }
    return first.length === 0 || rest.length === 0 ? items : first.concat(rest);
  }

  function restoreAttributes() {
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
    const started = performance.now();
    const blocks = onScreenFirst(collectBlocks(root, { priority: options.priority }), (block) => block.nodes[0]);
    writtenSinceFrame = 0;
    firstFrameAt = null;
    report.timings.collect = performance.now() - started;
    // The first block chunks are sent before the attributes, which are written after the text.
    const blocksDone = convertBlocks(blocks, convert, kind, run, report);
    let attributesStarted = performance.now();
    const attributes = requestAttributes(root, convert, report, true);
    report.timings.attributes = performance.now() - attributesStarted;
    const blocksFinished = await blocksDone;
    attributesStarted = performance.now();
    const finished = blocksFinished && (await writeAttributes([attributes], run, report));
    report.timings.attributes += performance.now() - attributesStarted;
    if (!finished) report.status = 'cancelled';
    report.firstScreen = (firstFrameAt ?? performance.now()) - started;
    return report;
  }

  async function convertAdded(nodes: Iterable<Node>): Promise<ConversionReport | null> {
    if (activeTarget === 'original' || !activeConvert) return null;
    const run = generation;
    const convert = activeConvert;
    const report = newReport(activeTarget);
    const blocks = blocksAround(nodes);
    const elements = [...nodes].filter((node): node is Element => node.nodeType === ELEMENT_NODE);
    const blocksDone = convertBlocks(blocks, convert, activeKind, run, report);
    const attributes = elements.map((element) => requestAttributes(element, convert, report, false));
    const finished = (await blocksDone) && (await writeAttributes(attributes, run, report));
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
    restoreInFrames,
    cancel: () => void generation++,
    originalText: originalOf,
    get target() {
      return activeTarget;
    },
  };
}
