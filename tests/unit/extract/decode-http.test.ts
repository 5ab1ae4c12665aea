/**
 * Crawled pages (WARC records) come with the server's `Content-Type`; its charset comes before the page's
 * own declaration (#14), except ISO-8859-1, the default many servers send whatever the page is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeHtml } from '../../../lib/extract/decode';
import { newsHtml } from './helpers';

const gbPage = new Uint8Array(readFileSync(newsHtml('cwce/33a95b71-b49b-42c1-9c0a-ab8e3feba3cf/source.html')));
const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);
/** The same GB2312 page with its declaration changed to another charset, as a mislabelled page is. */
const declaredAs = (bytes: Uint8Array, label: string) =>
  new Uint8Array(Buffer.from(latin1(bytes).replace(/charset\s*=\s*["']?[\w-]+/gi, `charset=${label}`), 'latin1'));

describe('decodeHtml with an HTTP Content-Type', () => {
  it('reads the charset parameter of a Content-Type', () => {
    expect(charsetFromContentType('text/html; charset=GBK')).toBe('gb18030');
    expect(charsetFromContentType('text/html;charset="big5"')).toBe('big5');
    expect(charsetFromContentType('text/html')).toBeUndefined();
    expect(charsetFromContentType(null)).toBeUndefined();
  });

  it('takes the HTTP charset over a wrong <meta charset>', () => {
    const mislabelled = declaredAs(gbPage, 'big5');
    expect(decodeHtml(mislabelled).charset).toBe('big5');
    const { html, charset } = decodeHtml(mislabelled, { contentType: 'text/html; charset=gb2312' });
    expect(charset).toBe('gb18030');
    expect(html).toContain('工商部门初定SKII广告属于虚假宣传');
  });

  it("keeps the page's own charset when the server sends the ISO-8859-1 default", () => {
    const { html, charset } = decodeHtml(gbPage, { contentType: 'text/html; charset=ISO-8859-1' });
    expect(charset).toBe('gb18030');
    expect(html).toContain('工商部门初定SKII广告属于虚假宣传');
  });
});
