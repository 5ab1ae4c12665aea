#!/usr/bin/env node
// `npm test`: typecheck, unit tests, build, e2e tests in Chromium, Firefox lint and load, e2e tests in
// Firefox — in that order, stopping at the first failing step — then one line per browser
// (`e2e chromium: N passed, M failed`, `e2e firefox: …`) and the closing line `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-output', { recursive: true });
const vitest = (project) => [
  'npx', 'vitest', 'run', '--config', 'tests/vitest.config.ts', '--project', project,
  '--reporter=default', '--reporter=json', `--outputFile.json=test-output/${project}.json`,
];
const steps = [
  ['typecheck', ['npx', 'tsc', '--noEmit']],
  ['unit', vitest('unit')],
  ['build', ['npm', 'run', '-s', 'build']],
  ['chromium', ['node', 'scripts/check-chromium.mjs']],
  ['e2e', vitest('e2e')],
  ['firefox lint', ['node', 'scripts/lint-firefox.mjs']],
  ['firefox load', ['node', 'scripts/check-firefox-load.mjs']],
  ['firefox', ['node', 'scripts/check-firefox.mjs']],
  ['e2e-firefox', vitest('e2e-firefox')],
];
const e2eProjects = { e2e: 'chromium', 'e2e-firefox': 'firefox' };

let passed = 0;
let failed = 0;
const perBrowser = [];
function count(project) {
  const file = `test-output/${project}.json`;
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (e2eProjects[project]) {
    const skipped = report.numPendingTests + report.numTodoTests;
    perBrowser.push(`e2e ${e2eProjects[project]}: ${report.numPassedTests} passed, ${report.numFailedTests} failed` + (skipped ? ` (${skipped} not applicable in this browser)` : ''));
  }
}
function finish(code) {
  for (const line of perBrowser) console.log(line);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(code);
}
// Stale reports from an earlier run must not count.
for (const project of ['unit', ...Object.keys(e2eProjects)]) rmSync(`test-output/${project}.json`, { force: true });

for (const [name, [cmd, ...args]] of steps) {
  const started = Date.now();
  console.log(`\n── ${name} ──`);
  const run = spawnSync(cmd, args, { stdio: 'inherit' });
  if (name === 'unit' || name in e2eProjects) count(name);
  console.log(`── ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) {
    if (name !== 'unit' && !(name in e2eProjects)) failed += 1; // a failed step counts as a failure
    console.log('');
    finish(1);
  }
}
console.log('');
finish(0);
