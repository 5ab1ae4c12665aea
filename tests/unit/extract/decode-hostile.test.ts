/**
 * #19 item 4: a UTF-8 page (declared charset="utf-8") with one stray byte was decoded as GB18030 (garbage
 * title, 0 annotations, exit 0); 200 KB of random bytes named .html gave exit 0 and a garbage body.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../lib/extract/decode';

const seedBody = readFileSync(join(__dirname, '../../fixtures/seeds/002_cd855594ea86f9d9.txt'), 'utf8').slice(0, 3000);
const page = `<!doctype html><html><head><meta charset="utf-8"><title>公安部：打击电信网络诈骗</title></head><body><article><h1>公安部：打击电信网络诈骗</h1><p>${seedBody.split('\n').join('</p><p>')}</p></article></body></html>`;

function withStrayByte(): Uint8Array {
  const bytes = Buffer.from(page, 'utf8');
  const at = bytes.indexOf(Buffer.from('<article>')) + 20;
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
}

describe('hostile bytes', () => {
  it('keeps a declared UTF-8 page UTF-8 when one byte is invalid: U+FFFD there, and a warning', () => {
    const decoded = decodeHtml(withStrayByte());
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.html).toContain('<title>公安部：打击电信网络诈骗</title>');
    expect(decoded.html).toContain('\ufffd');
    expect(decoded.warnings?.join(' ')).toMatch(/invalid UTF-8/);
  });

  it('the CLI annotates such a page and warns on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzl-decode-'));
    const file = join(dir, 'stray.html');
    writeFileSync(file, withStrayByte());
    const run = spawnSync('node', ['--import', 'tsx', 'scripts/annotate.ts', file], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n')[0]);
    expect(report.title).toBe('公安部：打击电信网络诈骗');
    expect(report.annotations.length).toBeGreaterThan(5);
    expect(run.stderr).toMatch(/stray\.html: .*invalid UTF-8/);
  }, 60_000);

  it('the CLI refuses random bytes named .html with a clear error and exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzl-decode-'));
    const file = join(dir, 'random.html');
    let seed = 7;
    const bytes = new Uint8Array(200_000).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
    writeFileSync(file, bytes);
    const run = spawnSync('node', ['--import', 'tsx', 'scripts/annotate.ts', file], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout.trim()).toBe('');
    expect(run.stderr).toMatch(/random\.html: not a text file/);
  }, 60_000);
});
