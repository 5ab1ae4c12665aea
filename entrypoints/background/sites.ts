import { browser } from 'wxt/browser';
import { createMessenger, MessageError, type Handlers, type SiteStatus } from '@/lib/messaging';
import { originsFor, siteAccess, sitePattern, userSitePatterns } from '@/lib/sites/user-sites';

/**
 * Sites beyond the curated list: the reader grants a site from the popup (optional host
 * permission); its content script is then registered at run time for exactly the granted origins,
 * and unregistered when the reader takes the permission back.
 */
const SCRIPT_ID = 'fzl-user-sites';
const CONTENT_SCRIPT = '/content-scripts/content.js' as const;

const manifestOrigins = () => browser.runtime.getManifest().host_permissions ?? [];

async function grantedUserSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return userSitePatterns(origins, manifestOrigins());
}

let syncing: Promise<unknown> = Promise.resolve();

/**
 * Makes the registered content script cover exactly the granted user sites. One sync at a time:
 * taking a site back runs one from permissions.onRemoved and one from sites/disable, and two that
 * both read "registered" before either unregisters fail with "does not exist".
 */
export function syncUserSites(): Promise<string[]> {
  const run = syncing.then(syncNow, syncNow);
  syncing = run.catch(() => {});
  return run;
}

async function syncNow(): Promise<string[]> {
  const sites = await grantedUserSites();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (sites.length === 0) {
    if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return sites;
  }
  const script = { id: SCRIPT_ID, matches: sites, js: [CONTENT_SCRIPT], runAt: 'document_idle' as const, persistAcrossSessions: true };
  if (registered.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return sites;
}

async function status(url: string): Promise<SiteStatus> {
  const { origins = [] } = await browser.permissions.getAll();
  return {
    access: siteAccess(url, origins),
    pattern: sitePattern(url),
    request: originsFor(url),
    userSites: userSitePatterns(origins, manifestOrigins()),
  };
}

/**
 * The reader took host permissions back (our popup, about:addons, the browser's site access): the
 * browser stops injecting, but scripts already in pages keep running, so every tab is told and the
 * pages those origins cover take everything of ours out. Tabs without our script just do not answer.
 */
async function tellTabsAccessRevoked(origins: string[]): Promise<void> {
  if (!origins.length) return;
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? null : createMessenger((m) => browser.tabs.sendMessage(tab.id!, m), { timeoutMs: 2000 })('page/accessRevoked', { origins }),
    ),
  );
}

export function registerUserSites(): void {
  browser.runtime.onInstalled.addListener(() => void syncUserSites());
  browser.runtime.onStartup.addListener(() => void syncUserSites());
  browser.permissions.onAdded.addListener(() => void syncUserSites());
  browser.permissions.onRemoved.addListener((removed) => {
    void syncUserSites();
    void tellTabsAccessRevoked(removed.origins ?? []);
  });
}

export function sitesHandlers(): Handlers<'background'> {
  return {
    'sites/status': ({ url }) => status(url),
    'sites/enable': async ({ url, tabId }) => {
      const pattern = sitePattern(url);
      if (!pattern) throw new MessageError('invalid', 'only http and https pages can be enabled');
      const origins = originsFor(url);
      if (!(await browser.permissions.contains({ origins })))
        throw new MessageError('forbidden', `permission for ${origins.join(', ')} was not granted`);
      await syncUserSites();
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
      return status(url);
    },
    'sites/disable': async ({ url }) => {
      const pattern = sitePattern(url);
      if (!pattern) throw new MessageError('invalid', 'not an http or https page');
      await browser.permissions.remove({ origins: [pattern] });
      await syncUserSites();
      return status(url);
    },
    'sites/runOnce': async ({ tabId }) => {
      try {
        await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
        return { injected: true };
      } catch (error) {
        throw new MessageError('forbidden', `cannot run on this page: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
