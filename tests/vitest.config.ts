import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const alias = { '@': root.replace(/\/$/, '') };

// Three projects: `unit` runs pure lib/ code (and entrypoint adapters against WXT's fake browser)
// in Node; `e2e` drives the built extension in Debian's Chromium, one file at a time; `e2e-firefox`
// runs the same specs in Debian's Firefox ESR (FZL_BROWSER=firefox, see scripts/lib/firefox-driver.ts).
export default defineConfig({
  root,
  resolve: { alias },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-firefox',
          // Every spec; what only Chromium can run is marked in the spec (itChromiumOnly).
          include: ['tests/e2e/**/*.spec.ts'],
          environment: 'node',
          env: { FZL_BROWSER: 'firefox' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
