import { browser } from 'wxt/browser';
import { createMessenger, createRouter, type SenderInfo } from '@/lib/messaging';
import { matchPatternsFor, newsSites } from '@/lib/sites/news-sites';

export default defineContentScript({
  matches: matchPatternsFor(newsSites),
  runAt: 'document_idle',
  main(ctx) {
    const startedAt = Date.now();
    const send = createMessenger((message) => browser.runtime.sendMessage(message));
    let backgroundVersion: string | null = null;

    const router = createRouter(
      'content',
      {
        'page/state': () => ({
          url: location.href,
          title: document.title,
          backgroundVersion,
          contentScriptStartedAt: startedAt,
        }),
      },
      { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
    );
    const listener = (message: unknown, sender: unknown) => router.handle(message, sender as SenderInfo);
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));

    void send('ping', { context: 'content', nonce: String(startedAt) }).then((result) => {
      if (result.ok) backgroundVersion = result.value.version;
    });
  },
});
