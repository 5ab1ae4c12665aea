import { number, object, string } from '../schema';
import type { MessageSpec } from '../spec';
import type { SiteAccess } from '../../sites/user-sites';

export const sitesMessages = {
  /** Popup → background: may the extension run on this tab's site, and why (curated, granted …). */
  'sites/status': {
    from: ['extension'],
    to: 'background',
    request: object({ url: string({ max: 4096 }) }),
  },
  /** Popup → background, after the reader granted the site: register the content script and run it now. */
  'sites/enable': {
    from: ['extension'],
    to: 'background',
    request: object({ url: string({ max: 4096 }), tabId: number({ integer: true, min: 0 }) }),
  },
  /** Popup → background: stop running on this site and give the permission back. */
  'sites/disable': {
    from: ['extension'],
    to: 'background',
    request: object({ url: string({ max: 4096 }) }),
  },
  /** Popup → background: run once on this tab (activeTab from the toolbar click), nothing stored. */
  'sites/runOnce': {
    from: ['extension'],
    to: 'background',
    request: object({ tabId: number({ integer: true, min: 0 }) }),
  },
} as const satisfies Record<string, MessageSpec>;

export interface SiteStatus {
  access: SiteAccess;
  pattern: string | null;
  /** The host permissions to ask for to run here (a curated site's own patterns, else `pattern`). */
  request: string[];
  /** Origins the reader enabled beyond the curated list. */
  userSites: string[];
}

export interface SitesResponses {
  'sites/status': SiteStatus;
  'sites/enable': SiteStatus;
  'sites/disable': SiteStatus;
  'sites/runOnce': { injected: boolean };
}
