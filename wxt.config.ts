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
  manifest: ({ browser }) => ({
    name: '反诈透镜 Fanzha Lens',
    description:
      'Highlights operations, agencies and statistics in Chinese news about telecom and network fraud enforcement.',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'contextMenus', 'scripting'],
    host_permissions: matchPatternsFor(newsSites),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Clip the selection to a collection (same as the context menu item; background/collections.ts).
    commands: {
      'clip-selection': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Clip the selection to a collection' },
      'toggle-script': { suggested_key: { default: 'Alt+Shift+T' }, description: 'Toggle the page between simplified and traditional script' },
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
      : {}),
  }),
});
