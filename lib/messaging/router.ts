/**
 * Receiving side of the protocol, pure: adapters in entrypoints/ hand it the raw message and the
 * runtime's sender description. It never throws: a malformed or forbidden message gets an error
 * result, and a message that is not ours (no `fzl` tag) or whose sender is not this extension is
 * ignored (undefined), so other listeners and other extensions are left alone.
 */
import { err, ok, type ErrorCode, type Result } from './result';
import {
  messages,
  type MessageName,
  type Receiver,
  type RequestOf,
  type ResponseOf,
  type SenderKind,
} from './protocol';

/** The subset of `runtime.MessageSender` we rely on. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface HandlerContext {
  sender: SenderInfo;
  senderKind: SenderKind;
}

/** Throw from a handler to answer with a specific error code. */
export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type NamesFor<R extends Receiver> = {
  [N in MessageName]: (typeof messages)[N]['to'] extends R ? N : never;
}[MessageName];

export type Handlers<R extends Receiver> = {
  [N in NamesFor<R>]?: (request: RequestOf<N>, context: HandlerContext) => ResponseOf<N> | Promise<ResponseOf<N>>;
};

export interface RouterOptions {
  /** `runtime.id` of this extension. */
  extensionId: string;
  /** `runtime.getURL('')`, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
}

/** Content script if it comes from a web page's frame; extension page if from our own origin. */
export function classifySender(sender: SenderInfo, options: RouterOptions): SenderKind | null {
  if (!sender || sender.id !== options.extensionId) return null;
  const url = sender.url ?? sender.origin ?? '';
  if (url.startsWith(options.extensionOrigin)) return 'extension';
  return sender.tab ? 'content' : null;
}

export function isEnvelopeLike(raw: unknown): raw is { fzl: unknown; name: unknown; request: unknown } {
  return typeof raw === 'object' && raw !== null && (raw as { fzl?: unknown }).fzl === 1;
}

export function createRouter<R extends Receiver>(receiver: R, handlers: Handlers<R>, options: RouterOptions) {
  return {
    handle(raw: unknown, sender: SenderInfo): Promise<Result<unknown>> | undefined {
      if (!isEnvelopeLike(raw)) return undefined;
      const senderKind = classifySender(sender, options);
      if (senderKind === null) return undefined;
      return dispatch(raw, sender, senderKind);
    },
  };

  async function dispatch(
    raw: { name: unknown; request: unknown },
    sender: SenderInfo,
    senderKind: SenderKind,
  ): Promise<Result<unknown>> {
    const name = raw.name;
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(messages, name))
      return err('unknown-message', `unknown message ${JSON.stringify(String(name).slice(0, 60))}`);
    const spec = messages[name as MessageName];
    if (spec.to !== receiver) return err('unknown-message', `${name} is not handled by the ${receiver}`);
    if (!(spec.from as readonly SenderKind[]).includes(senderKind))
      return err('forbidden', `${name} may not be sent from a ${senderKind} context`);
    const checked = spec.request(raw.request, 'request');
    if (!checked.ok) return err('bad-message', `${name}: ${checked.error}`);
    const handler = (handlers as Record<string, ((req: unknown, ctx: HandlerContext) => unknown) | undefined>)[name];
    if (!handler) return err('unknown-message', `${name} has no handler here`);
    try {
      return ok(await handler(checked.value, { sender, senderKind }));
    } catch (error) {
      if (error instanceof MessageError) return err(error.code, error.message);
      return err('internal', error instanceof Error ? error.message : String(error));
    }
  }
}
