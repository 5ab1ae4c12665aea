import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { createMessenger } from '@/lib/messaging';
import '@/components/base.css';

// `popup.html?tab=<id>` targets a given tab (automation); the real popup uses the active tab.
async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

const tabId = await targetTabId();
render(
  <Popup
    tabId={tabId}
    sendToBackground={createMessenger((m) => browser.runtime.sendMessage(m))}
    sendToTab={createMessenger((m) => (tabId === null ? Promise.reject(new Error('no tab')) : browser.tabs.sendMessage(tabId, m)))}
  />,
  document.getElementById('app')!,
);
