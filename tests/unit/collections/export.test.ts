import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../../lib/collections/commands';
import { CSV_COLUMNS, csvTextCell, exportCsv } from '../../../lib/collections/export/csv';
import { buildCslItems, cslDate, exportCslJson, validateCslItem } from '../../../lib/collections/export/csl';
import { exportJson } from '../../../lib/collections/export/json';
import { escapeMarkdownInline, exportMarkdown } from '../../../lib/collections/export/markdown';
import { ANNOTATION_CONTEXT, exportWebAnnotations } from '../../../lib/collections/export/webanno';
import { importCollections } from '../../../lib/collections/import';
import { emptyState, type CollectionsState } from '../../../lib/collections/schema';
import { parseCsv } from './csv-parse';
import { SEED_SIMPLIFIED, SEED_TRADITIONAL, bigState, draftFrom, fakeClock, readSeed, testIds } from './helpers';

const page = readSeed(SEED_SIMPLIFIED);
const traditionalPage = readSeed(SEED_TRADITIONAL);
const NOW = '2024-05-01T00:00:00.000Z';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Two collections, four clips, one shared, with notes and tags that try to break each format. */
/** Applies commands to an empty state with a fake clock and test ids; `state()` reads the result. */
function commandRunner(idCount: number) {
  const now = fakeClock();
  const ids = testIds(idCount);
  let state: CollectionsState = emptyState();
  const run = (command: Command) => {
    const outcome = applyCommand(state, command, now(), ids);
    if (!outcome.ok) throw new Error(outcome.error.message);
    state = outcome.state;
    return outcome.result as never;
  };
  return { run, state: () => state };
}

function sampleState() {
  const runner = commandRunner(11);
  const run = runner.run;
  const stats = (run({ type: 'createCollection', name: '电诈统计' }) as { collection: { id: string } }).collection.id;
  const ops = (run({ type: 'createCollection', name: '专项行动 *2023*' }) as { collection: { id: string } }).collection.id;
  const add = (collectionId: string, draft: ReturnType<typeof draftFrom>) => (run({ type: 'addClip', collectionId, clip: draft }) as { clip: { id: string } }).clip.id;
  const a = add(stats, draftFrom(page, '全年共破案46.4万起', { kind: 'statistic', value: 464000, unit: '起', approx: false, measure: '破案' }));
  const b = add(ops, draftFrom(page, '“云剑”“断卡”“断流”等专项行动', { kind: 'operation', canonical: '断卡行动' }));
  const c = add(stats, draftFrom(page, '紧急拦截涉案资金3180余亿元', { kind: 'statistic', value: 318_000_000_000, unit: '元', approx: true }));
  const tDraft = draftFrom(traditionalPage, '預警勸阻受騙群眾2.1萬余人次');
  tDraft.target = { ...tDraft.target, url: 'http://www.hanzhong.gov.cn/news/2020/0325.html', title: '漢中市舉行新聞發布會 [公告](javascript:alert(1))', site: '漢中市人民政府', publishedAt: '2020-03-25', script: 'zh-Hant', byline: '楊春建' };
  const d = add(ops, tDraft);
  run({ type: 'updateClip', clipId: a, note: '=HYPERLINK("http://evil.example","点我"), 逗号 "引号"\n第二行', tags: ['破案', '-1+1', '@SUM(A1)'] });
  run({ type: 'updateClip', clipId: d, note: '<script>alert(1)</script> **粗体** _斜体_ # 标题', tags: ['2.1萬'] });
  run({ type: 'copyClips', clipIds: [c], toCollectionId: ops });
  return { state: runner.state(), stats, ops, a, b, c, d };
}

