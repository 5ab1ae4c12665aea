import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleText, findArticle, findArticleInText } from '../../../lib/extract/index';
import { fixtures, htmlDocument } from './helpers';

const seedDir = `${fixtures}seeds/`;
const seeds = readdirSync(seedDir).filter((file) => file.endsWith('.txt')).sort();

describe('findArticleInText on the five seeds', () => {
  it('has the five seeds and their gold bodies', () => {
    expect(seeds).toHaveLength(5);
  });

  for (const seed of seeds) {
    it(`${seed}: the body is exactly the gold paragraphs, first to last`, () => {
      const result = findArticleInText(readFileSync(seedDir + seed, 'utf8'));
      const gold = readFileSync(`${seedDir}gold/${seed}`, 'utf8').trim().split('\n');
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.root).toEqual([]);
      expect(result.blocks.every((block) => block.element === undefined)).toBe(true);
      expect(result.blocks.map((block) => block.text)).toEqual(gold);
      expect(articleText(result)).toBe(gold.join('\n'));
    });
  }

  const find = (prefix: string) => {
    const file = seeds.find((name) => name.startsWith(prefix))!;
    const result = findArticleInText(readFileSync(seedDir + file, 'utf8'));
    if (!result.ok) throw new Error(result.reason);
    return result;
  };

  it('reads title, dateline and source of 000 (`(2022/9/5 19:25:41)  来源:公安部网站  打印本页`)', () => {
    const article = find('000');
    expect(article.title).toBe('公安部等九部门联合部署开展打击惩治涉网黑恶犯罪专项行动');
    expect(article.publishedAt).toBe('2022-09-05T19:25:41');
    expect(article.source).toBe('公安部网站');
    expect(article.script).toBe('zh-Hans');
  });

  it('drops the editor line and disclaimer of 001 and tells it is traditional', () => {
    const article = find('001');
    const text = articleText(article);
    expect(text).not.toContain('編輯');
    expect(text).not.toContain('僅代表作者');
    expect(article.script).toBe('zh-Hant');
  });

  it('reads the dateline of 002 and leaves out the 热门推荐 list', () => {
    const article = find('002');
    expect(article.publishedAt).toBe('2023-05-31T21:31:24');
    expect(article.title).toBe('打击治理电信网络新型违法犯罪成效明显——2022年共破案46.4万起 缉捕犯罪集团头目和骨干351名');
    expect(articleText(article)).not.toContain('热门推荐');
  });

  it('reads 時間 and 來源 of 003 despite the pinyin glosses', () => {
    const article = find('003');
    expect(article.publishedAt).toBe('2015-10-12');
    expect(article.source).toBe('新華網');
    expect(articleText(article)).not.toContain('版權');
  });

  it('drops [責任編輯:楊永青] and the SEO place-name line of 004', () => {
    const article = find('004');
    expect(article.publishedAt).toBe('2022-03-30T09:50:00');
    expect(article.source).toBe('經濟參考報');
    expect(article.title).toBe('全國(guó)公安機(jī)關(guān)狠抓打擊治理 堅(jiān)決遏制電信網(wǎng)絡(luò)詐騙高發(fā)勢(shì)頭');
    const text = articleText(article);
    expect(text).not.toContain('責(zé)任編輯');
    expect(text).not.toContain('海门市|');
    expect(article.script).toBe('zh-Hant');
  });

  it('says why a list of headlines is not an article', () => {
    const lines = readFileSync(seedDir + seeds[0], 'utf8').split('\n').filter((line) => line.startsWith('·'));
    const result = findArticleInText(lines.join('\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/prose/);
  });
});

describe('findArticle on the five seeds rendered as pages (tests/fixtures/pages/seeds, used by the demo and e2e)', () => {
  const pageDir = `${fixtures}pages/seeds/`;
  const compactLines = (text: string) => text.trim().split('\n').map((line) => line.replace(/\s+/g, '')).filter(Boolean);

  for (const seed of seeds) {
    it(`${seed}: the body equals the seed's gold body, up to whitespace`, () => {
      const doc = htmlDocument(readFileSync(pageDir + seed.replace(/\.txt$/, '.html'), 'utf8'));
      const result = findArticle(doc);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(compactLines(articleText(result))).toEqual(compactLines(readFileSync(`${seedDir}gold/${seed}`, 'utf8')));
    });
  }

  it('002: the `【资料图】` figcaption and the two subtitle lines (the headline cut in two) are not body', () => {
    const doc = htmlDocument(readFileSync(`${pageDir}002_cd855594ea86f9d9.html`, 'utf8'));
    expect(doc.querySelector('figcaption')?.textContent).toBe('【资料图】');
    expect(doc.querySelectorAll('ul.subtitles li')).toHaveLength(2);
    const result = findArticle(doc);
    if (!result.ok) throw new Error(result.reason);
    const text = articleText(result);
    expect(text).not.toContain('资料图');
    expect(text.startsWith('中国警察网北京5月30日电')).toBe(true);
    expect(result.blocks.some((block) => block.element?.closest('ul.subtitles'))).toBe(false);
  });

  it('004: the series kicker `“三探電信網(wǎng)絡(luò)詐騙”系列報(bào)道追蹤` opening the body container is not body', () => {
    const doc = htmlDocument(readFileSync(`${pageDir}004_daf76fd60bbc25c0.html`, 'utf8'));
    const result = findArticle(doc);
    if (!result.ok) throw new Error(result.reason);
    expect(doc.querySelector('#artibody p')?.textContent).toContain('系列報(bào)道追蹤');
    expect(articleText(result)).not.toContain('系列報(bào)道追蹤');
  });
});
