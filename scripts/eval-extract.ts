/**
 * Scores body extraction on the corpus in tests/fixtures/corpus and the seeds, for `findArticle` and for
 * `@mozilla/readability` on the same parsed pages in the same run.
 *
 *   npm run -s eval:extract            per-page scores, then a summary table
 *   npm run -s eval:extract -- --json  the summary only, as JSON
 *
 * Body score: bag-of-characters F1 (multiset overlap of the non-whitespace characters of the extracted
 * body and the expected body), the usual measure for Chinese extraction, where there are no words to count.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { bagOfCharactersF1 } from '../lib/eval/char-f1';
import { articleText, decodeHtml, findArticle, findArticleInText } from '../lib/extract/index';

const repo = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(repo, 'tests/fixtures/corpus');
const seedsDir = join(repo, 'tests/fixtures/seeds');
const jsonOutput = process.argv.includes('--json');

type SetName = 'cwce' | 'newspaper4k' | 'readability-zh' | 'readability-test-pages' | 'snippets' | 'seeds';

interface Snippets {
  includes: string[];
  excludes: string[];
  prefix?: string;
}

interface Page {
  set: SetName;
  id: string;
  html?: string;
  text?: string;
  expectedText?: string;
  snippets?: Snippets;
  title?: { value: string; mode: 'exact' | 'includes' };
  date?: string;
}

interface Outcome {
  ours: string;
  theirs: string;
  oursTitle?: string;
  theirsTitle?: string;
  oursDate?: string;
  theirsDate?: string;
  oursOk: boolean;
}

const compact = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, '');

function readHtml(path: string): string {
  return decodeHtml(new Uint8Array(readFileSync(path))).html;
}

function htmlToText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const blocks: string[] = [];
  for (const el of Array.from(document.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, pre, td, blockquote, div, figcaption'))) {
    if (el.querySelector('p, li, h1, h2, h3, h4, h5, h6, pre, td, blockquote, div, figcaption')) continue;
    blocks.push(el.textContent ?? '');
  }
  return blocks.length ? blocks.join('\n') : document.body.textContent ?? '';
}

function json(path: string): Record<string, any> {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function validDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^(19|20)\d{2}/.test(value.trim()) ? value.trim() : undefined;
}

function loadPages(): Page[] {
  const pages: Page[] = [];
  const news = join(corpus, 'news-html');
  const dirs = (sub: string) => (existsSync(join(news, sub)) ? readdirSync(join(news, sub)).sort() : []);
  for (const id of dirs('cwce')) {
    const dir = join(news, 'cwce', id);
    pages.push({ set: 'cwce', id, html: readHtml(join(dir, 'source.html')), expectedText: readFileSync(join(dir, 'expected.txt'), 'utf8'), date: validDate(readFileSync(join(dir, 'date.txt'), 'utf8')) });
  }
  for (const id of dirs('newspaper4k')) {
    const dir = join(news, 'newspaper4k', id);
    const meta = existsSync(join(dir, 'expected-metadata.json')) ? json(join(dir, 'expected-metadata.json')) : undefined;
    pages.push({ set: 'newspaper4k', id, html: readHtml(join(dir, 'source.html')), expectedText: readFileSync(join(dir, 'expected.txt'), 'utf8'), title: meta?.title ? { value: meta.title, mode: 'exact' } : undefined, date: validDate(meta?.publish_date) });
  }
  const readabilityLike = (set: SetName, base: string) => {
    for (const id of existsSync(base) ? readdirSync(base).sort() : []) {
      const dir = join(base, id);
      if (!existsSync(join(dir, 'expected.html'))) continue;
      const meta = json(join(dir, 'expected-metadata.json'));
      pages.push({ set, id, html: readHtml(join(dir, 'source.html')), expectedText: htmlToText(readFileSync(join(dir, 'expected.html'), 'utf8')), title: meta.title ? { value: meta.title, mode: 'exact' } : undefined, date: validDate(meta.publishedTime) });
    }
  };
  readabilityLike('readability-zh', join(news, 'readability'));
  readabilityLike('readability-test-pages', join(corpus, 'readability-test-pages'));
  for (const id of dirs('taiwanese_news_parser')) {
    const dir = join(news, 'taiwanese_news_parser', id);
    const spec = json(join(dir, 'expected-snippets.json'));
    const parts = typeof spec.published_at_local === 'string' ? spec.published_at_local.split(',').map(Number) : undefined;
    const date = parts ? `${parts[0]}-${String(parts[1]).padStart(2, '0')}-${String(parts[2]).padStart(2, '0')}` + (parts.length >= 5 ? ` ${String(parts[3]).padStart(2, '0')}:${String(parts[4]).padStart(2, '0')}` : '') : undefined;
    pages.push({ set: 'snippets', id: `taiwanese_news_parser/${id}`, html: readHtml(join(dir, 'source.html')), snippets: { includes: spec.content_includes ?? [], excludes: spec.content_not_includes ?? [] }, title: spec.title ? { value: spec.title, mode: 'exact' } : undefined, date });
  }
  for (const id of dirs('twnews')) {
    const dir = join(news, 'twnews', id);
    const spec = json(join(dir, 'expected-snippets.json'));
    pages.push({ set: 'snippets', id: `twnews/${id}`, html: readHtml(join(dir, 'source.html')), snippets: { includes: spec.content_includes ?? [], excludes: [] }, title: spec.title_includes ? { value: spec.title_includes, mode: 'includes' } : undefined, date: validDate(spec.date) });
  }
  for (const id of dirs('trafilatura')) {
    const dir = join(news, 'trafilatura', id);
    const spec = json(join(dir, 'expected-snippets.json'));
    pages.push({ set: 'snippets', id: `trafilatura/${id}`, html: readHtml(join(dir, 'source.html')), snippets: { includes: spec.with ?? [], excludes: spec.without ?? [] }, title: spec.title?.trim() ? { value: spec.title.trim(), mode: 'exact' } : undefined, date: validDate(spec.date) });
  }
  for (const id of dirs('goose3')) {
    const dir = join(news, 'goose3', id);
    const spec = json(join(dir, 'expected-snippets.json'));
    pages.push({ set: 'snippets', id: `goose3/${id}`, html: readHtml(join(dir, 'source.html')), snippets: { includes: [], excludes: [], prefix: spec.expected?.cleaned_text } });
  }
  for (const file of existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort() : []) {
    pages.push({ set: 'seeds', id: file.replace(/\.txt$/, ''), text: readFileSync(join(seedsDir, file), 'utf8'), expectedText: readFileSync(join(seedsDir, 'gold', file), 'utf8') });
  }
  return pages;
}

const readabilityErrors: string[] = [];

function runReadability(document: Document, id = ''): { text: string; title?: string; date?: string } {
  try {
    const parsed = new Readability(document.cloneNode(true) as Document).parse();
    return { text: parsed?.textContent ?? '', title: parsed?.title ?? undefined, date: parsed?.publishedTime ?? undefined };
  } catch (error) {
    // Under linkedom, Readability throws on saved pages whose content sits outside <body>
    // (CWCE wraps pages in a <text> root); such a page scores 0 for it.
    readabilityErrors.push(`${id}: ${(error as Error).message}`);
    return { text: '', title: undefined };
  }
}

function extract(page: Page): Outcome {
  if (page.text !== undefined) {
    const ours = findArticleInText(page.text);
    // Readability gets the same dump as one <p> per line, the fairest HTML form of a text dump.
    const paragraphs = page.text.split('\n').map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
    const theirs = runReadability(parseHTML(`<!DOCTYPE html><html><head><title></title></head><body>${paragraphs}</body></html>`).document);
    return { ours: ours.ok ? articleText(ours) : '', theirs: theirs.text, oursOk: ours.ok, oursTitle: ours.ok ? ours.title : undefined };
  }
  const { document } = parseHTML(page.html ?? '');
  const ours = findArticle(document);
  const theirs = runReadability(document, page.id);
  return {
    ours: ours.ok ? articleText(ours) : '',
    theirs: theirs.text,
    oursOk: ours.ok,
    oursTitle: ours.ok ? ours.title : undefined,
    theirsTitle: theirs.title,
    oursDate: ours.ok ? ours.publishedAt : undefined,
    theirsDate: theirs.date,
  };
}

function snippetPass(snippets: Snippets, body: string): boolean {
  const text = compact(body);
  if (snippets.prefix && !text.includes(compact(snippets.prefix))) return false;
  return snippets.includes.every((s) => text.includes(compact(s))) && snippets.excludes.every((s) => !text.includes(compact(s)));
}

/** Exact match, whitespace ignored; a title given with a site suffix (Readability's metadata) also matches its head. */
function titleRight(expected: Page['title'], actual: string | undefined): boolean | undefined {
  if (!expected) return undefined;
  if (!actual) return false;
  const want = compact(expected.value);
  const got = compact(actual);
  if (expected.mode === 'includes') return got.includes(want);
  if (want === got) return true;
  return got.length >= 4 && want.startsWith(got) && /^[_|｜\-–—:：·»]/.test(want.slice(got.length));
}

