import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/index';

const agencies = (text: string) => annotate(text, { kinds: ['agency'] }).map((a) => [a.text, a.canonical]);

describe('agency gazetteer', () => {
  it('finds every body in the list of seed 000 with full canonical names', () => {
    const text = '近日,公安部会同中宣部、中央网信办、最高人民法院、最高人民检察院、工信部、司法部、人民银行、银保监会联合印发通知';
    expect(agencies(text)).toEqual([
      ['公安部', '公安部'],
      ['中宣部', '中共中央宣传部'],
      ['中央网信办', '中央网络安全和信息化委员会办公室'],
      ['最高人民法院', '最高人民法院'],
      ['最高人民检察院', '最高人民检察院'],
      ['工信部', '工业和信息化部'],
      ['司法部', '司法部'],
      ['人民银行', '中国人民银行'],
      ['银保监会', '中国银行保险监督管理委员会'],
    ]);
  });

  it('resolves short forms and takes the longest nested name', () => {
    expect(agencies('会同外交部、最高法、最高检联合部署')).toEqual([
      ['外交部', '外交部'],
      ['最高法', '最高人民法院'],
      ['最高检', '最高人民检察院'],
    ]);
    expect(agencies('中国人民银行等23部门')).toEqual([['中国人民银行', '中国人民银行']]);
    expect(agencies('公安部刑偵局按照公安部黨委的部署要求')).toEqual([
      ['公安部刑偵局', '公安部刑事侦查局'],
      ['公安部', '公安部'],
    ]);
    expect(agencies('央行:自9月15日起下调')).toEqual([['央行', '中国人民银行']]);
  });

  it('knows the joint conference in its long and short forms', () => {
    const canonical = '国务院打击治理电信网络新型违法犯罪工作部际联席会议';
    expect(agencies('在國務院部際聯席會議各成員單位')).toEqual([['國務院部際聯席會議', canonical]]);
    expect(agencies('部際聯席會議要求,各級黨委')).toEqual([['部際聯席會議', canonical]]);
    expect(agencies('记者从国务院打击治理电信网络新型违法犯罪工作部际联席会议第一次会议上获悉')).toEqual([[canonical, canonical]]);
  });

  it('knows the successor regulator and Taiwan / Hong Kong bodies', () => {
    expect(agencies('国家金融监督管理总局张忠宁')).toEqual([['国家金融监督管理总局', '国家金融监督管理总局']]);
    expect(agencies('內政部警政署刑事警察局今天表示')).toEqual([['內政部警政署刑事警察局', '内政部警政署刑事警察局']]);
    expect(agencies('香港警務處商業罪案調查科接獲舉報')).toEqual([['香港警務處商業罪案調查科', '香港警务处商业罪案调查科']]);
    expect(agencies('法務部調查局查獲')).toEqual([['法務部調查局', '法务部调查局']]);
  });

  it('reads 中办国办 as two agencies but not 中办 inside 集中办案', () => {
    expect(agencies('中办国办印发了《意见》')).toEqual([
      ['中办', '中共中央办公厅'],
      ['国办', '国务院办公厅'],
    ]);
    expect(agencies('组织专班集中办案')).toEqual([]);
    expect(agencies('美国联邦调查局')).toEqual([]);
  });

  it('does not tag generic words: 公安机关, 各部门, 网信部门, 公安部门, 中央行政', () => {
    expect(agencies('全国公安机关始终保持高压严打态势,各部门坚持齐抓共管')).toEqual([]);
    expect(agencies('积极联合网信部门健全完善举报处置机制')).toEqual([]);
    expect(agencies('公安部门和财政部门、教育部门')).toEqual([]);
    expect(agencies('中央行政机关')).toEqual([]);
  });

  it('does not take the US State Department for the State Council', () => {
    expect(agencies('美国国务院和国防部表示')).toEqual([]);
    expect(agencies('党中央、国务院对打击治理工作高度重视')).toEqual([['国务院', '国务院']]);
  });
});

describe('local bodies', () => {
  it('builds place + body + sub-units, longest span', () => {
    expect(agencies('长春市公安局绿园分局刑警大队破获一起案件')).toEqual([
      ['长春市公安局绿园分局刑警大队', '长春市公安局绿园分局刑警大队'],
    ]);
    expect(agencies('山东省高级人民法院认定')).toEqual([['山东省高级人民法院', '山东省高级人民法院']]);
    expect(agencies('湖南省邵阳市中级人民法院刑事判决书')).toEqual([['湖南省邵阳市中级人民法院', '湖南省邵阳市中级人民法院']]);
    expect(agencies('漢中市公安局通報')).toEqual([['漢中市公安局', '汉中市公安局']]);
  });

  it('finds a place missing from the list by its admin suffix', () => {
    expect(agencies('近日,合阳县公安局破获')).toEqual([['合阳县公安局', '陕西省渭南市合阳县公安局']]);
  });

  it('resolves a bare 市公安局 to the city named earlier (seed 001)', () => {
    const text = '3月24日,漢中市舉行新聞發(fā)布會,市公安局黨委副書記通報了情況。嚴守整治陣地。市公安局及時部署';
    expect(agencies(text)).toEqual([
      ['市公安局', '汉中市公安局'],
      ['市公安局', '汉中市公安局'],
    ]);
  });

  it('keeps a bare 市公安局 as written when no city was named, and ignores 全市公安机关 / 市、县分局', () => {
    expect(agencies('市公安局及时部署')).toEqual([['市公安局', '市公安局']]);
    expect(agencies('全市公安机关精心部署,市、县分局在4月底前健全')).toEqual([]);
  });
});
