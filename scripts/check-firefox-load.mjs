#!/usr/bin/env node
// Loads the Firefox build into Debian's Firefox ESR (headless) as a temporary add-on with web-ext,
// and fails unless Firefox reports it installed. (Playwright cannot drive Debian's Firefox, so the
// behaviour itself is covered by the Chromium e2e suite over the same code.)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const firefox = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  console.error(`check-firefox-load: Firefox not found at ${firefox}. Install it with: bash scripts/ensure-firefox (as root: apt-get install firefox-esr), or set FIREFOX_PATH.`);
  process.exit(1);
}
if (!existsSync('.output/firefox-mv3/manifest.json')) {
  console.error('check-firefox-load: no Firefox build; run `npm run build:firefox` first.');
  process.exit(2);
}
// A copy, so a rebuild meanwhile cannot change what is being loaded.
const dir = mkdtempSync(join(tmpdir(), 'fzl-firefox-'));
cpSync('.output/firefox-mv3', dir, { recursive: true });
const child = spawn('npx', ['web-ext', 'run', '--source-dir', dir, '--firefox', firefox, '--no-input', '--no-reload', '--start-url', 'about:blank'], {
  env: { ...process.env, MOZ_HEADLESS: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let output = '';
const done = (code, message) => {
  clearTimeout(timer);
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {}
  rmSync(dir, { recursive: true, force: true });
  console[code ? 'error' : 'log'](message);
  process.exit(code);
};
const timer = setTimeout(() => done(1, `check-firefox-load: Firefox did not report the add-on installed within 90 s:\n${output.slice(-2000)}`), 90_000);
const onData = (chunk) => {
  output += chunk;
  if (/Installed .* as a temporary add-on/.test(output)) done(0, `check-firefox-load: ${firefox} installed the Firefox build as a temporary add-on`);
  if (/error/i.test(chunk) && /Error (installing|loading)|Invalid|not a valid/i.test(chunk)) done(1, `check-firefox-load: Firefox refused the add-on:\n${output.slice(-2000)}`);
};
child.stdout.on('data', onData);
child.stderr.on('data', onData);
child.on('exit', (code) => done(1, `check-firefox-load: web-ext exited (${code}) before the add-on was installed:\n${output.slice(-2000)}`));
