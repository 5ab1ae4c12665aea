import { browser } from 'wxt/browser';
import { createRouter, type Handlers, type SenderInfo } from '@/lib/messaging';
import { pingHandlers } from './ping';
import { convertHandlers, registerScriptCommand } from './convert';
import { registerUserSites, sitesHandlers } from './sites';
import { collectionsHandlers, registerClipEntryPoints, reloadOnForeignWrites } from './collections';
import { chartsHandlers } from './charts';
import { registerSidePanelEntryPoints } from './side-panel';

// Thin adapter: the router (lib/messaging) checks sender and request and dispatches to the
// handlers of each feature (one file each, beside this one).
export default defineBackground(() => {
  const handlers: Handlers<'background'> = {
    ...pingHandlers(),
    ...collectionsHandlers(),
    ...convertHandlers(),
    ...sitesHandlers(),
    ...chartsHandlers(),
  };
  registerScriptCommand();
  registerUserSites();
  registerClipEntryPoints();
  registerSidePanelEntryPoints();
  reloadOnForeignWrites();
  const router = createRouter('background', handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => router.handle(message, sender as SenderInfo));
});
