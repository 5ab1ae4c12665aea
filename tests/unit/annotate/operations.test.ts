import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/index';

const operations = (text: string) => annotate(text, { kinds: ['operation'] }).map((a) => [a.text, a.canonical]);

describe('quoted operations', () => {
  it('reads quoted lists before 等专项行动 and 三大战役 (seed 002)', () => {
    const text =
      '统筹开展“云剑”“断卡”“断流”等专项行动,会同国家移民管理局组织开展“斩链”“清源”“利剑”三大战役,会同外交部、最高法、最高检联合部署开展“拔钉”行动';
    expect(operations(text)).toEqual([
      ['云剑', '云剑行动'],
      ['断卡', '断卡行动'],
      ['断流', '断流行动'],
      ['斩链', '斩链战役'],
      ['清源', '清源战役'],
      ['利剑', '利剑战役'],
      ['拔钉', '拔钉行动'],
    ]);
  });

  it('reads traditional text with artefacts (seed 004)', () => {
    const text = '深入推進(jìn)“云劍”“長(zhǎng)城”“斷卡”行動(dòng),打團(tuán)伙';
    expect(operations(text)).toEqual([
      ['云劍', '云剑行动'],
      ['長(zhǎng)城', '长城行动'],
      ['斷卡', '断卡行动'],
    ]);
  });

  it('takes an unseen quoted name before a campaign suffix', () => {
    expect(operations('公安机关部署开展“净源”专项行动')).toEqual([['净源', '净源行动']]);
    expect(operations('组织开展“雷火”集群战役')).toEqual([['雷火', '雷火战役']]);
    expect(operations('成功侦破“8·12”特大电信诈骗专案')).toEqual([]);
    expect(operations('侦破“12.15”专案')).toEqual([]);
    expect(operations('专案组侦破“飓风”专案')).toEqual([['飓风', '飓风专案']]);
  });

  it('takes a known quoted name on its own, and 百日行动 as it is', () => {
    expect(operations('深入推进“断卡”,打击涉卡犯罪')).toEqual([['断卡', '断卡行动']]);
    expect(operations('公安部部署开展夏季治安打击整治“百日行动”')).toEqual([['百日行动', '百日行动']]);
  });

  it('ignores quoted things that are not operations', () => {
    const text =
      '全面加强“四专两合力”建设,推动“厦门经验”落地生效,推出“一键查卡”防范银行账户非法买卖,组织开展“五进”宣传活动,严打“两卡”犯罪,将“一人多企”“一址多照”纳入';
    expect(operations(text)).toEqual([]);
  });

  it('does not read a plain 行动 after an unknown quoted word as a campaign', () => {
    expect(operations('对他们做出的“过火”行动会采取措施')).toEqual([]);
  });
});

describe('unquoted known names', () => {
  it('needs a suffix or a list context', () => {
    expect(operations('开展净网2022专项行动')).toEqual([['净网2022专项行动', '净网2022行动']]);
    expect(operations('深入推进断卡行动2.0')).toEqual([['断卡行动2.0', '断卡行动2.0']]);
    expect(operations('开展云剑、断卡、断流等专项行动')).toEqual([
      ['云剑', '云剑行动'],
      ['断卡', '断卡行动'],
      ['断流', '断流行动'],
    ]);
    expect(operations('公安部部署开展猎狐行动')).toEqual([['猎狐行动', '猎狐行动']]);
  });

  it('leaves the wall and the metaphor alone', () => {
    expect(operations('游客登上长城,远眺群山')).toEqual([]);
    expect(operations('高悬反诈利剑,形成强大震慑')).toEqual([]);
  });
});

