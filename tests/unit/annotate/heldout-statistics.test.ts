/**
 * Statistics rules added after measuring the recogniser on held-out pages (tests/fixtures/annotate/heldout).
 * Each case is the real sentence from a corpus page that showed the gap.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/index';

const stats = (text: string) =>
  annotate(text, { kinds: ['statistic'] }).map(({ text: t, value, unit, approx, measure }) => ({ t, value, unit, approx, measure }));

describe('prison terms and ranges (cwce 于欢)', () => {
  it('reads a sentence length as a duration', () => {
    expect(stats('构成故意伤害罪，判处于欢有期徒刑五年，至2021年4月14日刑满。')).toEqual([
      { t: '五年', value: 5, unit: '年', approx: undefined, measure: undefined },
    ]);
  });

  it('reads 三到四年 as one item per number, the first taking the unit after the last (guidelines: a range gives one item per number)', () => {
    expect(stats('因非法吸收公众存款罪相继获刑三到四年不等。')).toEqual([
      { t: '三', value: 3, unit: '年', approx: undefined, measure: undefined },
      { t: '四年', value: 4, unit: '年', approx: undefined, measure: undefined },
    ]);
    expect(stats('年齡介乎14至89歲')).toMatchObject([{ t: '14', value: 14, unit: '岁' }, { t: '89歲', value: 89, unit: '岁' }]);
  });
});

describe('durations with 个', () => {
  it('are not counts of 个 when no duration trigger comes before them (cwce 于欢)', () => {
    expect(stats('决定减去余刑，提前5个多月被释放。')).toEqual([]);
    expect(stats('翻来覆去睡不着，只睡了三四个小时就醒了')).toEqual([]);
  });

  it('count after a trigger, as hours (cwce d519ec93)', () => {
    expect(stats('流量大到让服务器间断性停止响应长达3个多小时')).toEqual([{ t: '3个多小时', value: 3, unit: '小时', approx: true, measure: undefined }]);
  });
});

describe('mixed numerals', () => {
  it('go on after 万 (自由時報, 聯合報)', () => {
    expect(stats('蘇姓男子上個月底才因酒後騎車被罰2萬2500元')[0]).toMatchObject({ t: '2萬2500元', value: 22500, unit: '元' });
    expect(stats('獨董蘇芸樂 檢方諭令3萬5交保')[0]).toMatchObject({ t: '3萬5', value: 35000 });
  });

  it('give a bare last digit the next magnitude (三千五; a known gap, no corpus sentence has it)', () => {
    expect(stats('罚款三千五元')[0]).toMatchObject({ value: 3500, unit: '元' });
    expect(stats('抓获一千二百余人')[0]).toMatchObject({ value: 1200, unit: '人', approx: true });
    expect(stats('一千零五名')[0]).toMatchObject({ value: 1005, unit: '名' });
  });
});

describe('measure words for lengths, weights and repetitions', () => {
  it('count 度, 遍, 层, 公尺, 毫克, 巴掌 (TVBS, gne/163-6, 自由時報, ETtoday)', () => {
    expect(stats('院方3度召開羈押庭，相同模式已經走了3遍')).toMatchObject([
      { t: '3度', value: 3, unit: '度' },
      { t: '3遍', value: 3, unit: '遍' },
    ]);
    expect(stats('该楼栋总共29层，每层有26间房屋。')).toEqual([
      { t: '29层', value: 29, unit: '层', approx: undefined, measure: undefined },
      { t: '26间', value: 26, unit: '间', approx: undefined, measure: undefined },
    ]);
    expect(stats('少婦當場被撞飛2公尺高後，後腦勺著地重傷')[0]).toMatchObject({ value: 2, unit: '公尺' });
    expect(stats('兩人墜落垂直高度約十公尺；現場血跡斑斑')).toMatchObject([{ t: '兩人', value: 2, unit: '人' }, { t: '約十公尺', value: 10, unit: '公尺', approx: true }]);
    expect(stats('警方測得蘇男酒測值達0.80毫克')[0]).toMatchObject({ value: 0.8, unit: '毫克' });
    expect(stats('一看到人就賞對方兩巴掌，導致護理師臉頰紅腫')[0]).toMatchObject({ t: '兩巴掌', value: 2, unit: '巴掌' });
  });

  it('do not make figures of 百度, 两回事 or a clock time 3：35 (corpus pages)', () => {
    expect(stats('蔡健雅_百度百科')).toEqual([]);
    expect(stats('爱和有能力给予爱是两回事')).toEqual([]);
    expect(stats('2003年4月23日凌晨3：35升空的')).toEqual([]);
  });
});

describe('counts of people already named (the guidelines count every reported quantity)', () => {
  it('count 两人 and 该两名 (聯合報, Hong Kong court reports)', () => {
    expect(stats('警方調閱監視畫面，兩人原站在四樓美食街講話')).toMatchObject([{ t: '兩人', value: 2, unit: '人' }]);
    expect(stats('調查顯示,該兩名被捕人懷疑')).toMatchObject([{ t: '兩名', value: 2, unit: '名' }]);
  });

  it('keep 两人 as a count before an outcome such as 死亡 (cwce ab65832c)', () => {
    expect(stats('楼房突然倒塌，数名拾荒者被压，两人死亡。')[0]).toMatchObject({ t: '两人', value: 2, unit: '人' });
  });

  it('count 一 + unit before a casualty outcome, not as an article (cwce d8d4c4ec)', () => {
    expect(stats('致使一人死亡，三人受伤')).toMatchObject([{ t: '一人', value: 1 }, { t: '三人', value: 3 }]);
    expect(stats('一名男子報案')).toEqual([]);
  });
});

describe('measures', () => {
  it('are only given when the phrase names something an enforcement report counts (TVBS, gne/163-5; seed 002 keeps its measure)', () => {
    expect(stats('羈押庭攻防，法官2次裁定張德正無保請回')[0]).toMatchObject({ t: '2次', measure: undefined });
    expect(stats('一女民警对辖区“实有人口”进行核查过程中，平均日拨100余个电话')[0]).toMatchObject({ t: '100余个', measure: undefined });
    expect(stats('惩战果丰硕,法律政策不断完善,全年共破案46.4万起')[0]).toMatchObject({ measure: '破案' });
  });
});
