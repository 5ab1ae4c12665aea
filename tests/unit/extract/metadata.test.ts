import { describe, expect, it } from 'vitest';
import { classifyBoilerplate } from '../../../lib/extract/boilerplate';
import { findDateInText, normalizeMachineDate } from '../../../lib/extract/dates';
import { findSourceInText } from '../../../lib/extract/metadata';
import { detectScript } from '../../../lib/extract/script';
import { chooseTitle, stripSiteSuffix } from '../../../lib/extract/title';

describe('titles', () => {
  it.each([
    ['四年前中500万现穷困潦倒 一夜暴富后如何经营__商贸_产业资讯_新浪网', '四年前中500万现穷困潦倒 一夜暴富后如何经营'],
    ['拿起跨界“指挥棒”她跟学生“较着劲儿”成长--大河网', '拿起跨界“指挥棒”她跟学生“较着劲儿”成长'],
    ['工商部门初定SKII广告属于虚假宣传-搜狐财经', '工商部门初定SKII广告属于虚假宣传'],
    ['为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕_巴彦淖尔市人民政府网', '为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕'],
  ])('strips the site suffix of %s', (title, expected) => {
    expect(stripSiteSuffix(title)).toBe(expected);
  });

  it('prefers a heading that the document title starts with', () => {
    expect(chooseTitle('江苏多地要求中高风险地区师生员工暂不返校--教育--人民网', [], ['人民网', '江苏多地要求中高风险地区师生员工暂不返校'])).toBe('江苏多地要求中高风险地区师生员工暂不返校');
  });
});

describe('dates', () => {
  it.each([
    ['(2022/9/5 19:25:41)  来源:公安部网站', '2022-09-05T19:25:41'],
    ['齐齐哈尔网警巡查执法 2023-05-31 21:31:24', '2023-05-31T21:31:24'],
    ['2022年3月30日 09:50', '2022-03-30T09:50:00'],
    ['时间：2004年10月21日14:18  作者：郭励弘', '2004-10-21T14:18:00'],
    ['发布日期： 9/17/2004 5:54:13 AM', '2004-09-17T05:54:13'],
    ['時間:2015-10-12', '2015-10-12'],
  ])('reads %s', (text, iso) => {
    expect(findDateInText(text)?.iso).toBe(iso);
  });

  it('rejects impossible dates and keeps machine zones', () => {
    expect(findDateInText('编号2022-13-45')).toBeUndefined();
    expect(normalizeMachineDate('2023-11-17T08:00:00+0800')).toBe('2023-11-17T08:00:00+08:00');
  });
});

describe('source, furniture lines and script', () => {
  it('reads the source name', () => {
    expect(findSourceInText('(2022/9/5 19:25:41)  来源:公安部网站  打印本页')).toBe('公安部网站');
    expect(findSourceInText('來(lái)源:經(jīng)濟參考報')).toBe('經濟參考報');
  });

  it.each([
    ['[責任編輯:楊永青]', 'editor'],
    ['编辑：山石', 'editor'],
    ['來源:新華網', 'source'],
    ['版权所有:中国产业经济信息网京ICP备11041399号-2', 'copyright'],
    ['相 关 新 闻', 'related-heading'],
    ['海门市| 彩票| 仁寿县| 滦南县| 宣化县| 江城| 绥化市|', 'keyword-list'],
    ['·公安部印发《公安机关反有组织犯罪工作规定》·公安部:我国平安中国建设取得显著成效', 'headline-list'],
    ['2023-05', 'date-only'],
  ])('classifies %s as %s', (line, kind) => {
    expect(classifyBoilerplate(line)).toBe(kind);
  });

  it('keeps prose that mentions a reporter or a source', () => {
    expect(classifyBoilerplate('记者从在京召开的国务院打击治理电信网络新型违法犯罪工作部际联席会议上获悉，23部门将开展专项行动。')).toBeUndefined();
  });

  it('tells simplified from traditional', () => {
    expect(detectScript('公安部会同中宣部联合印发通知，部署开展专项行动。')).toBe('zh-Hans');
    expect(detectScript('公安部會同中宣部聯合印發通知，部署開展專項行動。')).toBe('zh-Hant');
    expect(detectScript('Hello world')).toBe('none');
    expect(detectScript('公安部')).toBe('mixed'); // Chinese, but no character tells the scripts apart
    // Short lines (bylines) are told by the conversion's full tables, not a list of frequent characters.
    expect(detectScript('记者 张晓')).toBe('zh-Hans');
    expect(detectScript('記者 張曉')).toBe('zh-Hant');
  });
});
