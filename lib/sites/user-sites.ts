/**
 * Sites the reader enabled beyond the curated list: each is an optional host permission the reader
 * granted from the popup, and the content script is registered for exactly those origins.
 */
import { curatedSiteOf, isCuratedSite, matchPatternsFor } from './news-sites';

/** The match pattern that grants one site: its origin (scheme and host), any path. */
export function sitePattern(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    if (!hostname || hostname.includes('*')) return null;
    return `${protocol}//${hostname}/*`;
  } catch {
    return null;
  }
}

/** Granted origins that are not curated sites (their content script is registered at run time). */
export function userSitePatterns(grantedOrigins: readonly string[], manifestOrigins: readonly string[]): string[] {
  const fixed = new Set(manifestOrigins);
  return grantedOrigins
    .filter((origin) => !fixed.has(origin))
    .filter((origin) => /^https?:\/\/[^/*]+\/\*$/.test(origin))
    .sort();
}

/**
 * `withheld`: a curated site whose host permission the reader took back (Firefox lets the reader
 * withhold any host permission, curated ones too); asking again restores it.
 */
export type SiteAccess = 'curated' | 'withheld' | 'granted' | 'not-granted' | 'unsupported';

/** The host permissions that let the extension run on `url`: the curated site's, else the site's own. */
export function originsFor(url: string): string[] {
  const curated = curatedSiteOf(url);
  if (curated) return matchPatternsFor([curated]).filter((p) => urlMatchesPattern(url, p));
  const pattern = sitePattern(url);
  return pattern ? [pattern] : [];
}

export function siteAccess(url: string, grantedOrigins: readonly string[]): SiteAccess {
  const pattern = sitePattern(url);
  if (!pattern) return 'unsupported';
  const granted = new Set(grantedOrigins);
  if (isCuratedSite(url)) return originsFor(url).some((origin) => granted.has(origin)) ? 'curated' : 'withheld';
  return granted.has(pattern) ? 'granted' : 'not-granted';
}

/** Whether a match pattern of the kinds the extension uses (`*://*.host/*`, `http://host/*`) covers `url`. */
export function urlMatchesPattern(url: string, pattern: string): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)\/(.*)$/.exec(pattern);
  if (!m) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return false;
  if (m[1] !== '*' && m[1] !== scheme) return false;
  const host = parsed.hostname;
  const hostOk = m[2] === '*' || (m[2].startsWith('*.') ? host.endsWith(m[2].slice(1)) : host === m[2]);
  if (!hostOk) return false;
  return m[3] === '*' || parsed.pathname === `/${m[3]}`;
}
