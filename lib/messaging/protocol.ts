/**
 * The one message protocol between content scripts, extension pages (popup, options, manager)
 * and the background worker. Each message names who may send it, who answers it, the schema its
 * request must pass, and (as a type) what it answers.
 */
import { boolean, empty, literal, number, object, string, type Check, type Infer } from './schema';
import type { LensState } from '../page/lens';

export type SenderKind = 'content' | 'extension';
export type Receiver = 'background' | 'content';

interface MessageSpec {
  from: readonly SenderKind[];
  to: Receiver;
  request: Check<unknown>;
}

export const messages = {
  /** Liveness and round-trip check; answers which kind of sender the background saw. */
  ping: {
    from: ['content', 'extension'],
    to: 'background',
    request: object({ context: literal('content', 'popup', 'options', 'test'), nonce: string({ max: 100 }) }),
  },
  /** Popup → content script of a tab: what the extension found and did on this page. */
  'page/state': {
    from: ['extension'],
    to: 'content',
    request: empty(),
  },
  /** Popup → content script: scroll to a highlight (by its index on the page) and open its card. */
  'page/scrollTo': {
    from: ['extension'],
    to: 'content',
    request: object({ index: number({ integer: true, min: 0 }) }),
  },
  /** Extension → content script: the article text the lens annotates (for copying, and for tests). */
  'page/articleText': {
    from: ['extension'],
    to: 'content',
    request: empty(),
  },
  /** Popup → content script: highlights on or off for this page view (not stored). */
  'page/setHighlights': {
    from: ['extension'],
    to: 'content',
    request: object({ on: boolean() }),
  },
} as const satisfies Record<string, MessageSpec>;

export type MessageName = keyof typeof messages;
export type RequestOf<N extends MessageName> = Infer<(typeof messages)[N]['request']>;

export interface PingResponse {
  pong: true;
  nonce: string;
  version: string;
  /** How the background classified the sender: proves the sender check ran. */
  senderKind: SenderKind;
}

export interface PageState {
  url: string;
  title: string;
  /** Set once the content script has round-tripped a ping to the background. */
  backgroundVersion: string | null;
  contentScriptStartedAt: number;
  /** What the lens found and shows: off, no article (with the reason), or the article summary. */
  lens: LensState;
  /** Why the lens is off on this page, when it is (settings), else null. */
  disabledBy: 'global' | 'site' | 'page' | null;
}

export interface Responses {
  ping: PingResponse;
  'page/state': PageState;
  'page/scrollTo': { scrolled: boolean };
  'page/articleText': { title: string; text: string } | null;
  'page/setHighlights': PageState;
}
export type ResponseOf<N extends MessageName> = N extends keyof Responses ? Responses[N] : never;

/** What travels on the wire. The `fzl` tag lets us ignore other extensions' and libraries' messages. */
export interface Envelope<N extends MessageName = MessageName> {
  fzl: 1;
  name: N;
  request: RequestOf<N>;
}

export const envelope = <N extends MessageName>(name: N, request: RequestOf<N>): Envelope<N> => ({
  fzl: 1,
  name,
  request,
});
