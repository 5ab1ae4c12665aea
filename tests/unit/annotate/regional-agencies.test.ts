/**
 * Agencies whose span or canonical depends on the region a text is about and on what it named before:
 * real sentences from the regional dev passages (tests/fixtures/annotate/regional/dev, URLs there).
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/index';
import { normalize } from '../../../lib/annotate/normalize';
import { detectRegion } from '../../../lib/annotate/region';

const agencies = (text: string, region?: Parameters<typeof annotate>[1] extends infer O ? O extends { region?: infer R } ? R : never : never) =>
  annotate(text, { kinds: ['agency'], region }).map((a) => [a.text, a.canonical]);

describe('the region a text is about', () => {
  const regionOf = (text: string, traditional: boolean) => {
    const norm = normalize(text);
    return detectRegion(norm.codes, norm.length, traditional);
  };

  it('reads Macau, Hong Kong, Taiwan and mainland news by their own words', () => {
    expect(regionOf('司警接報到場拘捕兩人,起出一百萬港元現金及兩部手機。涉嫌相當巨額詐騙被送交檢察院處理。', true)).toBe('macau');
    expect(regionOf('葵青警區刑事情報組督察吳綺淇表示，案件共涉款約83.6萬元。今年2月3日向葵青警區報案求助。', true)).toBe('hongkong');
    expect(regionOf('警方報請台中地檢署檢察官指揮偵辦，並由台北市刑大偵七隊、中山分局共同組成專案小組。', true)).toBe('taiwan');
    expect(regionOf('汉中市公安局反诈中心民警提醒，市公安局已破获电信网络诈骗案件120起。', false)).toBe('mainland');
  });

  it('assumes none when the words are too few, and no mainland for traditional text', () => {
    expect(regionOf('警方呼籲市民提高警覺。', true)).toBeUndefined();
    expect(regionOf('大陸公安部表示，公安機關破獲案件。', true)).toBeUndefined();
  });
});

describe('short names that mean one body in one region', () => {
  it('reads 警察總局 as Macau\'s Unitary Police Service in Macau news, and nowhere else (澳門日報 passages)', () => {
    expect(agencies('在警察總局統籌下，司法警察局及治安警察局聯合行動。', 'macau')).toEqual([
      ['警察總局', '澳门警察总局'],
      ['司法警察局', '澳门司法警察局'],
      ['治安警察局', '澳门治安警察局'],
    ]);
    expect(agencies('在警察總局統籌下展開行動。', 'taiwan')).toEqual([]);
  });

  it('reads 司警, 治安警 and 檢察院 as Macau bodies in Macau news (市民日報 sengpou.com)', () => {
    const text = '懷疑騙取對方折合約一百萬港元。司警接報到場拘捕兩人。相當巨額詐騙被送交檢察院處理。並向治安警報案,警員到場處理及轉介給司警跟進。';
    expect(agencies(text)).toEqual([
      ['司警', '澳门司法警察局'],
      ['檢察院', '澳门特别行政区检察院'],
      ['治安警', '澳门治安警察局'],
      ['司警', '澳门司法警察局'],
    ]);
  });

  it('leaves 司警 alone outside Macau news, and inside 公司警告', () => {
    expect(agencies('司警接報到場拘捕兩人', 'taiwan')).toEqual([]);
    expect(agencies('該公司警告客戶留意騙案', 'macau')).toEqual([]);
  });

  it('reads 證監會 as Hong Kong\'s SFC in Hong Kong news (星島 stheadline.com)', () => {
    expect(agencies('警方毒品調查科財富調查組聯同證監會於昨日就一個懷疑操控本地證券市場的集團展開代號「合璧」的拘捕行動', 'hongkong')).toEqual([
      ['毒品調查科財富調查組', '香港警务处毒品调查科财富调查组'],
      ['證監會', '香港证券及期货事务监察委员会'],
    ]);
  });
});

describe('Taiwan police and prosecutors by their official names', () => {
  it('expands 縣警察局, 縣警局 and 刑大 to the 政府警察局 and its units (更生日報 cdns.com.tw)', () => {
    const text = '花蓮縣警察局廿五日宣布破獲假檢警詐欺機房案。花蓮縣警局刑警大隊於去年底獲報，遂與刑事警察局偵查第七大隊第二隊、桃園市政府警察局龍潭分局共組專案小組報請台灣花蓮地檢署檢察官指揮偵辦。縣警局表示';
    expect(agencies(text)).toEqual([
      ['花蓮縣警察局', '花莲县政府警察局'],
      ['花蓮縣警局刑警大隊', '花莲县政府警察局刑事警察大队'],
      ['刑事警察局偵查第七大隊第二隊', '内政部警政署刑事警察局侦查第七大队第二队'],
      ['桃園市政府警察局龍潭分局', '桃园市政府警察局龙潭分局'],
      ['台灣花蓮地檢署', '台湾花莲地方检察署'],
      ['縣警局', '花莲县政府警察局'],
    ]);
  });

  it('gives a bare 分局 the city bureau named before it, and spans numbered teams (Yahoo 奇摩)', () => {
    const text = '警方報請台中地檢署陳祥薇檢察官指揮偵辦，並由台北市刑大偵七隊、中山分局以及台中刑大偵一、三、六、八隊、太平分局共同組成專案小組';
    expect(agencies(text)).toEqual([
      ['台中地檢署', '台湾台中地方检察署'],
      ['台北市刑大偵七隊', '台北市政府警察局刑事警察大队侦查第七队'],
      ['中山分局', '台北市政府警察局中山分局'],
      ['台中刑大偵一、三、六、八隊', '台中市政府警察局刑事警察大队侦查第一、三、六、八队'],
      ['太平分局', '台中市政府警察局太平分局'],
    ]);
  });

  it('keeps the written 縣 of a place that is both a city and a county (嘉義縣)', () => {
    expect(agencies('嘉義縣警察局統計，今年詐欺案件減少', 'taiwan')).toEqual([['嘉義縣警察局', '嘉义县政府警察局']]);
  });

  it('reads 金門地檢署 as a Fuchien seat', () => {
    expect(agencies('遣返人員入境金門後由金門地檢署複訊', 'taiwan')).toEqual([['金門地檢署', '福建金门地方检察署']]);
  });
});

describe('Hong Kong police districts and teams', () => {
  it('puts 警區 under the 香港警务处 and a 分區 under the district named before it (星島 stheadline.com)', () => {
    const text = '葵青警區刑事情報組督察吳綺淇表示，案件共涉四名受害人。因此，葵青警區刑事情報組聯同葵涌分區特遣隊和葵青警區重案組聯合行動。警方成功起回10萬港元款項，葵青警區重案組第一隊正跟進案件。';
    expect(agencies(text)).toEqual([
      ['葵青警區刑事情報組', '香港警务处葵青警区刑事情报组'],
      ['葵青警區刑事情報組', '香港警务处葵青警区刑事情报组'],
      ['葵涌分區特遣隊', '香港警务处葵青警区葵涌分区特遣队'],
      ['葵青警區重案組', '香港警务处葵青警区重案组'],
      ['葵青警區重案組第一隊', '香港警务处葵青警区重案组第一队'],
    ]);
  });

  it('follows a region or district into the force\'s units (刑事部, 反三合會行動組 …; sentences written for the test)', () => {
    expect(agencies('黃大仙警區刑事部特別職務隊昨日拘捕兩名男子')).toEqual([['黃大仙警區刑事部特別職務隊', '香港警务处黄大仙警区刑事部特别职务队']]);
    expect(agencies('新界南總區反三合會行動組第一隊主管表示')).toEqual([['新界南總區反三合會行動組第一隊', '香港警务处新界南总区反三合会行动组第一队']]);
    // 警方 right before its own region: the region still starts after it.
    expect(agencies('警方新界北總區刑事總部今日公布')).toEqual([['新界北總區刑事總部', '香港警务处新界北总区刑事总部']]);
  });

  it('reads the regions and districts named with a numeral (東九龍, 九龍城) and the force written before its region as one body', () => {
    expect(agencies('東九龍總區刑事部重案組昨日拘捕三人')).toEqual([['東九龍總區刑事部重案組', '香港警务处东九龙总区刑事部重案组']]);
    expect(agencies('西九龍總區反黑組人員在深水埗拘捕兩男')).toEqual([['西九龍總區反黑組', '香港警务处西九龙总区反黑组']]);
    expect(agencies('九龍城警區刑事調查隊正跟進')).toEqual([['九龍城警區刑事調查隊', '香港警务处九龙城警区刑事调查队']]);
    expect(agencies('香港警務處東九龍總區刑事部今日公布')).toEqual([['香港警務處東九龍總區刑事部', '香港警务处东九龙总区刑事部']]);
    // A count of districts is no district: the numeral still makes an unlisted name generic.
    expect(agencies('三個警區聯合行動')).toEqual([]);
  });
});

describe('Taiwan precincts, corps and bureau units (tw-news dev passages; sentences written for the test)', () => {
  it('reads numbered 警分局 precincts and the 警政署 保安警察總隊 with their short forms', () => {
    expect(agencies('台中市第五警分局3月初接獲情資')).toEqual([['台中市第五警分局', '台中市政府警察局第五分局']]);
    expect(agencies('並與保安警察第三總隊共同破獲大麻場')).toEqual([['保安警察第三總隊', '内政部警政署保安警察第三总队']]);
    expect(agencies('保一總隊特勤中隊到場')).toEqual([['保一總隊', '内政部警政署保安警察第一总队']]);
  });

  it('gives a precinct named with four characters its bureau (台北市中正第二分局)', () => {
    expect(agencies('會同台北市中正第二分局偵辦')).toEqual([['台北市中正第二分局', '台北市政府警察局中正第二分局']]);
  });

  it("reads a bare precinct in Taiwan news as the bureau's, never a mainland namesake (橫山分局 is not 陕西's 横山区)", () => {
    const text = '新竹縣警局日前接獲情資，竹北市一帶透天厝疑似犯罪據點，橫山分局、竹北分局及刑事局偵查第二大隊共同組成專案小組，偵辦詐欺案。';
    expect(agencies(text, 'taiwan')).toEqual([
      ['新竹縣警局', '新竹县政府警察局'],
      ['橫山分局', '新竹县政府警察局横山分局'],
      ['竹北分局', '新竹县政府警察局竹北分局'],
      ['刑事局偵查第二大隊', '内政部警政署刑事警察局侦查第二大队'],
    ]);
  });

  it("reads a bureau's own unit named bare after it, with its sections, and nothing before any bureau", () => {
    expect(agencies('臺南市政府警察局表示。其中該局刑事警察大隊毒緝中心溯源組於年初接獲線報', 'taiwan')).toEqual([
      ['臺南市政府警察局', '台南市政府警察局'],
      ['刑事警察大隊毒緝中心溯源組', '台南市政府警察局刑事警察大队毒缉中心溯源组'],
    ]);
    expect(agencies('新竹縣政府警察局持搜索票。⏎除暴特勤隊擊破一樓大門', 'taiwan')).toEqual([
      ['新竹縣政府警察局', '新竹县政府警察局'],
      ['除暴特勤隊', '新竹县政府警察局除暴特勤队'],
    ]);
    expect(agencies('除暴特勤隊擊破一樓大門', 'taiwan')).toEqual([]);
  });

  it('reads a mainland body with its regional prefix as one span, but not a scam posing as mainland police', () => {
    expect(agencies('李嫌等人假冒大陸北京市公安局人員，利用網路電話')).toEqual([['大陸北京市公安局', '北京市公安局']]);
    expect(agencies('以「假冒大陸公安」手法撥打電話')).toEqual([]);
    expect(agencies('大陸公安表示將加強合作')).toEqual([['大陸公安', '公安部']]);
  });
});

describe('Taiwan short forms and city corps (sentences written for the test)', () => {
  it('reads 刑警局 as the 刑事警察局 and a city\'s 刑事警察大隊 as one body', () => {
    expect(agencies('十五名警力並出動刑警局特勤警力')).toEqual([['刑警局', '内政部警政署刑事警察局']]);
    expect(agencies('案經刑警局偵查第五大隊查獲')).toEqual([['刑警局偵查第五大隊', '内政部警政署刑事警察局侦查第五大队']]); // the maximal span
    // The corps by its bureau's full name (gold tw-ops-03: 台中市政府警察局刑事警察大队).
    expect(agencies('高雄市刑事警察大隊今日公布')).toEqual([['高雄市刑事警察大隊', '高雄市政府警察局刑事警察大队']]);
  });

  it('reads a bare 警察局 opening a clause as the bureau named last, not 到警察局 or a 警察局長 (彰化縣警察局, Yahoo 奇摩)', () => {
    const text = '彰化縣警察局日前由局長主持記者會，公布本縣10月的詐欺案件概況。\n警察局統計，今年共查獲326件詐欺集團案。民眾可到警察局報案，警察局長表示將持續打詐。';
    expect(agencies(text, 'taiwan')).toEqual([
      ['彰化縣警察局', '彰化县政府警察局'],
      ['警察局', '彰化县政府警察局'],
    ]);
    expect(agencies('警察局統計，今年共查獲326件詐欺集團案。', 'taiwan')).toEqual([]);
  });

  it("reads a prosecutor seat + 檢方 as that seat's 地方檢察署, and nothing for other places", () => {
    expect(agencies('桃園檢方偵結後依詐欺罪起訴')).toEqual([['桃園檢方', '台湾桃园地方检察署']]);
    expect(agencies('台中市檢方指揮偵辦')).toEqual([['台中市檢方', '台湾台中地方检察署']]);
    expect(agencies('美國檢方起訴三名嫌犯')).toEqual([]);
  });
});

describe('mainland bodies as Taiwan and Hong Kong media name them', () => {
  it('reads 內地公安部 and 內地警方, prefix included (sentences written for the test)', () => {
    expect(agencies('香港警方與內地公安部合作，打擊跨境詐騙')).toEqual([['香港警方', '香港警务处'], ['內地公安部', '公安部']]);
    expect(agencies('澳門司警局聯同內地警方搗破詐騙集團').map(([text]) => text)).toContain('內地警方');
  });

  it('reads 大陸公安, 大陸公安機關 and place + 公安 (udn 聯合新聞網)', () => {
    expect(agencies('大陸公安稱，近年上述犯罪嫌疑人長期實施詐騙。被大陸公安機關經泰國押解回陸。北京公安昨舉行返還活動')).toEqual([
      ['大陸公安', '公安部'],
      ['大陸公安機關', '公安部'],
      ['北京公安', '北京市公安局'],
    ]);
  });

  it('keeps 公安 inside other words: 北京公安局, 公安干警, 公安部门', () => {
    expect(agencies('北京公安干警走访群众').length).toBe(0);
  });
});

describe('Taiwan precinct lists, field offices and branch courts (tw-justice dev passages)', () => {
  it('spans precincts listed with 、 as one body, with its bureau (Yahoo 奇摩, udn 聯合新聞網)', () => {
    expect(agencies('刑事警察局結合臺北市政府警察局大安、信義、內湖分局及高雄市政府警察局')).toEqual([
      ['刑事警察局', '内政部警政署刑事警察局'],
      ['臺北市政府警察局大安、信義、內湖分局', '台北市政府警察局大安、信义、内湖分局'],
      ['高雄市政府警察局', '高雄市政府警察局'],
    ]);
    expect(agencies('據悉，新竹縣竹東、新湖分局及新竹市一分局、刑大4日執行打詐', 'taiwan')).toEqual([
      ['新竹縣竹東、新湖分局', '新竹县政府警察局竹东、新湖分局'],
      ['新竹市一分局', '新竹市政府警察局一分局'],
      ['刑大', '新竹市政府警察局刑事警察大队'],
    ]);
  });

  it('keeps a bare 刑大 out when no Taiwan bureau was named before it', () => {
    expect(agencies('刑大4日執行打詐', 'taiwan')).toEqual([]);
  });

  it('reads the 調查局 field offices and 經刑事局 (Yahoo 奇摩股市, TVBS)', () => {
    expect(agencies('及調查局台中市調查處接獲被害人報案,立即指揮台中市調查處及刑事局偵查第四大隊共組專案小組', 'taiwan')).toEqual([
      ['調查局台中市調查處', '法务部调查局台中市调查处'],
      ['台中市調查處', '法务部调查局台中市调查处'],
      ['刑事局偵查第四大隊', '内政部警政署刑事警察局侦查第四大队'],
    ]);
    expect(agencies('經刑事局國際刑警科深入追查')).toEqual([['刑事局國際刑警科', '内政部警政署刑事警察局国际刑警科']]);
  });

  it('reads a 高分院 as the 台湾高等法院 branch (中時新聞網)', () => {
    expect(agencies('因此提出抗告,台南高分院裁定有可議之處', 'taiwan')).toEqual([['台南高分院', '台湾高等法院台南分院']]);
  });
});

describe('mainland bodies named in lists, by place + 检察机关, and bare units (cn dev passages)', () => {
  it('gives cities listed with 、 one span and each its bureau (浙江 60.219.152.177 mirror)', () => {
    expect(agencies('行动由该队牵头,宁波、温州、台州市公安局成立工作组赴')).toEqual([
      ['宁波、温州、台州市公安局', '宁波市公安局、温州市公安局、台州市公安局'],
    ]);
  });

  it('reads a single place + 检察机关 as its procuratorate, not a list of places (cjcn.com, spp.gov.cn)', () => {
    expect(agencies('近年来,天津市检察机关依法充分发挥检察职能')).toEqual([['天津市检察机关', '天津市人民检察院']]);
    expect(agencies('广东、北京、江苏检察机关提前介入侦查')).toEqual([]);
  });

  it('gives units named bare the local bureau named before them, and nothing without one (hntv.tv)', () => {
    const text = '商水县公安局破获一起电信诈骗案。接警后,反诈中心民警第一时间开展工作。该局合成作战中心立即联合该局谭庄派出所、固墙派出所、刑警大队等单位连夜奔赴';
    expect(agencies(text)).toEqual([
      ['商水县公安局', '河南省周口市商水县公安局'],
      ['反诈中心', '河南省周口市商水县公安局反诈中心'],
      ['合成作战中心', '河南省周口市商水县公安局合成作战中心'],
      ['谭庄派出所', '河南省周口市商水县公安局谭庄派出所'],
      ['固墙派出所', '河南省周口市商水县公安局固墙派出所'],
      ['刑警大队', '河南省周口市商水县公安局刑警大队'],
    ]);
    expect(agencies('接警后,反诈中心民警第一时间开展工作')).toEqual([]);
  });

  it('spans court divisions and names them in full (scxsls.com, 国新办)', () => {
    expect(agencies('近日在国新办举行的新闻发布会上,最高人民法院刑三庭负责人表示')).toEqual([
      ['国新办', '国务院新闻办公室'],
      ['最高人民法院刑三庭', '最高人民法院刑事审判第三庭'],
    ]);
  });

  it('keeps a session of the 全国人大 out (spp.gov.cn)', () => {
    expect(agencies('最高人民检察院检察长曹建明在十三届全国人大一次会议第二次全体会议上')).toEqual([['最高人民检察院', '最高人民检察院']]);
  });
});

describe('named units right after a regulator or a force', () => {
  it('spans 金管會銀行局 and 香港警方商業罪案調查科 as one body', () => {
    expect(agencies('金管會銀行局表示，今年攔阻可疑交易')).toEqual([['金管會銀行局', '金融监督管理委员会银行局']]);
    expect(agencies('香港警方商業罪案調查科聯同海關拘捕5男2女')).toEqual([
      ['香港警方商業罪案調查科', '香港警务处商业罪案调查科'],
      ['海關', '香港海关'],
    ]);
  });
});

describe('railway police, railway transport courts and procuratorates (人民法院报 chinacourt.org)', () => {
  it('reads each body by its seat, and a procuratorate branch after its provincial procuratorate', () => {
    const text = '指定成都铁路公安局侦查。分别由四川省人民检察院成都铁路运输分院向成都铁路运输中级法院提起公诉；成都铁路运输检察院向成都铁路运输第一法院提起公诉。';
    expect(agencies(text)).toEqual([
      ['成都铁路公安局', '成都铁路公安局'],
      ['四川省人民检察院成都铁路运输分院', '四川省人民检察院成都铁路运输分院'],
      ['成都铁路运输中级法院', '成都铁路运输中级法院'],
      ['成都铁路运输检察院', '成都铁路运输检察院'],
      ['成都铁路运输第一法院', '成都铁路运输第一法院'],
    ]);
  });

  it('reads 国家移民局 and a province\'s 反电信网络诈骗中心', () => {
    expect(agencies('公安部会同国家移民局组织开展')).toEqual([['公安部', '公安部'], ['国家移民局', '国家移民管理局']]);
    expect(agencies('云南省反电信网络诈骗中心在对贷款诈骗')).toEqual([['云南省反电信网络诈骗中心', '云南省反电信网络诈骗中心']]);
  });
});

describe('a district branch named after its city bureau (cn-ops3 dev passage, 包头)', () => {
  it('spans the bureau and its district 公安分局 as one body, by its official name', () => {
    expect(agencies('记者从内蒙古自治区包头市公安局昆都仑区公安分局获悉')).toEqual([
      ['内蒙古自治区包头市公安局昆都仑区公安分局', '内蒙古自治区包头市公安局昆都仑区分局'],
    ]);
  });
});

describe('courts and procuratorates of the cn-ops dev passages', () => {
  it("spans the 最高人民检察院's 检察厅 and names a 中院 in full", () => {
    expect(agencies('据最高人民检察院经济犯罪检察厅厅长介绍')).toEqual([['最高人民检察院经济犯罪检察厅', '最高人民检察院经济犯罪检察厅']]);
    expect(agencies('最高人民检察院第四检察厅负责人表示')).toEqual([['最高人民检察院第四检察厅', '最高人民检察院第四检察厅']]);
    expect(agencies('宜宾中院审理')).toEqual([['宜宾中院', '宜宾市中级人民法院']]);
    expect(agencies('杭州中院刑三庭')).toEqual([['杭州中院刑三庭', '杭州市中级人民法院刑事审判第三庭']]);
  });

  it('reads place + 公安當局 as that place\'s bureau and 內地公安當局 as the ministry (大公報 takungpao.com.hk)', () => {
    expect(agencies('內地公安當局則拘捕六名涉案人，遂通報廣東省公安當局和佛山市公安局')).toEqual([
      ['內地公安當局', '公安部'],
      ['廣東省公安當局', '广东省公安厅'],
      ['佛山市公安局', '佛山市公安局'],
    ]);
  });

  it('reads a bare numbered 警分局 in Taiwan news as a precinct of the bureau named last', () => {
    expect(agencies('臺中市政府警察局表示。⏎警方表示，第三警分局破獲詐團', 'taiwan')).toEqual([
      ['臺中市政府警察局', '台中市政府警察局'],
      ['第三警分局', '台中市政府警察局第三分局'],
    ]);
  });

  it('keeps 全市法院 and the 立法院 inside 建立法院 out', () => {
    expect(agencies('为进一步加强对全市法院涉养老诈骗案件的审理')).toEqual([]);
    expect(agencies('建立法院内部审执双向沟通机制')).toEqual([]);
    expect(agencies('經立法院三讀通過')).toEqual([['立法院', '立法院']]);
  });
});

describe('branches, short city bureaus and regulators of the cn-agency dev passages (xuancheng.gov.cn, cnr.cn)', () => {
  it("spans the 中国人民银行's branches by place and names them in full, and the city then serves a bare 市公安局", () => {
    expect(agencies('人行宣城中心支行、市公安局联合召开会议')).toEqual([
      ['人行宣城中心支行', '中国人民银行宣城市中心支行'],
      ['市公安局', '宣城市公安局'],
    ]);
    expect(agencies('人行那曲市中支联合那曲市公安局')).toEqual([
      ['人行那曲市中支', '中国人民银行那曲市中心支行'],
      ['那曲市公安局', '那曲市公安局'],
    ]);
  });

  it('reads 市局 and its units as the city bureau named before, and nothing before any city', () => {
    expect(agencies('宣城市公安局召开会议。市局刑侦支队支队长、市局出入境管理支队支队长出席')).toEqual([
      ['宣城市公安局', '宣城市公安局'],
      ['市局刑侦支队', '宣城市公安局刑事侦查支队'],
      ['市局出入境管理支队', '宣城市公安局出入境管理支队'],
    ]);
    expect(agencies('市局刑侦支队支队长出席')).toEqual([]);
  });

  it("reads a province's 通信管理局", () => {
    expect(agencies('四川省公安厅、四川省通信管理局联合出台通告')).toEqual([
      ['四川省公安厅', '四川省公安厅'],
      ['四川省通信管理局', '四川省通信管理局'],
    ]);
  });
});

describe('Hong Kong bodies of the hk-agency dev passages (星島, 香港01, 文匯)', () => {
  it("reads a formation right before one of the force's units, its 警區 unwritten, and 情報組", () => {
    expect(agencies('西區刑事部隨即展開情報分析', 'hongkong')).toEqual([['西區刑事部', '香港警务处西区警区刑事部']]);
    expect(agencies('深水埗警區情報組遂一連三周', 'hongkong')).toEqual([['深水埗警區情報組', '香港警务处深水埗警区情报组']]);
    // Outside Hong Kong news a 西區 is any west district.
    expect(agencies('西區刑事部隨即展開情報分析', 'mainland')).toEqual([]);
  });

  it("reads 衞生署 as Hong Kong's Department of Health in Hong Kong news, and 澳門警方 as Macau's police service", () => {
    expect(agencies('其中假冒衞生署的騙案升幅顯著', 'hongkong')).toEqual([['衞生署', '香港卫生署']]);
    expect(agencies('澳門警方表示將加強巡查')).toEqual([['澳門警方', '澳门警察总局']]);
  });

  it('reads magistrates\' courts named by a formation, and the bodies of the government by their names', () => {
    expect(agencies('已於西九龍裁判法院提堂')).toEqual([['西九龍裁判法院', '西九龙裁判法院']]);
    expect(agencies('監警會昨日召開季度會議，騙徒冒稱入境處職員')).toEqual([
      ['監警會', '香港投诉警方独立监察委员会'],
      ['入境處', '香港入境事务处'],
    ]);
    expect(agencies('聯合財富情報組和財經事務及庫務局')).toEqual([
      ['聯合財富情報組', '香港联合财富情报组'],
      ['財經事務及庫務局', '香港财经事务及库务局'],
    ]);
    expect(agencies('入境處連同廣東省公安廳出入境管理總隊執行行動')).toEqual([
      ['入境處', '香港入境事务处'],
      ['廣東省公安廳出入境管理總隊', '广东省公安厅出入境管理总队'],
    ]);
  });
});

describe('Taiwan bodies of the tw-agency dev passages (ETtoday, 聯合報, NOWnews)', () => {
  it('spans prosecutor seats listed with 、 as one body (ETtoday 台北、新北地檢署)', () => {
    expect(agencies('詐欺等罪嫌移送台北、新北地檢署偵辦。')).toEqual([['台北、新北地檢署', '台湾台北、新北地方检察署']]);
  });

  it('reads a prosecutor seat whatever comes before it (移送橋頭地檢署)', () => {
    expect(agencies('移送橋頭地方檢察署偵辦。移送橋頭地檢署偵辦')).toEqual([
      ['橋頭地方檢察署', '台湾桥头地方检察署'],
      ['橋頭地檢署', '台湾桥头地方检察署'],
    ]);
  });

  it("names the 刑事局's 電偵大隊 and a corps' 科技偵查隊 in full", () => {
    expect(agencies('經刑事局電偵大隊第二隊與刑事局國際刑警科')).toEqual([
      ['刑事局電偵大隊第二隊', '内政部警政署刑事警察局电信侦查大队第二队'],
      ['刑事局國際刑警科', '内政部警政署刑事警察局国际刑警科'],
    ]);
    expect(agencies('台中市警局刑事警察大隊科技偵查隊、第六分局、第四分局等單位組成專案', 'taiwan')).toEqual([
      ['台中市警局刑事警察大隊科技偵查隊', '台中市政府警察局刑事警察大队科技犯罪侦查队'],
      ['第六分局', '台中市政府警察局第六分局'],
      ['第四分局', '台中市政府警察局第四分局'],
    ]);
  });

  it("reads a body's own bureaus named bare after the body (聯合報 金管會, ETtoday 刑事局), and not before it", () => {
    expect(agencies('金管會與法務部啟動機制，責成所屬單位檢查局、銀行局、證期局等')).toEqual([
      ['金管會', '金融监督管理委员会'],
      ['法務部', '法务部'],
      ['銀行局', '金融监督管理委员会银行局'],
      ['證期局', '金融监督管理委员会证券期货局'],
    ]);
    expect(agencies('刑事局表示。「會到實體店鋪買虛幣的詐團」偵二大隊聚焦執法')).toEqual([
      ['刑事局', '内政部警政署刑事警察局'],
      ['偵二大隊', '内政部警政署刑事警察局侦查第二大队'],
    ]);
    expect(agencies('銀行局表示，偵二大隊聚焦執法')).toEqual([]);
  });

  it('spans precincts named by a district and listed with 、 as one body of the bureau named last (NOWnews)', () => {
    expect(agencies('高雄市政府警察局表示，湖內、岡山分局接連破獲外籍車手', 'taiwan')).toEqual([
      ['高雄市政府警察局', '高雄市政府警察局'],
      ['湖內、岡山分局', '高雄市政府警察局湖内、冈山分局'],
    ]);
  });

  it('reads 雄市警局, a bureau\'s 外事科, and a precinct after 另', () => {
    expect(agencies('根據雄市警局統計')).toEqual([['雄市警局', '高雄市政府警察局']]);
    expect(agencies('高雄市警局刑事警察大隊、外事科及移民署通力合作。另岡山分局在岡山區', 'taiwan')).toEqual([
      ['高雄市警局刑事警察大隊', '高雄市政府警察局刑事警察大队'],
      ['外事科', '高雄市政府警察局外事科'],
      ['移民署', '内政部移民署'],
      ['岡山分局', '高雄市政府警察局冈山分局'],
    ]);
  });
});

describe('Hong Kong and Macau bodies of the hk-news and macau-news dev passages', () => {
  it('reads 反詐騙組, 澳門司警, the ICAC as Hong Kong\'s and the Housing Authority', () => {
    expect(agencies('新界南總區刑事部反詐騙組警司稱')).toEqual([['新界南總區刑事部反詐騙組', '香港警务处新界南总区刑事部反诈骗组']]);
    expect(agencies('澳門司警追查下揭發')).toEqual([['澳門司警', '澳门司法警察局']]);
    expect(agencies('廉政公署今日起訴兩人', 'hongkong')).toEqual([['廉政公署', '香港廉政公署']]);
    expect(agencies('廉政公署今日起訴兩人', 'macau')).toEqual([['廉政公署', '澳门廉政公署']]);
    expect(agencies('申請人須向房委會提交入息證明', 'hongkong')).toEqual([['房委會', '香港房屋委员会']]);
  });
});

describe('bare 省厅 and 市公安局 after the place was named', () => {
  it('reads 省厅 as the province named before it, and not 省厅级', () => {
    expect(agencies('江苏省无锡市公安局梁溪分局刑侦大队民警在省厅刑侦总队的指导下')).toEqual([
      // 刑侦 by its official name, 刑事侦查 (gold cn-07, cn-news-08, cn-ops-04).
      ['江苏省无锡市公安局梁溪分局刑侦大队', '江苏省无锡市公安局梁溪分局刑事侦查大队'],
      ['省厅刑侦总队', '江苏省公安厅刑事侦查总队'],
    ]);
    expect(agencies('江苏省公安厅部署后，省厅级干部带队')).toEqual([['江苏省公安厅', '江苏省公安厅']]);
  });

  it('reads 在市公安局 after 在, a boundary word', () => {
    expect(agencies('汉中市公安局通报，在市公安局的统一指挥下')).toEqual([
      ['汉中市公安局', '汉中市公安局'],
      ['市公安局', '汉中市公安局'],
    ]);
  });
});
