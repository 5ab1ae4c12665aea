/**
 * Sending side of the protocol. The transport is injected (`browser.runtime.sendMessage`, or
 * `browser.tabs.sendMessage` bound to a tab), so this stays pure and testable.
 */
import { envelope, type MessageName, type RequestOf, type ResponseOf } from './protocol';
import { err, isResult, type Result } from './result';

export type Transport = (message: unknown) => Promise<unknown>;

export interface SendOptions {
  /**
   * Give up after this long with an `unreachable` error. A worker killed with the message in flight
   * does not always reject it (the channel is dropped), and a caller waiting forever stays half done.
   */
  timeoutMs?: number;
}

export async function sendMessage<N extends MessageName>(
  transport: Transport,
  name: N,
  request: RequestOf<N>,
  options: SendOptions = {},
): Promise<Result<ResponseOf<N>>> {
  let answer: unknown;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const sent = transport(envelope(name, request));
    answer = await (options.timeoutMs === undefined
      ? sent
      : Promise.race([
          sent,
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
          }),
        ]));
  } catch (error) {
    // Chromium: "Could not establish connection. Receiving end does not exist."
    return err('unreachable', `${name}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  if (answer === undefined) return err('unreachable', `${name}: no receiver answered`);
  if (!isResult(answer)) return err('internal', `${name}: the answer is not a result`);
  return answer as Result<ResponseOf<N>>;
}

/** A typed client bound to one transport. */
export function createMessenger(transport: Transport, options: SendOptions = {}) {
  return <N extends MessageName>(name: N, request: RequestOf<N>) => sendMessage(transport, name, request, options);
}
