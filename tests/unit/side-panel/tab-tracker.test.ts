import { describe, expect, it } from 'vitest';
import { tabTracker, type TabsApi } from '../../../entrypoints/sidepanel/tab-tracker';

/** A window of tabs whose query answers only when the test lets it (the race CI hit under load). */
function fakeWindow(tabs: { id: number; active: boolean; lastAccessed?: number }[], ownTab: number | null) {
  const listeners = { activated: new Set<(i: { tabId: number; windowId: number }) => void>(), updated: new Set<(id: number, c: { status?: string }) => void>(), removed: new Set<(id: number) => void>() };
  const pendingQueries: (() => void)[] = [];
  let holdQueries = false;
  const event = <L>(set: Set<L>) => ({ addListener: (l: L) => void set.add(l), removeListener: (l: L) => void set.delete(l) });
  const api: TabsApi = {
    tabs: {
      query: () =>
        new Promise((resolve) => {
          const answer = () => resolve(tabs.map((t) => ({ ...t })));
          if (holdQueries) pendingQueries.push(answer);
          else answer();
        }),
      getCurrent: async () => (ownTab === null ? undefined : { id: ownTab }),
      onActivated: event(listeners.activated),
      onUpdated: event(listeners.updated),
      onRemoved: event(listeners.removed),
    },
    windows: { getCurrent: async () => ({ id: 7 }) },
  };
  return {
    api,
    hold: () => void (holdQueries = true),
    release: () => {
      holdQueries = false;
      for (const answer of pendingQueries.splice(0)) answer();
    },
    activate(tabId: number) {
      for (const t of tabs) t.active = t.id === tabId;
      for (const l of listeners.activated) l({ tabId, windowId: 7 });
    },
    remove(tabId: number) {
      tabs.splice(tabs.findIndex((t) => t.id === tabId), 1);
      for (const l of listeners.removed) l(tabId);
    },
    listenerCount: () => listeners.activated.size + listeners.updated.size + listeners.removed.size,
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the side panel follows the tab beside it', () => {
  it('shows the active tab of its window, never its own', async () => {
    const win = fakeWindow([{ id: 1, active: false, lastAccessed: 5 }, { id: 2, active: false, lastAccessed: 9 }, { id: 3, active: true }], 3);
    const shown: (number | null)[] = [];
    tabTracker(win.api, '?window=7').follow((id) => shown.push(id));
    await settle();
    expect(shown).toEqual([2]); // its own tab is active: the one used last
    win.activate(1);
    await settle();
    win.activate(3); // the panel's own tab: ignored
    await settle();
    expect(shown).toEqual([2, 1]);
  });

  it('a tab switch while the first look is still answering wins over that look', async () => {
    const win = fakeWindow([{ id: 1, active: false, lastAccessed: 5 }, { id: 2, active: false, lastAccessed: 9 }, { id: 3, active: true }], 3);
    const shown: (number | null)[] = [];
    win.hold();
    tabTracker(win.api, '?window=7').follow((id) => shown.push(id));
    await settle();
    win.activate(1);
    await settle();
    win.release(); // the query made before the switch answers late: its stale answer must not be shown
    await settle();
    expect(shown.at(-1)).toBe(1);
  });

  it('an activation before the panel knows its own tab is not taken for the reader\'s', async () => {
    const win = fakeWindow([{ id: 1, active: true, lastAccessed: 5 }, { id: 3, active: false }], 3);
    const shown: (number | null)[] = [];
    tabTracker(win.api, '?window=7').follow((id) => shown.push(id));
    win.activate(3); // synchronously, before getCurrent answered
    await settle();
    await settle();
    expect(shown).not.toContain(3);
  });

  it('a closed tab hands over to the one used most recently; ?tab= follows one tab only; stopping removes every listener', async () => {
    const win = fakeWindow([{ id: 1, active: false, lastAccessed: 5 }, { id: 2, active: true, lastAccessed: 9 }, { id: 3, active: false }], 3);
    const shown: (number | null)[] = [];
    const stop = tabTracker(win.api, '?window=7').follow((id) => shown.push(id));
    await settle();
    expect(shown).toEqual([2]);
    win.remove(2);
    await settle();
    expect(shown).toEqual([2, 1]);
    stop();
    expect(win.listenerCount()).toBe(0);

    const fixed: (number | null)[] = [];
    tabTracker(win.api, '?tab=1').follow((id) => fixed.push(id));
    await settle();
    win.activate(3);
    await settle();
    expect(fixed).toEqual([1]);
  });
});
