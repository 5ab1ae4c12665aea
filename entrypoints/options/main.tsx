import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '@/components/Options';
import { createMessenger } from '@/lib/messaging';
import { loadSettings, updateSettings } from '../shared/settings-store';
import '@/components/base.css';

render(
  <Options
    sendToBackground={createMessenger((m) => browser.runtime.sendMessage(m))}
    settings={{ load: loadSettings, update: updateSettings }}
    managerUrl={browser.runtime.getURL('/collections.html' as '/popup.html')}
  />,
  document.getElementById('app')!,
);
