import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const seedsDir = join(root, 'tests/fixtures/seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seedsDir, f));

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/annotate.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Line {
  file: string;
  title: string;
  body: string;
  annotations: { kind: string; start: number; end: number; text: string; canonical: string | null; value: number | null }[];
}

describe('npm run annotate (the CLI)', () => {
  it('prints one JSON object per seed whose body is the gold body and whose offsets index into it', () => {
    const run = cli('--format', 'json', ...seeds);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
    expect(lines).toHaveLength(5);
    for (const [i, line] of lines.entries()) {
      const gold = readFileSync(join(seedsDir, 'gold', seeds[i].split('/').pop()!), 'utf8').trim();
      expect(line.file).toBe(seeds[i]);
      expect(line.body.replace(/\s+/g, '')).toBe(gold.replace(/\s+/g, ''));
      expect(line.annotations.length).toBeGreaterThan(3);
      for (const a of line.annotations) expect(line.body.slice(a.start, a.end)).toBe(a.text);
    }
    const seed002 = lines[2];
    expect(seed002.title).toContain('打击治理电信网络新型违法犯罪成效明显');
    expect(seed002.annotations).toContainEqual(expect.objectContaining({ kind: 'statistic', text: '3180余亿元', value: 318_000_000_000 }));
    expect(seed002.annotations).toContainEqual(expect.objectContaining({ kind: 'agency', text: '最高法', canonical: '最高人民法院' }));
  });

  it('keeps a .txt file as it is with --no-extract', () => {
    const run = cli('--no-extract', seeds[4]);
    const line = JSON.parse(run.stdout) as Line;
    expect(line.body).toBe(readFileSync(seeds[4], 'utf8'));
    for (const a of line.annotations) expect(line.body.slice(a.start, a.end)).toBe(a.text);
  });

  it('writes CSV with a byte-order mark, one row per annotation', () => {
    const run = cli('--format', 'csv', seeds[2]);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('\ufefffile,kind,text,canonical,value,unit,approx,measure,start,end\r\n')).toBe(true);
    const rows = run.stdout.trim().split('\r\n');
    const json = JSON.parse(cli(seeds[2]).stdout) as Line;
    expect(rows.length - 1).toBe(json.annotations.length);
    expect(rows.some((r) => r.includes(',statistic,46.4万起,,464000,起,'))).toBe(true);
  });

  it('decodes a GB18030 page by its own charset and extracts its article', () => {
    const page = join(root, 'tests/fixtures/corpus/news-html/cwce/05e98007-d810-4036-b154-2ef2fe68c2af/source.html');
    const run = cli(page);
    expect(run.status).toBe(0);
    const line = JSON.parse(run.stdout) as Line;
    expect(line.body).toMatch(/[\u4e00-\u9fff]{20}/);
    expect(line.body).not.toContain('\ufffd');
  });

  it('reports a file it cannot read on stderr, still processes the others, and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzl-cli-'));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3]));
    const run = cli(join(dir, 'missing.html'), bad, seeds[0]);
    expect(run.status).toBe(2);
    const errors = run.stderr.trim().split('\n');
    expect(errors.some((l) => l.includes('missing.html'))).toBe(true);
    expect(errors.some((l) => l.includes('bad.txt'))).toBe(true);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(cli('--format', 'xml', seeds[0]).status).toBe(2);
  });
});
