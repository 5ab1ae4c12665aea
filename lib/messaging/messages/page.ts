import type { LensState } from '../../page/lens';
import type { ScriptState } from './convert';
import { array, boolean, empty, number, object, string } from '../schema';
import type { MessageSpec } from '../spec';

/** Extension pages → the content script of one tab. */
export const pageMessages = {
  /** What the extension found and did on this page. */
  'page/state': {
    from: ['extension'],
    to: 'content',
    request: empty(),
  },
  /** Scroll to a highlight (by its index on the page) and open its card. */
  'page/scrollTo': {
    from: ['extension'],
    to: 'content',
    request: object({ index: number({ integer: true, min: 0 }) }),
  },
  /** The article text the lens annotates (for copying, and for tests). */
  'page/articleText': {
    from: ['extension'],
    to: 'content',
    request: empty(),
  },
  /** Highlights on or off for this page view (not stored). */
  'page/setHighlights': {
    from: ['extension'],
    to: 'content',
    request: object({ on: boolean() }),
  },
  /**
   * Background → every tab: the reader took back these host permissions (popup, about:addons, the
   * browser's site access). A page they cover removes everything the extension added and stops.
   */
  'page/accessRevoked': {
    from: ['extension'],
    to: 'content',
    request: object({ origins: array(string({ max: 4096 }), { max: 10_000 }) }),
  },
} as const satisfies Record<string, MessageSpec>;

export interface PageState {
  url: string;
  title: string;
  /** Set once the content script has round-tripped a ping to the background. */
  backgroundVersion: string | null;
  contentScriptStartedAt: number;
  /** What the lens found and shows: off, no article (with the reason), or the article summary. */
  lens: LensState;
  /** The page's script and what it is shown in. */
  script: ScriptState;
  /** Milliseconds from the content script's start to the first highlights painted (null before). */
  firstPaintMs: number | null;
  /** Why the lens is off on this page, when it is (settings), else null. */
  disabledBy: 'global' | 'site' | 'page' | null;
}

export interface PageResponses {
  'page/state': PageState;
  'page/scrollTo': { scrolled: boolean };
  'page/articleText': { title: string; text: string } | null;
  'page/setHighlights': PageState;
  'page/accessRevoked': { stopped: boolean };
}
