/** The curated list of news and government sites where the extension runs by default. */
import data from '../data/news-sites.json';

export interface NewsSite {
  domain: string;
  name: string;
  region: 'mainland' | 'taiwan' | 'hongkong' | 'local';
  /** Host only, no subdomains (loopback names). */
  exact?: boolean;
}

export const newsSites: readonly NewsSite[] = data.sites as NewsSite[];

/** Match patterns for the manifest: the domain itself and all its subdomains, http and https. */
export function matchPatternsFor(sites: readonly NewsSite[]): string[] {
  const patterns: string[] = [];
  for (const site of sites) {
    if (site.exact) patterns.push(`http://${site.domain}/*`);
    else patterns.push(`*://${site.domain}/*`, `*://*.${site.domain}/*`);
  }
  return patterns;
}

/** The site key of a URL for per-site settings: its hostname without `www.`. */
export function siteOf(url: string): string | null {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The curated site a URL is on, if any. */
export function curatedSiteOf(url: string, sites: readonly NewsSite[] = newsSites): NewsSite | null {
  const host = siteOf(url);
  if (!host) return null;
  return sites.find((s) => (s.exact ? host === s.domain : host === s.domain || host.endsWith('.' + s.domain))) ?? null;
}

/** Whether a URL is on one of the curated sites. */
export function isCuratedSite(url: string, sites: readonly NewsSite[] = newsSites): boolean {
  return curatedSiteOf(url, sites) !== null;
}
