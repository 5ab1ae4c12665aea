import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Manager } from '@/components/collections/Manager';
import { browserLanguages, LocalizedRoot } from '@/components/i18n';
import { createMessenger } from '@/lib/messaging';
import { loadSettings, watchSettings } from '../shared/settings-store';
import '@/components/base.css';

/** Saves text as a file: a Blob URL clicked through `<a download>`, revoked once the click is handled. */
function download(content: string | Blob, filename: string, mimeType: string): void {
  // CSV starts with a BOM (from the exporter) so Excel reads UTF-8; the Blob keeps it as is.
  const blob = typeof content === 'string' ? new Blob([content], { type: `${mimeType};charset=utf-8` }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const language = { load: loadSettings, watch: watchSettings, browserLanguages: browserLanguages(browser.i18n.getUILanguage()) };
render(
  <LocalizedRoot source={language} title="managerTitle">
    <Manager send={createMessenger((m) => browser.runtime.sendMessage(m))} download={download} initialView={location.hash === '#charts' ? 'charts' : 'table'} />
  </LocalizedRoot>,
  document.getElementById('app')!,
);
