import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserLanguages, LocalizedRoot } from '@/components/i18n';
import { Options } from '@/components/Options';
import { createMessenger } from '@/lib/messaging';
import { loadSettings, updateSettings, watchSettings } from '../shared/settings-store';
import '@/components/base.css';

const language = { load: loadSettings, watch: watchSettings, browserLanguages: browserLanguages(browser.i18n.getUILanguage()) };
render(
  <LocalizedRoot source={language} title="optionsTitle">
    <Options
      sendToBackground={createMessenger((m) => browser.runtime.sendMessage(m))}
      settings={{ load: loadSettings, update: updateSettings }}
      managerUrl={browser.runtime.getURL('/collections.html' as '/popup.html')}
    />
  </LocalizedRoot>,
  document.getElementById('app')!,
);