describe('JSON export', () => {
  it('is versioned and lossless: importing it into an empty state reproduces the state', () => {
    const { state } = sampleState();
    const text = unwrap(exportJson(state, { now: NOW }));
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'fanzha-lens-collections', version: 1, exportedAt: NOW });
    expect(file.collections.map((c: { name: string }) => c.name)).toEqual(['电诈统计', '专项行动 *2023*']);
    const imported = unwrap(importCollections(emptyState(), text, NOW));
    expect(imported.state).toEqual({ ...state, lastUsedCollectionId: undefined });
    expect(imported.report).toEqual({ added: 4, updated: 0, skipped: 0, rejected: [], collections: { added: 2, updated: 0, skipped: 0 } });
  });

  it('one collection exports only its clips, with membership narrowed to it so it re-imports alone', () => {
    const { state, ops, c } = sampleState();
    const file = JSON.parse(unwrap(exportJson(state, { collectionId: ops, now: NOW })));
    expect(file.collections.map((x: { id: string }) => x.id)).toEqual([ops]);
    expect(file.clips).toHaveLength(3);
    expect(file.clips.find((x: { id: string }) => x.id === c).collectionIds).toEqual([ops]);
    expect(importCollections(emptyState(), file, NOW).ok).toBe(true);
    expect(exportJson(state, { collectionId: 'missing' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No collection missing.' } });
  });
});

describe('CSV export', () => {
  it('starts with a BOM, has the documented columns, and parses back with Chinese intact', () => {
    const { state } = sampleState();
    const text = unwrap(exportCsv(state));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    // One row per clip per collection: 4 clips, one of them in two collections.
    expect(rows).toHaveLength(1 + 5);
    const byText = (t: string) => rows.filter((r) => r[2] === t);
    const stat = byText('全年共破案46.4万起')[0];
    expect(stat.slice(0, 9)).toEqual(['电诈统计', 'statistic', '全年共破案46.4万起', '', '', '464000', '起', 'false', '破案']);
    expect(byText('紧急拦截涉案资金3180余亿元').map((r) => r[0])).toEqual(['电诈统计', '专项行动 *2023*']);
    expect(byText('紧急拦截涉案资金3180余亿元')[0][5]).toBe('318000000000');
    const trad = byText('預警勸阻受騙群眾2.1萬余人次')[0];
    expect(trad[13]).toBe('漢中市人民政府');
    expect(trad[14]).toBe('2020-03-25');
  });

  it('defuses spreadsheet formulas and quotes commas, quotes and line breaks', () => {
    const { state } = sampleState();
    const rows = parseCsv(unwrap(exportCsv(state)).slice(1));
    const stat = rows.find((r) => r[2] === '全年共破案46.4万起')!;
    expect(stat[9]).toBe(`'=HYPERLINK("http://evil.example","点我"), 逗号 "引号"\n第二行`);
    expect(stat[10]).toBe('破案; -1+1; @SUM(A1)'); // the cell starts with 破, so it is not a formula
    const text = unwrap(exportCsv(state));
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我""), 逗号 ""引号""\n第二行"`);
    expect(['=1+1', '+86 10 1234', '-1', '@SUM(A1)', '\tx', '断卡'].map(csvTextCell)).toEqual([
      "'=1+1",
      "'+86 10 1234",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      '断卡',
    ]);
  });
});

describe('Markdown export', () => {
  it('writes a heading per collection, the quote as > , the source link, site/date and the note', () => {
    const { state, ops } = sampleState();
    const md = unwrap(exportMarkdown(state, { collectionId: ops, now: NOW }));
    expect(md.startsWith('# 专项行动 \\*2023\\*\n\n_3 clips, exported 2024-05-01_\n\n')).toBe(true);
    expect(md).toContain('> “云剑”“断卡”“断流”等专项行动\n\n— [打击治理电信网络新型违法犯罪成效明显](https://www.cpd.com.cn/n3559/t_1090399.html) · 中国警察网 · 2023\\-05\\-31');
    expect(md).toContain('> 紧急拦截涉案资金3180余亿元');
  });

  it('escapes Markdown and HTML in page text and notes, so nothing becomes a link, tag or emphasis', () => {
    const { state, ops } = sampleState();
    const md = unwrap(exportMarkdown(state, { collectionId: ops, now: NOW }));
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\> \\*\\*粗体\\*\\* \\_斜体\\_ \\# 标题');
    expect(md).not.toContain('<script>');
    expect(md).toContain('[漢中市舉行新聞發布會 \\[公告\\]\\(javascript\\:alert\\(1\\)\\)](http://www.hanzhong.gov.cn/news/2020/0325.html)');
    expect(escapeMarkdownInline('1. 第一')).toBe('1\\. 第一');
  });
});

describe('CSL-JSON export', () => {
  it('makes one valid webpage item per source page with issued, accessed, container-title and the quotes in note', () => {
    const { state } = sampleState();
    const items = JSON.parse(unwrap(exportCslJson(state)));
    expect(items).toHaveLength(2);
    for (const item of items) expect(validateCslItem(item)).toEqual([]);
    const cpd = items.find((i: { URL: string }) => i.URL === 'https://www.cpd.com.cn/n3559/t_1090399.html');
    expect(cpd).toMatchObject({
      type: 'webpage',
      title: '打击治理电信网络新型违法犯罪成效明显',
      'container-title': '中国警察网',
      issued: { 'date-parts': [[2023, 5, 31]] },
      accessed: { 'date-parts': [[2024, 3, 1]] },
      language: 'zh-Hans',
    });
    expect(cpd.id).toMatch(/^fanzha-[0-9a-z]+$/);
    expect(cpd.note).toContain('“全年共破案46.4万起”');
    expect(cpd.note).toContain('Tags: 破案, -1+1, @SUM(A1)');
    const hz = items.find((i: { URL: string }) => i.URL.includes('hanzhong'));
    expect(hz).toMatchObject({ author: [{ literal: '楊春建' }], issued: { 'date-parts': [[2020, 3, 25]] }, language: 'zh-Hant' });
  });

  it('validateCslItem rejects missing id/type and malformed date-parts', () => {
    expect(validateCslItem({ type: 'webpage' })).toEqual(['id: required (string or number)']);
    expect(validateCslItem({ id: 'x' })).toEqual(['type: required']);
    expect(validateCslItem({ id: 'x', type: 'webpage', issued: { 'date-parts': [2023, 5, 31] } })).toEqual([
      'issued: expected {"date-parts": [[year, month?, day?]]}',
    ]);
    expect(validateCslItem({ id: 'x', type: 'webpage', issued: { 'date-parts': [[2023, 13]] } })).toHaveLength(1);
    expect(cslDate('2023-05')).toEqual({ 'date-parts': [[2023, 5]] });
    expect(cslDate('not a date')).toBeUndefined();
    expect(buildCslItems([])).toEqual([]);
  });
});

