import { describe, expect, it } from 'vitest';
import { isCuratedSite, matchPatternsFor, newsSites, siteOf } from '../../../lib/sites/news-sites';
import { originsFor, siteAccess, sitePattern, urlMatchesPattern, userSitePatterns } from '../../../lib/sites/user-sites';

describe('curated sites', () => {
  it('cover the listed news and government sites and their subdomains, and nothing else', () => {
    expect(isCuratedSite('https://www.mps.gov.cn/n2253534/n2253535/c8620963/content.html')).toBe(true);
    expect(isCuratedSite('https://news.ltn.com.tw/news/society/breakingnews/1')).toBe(true);
    expect(isCuratedSite('https://www.hk01.com/社會新聞/1')).toBe(true);
    expect(isCuratedSite('https://evilgov.cn/')).toBe(false); // not a subdomain of gov.cn
    expect(isCuratedSite('https://gov.cn.evil.example/')).toBe(false);
    expect(isCuratedSite('http://127.0.0.2:8080/')).toBe(false);
    expect(isCuratedSite('file:///tmp/a.html')).toBe(false);
    const patterns = matchPatternsFor(newsSites);
    expect(patterns).toContain('*://*.people.com.cn/*');
    expect(patterns).not.toContain('<all_urls>');
    expect(patterns.every((p) => /^(\*|https?):\/\/(\*\.)?[a-z0-9.-]+\/\*$/.test(p))).toBe(true);
    expect(siteOf('https://www.udn.com/news/story/1')).toBe('udn.com');
  });
});

describe('sites the reader enables', () => {
  it('asks for exactly the page origin', () => {
    expect(sitePattern('https://www.example.com.tw/news/1?x=1#y')).toBe('https://www.example.com.tw/*');
    expect(sitePattern('http://127.0.0.2:4000/a.html')).toBe('http://127.0.0.2/*');
    expect(sitePattern('chrome://extensions')).toBeNull();
    expect(sitePattern('not a url')).toBeNull();
  });

  it('registers the content script only for granted origins beyond the manifest', () => {
    const manifest = ['*://*.people.com.cn/*', 'http://127.0.0.1/*'];
    const granted = ['http://127.0.0.1/*', 'https://www.example.org/*', '*://*.people.com.cn/*', 'https://*/*', 'http://blog.example/*'];
    expect(userSitePatterns(granted, manifest)).toEqual(['http://blog.example/*', 'https://www.example.org/*']);
  });

  it('tells curated, granted and not yet granted sites apart', () => {
    expect(siteAccess('https://www.news.cn/x', ['*://*.news.cn/*'])).toBe('curated');
    expect(siteAccess('https://blog.example/x', ['https://blog.example/*'])).toBe('granted');
    expect(siteAccess('https://blog.example/x', [])).toBe('not-granted');
    expect(siteAccess('about:blank', [])).toBe('unsupported');
  });
});

describe('withheld curated sites and the origins to ask for', () => {
  it('a curated site is "withheld" when none of its patterns is granted, "curated" when one is', () => {
    expect(siteAccess('https://www.news.cn/x', [])).toBe('withheld');
    expect(siteAccess('https://www.news.cn/x', ['*://*.news.cn/*'])).toBe('curated');
    expect(siteAccess('https://news.cn/x', ['*://news.cn/*'])).toBe('curated');
    // Another curated site's grant does not count.
    expect(siteAccess('https://www.news.cn/x', ['*://*.people.com.cn/*'])).toBe('withheld');
  });

  it('asks for the curated patterns that cover the page, or the site itself', () => {
    expect(originsFor('https://www.news.cn/politics/1.htm')).toEqual(['*://*.news.cn/*']);
    expect(originsFor('https://news.cn/')).toEqual(['*://news.cn/*']);
    expect(originsFor('https://blog.example/a?b')).toEqual(['https://blog.example/*']);
    expect(originsFor('about:blank')).toEqual([]);
  });

  it('matches the pattern kinds the manifest uses', () => {
    expect(urlMatchesPattern('https://a.b.news.cn/x', '*://*.news.cn/*')).toBe(true);
    expect(urlMatchesPattern('http://news.cn/x', '*://news.cn/*')).toBe(true);
    expect(urlMatchesPattern('https://fakenews.cn/x', '*://*.news.cn/*')).toBe(false);
    expect(urlMatchesPattern('https://127.0.0.1/x', 'http://127.0.0.1/*')).toBe(false);
    expect(urlMatchesPattern('http://127.0.0.1:4000/x', 'http://127.0.0.1/*')).toBe(true);
    expect(urlMatchesPattern('ftp://news.cn/x', '*://news.cn/*')).toBe(false);
    expect(urlMatchesPattern('https://x.example/', 'not a pattern')).toBe(false);
  });
});
