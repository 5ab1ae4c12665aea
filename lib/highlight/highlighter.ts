/**
 * The only code that paints highlights: the CSS Custom Highlight API (no DOM mutation, so the page's
 * own scripts, frameworks and our script conversion never see our marks, and turning highlights off
 * restores the page exactly by construction). Each annotation becomes live Ranges registered under
 * one highlight name per kind; hit-testing (hover, click) is ours, since highlights have no events.
 */
import type { AnnotationKind } from '../annotate/types';
import type { PageAnnotation } from './page-annotations';

export const HIGHLIGHT_NAMES: Record<AnnotationKind | 'focus' | 'clip', string> = {
  operation: 'fzl-operation',
  agency: 'fzl-agency',
  statistic: 'fzl-statistic',
  focus: 'fzl-focus',
  clip: 'fzl-clip',
};

/** The parts of the Highlight API we use (injected so tests can run on a Node DOM). */
export interface HighlightApi {
  registry: { set(name: string, highlight: unknown): unknown; delete(name: string): boolean };
  create(...ranges: AbstractRange[]): { add(range: AbstractRange): unknown; clear(): void; priority?: number };
}

export function highlightApiOf(doc: Document): HighlightApi | null {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const Highlight = (win as unknown as { Highlight?: new (...r: AbstractRange[]) => { add(r: AbstractRange): unknown; clear(): void; priority: number } })?.Highlight;
  const registry = (win?.CSS as unknown as { highlights?: HighlightApi['registry'] })?.highlights;
  if (!Highlight || !registry) return null;
  return { registry, create: (...ranges) => new Highlight(...ranges) };
}

export interface Highlighter {
  /** Replaces all highlights with these. */
  show(annotations: readonly PageAnnotation[]): void;
  /** Adds highlights to the current ones (a long article is painted slice by slice). */
  add(annotations: readonly PageAnnotation[]): void;
  /** Emphasise one annotation (keyboard focus, card open), or none. */
  focus(index: number | null): void;
  /** Underline clipped passages. */
  showClips(ranges: AbstractRange[]): void;
  /** Live ranges of an annotation, made on demand (for geometry: hit-testing, placing the card, scrolling). */
  rangesOf(index: number): Range[];
  /** The annotation under a DOM point (from caretPositionFromPoint), if any. */
  hitTest(node: Node, offset: number): PageAnnotation | null;
  annotations(): readonly PageAnnotation[];
  clear(): void;
}

