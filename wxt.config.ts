import { defineConfig } from 'wxt';
import { matchPatternsFor, newsSites } from './lib/sites/news-sites';

// See README "Architecture". Host permissions: the curated news sites only; any other site is an
// optional permission the user grants from the popup. No <all_urls> at install.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'assets/public',
  outDir: '.output',
  manifestVersion: 3,
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { sourcemap: false, chunkSizeWarningLimit: 2000 },
  }),
  hooks: {
    // WXT takes the toolbar tooltip from popup.html's <title>, which cannot hold a __MSG_…__ key.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_actionTitle__';
      // Firefox's sidebar title, likewise from sidepanel.html's <title> otherwise.
      const sidebar = (manifest as { sidebar_action?: { default_title?: string } }).sidebar_action;
      if (sidebar) sidebar.default_title = '__MSG_panelTitle__';
    },
  },
  manifest: ({ browser }) => ({
    // Texts from assets/public/_locales (Chrome picks the browser's language; zh_CN when none matches).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'contextMenus', 'scripting'],
    host_permissions: matchPatternsFor(newsSites),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Clip the selection to a collection (same as the context menu item; background/collections.ts).
    commands: {
      'clip-selection': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandClipSelection__' },
      'toggle-script': { suggested_key: { default: 'Alt+Shift+T' }, description: '__MSG_commandToggleScript__' },
      // The researcher's side panel (background/side-panel.ts); the sidebar in Firefox.
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+Y' }, description: '__MSG_commandOpenPanel__' },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'fanzha-lens@fanzha-lens.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // Chromium 148+: messages are structured clones, as in Firefox, instead of JSON. A page's
          // text goes to the worker and back for conversion; JSON made that round trip the largest
          // cost of the conversion path (measured in bench/convert-page.bench.ts). Older Chromium
          // ignores the key (it warns about an unrecognised key) and keeps JSON, which our messages
          // survive unchanged (plain objects, arrays, strings, numbers, booleans, null).
          message_serialization: 'structured_clone',
        }),
  }),
});
