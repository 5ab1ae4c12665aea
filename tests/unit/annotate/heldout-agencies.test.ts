/**
 * Agency rules added after measuring the recogniser on held-out pages (tests/fixtures/annotate/heldout).
 * Each case is the real sentence from a corpus page that showed the gap.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/index';

const agencies = (text: string) => annotate(text, { kinds: ['agency'] }).map((a) => [a.text, a.canonical]);

describe('places missing from the place list', () => {
  it('takes a whole three-character district name, not its last two characters (gne/163-6)', () => {
    expect(agencies('华龙网-新重庆客户端记者从沙坪坝区公安分局了解到，9月7日')).toEqual([['沙坪坝区公安分局', '重庆市公安局沙坪坝区分局']]);
  });

  it('takes a bare station name before 派出所 when a boundary comes before it (gne/163-6)', () => {
    expect(agencies('随后杨某赶到新桥派出所报警。')).toEqual([['新桥派出所', '新桥派出所']]);
  });

  it('reads Taiwan precinct and station names with their sub-units (ETtoday)', () => {
    expect(agencies('龜山警分局28日上午將王貴芬依傷害罪嫌函送桃園地檢署，檢方在下午火速傳喚王貴芬')).toEqual([
      ['龜山警分局', '桃园市政府警察局龟山分局'],
      ['桃園地檢署', '台湾桃园地方检察署'],
    ]);
    expect(agencies('並以證人身分傳喚長庚醫院張姓專科護理師、龜山分局坪頂派出所所長胡興隆')).toEqual([
      ['龜山分局坪頂派出所', '桃园市政府警察局龟山分局坪顶派出所'],
    ]);
  });

  it('keeps generic and numbered words out: 全国公安派出所 (seed 000 page), 市、县分局, 警方, 檢方', () => {
    expect(agencies('公安部部署全国公安派出所全力投入“百日行动”')).toEqual([['公安部', '公安部']]);
    expect(agencies('各市、县分局要加强协作')).toEqual([]);
    expect(agencies('警方上午函送，檢方下午火速傳喚')).toEqual([]);
  });
});

describe('province named without 省 before a city', () => {
  it('spans the province and puts 省 into the canonical name (cwce 于欢)', () => {
    expect(agencies('几个小时前，山东聊城市中级人民法院作出刑事裁定书')).toEqual([['山东聊城市中级人民法院', '山东省聊城市中级人民法院']]);
  });
});

describe('ministry bureaus', () => {
  it('extend the ministry right before them (gne/163-5)', () => {
    expect(agencies('9月6日，公安部治安管理局官微发布消息称')).toEqual([['公安部治安管理局', '公安部治安管理局']]);
  });
});

describe('Taiwan and Hong Kong state bodies', () => {
  it('knows 立法会 and 终审法院 (BBC 中文网)', () => {
    expect(agencies('梁振英在各方压力下就其大宅的违章建筑（僭建）问题到立法会接受质询')).toEqual([['立法会', '香港特别行政区立法会']]);
    expect(agencies('向法院提出选举呈请，至11月中旬被终审法院驳回。')).toEqual([['终审法院', '香港特别行政区终审法院']]);
  });

  it('knows 總統府 and 航警局 (TVBS, 聯合報)', () => {
    expect(agencies('被哥哥推進法院，這是他衝撞總統府後，第3次出席羈押庭。')).toEqual([['總統府', '总统府']]);
    expect(agencies('陸裔美籍萬姓男子昨天傍晚被航警局移送桃園地檢署後聲押。')).toEqual([
      ['航警局', '内政部警政署航空警察局'],
      ['桃園地檢署', '台湾桃园地方检察署'],
    ]);
  });
});
