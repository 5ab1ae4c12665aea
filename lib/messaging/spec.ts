import type { Check } from './schema';

export type SenderKind = 'content' | 'extension';
export type Receiver = 'background' | 'content';

export interface MessageSpec {
  from: readonly SenderKind[];
  to: Receiver;
  request: Check<unknown>;
}