/** Right when every part the ground truth gives (day, and hour:minute if it has them) agrees. */
function dateRight(expected: string | undefined, actual: string | undefined): boolean | undefined {
  if (!expected) return undefined;
  if (!actual) return false;
  const parts = (value: string) => (/(\d{4})\D+(\d{1,2})(?:\D+(\d{1,2}))?(?:\D+(\d{1,2})\D+(\d{1,2}))?/.exec(value) ?? []).slice(1).map((p) => (p === undefined ? undefined : Number(p)));
  const want = parts(expected);
  const got = parts(actual);
  if (want.length === 0) return undefined;
  // Midnight in a machine date usually means "day only".
  const wantLength = want[3] === 0 && want[4] === 0 ? 3 : want.filter((p) => p !== undefined).length;
  for (let i = 0; i < wantLength; i++) if (want[i] !== got[i]) return false;
  return true;
}

interface Row {
  set: SetName;
  id: string;
  oursF1?: number;
  theirsF1?: number;
  oursSnippet?: boolean;
  theirsSnippet?: boolean;
  oursTitle?: boolean;
  theirsTitle?: boolean;
  oursDate?: boolean;
  theirsDate?: boolean;
  seedClean?: boolean;
  note?: string;
}

function evaluate(page: Page): Row {
  const outcome = extract(page);
  const row: Row = { set: page.set, id: page.id };
  if (page.expectedText !== undefined) {
    row.oursF1 = bagOfCharactersF1(outcome.ours, page.expectedText);
    row.theirsF1 = bagOfCharactersF1(outcome.theirs, page.expectedText);
  }
  if (page.snippets) {
    row.oursSnippet = snippetPass(page.snippets, outcome.ours);
    row.theirsSnippet = snippetPass(page.snippets, outcome.theirs);
  }
  row.oursTitle = titleRight(page.title, outcome.oursTitle);
  row.theirsTitle = titleRight(page.title, outcome.theirsTitle);
  row.oursDate = dateRight(page.date, outcome.oursDate);
  row.theirsDate = dateRight(page.date, outcome.theirsDate);
  if (page.set === 'seeds' && page.expectedText !== undefined) {
    const gold = page.expectedText.trim().split('\n');
    const body = outcome.ours.trim().split('\n');
    row.seedClean = body[0] === gold[0] && body[body.length - 1] === gold[gold.length - 1] && body.every((line) => gold.includes(line));
  }
  if (!outcome.oursOk) row.note = 'ours: no article';
  return row;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
const rate = (values: (boolean | undefined)[]) => {
  const known = values.filter((v): v is boolean => v !== undefined);
  return { right: known.filter(Boolean).length, of: known.length };
};
const fmt = (n: number) => (Number.isNaN(n) ? '   -  ' : n.toFixed(3).padStart(6));

function main() {
  const rows = loadPages().map(evaluate);
  const sets: SetName[] = ['cwce', 'newspaper4k', 'readability-zh', 'readability-test-pages', 'snippets', 'seeds'];
  const summary = sets.map((set) => {
    const inSet = rows.filter((r) => r.set === set);
    const f1 = inSet.filter((r) => r.oursF1 !== undefined);
    return {
      set,
      pages: inSet.length,
      oursMeanF1: f1.length ? mean(f1.map((r) => r.oursF1!)) : undefined,
      readabilityMeanF1: f1.length ? mean(f1.map((r) => r.theirsF1!)) : undefined,
      oursSnippetPass: rate(inSet.map((r) => r.oursSnippet)),
      readabilitySnippetPass: rate(inSet.map((r) => r.theirsSnippet)),
      oursTitle: rate(inSet.map((r) => r.oursTitle)),
      readabilityTitle: rate(inSet.map((r) => r.theirsTitle)),
      oursDate: rate(inSet.map((r) => r.oursDate)),
      readabilityDate: rate(inSet.map((r) => r.theirsDate)),
      seedsClean: set === 'seeds' ? rate(inSet.map((r) => r.seedClean)) : undefined,
    };
  });
  const overall = {
    title: rate(rows.map((r) => r.oursTitle)),
    readabilityTitle: rate(rows.map((r) => r.theirsTitle)),
    date: rate(rows.map((r) => r.oursDate)),
    readabilityDate: rate(rows.map((r) => r.theirsDate)),
  };
  if (jsonOutput) {
    console.log(JSON.stringify({ metric: 'bag-of-characters F1, whitespace ignored', sets: summary, overall, readabilityErrors, pages: rows }, null, 2));
    return;
  }
  const mark = (v: boolean | undefined) => (v === undefined ? ' ' : v ? '✓' : '✗');
  console.log('set                     page                                        ours   readab.  title date');
  for (const r of rows) {
    const score = r.oursF1 !== undefined ? `${fmt(r.oursF1)} ${fmt(r.theirsF1!)}` : `  ${r.oursSnippet ? 'pass' : 'FAIL'}   ${r.theirsSnippet ? 'pass' : 'FAIL'}`;
    console.log(`${r.set.padEnd(23)} ${r.id.slice(0, 42).padEnd(43)} ${score}   ${mark(r.oursTitle)}/${mark(r.theirsTitle)}  ${mark(r.oursDate)}/${mark(r.theirsDate)}${r.seedClean === false ? '  BOILERPLATE' : ''}${r.note ? '  ' + r.note : ''}`);
  }
  console.log('\nsummary (bag-of-characters F1, whitespace ignored; ours vs @mozilla/readability on the same linkedom documents)');
  console.log('set                     pages  F1 ours  F1 readab.  snippets ours/readab.  title ours/readab.  date ours/readab.');
  const r2 = (x: { right: number; of: number }) => (x.of ? `${x.right}/${x.of}` : '-').padEnd(7);
  for (const s of summary) {
    console.log(`${s.set.padEnd(23)} ${String(s.pages).padStart(5)}  ${fmt(s.oursMeanF1 ?? NaN)}   ${fmt(s.readabilityMeanF1 ?? NaN)}     ${r2(s.oursSnippetPass)} ${r2(s.readabilitySnippetPass)}          ${r2(s.oursTitle)} ${r2(s.readabilityTitle)}    ${r2(s.oursDate)} ${r2(s.readabilityDate)}${s.seedsClean ? `  seeds clean ${s.seedsClean.right}/${s.seedsClean.of}` : ''}`);
  }
  const pct = (x: { right: number; of: number }) => `${x.right}/${x.of} (${((100 * x.right) / Math.max(1, x.of)).toFixed(1)}%)`;
  if (readabilityErrors.length) console.log(`Readability threw on ${readabilityErrors.length} pages (scored 0): ${readabilityErrors.map((e) => e.split(':')[0]).join(', ')}`);
  console.log(`overall: title ours ${pct(overall.title)} readability ${pct(overall.readabilityTitle)}; date ours ${pct(overall.date)} readability ${pct(overall.readabilityDate)}`);
}

main();
