/**
 * Sending side of the protocol. The transport is injected (`browser.runtime.sendMessage`, or
 * `browser.tabs.sendMessage` bound to a tab), so this stays pure and testable.
 */
import { envelope, type MessageName, type RequestOf, type ResponseOf } from './protocol';
import { err, isResult, type Result } from './result';

export type Transport = (message: unknown) => Promise<unknown>;

export async function sendMessage<N extends MessageName>(
  transport: Transport,
  name: N,
  request: RequestOf<N>,
): Promise<Result<ResponseOf<N>>> {
  let answer: unknown;
  try {
    answer = await transport(envelope(name, request));
  } catch (error) {
    // Chromium: "Could not establish connection. Receiving end does not exist."
    return err('unreachable', `${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (answer === undefined) return err('unreachable', `${name}: no receiver answered`);
  if (!isResult(answer)) return err('internal', `${name}: the answer is not a result`);
  return answer as Result<ResponseOf<N>>;
}

/** A typed client bound to one transport. */
export function createMessenger(transport: Transport) {
  return <N extends MessageName>(name: N, request: RequestOf<N>) => sendMessage(transport, name, request);
}
