#!/usr/bin/env node
// Fails the e2e run early, with the install command, when the system Chromium is missing.
import { existsSync } from 'node:fs';
const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `e2e: Chromium not found at ${path}.\n` +
      `Install Debian's Chromium and CJK fonts with:  bash scripts/ensure-chromium   (as root)\n` +
      `or set CHROMIUM_PATH to a Chromium binary. Browser downloads (npx playwright install) do not work here.`,
  );
  process.exit(1);
}
