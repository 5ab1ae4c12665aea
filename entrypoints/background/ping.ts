import { browser } from 'wxt/browser';
import type { Handlers } from '@/lib/messaging';

export function pingHandlers(): Handlers<'background'> {
  const version = browser.runtime.getManifest().version;
  return {
    ping: (request, { senderKind }) => ({ pong: true, nonce: request.nonce, version, senderKind }),
  };
}
