/**
 * WXT stops an older instance of a content script when a newer one announces its start with a DOM event
 * on `document`, and it posts the event's name (extension id included) to the window, so any page can
 * replay it and stop us (#19). A page cannot touch our isolated world's globals; a newer instance of this
 * script, which shares the world, counts its module evaluation there before it announces itself. So an
 * announcement while the count is still ours came from the page: it is stopped before WXT hears it.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

const RUNS_KEY = '__fanzhaLensModuleRuns';

/** Counts this module's evaluation in the isolated world; returns this instance's number. */
export function noteModuleRun(): number {
  const world = globalThis as unknown as Record<string, number | undefined>;
  const run = (world[RUNS_KEY] ?? 0) + 1;
  world[RUNS_KEY] = run;
  return run;
}

/**
 * Swallows start announcements no newer instance made. Capture on `window` runs before WXT's listener on
 * `document` (the event's path runs through the window first). The count of blocked ones is kept for the
 * popup's diagnostics.
 */
export function guardAgainstSpoofedStart(run: number): { blocked: () => number } {
  let blocked = 0;
  const world = globalThis as unknown as Record<string, number | undefined>;
  // WXT's own event name (private in its types, public at run time): one source of truth for it.
  const startedEvent = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  window.addEventListener(
    startedEvent,
    (event) => {
      // A newer instance of this script, or an extension that was reloaded or removed (its runtime is
      // gone): let WXT retire us.
      if (world[RUNS_KEY] !== run || !browser.runtime?.id) return;
      event.stopImmediatePropagation();
      blocked++;
    },
    { capture: true },
  );
  return { blocked: () => blocked };
}
