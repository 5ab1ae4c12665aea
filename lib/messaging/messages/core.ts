import { literal, object, string } from '../schema';
import type { MessageSpec, SenderKind } from '../spec';

export const coreMessages = {
  /** Liveness and round-trip check; answers which kind of sender the background saw. */
  ping: {
    from: ['content', 'extension'],
    to: 'background',
    request: object({ context: literal('content', 'popup', 'options', 'test'), nonce: string({ max: 100 }) }),
  },
} as const satisfies Record<string, MessageSpec>;

export interface PingResponse {
  pong: true;
  nonce: string;
  version: string;
  /** How the background classified the sender: proves the sender check ran. */
  senderKind: SenderKind;
}

export interface CoreResponses {
  ping: PingResponse;
}
