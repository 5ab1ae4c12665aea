import { browser } from 'wxt/browser';
import { convertBatch, createConverterCache } from '@/lib/convert';
import { createMessenger, type Handlers } from '@/lib/messaging';

/**
 * The worker owns opencc-js: converters are built lazily per direction and kept for the worker's
 * life (building cn→tw costs ~190 ms; it is paid once, not per page).
 */
export function convertHandlers(): Handlers<'background'> {
  const cache = createConverterCache();
  return {
    'convert/texts': async ({ from, to, texts }) => ({ texts: await cache.convertTexts(texts, from, to) }),
    'convert/prepare': async ({ from, to, sample }) => {
      const built = !cache.has(from, to);
      const started = performance.now();
      const convert = await cache.getConverter(from, to);
      if (built && sample) convertBatch(convert, sample.split('\n'));
      return { built, ms: Math.round(performance.now() - started) };
    },
  };
}

/** The keyboard command toggles the script of the active tab's page. */
export function registerScriptCommand() {
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'toggle-script') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const send = createMessenger((m) => browser.tabs.sendMessage(tab.id!, m));
    await send('page/toggleScript', {});
  });
}
