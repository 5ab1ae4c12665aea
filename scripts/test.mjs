#!/usr/bin/env node
// `npm test`: typecheck, unit tests, build, e2e tests in Chromium, Firefox lint and load — in that order,
// stopping at the first failing step — then one closing line `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

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
];

let passed = 0;
let failed = 0;
function count(project) {
  const file = `test-output/${project}.json`;
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}

for (const [name, [cmd, ...args]] of steps) {
  const started = Date.now();
  console.log(`\n── ${name} ──`);
  const run = spawnSync(cmd, args, { stdio: 'inherit' });
  if (name === 'unit' || name === 'e2e') count(name);
  console.log(`── ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) {
    if (name !== 'unit' && name !== 'e2e') failed += 1; // a failed step counts as a failure
    console.log(`\ntests: ${passed} passed, ${failed} failed`);
    process.exit(1);
  }
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
