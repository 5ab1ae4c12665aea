import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserLanguages, LocalizedRoot } from '@/components/i18n';
import { SidePanel, type TabTracker } from '@/components/side-panel/SidePanel';
import { CLIP_KEY_PREFIX } from '@/lib/collections';
import { createMessenger } from '@/lib/messaging';
import { loadSettings, watchSettings } from '../shared/settings-store';
import '@/components/base.css';

/**
 * The tab the panel works beside: the active tab of the panel's window, followed across tab
 * switches and page loads. `sidepanel.html?window=<id>` follows another window's active tab and
 * `?tab=<id>` one tab (automation opens the panel page as a tab of its own, where "the active tab
 * of this window" would be the panel itself).
 */
function tabTracker(): TabTracker {
  const query = new URLSearchParams(location.search);
  const fixedTab = Number(query.get('tab'));
  const windowParam = Number(query.get('window'));
  return {
    follow(callback) {
      let shown: number | null = null;
      let ownTab: number | null = null;
      let windowId: number | null = Number.isInteger(windowParam) && windowParam > 0 ? windowParam : null;
      /** The window's active tab, else its most recently used one; never the panel's own. */
      const latestTab = async (): Promise<number | null> => {
        const tabs = windowId === null ? [] : await browser.tabs.query({ windowId });
        const others = tabs.filter((tab) => tab.id !== ownTab && tab.id !== shown);
        const active = others.find((tab) => tab.active) ?? others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
        return active?.id ?? null;
      };
      const show = (id: number | null) => {
        shown = id;
        callback(id);
      };
      const onActivated = (info: { tabId: number; windowId: number }) => {
        if (!fixedTab && info.windowId === windowId && info.tabId !== ownTab) show(info.tabId);
      };
      // A new page in the tab shown (a link, reload): read it again once it has loaded.
      const onUpdated = (tabId: number, change: { status?: string }) => {
        if (tabId === shown && change.status === 'complete') show(tabId);
      };
      // The tab shown was closed: the window's tab used most recently since (the browser activates one too).
      const onRemoved = (tabId: number) => {
        if (tabId !== shown || fixedTab) return;
        void latestTab().then(show);
      };
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      browser.tabs.onRemoved.addListener(onRemoved);
      void (async () => {
        if (Number.isInteger(fixedTab) && fixedTab > 0) return show(fixedTab);
        // Opened as a tab (automation, or a reader who opened sidepanel.html): never itself.
        ownTab = (await browser.tabs.getCurrent())?.id ?? null;
        windowId ??= (await browser.windows.getCurrent()).id ?? null;
        show(await latestTab());
      })();
      return () => {
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
        browser.tabs.onRemoved.removeListener(onRemoved);
      };
    },
  };
}

function watchClips(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !Object.keys(changes).some((key) => key.startsWith(CLIP_KEY_PREFIX))) return;
    // One re-read for a burst of writes (an import, a bulk move).
    if (timer === null) timer = setTimeout(() => ((timer = null), callback()), 150);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

const language = { load: loadSettings, watch: watchSettings, browserLanguages: browserLanguages(browser.i18n.getUILanguage()) };
render(
  <LocalizedRoot source={language} title="panelTitle">
    <SidePanel
      tabs={tabTracker()}
      sendToBackground={createMessenger((m) => browser.runtime.sendMessage(m))}
      sendToTab={(tabId) => createMessenger((m) => browser.tabs.sendMessage(tabId, m))}
      watchClips={watchClips}
      openCharts={() => void browser.tabs.create({ url: browser.runtime.getURL('/collections.html#charts') })}
    />
  </LocalizedRoot>,
  document.getElementById('app')!,
);
