import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/index';

const stats = (text: string) =>
  annotate(text, { kinds: ['statistic'] }).map(({ text: t, value, unit, approx, measure }) => ({ t, value, unit, approx, measure }));

describe('numbers and multipliers', () => {
  it('reads Arabic numbers with multipliers, decimals and thousands separators', () => {
    expect(stats('全年共破案46.4万起,缉捕电信网络诈骗犯罪集团头目和骨干351名')).toEqual([
      { t: '46.4万起', value: 464000, unit: '起', approx: undefined, measure: '破案' },
      { t: '351名', value: 351, unit: '名', approx: undefined, measure: '缉捕电信网络诈骗犯罪集团头目和骨干' },
    ]);
    expect(stats('抓获犯罪嫌疑人2,170.7万人')[0]).toMatchObject({ value: 21707000, unit: '人' });
    expect(stats('查封凍結(jié)扣押涉案資產(chǎn)21.01億元。')[0]).toMatchObject({ t: '21.01億元', value: 2101000000, unit: '元', measure: '查封冻结扣押涉案资产' });
  });

  it('reads qualifiers inside and around the number as approximate', () => {
    expect(stats('协助公安机关紧急拦截涉案资金3180余亿元;')[0]).toMatchObject({ value: 318000000000, unit: '元', approx: true, measure: '紧急拦截涉案资金' });
    expect(stats('預警勸阻受騙群眾2.1萬余人次,')[0]).toMatchObject({ t: '2.1萬余人次', value: 21000, unit: '人次', approx: true });
    expect(stats('共抓获两千余名嫌疑人')[0]).toMatchObject({ t: '两千余名', value: 2000, approx: true });
    expect(stats('近3000人受骗')[0]).toMatchObject({ t: '近3000人', value: 3000, approx: true });
    expect(stats('涉案金额超过5亿元')[0]).toMatchObject({ t: '超过5亿元', value: 500000000, approx: true });
    expect(stats('发案数下降12.5%左右')[0]).toMatchObject({ t: '12.5%左右', value: 12.5, unit: '%', approx: true });
    expect(stats('上万人参与')[0]).toMatchObject({ t: '上万人', value: 10000, approx: true });
  });

  it('reads Chinese numerals and ranges', () => {
    expect(stats('共破获电诈案件二十三起')[0]).toMatchObject({ value: 23, unit: '起', measure: '破获电诈案件' });
    expect(stats('公安部公布十起危害粮食生产安全犯罪典型案例')[0]).toMatchObject({ t: '十起', value: 10 });
    expect(stats('费用四五千元')[0]).toMatchObject({ t: '四五千元', value: 4000, approx: true });
  });

  it('counts departments: 23部门 and 23个部门', () => {
    expect(stats('中國人民銀行等23部門將在全國')[0]).toMatchObject({ t: '23部門', value: 23, unit: '部门' });
    expect(stats('由23個部門和單位組成的')[0]).toMatchObject({ t: '23個', value: 23, unit: '个', measure: '部门和单位' });
  });
});

describe('durations', () => {
  it('count after 为期 / 连续 / 集中', () => {
    expect(stats('开展为期一年半的专项行动')[0]).toMatchObject({ t: '一年半', value: 1.5, unit: '年' });
    expect(stats('推动电信网络诈骗发案连续17个月同比下降')[0]).toMatchObject({ t: '17个月', value: 17, unit: '个月' });
    expect(stats('集中一年時間始終把鋒芒對準')[0]).toMatchObject({ t: '一年', value: 1, unit: '年' });
  });

  it('are dates otherwise', () => {
    expect(stats('3月24日,漢中市舉行2020年新聞發(fā)布會;3月至8月嚴厲打擊,4月底前;9月至12月鞏固')).toEqual([]);
    expect(stats('专项斗争开展两年来,围绕三年目标')).toEqual([]);
  });
});

