/** The e2e harness lives in scripts/lib so the demo and the page benchmarks launch the browsers the same way. */
import { it } from 'vitest';
import { e2eBrowser } from '../../scripts/lib/extension-browser';

export * from '../../scripts/lib/extension-browser';

/**
 * A test of something only Chromium has (the DevTools protocol, service-worker handles, frames,
 * downloads): in Firefox it is reported as skipped ("not applicable in this browser" in npm test's
 * line) with the reason in its title, never passed. README lists these.
 */
export function itChromiumOnly(name: string, reason: string, fn: () => Promise<void>, timeout?: number) {
  if (e2eBrowser() === 'chromium') it(name, fn, timeout);
  else it.skip(`${name} [Chromium only: ${reason}]`, fn);
}

/** The counterpart of itChromiumOnly, for what only Firefox lets automation do (its toolbar, its permission pref). */
export function itFirefoxOnly(name: string, reason: string, fn: () => Promise<void>, timeout?: number) {
  if (e2eBrowser() === 'firefox') it(name, fn, timeout);
  else it.skip(`${name} [Firefox only: ${reason}]`, fn);
}
