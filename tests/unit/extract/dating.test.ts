import { describe, expect, it } from 'vitest';
import { findDateInText, findYearMonthInText, inPrintedLocalTime } from '../../../lib/extract/dates';
import { findArticle } from '../../../lib/extract/index';
import { htmlDocument, loadPage, newsHtml } from './helpers';

function publishedAt(dir: string) {
  const result = findArticle(loadPage(newsHtml(`${dir}/source.html`)));
  if (!result.ok) throw new Error(result.reason);
  return result.publishedAt;
}

describe('year-and-month dates', () => {
  it('reads `——《北京之春》1998年3月号` as 1998-03, and leaves full dates to findDateInText', () => {
    expect(findYearMonthInText('——《北京之春》1998年3月号')).toBe('1998-03');
    expect(findYearMonthInText('2003年5月')).toBe('2003-05');
    expect(findYearMonthInText('2022年3月30日 09:50')).toBeUndefined();
    expect(findYearMonthInText('1998年13月')).toBeUndefined();
  });

  it('dates a reprinted magazine essay (CWCE, 关注中国中心) by the issue named under its last line', () => {
    // The page has no other date; CWCE's ground truth is `1998-3`.
    expect(publishedAt('cwce/5dc3fa2d-6734-41e9-8520-a9c7c91ae1f8')).toBe('1998-03');
  });
});

describe('datelines inside the article header', () => {
  it('reads a forum post dateline that the body drops as a byline (`作者：芊草凡凡 时间：2005-08-22 19:13:18`)', () => {
    expect(publishedAt('cwce/a6e8b739-734a-4962-b1e3-b5ac29ecf4ab')).toBe('2005-08-22T19:13:18');
  });

  it('prefers the reprinted article’s dateline (`2003-7-24 钱江晚报`) to the blog’s "posted at" under it', () => {
    expect(publishedAt('cwce/ab65832c-15b6-4c9e-b64f-3bc575332499')).toBe('2003-07-24');
  });

  it('reads a Latin am/pm after the time (`2013.06.29 04:17 pm`, UDN)', () => {
    expect(findDateInText('2013.06.29 04:17 pm')?.iso).toBe('2013-06-29T16:17:00');
    expect(findDateInText('2013.06.29 12:05 am')?.iso).toBe('2013-06-29T00:05:00');
    expect(publishedAt('taiwanese_news_parser/udn_s1')).toBe('2013-06-29T16:17:00');
  });
});

describe('machine dates in UTC and the local time the page prints', () => {
  it('writes the UTC meta date in the printed local time with its offset', () => {
    expect(inPrintedLocalTime('2022-02-06T12:48:06+00:00', ['发表时间： 06/02/2022 - 13:48'])).toBe('2022-02-06T13:48:06+01:00');
    expect(inPrintedLocalTime('2023-05-31T13:31:24Z', ['2023-05-31 21:31 来源：新华网'])).toBe('2023-05-31T21:31:24+08:00');
  });

  it('ignores printed dates that are not the same instant', () => {
    expect(inPrintedLocalTime('2022-02-06T12:48:06+00:00', ['13/02/2022'])).toBe('2022-02-06T12:48:06+00:00');
    expect(inPrintedLocalTime('2022-02-06T12:48:06+00:00', ['2022-02-06 15:20'])).toBe('2022-02-06T12:48:06+00:00');
    expect(inPrintedLocalTime('2022-02-06', ['2022-02-06 15:20'])).toBe('2022-02-06');
  });

  it('dates the RFI page (meta 12:48 UTC, printed `06/02/2022 - 13:48`) as CWCE does, in Paris time', () => {
    expect(publishedAt('cwce/0ef8393b-0415-494c-b608-1d45bb33c6fb')).toBe('2022-02-06T13:48:06+01:00');
  });
});

describe('Taiwan (ROC calendar) and Hong Kong datelines', () => {
  it('reads ROC years as year + 1911, with and without 民國', () => {
    // Forms Taiwan government and police press pages print in their datelines.
    expect(findDateInText('發布日期：113-12-03')?.iso).toBe('2024-12-03');
    expect(findDateInText('中華民國113年12月3日')?.iso).toBe('2024-12-03');
    expect(findDateInText('民國99年3月1日 下午3時20分')?.iso).toBe('2010-03-01T15:20:00');
    expect(findDateInText('更新時間：114/01/14 16:05')?.iso).toBe('2025-01-14T16:05:00');
    expect(findDateInText('民国102年6月29日')?.iso).toBe('2013-06-29');
  });

  it('does not read reporting periods, years in brackets or addresses as dates', () => {
    expect(findDateInText('今(114)年8月全國平均每日受理詐騙案件493件')).toBeUndefined();
    expect(findDateInText('統計114年1月至11月，桃市警局共查獲詐欺集團319件')).toBeUndefined();
    expect(findDateInText('地址：台北市100/12/3號')).toBeUndefined();
    // Two-digit years need 民國: `99-3-1` alone is not a date.
    expect(findDateInText('編號 99-3-1')).toBeUndefined();
  });

  it('reads Hong Kong datelines with the weekday and the zone before the time', () => {
    expect(findDateInText('2024年12月3日（星期二）香港時間15時30分')?.iso).toBe('2024-12-03T15:30:00');
    expect(findDateInText('2024-12-03 HKT 15:30')?.iso).toBe('2024-12-03T15:30:00');
    expect(findDateInText('2023年8月16日 星期三 下午4:05')?.iso).toBe('2023-08-16T16:05:00');
  });

  it('dates a Taiwan page that prints an ROC dateline (from its byline, not the body’s periods)', () => {
    const html = `<html><head><title>刑事局公布打詐成果</title></head><body><header><h1>刑事局公布打詐成果</h1><div class="date">發布日期：114-01-14</div></header>
      <article><p>警政署刑事局今天公布全國打詐掃黑肅槍成果，統計自民國113年8月至去年12月止，詐騙案件數和財損數都大幅下降。</p>
      <p>根據刑事局資料顯示，本次專案全國警察機關共查獲詐欺集團985團、6554嫌，並查扣不法利得新台幣82億餘元。</p>
      <p>記者會現場也同步展示5件重大案件成果，涵蓋打詐、掃黑與肅槍3大面向，刑事局並呼籲民眾提高警覺。</p></article></body></html>`;
    const result = findArticle(htmlDocument(html));
    if (!result.ok) throw new Error(result.reason);
    expect(result.publishedAt).toBe('2025-01-14');
  });
});