describe('measures', () => {
  it('come from the clause before, cut after 共 / 累计 / agencies', () => {
    expect(stats('漢中共破獲黑社會性質(zhì)組織案件9起、惡勢力犯罪集團案件28起')).toMatchObject([
      { t: '9起', measure: '破获黑社会性质组织案件' },
      { t: '28起', measure: '恶势力犯罪集团案件' },
    ]);
    expect(stats('累计向各地推送预警指令2.4亿条;工信部累计拦截诈骗电话21亿次、短信24.2亿条')).toMatchObject([
      { measure: '推送预警指令', value: 240000000 },
      { measure: '拦截诈骗电话', value: 2100000000 },
      { measure: '短信', value: 2420000000 },
    ]);
    expect(stats('中央网信办封堵境外涉诈网址79.9万个、IP地址3.8万个')).toMatchObject([
      { measure: '封堵境外涉诈网址' },
      { measure: 'IP地址' },
    ]);
  });

  it('come from after the number when the clause before is only a preposition', () => {
    expect(stats('近期已對319名實施網(wǎng)絡詐騙重點嫌疑人進行了排查')[0]).toMatchObject({ value: 319, measure: '实施网络诈骗重点嫌疑人' });
    expect(stats('危害公序良俗等7類涉網(wǎng)黑惡勢力,')[0]).toMatchObject({ value: 7, unit: '类', measure: '涉网黑恶势力' });
  });
});

describe('not statistics', () => {
  it('skips dates, times and ordinals', () => {
    expect(stats('齐齐哈尔网警巡查执法 2023-05-31 21:31:24')).toEqual([]);
    expect(stats('十三届全国人大常委会第三十六次会议审议通过;第三轮')).toEqual([]);
    expect(stats('截止2023年3月31日')).toEqual([]);
  });

  it('skips phone numbers and identifiers', () => {
    expect(stats('依托110和12337智能平台,拨打96110,电话:029-63903870')).toEqual([]);
    expect(stats('京ICP备11041399号-2京公网安备11010502003583')).toEqual([]);
  });

  it('skips section numbers, 一 as "a", quoted labels and vague counts', () => {
    expect(stats('一是坚持打击开路,发现一起、侦破一起,打掉一批、震慑一批;二是坚持整治跟进')).toEqual([]);
    expect(stats('将“一人多企”“一址多照”纳入,做到“四个坚持”,全面加强“四专两合力”建设,“三个强化”')).toEqual([]);
    expect(stats('数十名嫌疑人落网')).toEqual([]);
    expect(stats('惟一一家医院')).toEqual([]);
    expect(stats('党的二十大精神,“斩链”“清源”“利剑”三大战役')).toEqual([]);
  });
});

