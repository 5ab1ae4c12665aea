#!/usr/bin/env node
// Fails the Firefox e2e run early, with the install command, when the system Firefox ESR or the
// Firefox build is missing.
import { existsSync } from 'node:fs';
const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
if (!existsSync(path)) {
  console.error(
    `e2e-firefox: Firefox not found at ${path}.\n` +
      `Install Debian's Firefox ESR and CJK fonts with:  bash scripts/ensure-firefox   (as root)\n` +
      `or set FIREFOX_PATH to a Firefox binary. Browser downloads do not work here.`,
  );
  process.exit(1);
}
if (!existsSync('.output/firefox-mv3/manifest.json')) {
  console.error('e2e-firefox: no Firefox build; run `npm run build:firefox` first.');
  process.exit(1);
}
