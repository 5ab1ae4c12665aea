import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserLanguages, LocalizedRoot } from '@/components/i18n';
import { SidePanel } from '@/components/side-panel/SidePanel';
import { CLIP_KEY_PREFIX } from '@/lib/collections';
import { createMessenger } from '@/lib/messaging';
import { loadSettings, watchSettings } from '../shared/settings-store';
import '@/components/base.css';
import { tabTracker } from './tab-tracker';

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
      tabs={tabTracker(browser, location.search)}
      sendToBackground={createMessenger((m) => browser.runtime.sendMessage(m))}
      sendToTab={(tabId) => createMessenger((m) => browser.tabs.sendMessage(tabId, m))}
      watchClips={watchClips}
      openCharts={() => void browser.tabs.create({ url: browser.runtime.getURL('/collections.html#charts') })}
    />
  </LocalizedRoot>,
  document.getElementById('app')!,
);
