#!/usr/bin/env node
/**
 * Splits finished regional passages (tests/fixtures/annotate/regional/pool/<prefix>-NN.json) into dev and
 * test: within each batch (the id without its number), files ordered by the sha256 of their id go to dev
 * and test in turn. The order depends only on the ids, so the split is made without reading the passages.
 *
 *   node scripts/gold-split.mjs PREFIX...      e.g. hk tw-police
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const base = join(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/annotate/regional');
const pool = join(base, 'pool');
for (const split of ['dev', 'test']) mkdirSync(join(base, split), { recursive: true });
for (const prefix of process.argv.slice(2)) {
  const files = readdirSync(pool).filter((f) => new RegExp(`^${prefix}-\\d+\\.json$`).test(f));
  const hash = (f) => createHash('sha256').update(f.replace(/\.json$/, '')).digest('hex');
  files.sort((a, b) => (hash(a) < hash(b) ? -1 : 1));
  files.forEach((f, i) => {
    const split = i % 2 === 0 ? 'dev' : 'test';
    renameSync(join(pool, f), join(base, split, f));
    console.log(`${f} → ${split}`);
  });
}
