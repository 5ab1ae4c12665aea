import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '@/components/Options';
import { createMessenger } from '@/lib/messaging';
import '@/components/base.css';

render(
  <Options sendToBackground={createMessenger((m) => browser.runtime.sendMessage(m))} />,
  document.getElementById('app')!,
);
