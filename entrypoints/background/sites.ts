import { browser } from 'wxt/browser';
import { MessageError, type Handlers, type SiteStatus } from '@/lib/messaging';
import { siteAccess, sitePattern, userSitePatterns } from '@/lib/sites/user-sites';

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

/** Makes the registered content script cover exactly the granted user sites. */
export async function syncUserSites(): Promise<string[]> {
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
  return { access: siteAccess(url, origins), pattern: sitePattern(url), userSites: userSitePatterns(origins, manifestOrigins()) };
}

export function registerUserSites(): void {
  browser.runtime.onInstalled.addListener(() => void syncUserSites());
  browser.runtime.onStartup.addListener(() => void syncUserSites());
  browser.permissions.onAdded.addListener(() => void syncUserSites());
  browser.permissions.onRemoved.addListener(() => void syncUserSites());
}

export function sitesHandlers(): Handlers<'background'> {
  return {
    'sites/status': ({ url }) => status(url),
    'sites/enable': async ({ url, tabId }) => {
      const pattern = sitePattern(url);
      if (!pattern) throw new MessageError('invalid', 'only http and https pages can be enabled');
      if (!(await browser.permissions.contains({ origins: [pattern] })))
        throw new MessageError('forbidden', `permission for ${pattern} was not granted`);
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