describe('descriptive campaigns', () => {
  it('run from the campaign verb to 专项行动 / 攻坚行动 / 专项整治', () => {
    expect(operations('部署在全国开展为期一年半的打击惩治涉网黑恶犯罪专项行动,全力推动')).toEqual([
      ['打击惩治涉网黑恶犯罪专项行动', '打击惩治涉网黑恶犯罪专项行动'],
    ]);
    // 扫黑除恶专项斗争 is a campaign by its full name (the guidelines list it).
    expect(operations('通報了漢中公安機關掃黑除惡專項斗爭及部署開展打擊治理利用網(wǎng)絡實施涉黑惡等違法犯罪專項整治情況')).toEqual([
      ['掃黑除惡專項斗爭', '扫黑除恶专项斗争'],
      ['打擊治理利用網(wǎng)絡實施涉黑惡等違法犯罪專項整治', '打击治理利用网络实施涉黑恶等违法犯罪专项整治'],
    ]);
  });

  it('ignore a bare 专项行动 referring back', () => {
    expect(operations('公开举报方式,为专项行动开展营造浓厚氛围')).toEqual([]);
    expect(operations('专项行动将针对这些违法犯罪活动')).toEqual([]);
  });
});

describe('Taiwan 專案 and Hong Kong code names (regional dev passages)', () => {
  const ops = (text: string) => annotate(text, { kinds: ['operation'] }).map((a) => [a.text, a.canonical]);

  it('reads descriptive 專案 campaigns, not 專案小組 task forces (udn 聯合新聞網, ETtoday)', () => {
    expect(ops('警政署執行今年第3波打擊詐欺專案，今公布成果')).toEqual([['打擊詐欺專案', '打击诈欺专案']]);
    expect(ops('該局執行3波全國同步打擊詐欺行動專案及114年1月')).toEqual([['全國同步打擊詐欺行動專案', '全国同步打击诈欺行动专案']]);
    expect(ops('與刑事警察局共組專案小組報請地檢署指揮偵辦')).toEqual([]);
  });

  it('reads a quoted name that ends in 專案 (自由時報 ltn.com.tw)', () => {
    expect(ops('至5月5日執行「靖城掃黑結合打詐專案」,10天內')).toEqual([['靖城掃黑結合打詐專案', '靖城扫黑结合打诈专案']]);
  });

  it('reads code names after 代號 and 執法行動 (Yahoo 香港, 星島 stheadline.com)', () => {
    expect(ops('警方在過去3星期採取大型執法行動「謀攻」，針對干犯詐騙')).toEqual([['謀攻', '谋攻行动']]);
    expect(ops('的集團展開代號「合璧」(JADEJOINT)的拘捕及搜查行動')).toEqual([['合璧', '合璧行动']]);
  });

  it('keeps a quoted phrase without a naming word out (「唱高散貨」的手法)', () => {
    expect(ops('主要利用「唱高散貨」手法，在社交平台吹捧目標股票')).toEqual([]);
  });

  it('reads 等專案行動 after listed names as 行动 (udn 聯合新聞網)', () => {
    expect(ops('去年部署「斷流」、「拔釘」、「斬鏈」等專案行動')).toEqual([
      ['斷流', '断流行动'],
      ['拔釘', '拔钉行动'],
      ['斬鏈', '斩链行动'],
    ]);
  });
});

