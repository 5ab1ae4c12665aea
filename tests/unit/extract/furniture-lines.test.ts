import { describe, expect, it } from 'vitest';
import { classifyBoilerplate } from '../../../lib/extract/boilerplate';
import { articleText, findArticle } from '../../../lib/extract/index';
import { loadPage, newsHtml } from './helpers';

describe('labels and kickers around a body', () => {
  it('takes a bare photo label as furniture, and keeps a caption that says something', () => {
    expect(classifyBoilerplate('【资料图】')).toBe('media-label');
    expect(classifyBoilerplate('(圖)')).toBe('media-label');
    expect(classifyBoilerplate('资料图：无性婚姻能走多远？')).toBeUndefined();
    expect(classifyBoilerplate('图为民警向居民讲解防骗知识。')).toBeUndefined();
  });

  it('takes a column or series kicker as furniture (`【新春走基层】` on 松花江网, the series line of seed 004)', () => {
    expect(classifyBoilerplate('【新春走基层】')).toBe('rubric');
    expect(classifyBoilerplate('“三探電信網絡詐騙”系列報道追蹤')).toBe('rubric');
    expect(classifyBoilerplate('“三探电信网络诈骗”系列报道追踪')).toBe('rubric');
  });

  it('leaves prose that mentions a series, and a line that only starts with a bracket', () => {
    expect(classifyBoilerplate('本报推出系列报道，聚焦基层反诈工作中的新做法。')).toBeUndefined();
    expect(classifyBoilerplate('【看中国2005年07月03日报道】一九八九年四月，我在湖南张家界开一个全省教学研究会')).toBeUndefined();
    expect(classifyBoilerplate('[责任编辑：王明]')).toBe('editor');
  });
});

describe('share buttons', () => {
  it('takes the 腾讯网 button label `转播到腾讯微博` as a share line (Readability keeps it in its qq.com output)', () => {
    expect(classifyBoilerplate('转播到腾讯微博')).toBe('share');
    expect(classifyBoilerplate('转播到腾讯微博的内容引发热议，网友纷纷留言。')).toBeUndefined();
  });
});

describe('a site notice after the body ends it', () => {
  it('cuts 松花江网’s `反侵权公告：` and the numbered notice under it (CWCE 3e1af229)', () => {
    expect(classifyBoilerplate('反侵权公告：')).toBe('related-heading');
    const result = findArticle(loadPage(newsHtml('cwce/3e1af229-5b3e-4cfc-82b2-481f37d7adf7/source.html')));
    if (!result.ok) throw new Error(result.reason);
    const text = articleText(result);
    expect(text).toContain('土豆，听名字就“土”得掉渣。');
    expect(text).not.toMatch(/反侵权公告|未经书面许可|陈律师/);
  });
});