describe('Web Annotation export', () => {
  it('writes W3C annotations: context, motivation, target source + selectors, commenting and tagging bodies', () => {
    const { state, a, b } = sampleState();
    const doc = JSON.parse(unwrap(exportWebAnnotations(state, { now: NOW })));
    expect(doc).toMatchObject({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', total: 4, first: { type: 'AnnotationPage' } });
    const byId = (id: string) => doc.first.items.find((x: { id: string }) => x.id === `urn:uuid:${id}`);
    const withNote = byId(a);
    expect(withNote).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', motivation: 'commenting' });
    expect(withNote.target.source).toBe('https://www.cpd.com.cn/n3559/t_1090399.html');
    expect(withNote.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(withNote.target.selector[0].exact).toBe('全年共破案46.4万起');
    expect(withNote.body.filter((x: { purpose: string }) => x.purpose === 'tagging').map((x: { value: string }) => x.value)).toEqual(['破案', '-1+1', '@SUM(A1)']);
    expect(withNote.body[0]).toMatchObject({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain' });
    const highlight = byId(b);
    expect(highlight.motivation).toBe('highlighting');
    expect(highlight.body).toEqual([{ type: 'TextualBody', value: '断卡行动', purpose: 'describing', format: 'text/plain' }]);
  });
});

describe('export speed', () => {
  it('exports 10,000 clips in every format in under a second each', () => {
    const state = bigState(10_000);
    const timings: Record<string, number> = {};
    for (const [name, run] of Object.entries({ json: exportJson, csv: exportCsv, markdown: exportMarkdown, csl: exportCslJson, webanno: exportWebAnnotations })) {
      const t0 = performance.now();
      const out = unwrap(run(state, { now: NOW }));
      timings[name] = performance.now() - t0;
      expect(out.length).toBeGreaterThan(10_000 * 20);
    }
    console.log(`export 10,000 clips (ms): ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(1000);
  });
});

describe('canonical names as the reader was shown them', () => {
  /** One agency clip from the traditional seed page and one from the simplified one. */
  function agencyState() {
    const { run, state } = commandRunner(5);
    const id = (run({ type: 'createCollection', name: '機關' }) as { collection: { id: string } }).collection.id;
    const trad = draftFrom(traditionalPage, '市公安局', { kind: 'agency', canonical: '汉中市公安局' });
    trad.target = { ...trad.target, script: 'zh-Hant' };
    const simp = draftFrom(page, '公安部', { kind: 'agency', canonical: '公安部刑事侦查局' });
    simp.target = { ...simp.target, script: 'zh-Hans' };
    run({ type: 'addClip', collectionId: id, clip: trad });
    run({ type: 'addClip', collectionId: id, clip: simp });
    return state();
  }

  it('CSV keeps the simplified key and adds the displayed form: traditional for a traditional page or the 繁體 interface', () => {
    const rows = parseCsv(unwrap(exportCsv(agencyState())).slice(1));
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    const byCanonical = (c: string, r: string[][]) => r.find((row) => row[col('canonical')] === c)!;
    expect(byCanonical('汉中市公安局', rows)[col('canonicalDisplay')]).toBe('漢中市公安局');
    expect(byCanonical('公安部刑事侦查局', rows)[col('canonicalDisplay')]).toBe('公安部刑事侦查局');
    const twRows = parseCsv(unwrap(exportCsv(agencyState(), { locale: 'zh_TW' })).slice(1));
    expect(byCanonical('公安部刑事侦查局', twRows)[col('canonicalDisplay')]).toBe('公安部刑事偵查局');
    expect(byCanonical('汉中市公安局', twRows)[col('canonicalDisplay')]).toBe('漢中市公安局');
  });

  it('Web Annotation and Markdown add the traditional form beside the simplified one', () => {
    const doc = JSON.parse(unwrap(exportWebAnnotations(agencyState(), { now: NOW })));
    const bodies = doc.first.items.flatMap((a: { body?: { value: string; language?: string }[] }) => a.body ?? []);
    expect(bodies).toContainEqual({ type: 'TextualBody', value: '汉中市公安局', purpose: 'describing', format: 'text/plain' });
    expect(bodies).toContainEqual({ type: 'TextualBody', value: '漢中市公安局', purpose: 'describing', format: 'text/plain', language: 'zh-Hant' });
    const md = unwrap(exportMarkdown(agencyState(), { now: NOW }));
    expect(md).toContain('漢中市公安局 (汉中市公安局)');
  });
});
