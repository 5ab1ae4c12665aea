import { browser } from 'wxt/browser';
import { createRouter, type SenderInfo } from '@/lib/messaging';

// Thin adapter: the router (lib/messaging) validates and dispatches; handlers live in lib/ or
// in background/ feature files as the features arrive.
export default defineBackground(() => {
  const version = browser.runtime.getManifest().version;
  const router = createRouter(
    'background',
    {
      ping: (request, { senderKind }) => ({ pong: true, nonce: request.nonce, version, senderKind }),
    },
    { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
  );

  browser.runtime.onMessage.addListener((message: unknown, sender) => router.handle(message, sender as SenderInfo));
});
