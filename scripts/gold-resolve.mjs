#!/usr/bin/env node
/**
 * Resolves and checks hand-annotated regional gold (tests/fixtures/annotate/regional/).
 *
 *   node scripts/gold-resolve.mjs FILE.json...
 *
 * A draft lists each annotation with its `text` (exactly as in `body`) and no offsets, in text order per
 * kind; this fills `start`/`end` by finding each text after the previous annotation of the same kind (an
 * explicit `start` is kept and checked), sorts them, adds `sha256` of the body, checks every field against
 * the annotation guidelines' shape, and rewrites the file. Exit 1 with one line per problem.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const KINDS = new Set(['operation', 'agency', 'statistic']);
const REGIONS = new Set(['mainland', 'taiwan', 'hongkong', 'macau']);
let failed = 0;
const problem = (file, msg) => {
  failed++;
  console.error(`${file}: ${msg}`);
};

for (const file of process.argv.slice(2)) {
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problem(file, `not JSON: ${e.message}`);
    continue;
  }
  const body = doc.body;
  if (typeof body !== 'string' || body.length < 60) { problem(file, 'body missing or shorter than 60 characters'); continue; }
  for (const k of ['id', 'url', 'region', 'script']) if (typeof doc[k] !== 'string' || !doc[k]) problem(file, `missing "${k}"`);
  if (!REGIONS.has(doc.region)) problem(file, `region must be one of ${[...REGIONS].join(', ')}`);
  if (doc.script !== 'zh-Hans' && doc.script !== 'zh-Hant') problem(file, 'script must be zh-Hans or zh-Hant');
  if (!Array.isArray(doc.annotations)) { problem(file, 'annotations must be an array'); continue; }
  const cursor = { operation: 0, agency: 0, statistic: 0 };
  const out = [];
  for (const [i, a] of doc.annotations.entries()) {
    const where = `annotation ${i} (${a?.kind} "${a?.text}")`;
    if (!a || !KINDS.has(a.kind)) { problem(file, `${where}: kind must be operation, agency or statistic`); continue; }
    if (typeof a.text !== 'string' || !a.text) { problem(file, `${where}: text missing`); continue; }
    let start = a.start;
    if (typeof start === 'number') {
      if (body.slice(start, start + a.text.length) !== a.text) { problem(file, `${where}: body at ${start} is "${body.slice(start, start + a.text.length)}"`); continue; }
    } else {
      start = body.indexOf(a.text, cursor[a.kind]);
      if (start < 0) { problem(file, `${where}: not found in body after offset ${cursor[a.kind]} (texts in text order per kind?)`); continue; }
    }
    const end = start + a.text.length;
    cursor[a.kind] = end;
    const r = { kind: a.kind, start, end, text: a.text };
    if (a.kind === 'statistic') {
      if (typeof a.value !== 'number' || !Number.isFinite(a.value)) problem(file, `${where}: value must be a number`);
      if (typeof a.unit !== 'string' || !a.unit) problem(file, `${where}: unit missing`);
      r.value = a.value;
      r.unit = a.unit;
      r.approx = a.approx === true;
      if (a.measure !== undefined) r.measure = a.measure;
    } else {
      if (typeof a.canonical !== 'string' || !a.canonical) problem(file, `${where}: canonical missing`);
      r.canonical = a.canonical;
    }
    if (a.note) r.note = a.note;
    out.push(r);
  }
  out.sort((x, y) => x.start - y.start || x.end - y.end);
  for (const kind of KINDS) {
    const same = out.filter((a) => a.kind === kind);
    for (let i = 1; i < same.length; i++) {
      if (same[i].start < same[i - 1].end) problem(file, `${kind} spans overlap: "${same[i - 1].text}" and "${same[i].text}"`);
    }
  }
  doc.sha256 = createHash('sha256').update(body).digest('hex');
  doc.annotations = out;
  const { id, url, title, date, region, script, sha256, body: b, annotations, ...rest } = doc;
  writeFileSync(file, JSON.stringify({ id, url, title, date, region, script, sha256, ...rest, body: b, annotations }, null, 1) + '\n');
}
if (failed) process.exit(1);
console.log('ok');
