/**
 * Renders the five seed dumps (tests/fixtures/seeds/*.txt) as realistic news pages for the demo and
 * the e2e tests: the boilerplate lines become the site navigation, related-news lists and footer they
 * were, the body goes into an article container, as described in tests/fixtures/pages/seeds/layout.json.
 * Run: node --import tsx scripts/render-seed-pages.ts  (output is committed)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const seedsDir = join(root, 'tests/fixtures/seeds');
const outDir = join(root, 'tests/fixtures/pages/seeds');

interface Layout {
  seed: string;
  lang: string;
  site: string;
  pageTitle?: string;
  header: number[];
  title: number | null;
  meta: number[];
  body: [number, number];
  articleTail: number[];
  rest: [number, number];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const isHeading = (s: string) => s.length <= 12 && !/^[·•]/.test(s) && !/[,。,;:]/.test(s);
const isDateOnly = (s: string) => /^\d{4}-\d{2}(-\d{2})?$/.test(s);

function renderBody(lines: string[]): string {
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(`<ul class="subtitles">${list.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const line of lines) {
    if (/^[•·]\s*/.test(line)) {
      list.push(line.replace(/^[•·]\s*/, ''));
      continue;
    }
    flush();
    if (/^【.*图】$/.test(line)) out.push(`<figure><div class="img" role="img" aria-label="图"></div><figcaption>${escape(line)}</figcaption></figure>`);
    else out.push(`<p>${escape(line)}</p>`);
  }
  flush();
  return out.join('\n');
}

function renderRest(lines: string[]): { aside: string; footer: string } {
  const sections: string[] = [];
  let items: string[] = [];
  let heading: string | null = null;
  let footer: string[] = [];
  const flush = () => {
    if (heading !== null || items.length) {
      sections.push(
        `<section class="related">${heading ? `<h3>${escape(heading)}</h3>` : ''}<ul>${items.join('')}</ul></section>`,
      );
    }
    heading = null;
    items = [];
  };
  for (const line of lines) {
    if (isDateOnly(line) && items.length) {
      items[items.length - 1] = items[items.length - 1].replace('</li>', ` <span class="date">${line}</span></li>`);
    } else if (/^·/.test(line)) {
      for (const item of line.split('·').filter((s) => s.trim())) items.push(`<li><a href="#">${escape(item.trim())}</a></li>`);
    } else if (isHeading(line) && !/\|/.test(line)) {
      flush();
      heading = line;
    } else if (line.length < 140 && !/[。]/.test(line) && !/\|/.test(line) && items.length + (heading ? 1 : 0) > 0) {
      items.push(`<li><a href="#">${escape(line)}</a></li>`);
    } else {
      flush();
      footer.push(line);
    }
  }
  flush();
  const footerHtml = footer.length ? `<footer class="site-footer">${footer.map((l) => `<p>${escape(l)}</p>`).join('\n')}</footer>` : '';
  return { aside: `<aside class="sidebar">${sections.join('\n')}</aside>`, footer: footerHtml };
}

const layouts: Layout[] = JSON.parse(readFileSync(join(outDir, 'layout.json'), 'utf8')).pages;
for (const layout of layouts) {
  const raw = readFileSync(join(seedsDir, `${layout.seed}.txt`), 'utf8').split('\n');
  const line = (n: number) => (raw[n - 1] ?? '').trim();
  const range = ([from, to]: [number, number]) =>
    raw.slice(from - 1, Math.min(to, raw.length)).map((l) => l.trim()).filter(Boolean);
  const rest = renderRest(range(layout.rest));
  const title = layout.title ? line(layout.title) : layout.pageTitle ?? layout.site;
  const html = `<!doctype html>
<html lang="${layout.lang}">
<head>
<meta charset="utf-8">
<title>${escape(title)}_${escape(layout.site)}</title>
<style>
body{font-family:'Noto Sans CJK SC','Noto Sans CJK TC',sans-serif;margin:0;background:#f4f4f4;color:#222}
.top{background:#8b0000;color:#fff;padding:8px 24px}.top a{color:#fff;margin-right:12px}
.wrap{display:flex;gap:24px;max-width:1100px;margin:16px auto}
.main{flex:3;min-width:0;background:#fff;padding:16px 28px}.sidebar{flex:1;min-width:220px;max-width:300px;background:#fff;padding:12px;font-size:13px}
h1{font-size:24px}.meta{color:#777;font-size:13px}.content p{line-height:1.9;text-indent:2em}
.related h3{font-size:14px;border-bottom:2px solid #8b0000}.related ul{padding-left:16px}.related a{color:#333}
.site-footer{max-width:1100px;margin:0 auto;color:#777;font-size:12px;padding:12px}
figure .img{width:320px;height:160px;background:#ccd}
</style>
</head>
<body>
<header class="top"><strong>${escape(layout.site)}</strong>
<nav>${layout.header.map((n) => `<a href="#">${escape(line(n))}</a>`).join(' ')} <a href="#">首页</a><a href="#">新闻中心</a><a href="#">时事新闻</a></nav></header>
<div class="wrap">
<main class="main">
${layout.title ? `<h1>${escape(title)}</h1>` : ''}
${layout.meta.map((n) => `<div class="meta">${escape(line(n))}</div>`).join('\n')}
<div class="content" id="artibody">
${renderBody(range(layout.body))}
${layout.articleTail.map((n) => `<p class="editor">${escape(line(n))}</p>`).join('\n')}
</div>
</main>
${rest.aside}
</div>
${rest.footer}
</body>
</html>
`;
  writeFileSync(join(outDir, `${layout.seed}.html`), html);
  console.log(`rendered ${layout.seed}.html`);
}