describe('general rules found on the regional dev passages (sentences written for the test)', () => {
  const ops = (text: string) => annotate(text, { kinds: ['operation'] }).map((a) => [a.text, a.canonical]);

  it("reads Taiwan's 打詐 campaigns, and a campaign that lists its targets with 、", () => {
    expect(ops('新竹縣警察局執行打詐專案，查獲車手5人')).toEqual([['打詐專案', '打诈专案']]);
    expect(ops('各分局配合全國同步打詐、肅毒及掃黑專案，查獲嫌犯')).toEqual([['全國同步打詐、肅毒及掃黑專案', '全国同步打诈、肃毒及扫黑专案']]);
    // A 、 ending a list before the campaign does not pull the list in.
    expect(ops('查扣手機、執行打詐專案')).toEqual([['打詐專案', '打诈专案']]);
    // The 警政署's widened rounds keep their 擴大 (擴大打詐同步專案); a plain 擴大 before 打擊 stays out.
    expect(ops('執行114年第4波擴大打詐同步專案。')).toEqual([['擴大打詐同步專案', '扩大打诈同步专案']]);
    expect(ops('持續擴大打擊詐欺專案成果')).toEqual([['打擊詐欺專案', '打击诈欺专案']]);
  });

  it('reads a campaign with the year of its round, quoted or not, but not a date after it', () => {
    expect(ops('与“猎狐2014”行动相比')).toEqual([['猎狐2014', '猎狐2014行动']]);
    expect(ops('开展净网2022专项行动')).toEqual([['净网2022专项行动', '净网2022行动']]);
    expect(ops('“昆仑2023”专项行动')).toEqual([['昆仑2023', '昆仑2023行动']]);
    // A year digit by digit in Chinese, in Arabic digits in the canonical (澳門日報 macau-agency dev).
    expect(ops('五月二十日展開“雷霆二○二二”粵港澳三地聯合行動')).toEqual([['雷霆二○二二', '雷霆2022行动']]);
    expect(ops('“断卡”2024年以来')).toEqual([['断卡', '断卡行动']]);
  });

  it("reads Taiwan's 專案行動 endings and the standing 治平專案", () => {
    expect(ops('執行內政部警政署全國同步掃黑、打詐、緝毒專案行動，動員所有分局')).toEqual([['全國同步掃黑、打詐、緝毒專案行動', '全国同步扫黑、打诈、缉毒专案行动']]);
    expect(ops('共查獲治平專案3件14人')).toEqual([['治平專案', '治平专案']]);
    expect(ops('包括台北地檢署起訴斬金專案(被害人5,')).toEqual([['斬金專案', '斩金专案']]);
  });

  it('reads a code name followed by what the campaign does as the code name alone (cn-ops dev passages)', () => {
    expect(ops('河南省公安机关开展了“雷霆21号”打击电信网络诈骗犯罪专项行动。行动期间')).toEqual([['雷霆21号', '雷霆21号行动']]);
    expect(ops('为期一周的昆明市公安局“长风2024”治安打击整治行动第7轮次')).toEqual([['长风2024', '长风2024行动']]);
    // A quotation before a plain 行动 is no code name; a quoted target inside a descriptive name is not either.
    expect(ops('他说“我们要”打击犯罪行动')).toEqual([]);
    expect(ops('开展打击“两卡”违法犯罪专项行动')).toEqual([]);
  });

  it('reads 展開 as a launch word and 全國查緝 as a campaign start (hk-ops2, tw-ops2 dev passages)', () => {
    expect(ops('兩地警方於上月聯合展開「天環II」行動')).toEqual([['天環II', '天环II行动']]);
    // A campaign described before its code name launches a plain 行动 too; “过火”行动 stays a phrase.
    expect(ops('在打击电信网络诈骗和网络赌博犯罪“断源”行动中,加强')).toEqual([['断源', '断源行动']]);
    expect(ops('防止出现“过火”行动')).toEqual([]);
    expect(ops('配合警政署全國查緝車手、掃黑專案，查獲51詐團247人')).toEqual([['全國查緝車手、掃黑專案', '全国查缉车手、扫黑专案']]);
  });

  it('reads a quoted name that ends in 行動 with its year after it', () => {
    expect(ops('治安警察局展開「夏防行動2025」，巡查各區')).toEqual([['夏防行動2025', '夏防行动2025']]);
  });

  it('reads a code name after 代號為', () => {
    expect(ops('警方展開代號為「雷霆」的聯合行動')).toEqual([['雷霆', '雷霆行动']]);
  });

  it('reads “X”行動 after a demonstrative (此次, 今次, 是次) as a named operation, and still not without one', () => {
    expect(ops('今次「天網」行動共拘捕12人')).toEqual([['天網', '天网行动']]);
    expect(ops('此次“清风”行动共抓获嫌疑人')).toEqual([['清风', '清风行动']]);
    expect(ops('这是“过火”行动')).toEqual([]);
  });

  it('reads a long quoted campaign title before 專案', () => {
    expect(ops('臺灣高等檢察署「全面查緝詐騙車手與人頭帳戶聯合行動」專案')).toEqual([['全面查緝詐騙車手與人頭帳戶聯合行動', '全面查缉诈骗车手与人头帐户联合行动']]);
  });
});
