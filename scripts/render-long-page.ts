/**
 * Builds tests/fixtures/pages/long-article.html: one ~200,000-character article made of the seed
 * gold bodies repeated (simplified and traditional paragraphs alternating, inline tags splitting
 * names and numbers as real pages do), with the usual boilerplate around it. Used by the page
 * benchmarks and the "no long task" tests. Run: node --import tsx scripts/render-long-page.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const goldDir = join(root, 'tests/fixtures/seeds/gold');
const target = Number(process.argv[2] ?? 200_000);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const paragraphs = readdirSync(goldDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readFileSync(join(goldDir, f), 'utf8').split('\n'))
  .map((l) => l.trim())
  .filter((l) => l.length > 20);

const out: string[] = [];
let length = 0;
for (let i = 0; length < target; i++) {
  const text = paragraphs[i % paragraphs.length];
  // Every third paragraph: split the first agency-like name and the first number with inline tags.
  const html = i % 3 === 0 ? escape(text).replace(/(公安)(部)/, '<b>$1</b>$2').replace(/(\d+)(\.\d+)?(万|萬)/, '<span>$1</span>$2$3') : escape(text);
  out.push(`<p>${html}</p>`);
  length += text.length;
}

const page = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>长篇测试页：打击治理电信网络诈骗工作综述_测试网</title>
<style>body{font-family:'Noto Sans CJK SC',sans-serif;max-width:900px;margin:0 auto;line-height:1.8}</style></head>
<body>
<header><nav><a href="#">首页</a> | <a href="#">新闻中心</a> | <a href="#">法治</a></nav></header>
<h1>打击治理电信网络诈骗工作综述</h1>
<div class="meta">2023-05-31 21:31:24 来源:测试网</div>
<div class="article-content" id="artibody">
${out.join('\n')}
</div>
<aside><h3>相关新闻</h3><ul><li><a href="#">公安部部署开展夏季治安打击整治“百日行动”</a></li><li><a href="#">最高检发布典型案例</a></li></ul></aside>
<footer>版权所有 测试网</footer>
</body>
</html>
`;
writeFileSync(join(root, 'tests/fixtures/pages/long-article.html'), page);
console.log(`long-article.html: ${out.length} paragraphs, ${length} characters of body`);
