import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserLanguages, LocalizedRoot } from '@/components/i18n';
import { Popup } from '@/components/Popup';
import { createMessenger } from '@/lib/messaging';
import { siteOf } from '@/lib/sites/news-sites';
import { loadSettings, updateSettings, watchSettings } from '../shared/settings-store';
import '@/components/base.css';

// `popup.html?tab=<id>` targets a given tab (automation); the real popup uses the active tab.
async function targetTab(): Promise<{ id: number | null; url: string | null; windowId: number | null }> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery).catch(() => null);
    return { id: fromQuery, url: tab?.url ?? null, windowId: tab?.windowId ?? null };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: active?.id ?? null, url: active?.url ?? null, windowId: active?.windowId ?? null };
}

/**
 * The researcher's side panel beside the tab (Chromium) or the sidebar (Firefox). Called straight from
 * the click: both browsers open it only inside the user's action, so nothing is awaited before.
 */
function openSidePanel(): void {
  const api = browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> }; sidebarAction?: { open(): Promise<void> } };
  const opened = api.sidePanel && tab.windowId !== null ? api.sidePanel.open({ windowId: tab.windowId }) : api.sidebarAction?.open();
  void opened?.then(() => window.close()).catch(() => {});
}

const tab = await targetTab();
const language = { load: loadSettings, watch: watchSettings, browserLanguages: browserLanguages(browser.i18n.getUILanguage()) };
render(
  <LocalizedRoot source={language} title="appName">
    <Popup
      tabId={tab.id}
      site={tab.url ? siteOf(tab.url) : null}
      sendToBackground={createMessenger((m) => browser.runtime.sendMessage(m))}
      sendToTab={createMessenger((m) => (tab.id === null ? Promise.reject(new Error('no tab')) : browser.tabs.sendMessage(tab.id, m)))}
      settings={{ load: loadSettings, update: updateSettings }}
      copyText={(text) => navigator.clipboard.writeText(text)}
      tabUrl={tab.url}
      requestOrigins={(origins) => browser.permissions.request({ origins })}
      openSidePanel={openSidePanel}
    />
  </LocalizedRoot>,
  document.getElementById('app')!,
);
