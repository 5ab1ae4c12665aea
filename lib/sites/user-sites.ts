/**
 * Sites the reader enabled beyond the curated list: each is an optional host permission the reader
 * granted from the popup, and the content script is registered for exactly those origins.
 */
import { isCuratedSite } from './news-sites';

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

export type SiteAccess = 'curated' | 'granted' | 'not-granted' | 'unsupported';

export function siteAccess(url: string, grantedOrigins: readonly string[]): SiteAccess {
  const pattern = sitePattern(url);
  if (!pattern) return 'unsupported';
  if (isCuratedSite(url)) return 'curated';
  return grantedOrigins.includes(pattern) ? 'granted' : 'not-granted';
}