describe('Taiwan, Hong Kong and Macau figures', () => {
  it('read ages, measure words and counts by sex (Hong Kong police reports)', () => {
    expect(stats('被捕16男子及4女子（11歲至84歲），涉嫌洗黑錢')).toMatchObject([
      { t: '16男子', value: 16, unit: '人' },
      { t: '4女子', value: 4, unit: '人' },
      { t: '11歲', value: 11, unit: '岁' },
      { t: '84歲', value: 84, unit: '岁' },
    ]);
    expect(stats('查獲詐騙集團931團、非制式槍104枝')).toMatchObject([{ t: '931團', unit: '团' }, { t: '104枝', unit: '枝' }]);
  });

  it('keep a written currency in the span and as the unit, before or after the figure', () => {
    expect(stats('財損金額達新臺幣 1 億 7,244 萬元；')[0]).toMatchObject({ t: '新臺幣 1 億 7,244 萬元', value: 172440000, unit: '新台币' });
    expect(stats('涉款3180萬元人民幣')[0]).toMatchObject({ t: '3180萬元人民幣', value: 31800000, unit: '人民币' });
    expect(stats('損失約100萬港元')[0]).toMatchObject({ t: '約100萬港元', value: 1000000, unit: '港元', approx: true });
  });

  it('read mixed 億/萬 figures with thousands separators and spaces (Taiwan police statistics)', () => {
    expect(stats('查扣不法利得總值2億1,910萬5,185元。')[0]).toMatchObject({ value: 219105185, unit: '元' });
    expect(stats('當月共受理 530 件詐騙案')[0]).toMatchObject({ t: '530 件', value: 530, unit: '件' });
    expect(stats('平均財損約 1,402 萬元')[0]).toMatchObject({ t: '約 1,402 萬元', value: 14020000, approx: true });
    // A 千 below the 億 that a 萬 follows counts 萬s: 1億9千萬 is 190 million, not 100,009,000.
    expect(stats('民眾財損達新台幣1億9千萬餘元')[0]).toMatchObject({ t: '新台幣1億9千萬餘元', value: 190000000, unit: '新台币', approx: true });
    expect(stats('涉案3万5千元')[0]).toMatchObject({ t: '3万5千元', value: 35000 });
    // 2,343 萬6,072 元: a space before the unit after the part below the 萬 too (台南 police results).
    expect(stats('攔阻金額計新臺幣2,343 萬6,072 元等')[0]).toMatchObject({ t: '新臺幣2,343 萬6,072 元', value: 23436072, unit: '新台币' });
    // An approximation between the currency and the figure keeps the currency in the span.
    expect(stats('贓款新臺幣約180萬餘元、毒品')[0]).toMatchObject({ t: '新臺幣約180萬餘元', value: 1800000, unit: '新台币', approx: true });
  });

  it('read a 萬 after a 億 as counting its own section only, in Chinese numerals too', () => {
    expect(stats('涉案金额一亿二千万元')[0]).toMatchObject({ value: 120000000 });
    expect(stats('两亿三千四百五十六万七千八百元')[0]).toMatchObject({ value: 234567800 });
    expect(stats('一億零三百萬元')[0]).toMatchObject({ value: 103000000 });
    expect(stats('规模达三万亿元')[0]).toMatchObject({ t: '三万亿元', value: 3e12 });
    // Arabic above, Chinese below: 2亿零五百万 is 205 million; a bare 一 after the 万 is "a time", not a digit.
    expect(stats('涉案2亿零五百万元')[0]).toMatchObject({ t: '2亿零五百万元', value: 205000000 });
    expect(stats('收费10万一次')[0]).toMatchObject({ t: '10万', value: 100000 });
  });

  it('read sections written digit by digit, with ○ or 〇 as zero (自由時報 print editions)', () => {
    expect(stats('合計查獲三一八○件，查扣一億九三一二萬餘元、泰達幣二○三萬餘顆，財損約一五○多億元')).toMatchObject([
      { t: '三一八○件', value: 3180, unit: '件' },
      { t: '一億九三一二萬餘元', value: 193120000, unit: '元', approx: true },
      { t: '二○三萬餘顆', value: 2030000, unit: '颗', approx: true },
      { t: '約一五○多億元', value: 15000000000, unit: '元', approx: true },
    ]);
    // Two digits without a zero stay a range; ○ opening a run masks a name (王○明), it is no number.
    expect(stats('費用三四萬元')[0]).toMatchObject({ value: 30000, approx: true });
    expect(stats('王○明等三人')).toMatchObject([{ t: '三人', value: 3 }]);
  });

  it('read guns by 把, yen, and a duration of N and a half', () => {
    expect(stats('各式槍枝2把(非制式手槍1把、制式手槍1把)')).toMatchObject([
      { t: '2把', value: 2, unit: '把' },
      { t: '1把', value: 1, unit: '把' },
      { t: '1把', value: 1, unit: '把' },
    ]);
    expect(stats('他是單位的一把手')).toEqual([]);
    expect(stats('兌換50萬日圓可送贈一萬日圓')).toMatchObject([
      { t: '50萬日圓', value: 500000, unit: '日元' },
      { t: '一萬日圓', value: 10000, unit: '日元' },
    ]);
    expect(stats('沒撐傘淋雨長達1個半小時')[0]).toMatchObject({ t: '1個半小時', value: 1.5, unit: '小时' });
    expect(stats('向28省份交办督办专项案件')[0]).toMatchObject({ t: '28省份', value: 28, unit: '省份' });
    expect(stats('查獲51詐團247人，設有2組專組，分兩階段進行，手法有三種')).toMatchObject([
      { t: '51詐團', value: 51, unit: '诈团' },
      { t: '247人', value: 247, unit: '人' },
      { t: '2組', value: 2, unit: '组' },
      { t: '兩階段', value: 2, unit: '阶段' },
      { t: '三種', value: 3, unit: '种' },
    ]);
    expect(stats('年齡介乎13歲至89歳')).toMatchObject([{ t: '13歲', unit: '岁' }, { t: '89歳', value: 89, unit: '岁' }]);
    expect(stats('巡查可疑單位一千三百二十八場次')[0]).toMatchObject({ value: 1328, unit: '场次' });
    expect(stats('澳門海關亦派出1艘巡邏船、4艘快艇')).toMatchObject([{ t: '1艘', unit: '艘' }, { t: '4艘', unit: '艘' }]);
    // Two stacked qualifiers, and the proceeds after it that make it money.
    expect(stats('傀儡戶口亦清洗超過約400萬犯罪得益。')[0]).toMatchObject({ t: '超過約400萬', value: 4000000, unit: '元', approx: true });
    expect(stats('在區域法院被裁定一項「串謀欺詐」罪')[0]).toMatchObject({ t: '一項', value: 1 });
    expect(stats('2655顆（折合574萬元新台幣）')[1]).toMatchObject({ t: '574萬元新台幣', value: 5740000, unit: '新台币' });
    // Tenths as percentages (hk-agency, tw-news dev passages: 近六成 → 60 %).
    expect(stats('近六成為網購騙案')[0]).toMatchObject({ t: '近六成', value: 60, unit: '%', approx: true });
  });

  it('give an amount of money with its 元 unwritten the unit 元 from the words around it, and nothing else', () => {
    expect(stats('一共涉及超過200萬贓款。')[0]).toMatchObject({ t: '超過200萬', value: 2000000, unit: '元', approx: true });
    expect(stats('市值就高達近4億,其中')[0]).toMatchObject({ t: '近4億', value: 400000000, unit: '元' });
    expect(stats('案损100万以上案件全部告破')[0]).toMatchObject({ t: '100万以上', value: 1000000, unit: '元', approx: true });
    expect(stats('全市人口300万')[0]).toMatchObject({ t: '300万', unit: undefined });
  });

  it('count charges after 控 / 承認 even with a lone 一, and keep the article 一名 out', () => {
    expect(stats('該名女子已被暫控一項以欺騙手段取得財產罪')).toMatchObject([{ t: '一項', value: 1, unit: '项' }]);
    expect(stats('他們已被控以一項「串謀以欺騙手段」罪')).toMatchObject([{ t: '一項', value: 1 }]);
    expect(stats('一名男子被捕')).toEqual([]);
  });

  it('read 百分之N as a percentage and leave per-capita bases alone', () => {
    expect(stats('拘捕率百分之41.42，')[0]).toMatchObject({ t: '百分之41.42', value: 41.42, unit: '%' });
    expect(stats('以每十萬人口計算')).toEqual([]);
  });
});