export function createHighlighter(doc: Document, api: HighlightApi): Highlighter {
  let current: PageAnnotation[] = [];
  let ranges = new Map<number, AbstractRange[]>();
  // Painted ranges are StaticRanges where the browser has them. The browser updates every live
  // Range on every text change in the document, so thousands of live highlights made each text
  // write O(highlights): converting the script of a long article (20,000 text nodes under 4,000
  // highlights) blocked the page for seconds. Static ones cost nothing until painted; when the page
  // changes, the rescan paints new ones.
  const StaticRangeOf = (doc.defaultView as unknown as { StaticRange?: new (init: StaticRangeInit) => StaticRange } | null)?.StaticRange;
  const paintRange = (node: Text, start: number, end: number): AbstractRange => {
    if (StaticRangeOf) return new StaticRangeOf({ startContainer: node, startOffset: start, endContainer: node, endOffset: end });
    const range = doc.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return range;
  };
  const liveRange = (r: AbstractRange): Range | null => {
    // The page may have shortened or removed the text since it was painted.
    if (!r.startContainer.isConnected || r.endOffset > (r.endContainer as Text).length) return null;
    const range = doc.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  };
  // Hit-testing by text node: the pointer's caret lands in a text node; only its annotations count.
  let byNode = new Map<Node, PageAnnotation[]>();
  const registered = new Set<string>();
  let kindHighlights: Record<AnnotationKind, ReturnType<HighlightApi['create']>> | null = null;

  const register = (name: string, list: AbstractRange[], priority: number) => {
    const highlight = api.create(...list);
    highlight.priority = priority;
    api.registry.set(name, highlight);
    registered.add(name);
    return highlight;
  };

  const add = (annotations: readonly PageAnnotation[]) => {
    kindHighlights ??= {
      operation: register(HIGHLIGHT_NAMES.operation, [], 1),
      agency: register(HIGHLIGHT_NAMES.agency, [], 1),
      statistic: register(HIGHLIGHT_NAMES.statistic, [], 1),
    };
    for (const a of annotations) {
      const list: AbstractRange[] = [];
      for (const piece of a.pieces) {
        if (!piece.node.isConnected || piece.end > piece.node.data.length) continue;
        const range = paintRange(piece.node, piece.start, piece.end);
        list.push(range);
        kindHighlights[a.kind].add(range);
        const onNode = byNode.get(piece.node);
        if (onNode) onNode.push(a);
        else byNode.set(piece.node, [a]);
      }
      ranges.set(a.index, list);
      current.push(a);
    }
  };

  const reset = () => {
    for (const name of registered) api.registry.delete(name);
    registered.clear();
    kindHighlights = null;
    current = [];
    ranges = new Map();
    byNode = new Map();
  };

  return {
    show(annotations) {
      reset();
      add(annotations);
    },
    add,
    focus(index) {
      const list = index === null ? [] : ranges.get(index) ?? [];
      if (list.length) register(HIGHLIGHT_NAMES.focus, list, 2);
      else if (registered.delete(HIGHLIGHT_NAMES.focus)) api.registry.delete(HIGHLIGHT_NAMES.focus);
    },
    showClips(list) {
      if (list.length) register(HIGHLIGHT_NAMES.clip, list, 0);
      else if (registered.delete(HIGHLIGHT_NAMES.clip)) api.registry.delete(HIGHLIGHT_NAMES.clip);
    },
    rangesOf: (index) => (ranges.get(index) ?? []).map(liveRange).filter((r): r is Range => r !== null),
    hitTest(node, offset) {
      for (const a of byNode.get(node) ?? []) {
        for (const range of ranges.get(a.index) ?? []) {
          if (range.startContainer !== node) continue;
          // End-exclusive: a caret right after the last character is outside.
          if (offset >= range.startOffset && offset < range.endOffset) return a;
        }
      }
      return null;
    },
    annotations: () => current,
    clear: reset,
  };
}

export interface HighlightColors {
  operation: string;
  agency: string;
  statistic: string;
}

export const DEFAULT_COLORS: HighlightColors = { operation: '#d93025', agency: '#1a73e8', statistic: '#e37400' };

/**
 * Translucent backgrounds read on white and on dark pages alike; the underline in the full colour
 * carries the distinction for readers who can't tell the tints apart.
 */
export function highlightCss(colors: HighlightColors = DEFAULT_COLORS): string {
  const tint = (hex: string, alpha: number) => {
    const n = parseInt(hex.replace('#', ''), 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  };
  const rule = (name: string, color: string, style: string) =>
    `::highlight(${name}) { background-color: ${tint(color, 0.22)}; text-decoration: underline ${style} ${color}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`;
  return [
    rule(HIGHLIGHT_NAMES.operation, colors.operation, 'solid'),
    rule(HIGHLIGHT_NAMES.agency, colors.agency, 'solid'),
    rule(HIGHLIGHT_NAMES.statistic, colors.statistic, 'dotted'),
    `::highlight(${HIGHLIGHT_NAMES.focus}) { background-color: rgba(255, 213, 0, 0.55); color: #000; }`,
    `::highlight(${HIGHLIGHT_NAMES.clip}) { text-decoration: underline wavy #188038; text-decoration-thickness: 2px; }`,
  ].join('\n');
}

export function isValidColor(value: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(value);
}
