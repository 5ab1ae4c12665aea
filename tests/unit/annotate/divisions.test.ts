/**
 * Local bodies named after county-level divisions (lib/annotate/divisions.ts, data generated from GB/T 2260
 * by scripts/gen-divisions.ts). Real sentences from the pages corpus, each URL noted.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/index';

const agencies = (text: string) => annotate(text, { kinds: ['agency'] }).map((a) => [a.text, a.canonical]);

describe('county-level divisions as places', () => {
  it('reads a one-character county and gives its unique hierarchy (洋县, from the issue report)', () => {
    expect(agencies('7月15日,洋县公安局召开全县防范电信网络诈骗犯罪集中宣传活动')).toEqual([['洋县公安局', '陕西省汉中市洋县公安局']]);
  });

  it('reads a county written without its suffix, and its units (甘肃法治报 szb.gansudaily.com.cn)', () => {
    expect(agencies('皋兰公安拦截涉诈资金2.18万元')).toEqual([['皋兰公安', '甘肃省兰州市皋兰县公安局']]);
    expect(agencies('当日上午,皋兰县公安局反诈中心获取一条线索')).toEqual([['皋兰县公安局反诈中心', '甘肃省兰州市皋兰县公安局反诈中心']]);
  });

  it('reads place + 警方 for a county stem (云南长安网 yncaw.gov.cn)', () => {
    expect(agencies('宾川警方跨省千里追踪抓获5名“大骗子”')).toEqual([['宾川警方', '云南省大理白族自治州宾川县公安局']]);
  });

  it('names a district bureau as the city bureau\'s branch, and keeps the text\'s own hierarchy (gne/163-6, 新甘肃)', () => {
    expect(agencies('华龙网-新重庆客户端记者从沙坪坝区公安分局了解到')).toEqual([['沙坪坝区公安分局', '重庆市公安局沙坪坝区分局']]);
    expect(agencies('2月初,兰州市公安局城关分局接到受害人报案')).toEqual([['兰州市公安局城关分局', '兰州市公安局城关分局']]);
  });

  it('reads a traditional mainland page\'s county (tjrc56.com)', () => {
    expect(agencies('近日,涇源縣公安局民警進市場、入村組')).toEqual([['涇源縣公安局', '宁夏回族自治区固原市泾源县公安局']]);
  });

  it('writes an ambiguous name as the text gives it (朝阳区 is in Beijing and in Changchun)', () => {
    expect(agencies('朝阳区人民法院审理了这起案件')).toEqual([['朝阳区人民法院', '朝阳区人民法院']]);
    expect(agencies('北京市朝阳区人民法院审理了这起案件')).toEqual([['北京市朝阳区人民法院', '北京市朝阳区人民法院']]);
  });

  it('reads a Taiwan 分局 under its 縣市警察局 and a Hong Kong court by its district', () => {
    expect(agencies('新北市板橋分局偵查隊日前接獲報案')).toEqual([['新北市板橋分局偵查隊', '新北市政府警察局板桥分局侦查队']]);
    expect(agencies('兩名被告案件同月在東區裁判法院提堂，警方表示騙案')).toEqual([['東區裁判法院', '香港东区裁判法院']]);
  });

  it('keeps Hong Kong police districts as the force\'s units (葵青警區), and ordinary words out (联合县检察院 is no county)', () => {
    expect(agencies('葵青警區重案組第一隊正跟進案件，騙案')).toEqual([['葵青警區重案組第一隊', '香港警务处葵青警区重案组第一队']]);
    expect(agencies('反诈中心联合县检察院开展宣传')).toEqual([]);
  });
});

describe('a body right after another', () => {
  it('takes no name glued to the previous body unless it is a real division', () => {
    expect(agencies('洋县公安局反诈中心联合县检察院开展宣传活动')).toEqual([['洋县公安局反诈中心', '陕西省汉中市洋县公安局反诈中心']]);
  });
});
