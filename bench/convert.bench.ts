/**
 * Page conversion throughput: the full DOM path (collect blocks, convert in batches, split over the
 * text nodes, write back) against raw opencc-js on the same text, in the same run; then the cold
 * cost of building each direction's converter (fresh process per direction).
 *   node --import tsx bench/convert.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parseHTML } from 'linkedom';
import { collectBlocks, convertBatch, createConverterCache, createPageConversion, type SourceScript, type Target } from '../lib/convert';

const fixture = (path: string) => fileURLToPath(new URL(`../tests/fixtures/${path}`, import.meta.url));
const TARGET_CHARACTERS = 200_000;

// Parsing a fresh linkedom page per run leaves garbage behind; collect it before each timed
// section so that neither side pays for the page building.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const INLINE_TAGS = ['b', 'a', 'span', 'em', 'fzl-mark'];

/** ~200k characters of simplified prose (OpenCC's golden US constitution + a simplified seed page),
 * one <p> per line, with an inline tag around a few characters every ~15 characters. */
function buildPage(): string {
  const source = [
    readFileSync(fixture('opencc/golden/us_constitution_zhs.txt'), 'utf8'),
    readFileSync(fixture('seeds/000_0b94c6cf45dcb226.txt'), 'utf8'),
  ].join('\n');
  const lines = source.split('\n').map((line) => line.trim()).filter(Boolean);
  const paragraphs: string[] = [];
  let characters = 0;
  let tag = 0;
  for (let round = 0; characters < TARGET_CHARACTERS; round++) {
    for (const line of lines) {
      const points = Array.from(line);
      let html = '';
      for (let i = 0; i < points.length; i += 15) {
        const piece = points.slice(i, i + 15);
        const cut = Math.min(piece.length, 11);
        const name = INLINE_TAGS[tag++ % INLINE_TAGS.length];
        html += escape(piece.slice(0, cut).join('')) + (cut < piece.length ? `<${name}>${escape(piece.slice(cut).join(''))}</${name}>` : '');
      }
      paragraphs.push(`<p>${html}</p>`);
      characters += points.length;
      if (characters >= TARGET_CHARACTERS) break;
    }
  }
  return `<!doctype html><html><head><title>美国宪法</title></head><body><article>${paragraphs.join('\n')}</article></body></html>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measureDirection(html: string, from: SourceScript, to: Exclude<Target, 'original'>, runs: number) {
  const cache = createConverterCache();
  const convert = await cache.getConverter(from, to); // built outside the timings
  const domTimes: number[] = [];
  const rawTimes: number[] = [];
  const collectTimes: number[] = [];
  const convertTimes: number[] = [];
  let report;
  let pageText = '';
  for (let run = 0; run < runs; run++) {
    const { document } = parseHTML(html);
    pageText = collectBlocks(document).map((block) => block.text).join('\n');
    collectGarbage();
    let started = performance.now();
    convert(pageText);
    rawTimes.push(performance.now() - started);

    started = performance.now();
    collectBlocks(document);
    collectTimes.push(performance.now() - started);

    const conversion = createPageConversion(document, { yieldToPage: () => Promise.resolve() });
    collectGarbage();
    started = performance.now();
    // The batch API as the worker runs it (one converter call per batch). Timed synchronously:
    // the page conversion keeps several batches in flight, so call-to-answer times would overlap.
    let converting = 0;
    report = await conversion.convertTo(to, async (texts) => {
      const begun = performance.now();
      const converted = convertBatch(convert, texts);
      converting += performance.now() - begun;
      return converted;
    });
    domTimes.push(performance.now() - started);
    convertTimes.push(converting);
    if (run === 0) {
      // The page must read exactly like its blocks converted as plain strings.
      const expected = collectBlocks(parseHTML(html).document).map((block) => convert(block.text)).join('\n');
      const actual = collectBlocks(document).map((block) => block.text).join('\n');
      if (actual !== expected) throw new Error(`${from}→${to}: DOM path differs from the string path`);
    }
  }
  const raw = median(rawTimes);
  const dom = median(domTimes);
  return { direction: `${from}→${to}`, characters: pageText.length, raw, dom, collect: median(collectTimes), converting: median(convertTimes), report };
}

function coldBuild(bundle: 'cn2t' | 't2cn', from: string, to: string): { importMs: number; buildMs: number } {
  const script = `
    const t0 = performance.now();
    const { Converter } = await import('opencc-js/${bundle}');
    const t1 = performance.now();
    const convert = Converter({ from: '${from}', to: '${to}' });
    const t2 = performance.now();
    convert('测试');
    console.log(JSON.stringify({ importMs: t1 - t0, buildMs: t2 - t1 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

function printRow(result: Awaited<ReturnType<typeof measureDirection>>) {
  console.log(
    `${result.direction.padEnd(10)} ${String(result.characters).padEnd(9)} ${result.raw.toFixed(1).padStart(13)}  ${result.dom
      .toFixed(1)
      .padStart(11)}  ${result.collect.toFixed(1).padStart(12)}  ${result.converting.toFixed(1).padStart(15)}  ${(result.raw / result.dom).toFixed(2).padStart(13)}  ${String(
      result.report?.changedNodes,
    ).padStart(13)}  ${String(result.report?.batches).padStart(7)}`,
  );
}

const html = buildPage();
const runs = Number(process.env.RUNS ?? 5);
console.log(`page: ${html.length} bytes of HTML; median of ${runs} runs\n`);
console.log('direction  chars     raw opencc ms  DOM path ms  (collect ms)  (converting ms)  ratio raw/DOM  nodes written  batches');
for (const [from, to] of [['cn', 'tw'], ['cn', 'twp'], ['cn', 'hk']] as const) {
  const result = await measureDirection(html, from, to, runs);
  printRow(result);
}
{
  // Traditional → simplified on the s2tw output of the same page.
  const cache = createConverterCache();
  const toTraditional = await cache.getConverter('cn', 'tw');
  const { document } = parseHTML(html);
  for (const block of collectBlocks(document)) block.nodes.forEach((node) => (node.data = toTraditional(node.data)));
  const result = await measureDirection(document.toString(), 'tw', 'cn', runs);
  printRow(result);
}

console.log('\ncold converter build (fresh process each): bundle import ms + Converter() build ms');
for (const [bundle, from, to] of [
  ['cn2t', 'cn', 'tw'],
  ['cn2t', 'cn', 'twp'],
  ['cn2t', 'cn', 'hk'],
  ['cn2t', 't', 'tw'],
  ['t2cn', 'tw', 'cn'],
  ['t2cn', 'hk', 'cn'],
  ['t2cn', 't', 'cn'],
] as const) {
  const { importMs, buildMs } = coldBuild(bundle, from, to);
  console.log(`${`${from}→${to}`.padEnd(8)} via opencc-js/${bundle}: import ${importMs.toFixed(0).padStart(4)} ms + build ${buildMs.toFixed(0).padStart(4)} ms`);
}