describe('numerals and measure words of Taiwan and Hong Kong papers (regional dev passages)', () => {
  it('read written tens and numbers written digit by digit (udn 聯合新聞網)', () => {
    expect(stats('有卅人拿回約人民幣三千多萬元被騙資金')).toMatchObject([
      { t: '卅人', value: 30, unit: '人' },
      { t: '約人民幣三千多萬元', value: 30000000, unit: '人民币', approx: true },
    ]);
    expect(stats('又有一一七八名緬甸妙瓦底地區的陸籍涉電詐犯罪嫌疑人')[0]).toMatchObject({ t: '一一七八名', value: 1178, unit: '名' });
    expect(stats('航警調查，卅二歲萬姓男子為陸裔美籍')[0]).toMatchObject({ t: '卅二歲', value: 32, unit: '岁' });
    // Two digits in a row stay a range's lower bound.
    expect(stats('三四台電腦')[0]).toMatchObject({ value: 3, approx: true });
  });

  it('read 則, 公克 and 包 (udn 聯合新聞網)', () => {
    expect(stats('攔截詐騙電話36億次、簡訊33億則')[1]).toMatchObject({ t: '33億則', value: 3300000000, unit: '则' });
    expect(stats('K他命93.43公克、毒品咖啡包1000包')).toMatchObject([
      { t: '93.43公克', value: 93.43, unit: '公克' },
      { t: '1000包', value: 1000, unit: '包' },
    ]);
  });

  it('keep fixed terms and ordinals out: 小三通, 二類電信, 第 17 名, 百分之百', () => {
    expect(stats('中國大陸3日以小三通方式遣送10人')).toMatchObject([{ t: '10人' }]);
    expect(stats('他們勾結二類電信業者、網路廣告商一起犯案')).toEqual([]);
    expect(stats('受理詐欺案 812 件，居全國第 17 名')).toMatchObject([{ t: '812 件' }]);
    expect(stats('做到百分之百不出现误伤')).toEqual([]);
    expect(stats('拘捕率百分之41.42')[0]).toMatchObject({ value: 41.42, unit: '%' });
  });
});

describe('Chinese decimals and prison terms', () => {
  it('read Chinese decimals before 万/亿 and in percentages', () => {
    expect(stats('涉案三点五亿元')[0]).toMatchObject({ t: '三点五亿元', value: 350000000, unit: '元' });
    expect(stats('騙案數字按年增加百分之二十五點三')[0]).toMatchObject({ value: 25.3, unit: '%' });
  });

  it('read Hong Kong sentences (監禁, 入獄) and years with months as one term', () => {
    expect(stats('判監禁四年零三個月')[0]).toMatchObject({ t: '四年零三個月', value: 51, unit: '个月' });
    expect(stats('被判入獄三年')[0]).toMatchObject({ t: '三年', value: 3, unit: '年' });
    expect(stats('判处有期徒刑3年6个月，并处罚金')[0]).toMatchObject({ t: '3年6个月', value: 42, unit: '个月' });
    // A reporting period is no term: 今年1至3月 stays out, as does 3年 without a sentence word.
    expect(stats('過去3年，騙案上升')).toEqual([]);
  });
});

