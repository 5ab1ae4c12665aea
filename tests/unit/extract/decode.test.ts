import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charsetFromMeta, decodeHtml, normalizeCharsetLabel, sniffChineseCharset } from '../../../lib/extract/decode';
import { newsHtml } from './helpers';

const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);
const withoutCharsetDeclaration = (bytes: Uint8Array) =>
  new Uint8Array(Buffer.from(latin1(bytes).replace(/charset\s*=\s*["']?[\w-]+/gi, 'x=y'), 'latin1'));

describe('decodeHtml', () => {
  it('decodes a GB2312-declared page (sohu, 2005) as GB18030', () => {
    const { html, charset } = decodeHtml(bytesOf(newsHtml('cwce/33a95b71-b49b-42c1-9c0a-ab8e3feba3cf/source.html')));
    expect(charset).toBe('gb18030');
    expect(html).toContain('工商部门初定SKII广告属于虚假宣传');
    expect(html).not.toContain('\ufffd');
  });

  it('decodes an old Big5 Liberty Times page', () => {
    const { html, charset } = decodeHtml(bytesOf(newsHtml('taiwanese_news_parser/liberty_times_big5_s1/source.html')));
    expect(charset).toBe('big5');
    expect(html).toContain('果汁？啤酒？難分');
  });

  it('sniffs GB18030 and Big5 when the declaration is removed', () => {
    const gb = withoutCharsetDeclaration(bytesOf(newsHtml('cwce/33a95b71-b49b-42c1-9c0a-ab8e3feba3cf/source.html')));
    const big5 = withoutCharsetDeclaration(bytesOf(newsHtml('taiwanese_news_parser/liberty_times_big5_s1/source.html')));
    expect(charsetFromMeta(gb)).toBeUndefined();
    expect(sniffChineseCharset(gb)).toBe('gb18030');
    expect(sniffChineseCharset(big5)).toBe('big5');
    expect(decodeHtml(big5).html).toContain('果汁？啤酒？難分');
  });

  it('takes valid UTF-8 over a stale gb2312 declaration (a re-saved page)', () => {
    const { html, charset } = decodeHtml(bytesOf(newsHtml('readability/qq/source.html')));
    expect(charset).toBe('utf-8');
    expect(html).toContain('DeepMind新电脑已可利用记忆自学');
  });

  it('honours a byte-order mark and maps legacy labels', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>反诈</p>')]);
    expect(decodeHtml(bom)).toEqual({ html: '<p>反诈</p>', charset: 'utf-8' });
    expect(normalizeCharsetLabel('GB2312')).toBe('gb18030');
    expect(normalizeCharsetLabel('x-gbk')).toBe('gb18030');
    expect(normalizeCharsetLabel('big5')).toBe('big5');
    expect(normalizeCharsetLabel('no-such-charset')).toBeUndefined();
  });
});
