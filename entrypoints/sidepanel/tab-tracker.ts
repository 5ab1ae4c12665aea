import type { TabTracker } from '@/components/side-panel/SidePanel';

interface TabInfo {
  id?: number;
  active: boolean;
  lastAccessed?: number;
}
interface Event<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}
/** The part of the tabs and windows APIs the tracker uses (the browser's, or a test's fake). */
export interface TabsApi {
  tabs: {
    query(query: { windowId: number }): Promise<TabInfo[]>;
    getCurrent(): Promise<{ id?: number } | undefined>;
    onActivated: Event<(info: { tabId: number; windowId: number }) => void>;
    onUpdated: Event<(tabId: number, change: { status?: string }) => void>;
    onRemoved: Event<(tabId: number) => void>;
  };
  windows: { getCurrent(): Promise<{ id?: number }> };
}

/**
 * The tab the panel works beside: the active tab of the panel's window, followed across tab
 * switches and page loads. `sidepanel.html?window=<id>` follows another window's active tab and
 * `?tab=<id>` one tab (automation opens the panel page as a tab of its own, where "the active tab
 * of this window" would be the panel itself).
 */
export function tabTracker(api: TabsApi, search: string): TabTracker {
  const query = new URLSearchParams(search);
  const fixedTab = Number(query.get('tab')) || 0;
  const windowParam = Number(query.get('window'));
  return {
    follow(callback) {
      let shown: number | null = null;
      let ownTab: number | null = null;
      let windowId: number | null = Number.isInteger(windowParam) && windowParam > 0 ? windowParam : null;
      /** The window's active tab, else its most recently used one; never the panel's own. */
      const latestTab = async (): Promise<number | null> => {
        const tabs = windowId === null ? [] : await api.tabs.query({ windowId });
        const others = tabs.filter((tab) => tab.id !== ownTab && tab.id !== shown);
        const active = others.find((tab) => tab.active) ?? others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
        return active?.id ?? null;
      };
      const show = (id: number | null) => {
        shown = id;
        callback(id);
      };
      // Which tab is the panel's own and which window it follows, known before any event is read:
      // the panel's own activation (automation opens it as a tab) must not be taken for the reader's.
      const ready = (async () => {
        if (fixedTab > 0) return;
        ownTab = (await api.tabs.getCurrent())?.id ?? null;
        windowId ??= (await api.windows.getCurrent()).id ?? null;
      })();
      /** A tab switch was seen after the panel opened: the first look must not overwrite it. */
      let switched = false;
      const onActivated = (info: { tabId: number; windowId: number }) => {
        void ready.then(() => {
          if (fixedTab > 0 || info.windowId !== windowId || info.tabId === ownTab) return;
          switched = true;
          show(info.tabId);
        });
      };
      // A new page in the tab shown (a link, reload): read it again once it has loaded.
      const onUpdated = (tabId: number, change: { status?: string }) => {
        if (tabId === shown && change.status === 'complete') show(tabId);
      };
      // The tab shown was closed: the window's tab used most recently since (the browser activates one too).
      const onRemoved = (tabId: number) => {
        if (tabId !== shown || fixedTab > 0) return;
        void latestTab().then((id) => {
          if (shown === tabId) show(id);
        });
      };
      api.tabs.onActivated.addListener(onActivated);
      api.tabs.onUpdated.addListener(onUpdated);
      api.tabs.onRemoved.addListener(onRemoved);
      void (async () => {
        if (fixedTab > 0) return show(fixedTab);
        await ready;
        const first = await latestTab();
        // Under load the query can answer after the reader (or a test) switched tab: that switch wins.
        if (!switched) show(first);
      })();
      return () => {
        api.tabs.onActivated.removeListener(onActivated);
        api.tabs.onUpdated.removeListener(onUpdated);
        api.tabs.onRemoved.removeListener(onRemoved);
      };
    },
  };
}