/**
 * Writes `n` as the papers write amounts in Chinese numerals (standard form: 十/百/千 within a section,
 * 万/亿 between sections, 零 for a gap, 十 alone at the start), in simplified or traditional script.
 */
function chineseNumeral(n: number, traditional: boolean): string {
  const digits = '零一二三四五六七八九';
  const small = ['', '十', '百', '千'];
  const big = traditional ? ['', '萬', '億'] : ['', '万', '亿'];
  const section = (s: number) => {
    let out = '';
    let zero = false;
    for (let p = 3; p >= 0; p--) {
      const d = Math.floor(s / 10 ** p) % 10;
      if (d === 0) zero = out !== '';
      else {
        if (zero) out += '零';
        out += digits[d] + small[p];
        zero = false;
      }
    }
    return out;
  };
  const parts: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) parts.push(rest % 10_000);
  let out = '';
  let gap = false;
  for (let k = parts.length - 1; k >= 0; k--) {
    const s = parts[k];
    if (s === 0) {
      gap = out !== '';
      continue;
    }
    // A gap before a section (一亿零五百万) or a section under a thousand after a higher one (一万零五十).
    if (out !== '' && (gap || s < 1000)) out += '零';
    // 亿 sections beyond the 亿 itself (十万亿) are out of range here.
    out += section(s) + big[k];
    gap = false;
  }
  return out.startsWith('一十') ? out.slice(1) : out;
}

describe('Chinese numerals, property check against a writer of the standard form', () => {
  it('reads 2,000 seeded numbers from 2 to 999,999,999,999 in both scripts as their value', () => {
    let seed = 20261204;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const wrong: string[] = [];
    for (let k = 0; k < 2000; k++) {
      // Every magnitude equally often, with zeros in the middle often (they are where readers go wrong).
      const magnitude = 1 + Math.floor(random() * 12);
      let n = Math.floor(random() * 10 ** magnitude) + 1;
      if (random() < 0.3) n -= n % 10 ** Math.floor(random() * magnitude);
      // 一 alone is an article (一名男子) by design: start at 2.
      if (n < 2) n = 2 + k;
      const traditional = k % 2 === 1;
      const written = chineseNumeral(n, traditional) + '元';
      const found = annotate(`涉案金额${written}。`, { kinds: ['statistic'] });
      if (found.length !== 1 || found[0].text !== written || found[0].value !== n) wrong.push(`${written}: ${found.map((a) => `${a.text}=${a.value}`).join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('mixed Arabic figures with 億/萬, property check (Taiwan police tables write 2億1,910萬5,185元)', () => {
  it('reads 1,000 seeded amounts split at 億 and 萬, with thousands separators and spaces as the tables vary them', () => {
    let seed = 1204;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const grouped = (n: number) => (random() < 0.5 ? n.toLocaleString('en-US') : String(n));
    const wrong: string[] = [];
    for (let k = 0; k < 1000; k++) {
      const yi = Math.floor(random() * 1000);
      const wan = random() < 0.2 ? 0 : Math.floor(random() * 10_000);
      const rest = random() < 0.3 ? 0 : Math.floor(random() * 10_000);
      if (yi === 0 && wan === 0) continue;
      const space = random() < 0.3 ? ' ' : '';
      let written = '';
      if (yi > 0) written += `${grouped(yi)}${space}億${space}`;
      if (wan > 0) written += `${grouped(wan)}${space}萬`;
      else if (rest > 0) written += '零';
      if (rest > 0) written += `${written.endsWith('零') ? '' : space}${grouped(rest)}${space}`;
      written += '元';
      const n = yi * 1e8 + wan * 1e4 + rest;
      const found = annotate(`財損金額達${written}，`, { kinds: ['statistic'] });
      if (found.length !== 1 || found[0].text !== written.trimEnd() || found[0].value !== n) wrong.push(`${written} (${n}): ${found.map((a) => `${a.text}=${a.value}`).join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });
});
