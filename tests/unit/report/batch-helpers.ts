/** Shared by the batch CLI tests: real corpus pages, the CLI as a child process, JSONL parsing. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PackedPage } from '../../../scripts/lib/batch/pack-warc';

export const root = resolve(import.meta.dirname, '../../..');
const corpus = join(root, 'tests/fixtures/corpus/news-html');

export interface CorpusPage extends PackedPage {
  path: string;
  encoding: string;
}

/**
 * Corpus pages (tests/fixtures/corpus/news-html, see its SOURCE.md), every `step`-th of INDEX.tsv so that
 * GB18030, Big5 and UTF-8 pages of several sources are among them; served with their real charset.
 */
export function corpusPages(count: number, step = 3): CorpusPage[] {
  const rows = readFileSync(join(corpus, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const pages: CorpusPage[] = [];
  const big5 = rows.filter((r) => r[2] === 'big5');
  const picked = [...big5.slice(0, 1), ...rows.filter((_, k) => k % step === 0)];
  for (const [source, page, encoding] of picked) {
    const path = join(corpus, source, page, 'source.html');
    if (!existsSync(path) || pages.some((p) => p.path === path)) continue;
    const label = encoding === 'gb18030' ? 'gbk' : encoding;
    pages.push({ path, encoding, url: `https://news.example/${source}/${page}.html`, bytes: readFileSync(path), contentType: `text/html; charset=${label}` });
    if (pages.length === count) break;
  }
  return pages;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): CliRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/annotate.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export interface Annotation {
  kind: string;
  start: number;
  end: number;
  text: string;
  canonical: string | null;
  value: number | null;
}

export interface Line {
  file: string;
  id?: string;
  url?: string;
  warcRecordId?: string;
  warcDate?: string;
  warcOffset?: number;
  title: string;
  date: string | null;
  source: string | null;
  script: string | null;
  body: string;
  noArticle?: string;
  annotations: Annotation[];
}

export function lines(stdout: string): Line[] {
  return stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line);
}

/** What a document's result is, whatever input it came from. */
export const result = (line: Line) => ({ title: line.title, body: line.body, noArticle: line.noArticle, annotations: line.annotations });
