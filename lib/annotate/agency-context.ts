/**
 * Canonical names that depend on the text around a mention: the region the text is about and the bodies
 * named before it. Pure string work on canonicals, in text order (one context per text):
 * - Taiwan police and prosecutors by their official names: 花莲县警察局 / 花莲县警局 → 花莲县政府警察局,
 *   台北市刑大 → 台北市政府警察局刑事警察大队, 台中地检署 → 台湾台中地方检察署 (金门, 连江: 福建…);
 * - a bare Taiwan 分局 (中山分局) belongs to the city bureau named last (台北市政府警察局中山分局);
 * - a Hong Kong police region or district (葵青警区) is the 香港警务处's, and a 分区 the district's named last;
 * - a short name that means another body in another region's news (证监会 in Hong Kong → the SFC).
 */
import agencyData from '../data/agencies.json';
import patternData from '../data/annotate-agency-patterns.json';
import type { Region } from './region';

const taiwanPlaces = patternData.taiwanPlaces as Record<string, string>;
const prosecutorSeats = new Set(patternData.taiwanProsecutorSeats as string[]);
/** Seats in Fuchien (Kinmen, Matsu): their courts and prosecutors are 福建…, not 台湾…. */
const FUJIAN_SEATS = new Set(['金门', '连江']);
const regionalCanonicals = agencyData.regionalCanonicals as unknown as Record<string, Partial<Record<Region, string>>>;

/** First characters of Taiwan's county and city names, to skip the Taiwan patterns for other bodies. */
const taiwanFirst = new Set(Object.keys(taiwanPlaces).map((place) => place.charCodeAt(0)));
const placeAlternation = Object.keys(taiwanPlaces)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** 花莲县警察局…, 台北市刑大…, 台中刑大…, 台中市刑事警察大队…, 北市警察局 (the short place is expanded before this runs). */
const TAIWAN_POLICE = new RegExp(`^(?:台湾)?(${placeAlternation})(市|县)?(政府警察局|警察局|警局|刑大|刑警大队|刑事警察大队)(.*)$`);
/** 台南市永康分局, 台北市中正第二分局: a Taiwan city's precinct, named without its bureau. */
const TAIWAN_PRECINCT = new RegExp(`^(?:台湾)?(${placeAlternation})(市|县)?(\\p{Script=Han}{1,4}(?:、\\p{Script=Han}{1,3})*分局.*)$`, 'u');
/** 台中市调查处, 台北市调处: the 法务部调查局's field offices. */
const FIELD_OFFICE = new RegExp(`^(?:法务部调查局)?(${placeAlternation})(市|县)?(调查处|调处|调查站)$`);
const TAIWAN_COURT = /^(?:台湾|福建)?(\p{Script=Han}{2})(地检署|地方检察署|地方法院检察署|地院|地方法院)(.*)$/u;
const TAIWAN_LISTED_COURT = /^((?:\p{Script=Han}{2}、)+\p{Script=Han}{2})(地检署|地方检察署|地方法院检察署|地院|地方法院)$/u;
/** 侦七队 → 侦查第七队, 侦一、三、六、八队 → 侦查第一、三、六、八队 (the units' official names). */
const SHORT_INVESTIGATION_TEAM = /侦(?!查)([一二三四五六七八九十]+(?:、[一二三四五六七八九十]+)*)(大队|队)/g;
/** 最高人民法院刑三庭 → …刑事审判第三庭 (the divisions' official names). */
const COURT_DIVISION = /(刑|民)([一二三四五六])庭$/;
const CIB_INTERNATIONAL_SHORT = '刑事警察局国际科';
const SHORT_CRIMINAL_INVESTIGATION = /刑侦(总队|支队|大队|中队)/;
const INTERMEDIATE_COURT = /^(\p{Script=Han}{2,8}?)中院(.*)$/u;
const LOCAL_BUREAU = /^\p{Script=Han}{2,}(?:公安局|公安分局|分局)$/u;
/** A station named without its bureau (谭庄派出所): 2–3 characters, no admin suffix. */
const BARE_STATION = /^\p{Script=Han}{2,3}派出所$/u;
const ADMIN_IN_NAME = /[省市县区州旗]/;
const BARE_BRANCH = /^\p{Script=Han}{2,3}(?:、\p{Script=Han}{2,3})*分局/u;

export interface AgencyContext {
  region: Region | undefined;
  /** The Taiwan city or county police bureau named last (台北市政府警察局), for a bare 分局 after it. */
  taiwanBureau: string;
  /** The Hong Kong police district named last (香港警务处葵青警区), for a 分区 after it. */
  hongKongDistrict: string;
  /** The mainland local bureau named last (商水县公安局), for its units named bare (反诈中心, 谭庄派出所). */
  localBureau: string;
}

export function newAgencyContext(region: Region | undefined): AgencyContext {
  return { region, taiwanBureau: '', hongKongDistrict: '', localBureau: '' };
}

/** The official kind of a Taiwan seat's body as the press writes it: 地院 → 地方法院, 地檢署 → 地方检察署. */
function taiwanCourtKind(body: string): string {
  return body === '地院' || body === '地方法院' ? '地方法院' : '地方检察署';
}

function taiwanUnitNames(rest: string): string {
  return rest
    .replace(/^刑警大队/, '刑事警察大队')
    .replace(/(\p{Script=Han})警分局/u, '$1分局')
    .replace(/科侦队|科技侦查队/, '科技犯罪侦查队')
    .replace(SHORT_INVESTIGATION_TEAM, '侦查第$1$2');
}

/**
 * The canonical of an agency mention in its context (and the context updated with it), or null when the
 * mention names no body there (a bare 刑大 with no Taiwan bureau named before it).
 */
export function canonicalInContext(canonical: string, context: AgencyContext): string | null {
  if (canonical === '刑大') return context.taiwanBureau === '' ? null : context.taiwanBureau + '刑事警察大队';
  // Cheap character tests first: most canonicals are mainland bodies none of the patterns below apply to.
  let result = canonical.includes('侦') ? canonical.replace(SHORT_INVESTIGATION_TEAM, '侦查第$1$2') : canonical;
  const office = result.includes('调') ? FIELD_OFFICE.exec(result) : null;
  if (office !== null) {
    const [, place, written, body] = office;
    return '法务部调查局' + place + (written ?? taiwanPlaces[place]) + (body === '调查站' ? '调查站' : '调查处');
  }

  const taiwanLike = taiwanFirst.has(result.charCodeAt(0)) || (result.startsWith('台湾') && result.length > 2);
  const police = taiwanLike ? TAIWAN_POLICE.exec(result) : null;
  if (police !== null) {
    const [, place, written, body, rest] = police;
    // 嘉义 and 新竹 are both a city and a county: the written suffix decides, the usual one otherwise.
    const bureau = place + (written ?? taiwanPlaces[place]) + '政府警察局';
    const unit = body === '刑大' || body === '刑警大队' || body === '刑事警察大队' ? '刑事警察大队' + rest : rest;
    result = bureau + taiwanUnitNames(unit);
    context.taiwanBureau = bureau;
  } else if (taiwanLike && TAIWAN_PRECINCT.test(result)) {
    const [, place, written, rest] = TAIWAN_PRECINCT.exec(result)!;
    const bureau = place + (written ?? taiwanPlaces[place]) + '政府警察局';
    result = bureau + taiwanUnitNames(rest);
    context.taiwanBureau = bureau;
  } else {
    const court = result.includes('地') ? TAIWAN_COURT.exec(result) : null;
    const listedCourt = court === null && result.includes('、') ? TAIWAN_LISTED_COURT.exec(result) : null;
    if (listedCourt !== null && listedCourt[1].split('、').every((seat) => prosecutorSeats.has(seat) && !FUJIAN_SEATS.has(seat))) {
      // 台北、新北地檢署 → 台湾台北、新北地方检察署
      result = '台湾' + listedCourt[1] + taiwanCourtKind(listedCourt[2]);
    } else if (court !== null && prosecutorSeats.has(court[1])) {
      const [, seat, body, rest] = court;
      result = (FUJIAN_SEATS.has(seat) ? '福建' : '台湾') + seat + taiwanCourtKind(body) + rest;
    } else if (context.region === 'taiwan' && context.taiwanBureau !== '' && BARE_BRANCH.test(result)) {
      result = context.taiwanBureau + taiwanUnitNames(result);
    }
  }

  // 刑事局國際科: the press's short name of the 刑事警察局's 國際刑警科.
  if (result.endsWith(CIB_INTERNATIONAL_SHORT)) result = result.slice(0, -CIB_INTERNATIONAL_SHORT.length) + '刑事警察局国际刑警科';
  // 刑事局電偵大隊: the 刑事警察局's 電信偵查大隊.
  result = result.replace('刑事警察局电侦大队', '刑事警察局电信侦查大队');
  result = result.replace('金融监督管理委员会证期局', '金融监督管理委员会证券期货局');

  if (context.region === 'hongkong' && !result.startsWith('香港')) {
    if (/^\p{Script=Han}{1,4}(警区|总区)/u.test(result)) {
      result = '香港警务处' + result;
      const district = /^香港警务处\p{Script=Han}{1,4}警区/u.exec(result);
      if (district !== null) context.hongKongDistrict = district[0];
    } else if (/^\p{Script=Han}{1,4}分区/u.test(result) && context.hongKongDistrict !== '') {
      result = context.hongKongDistrict + result;
    }
  }

  if (context.region !== 'taiwan' && context.region !== 'hongkong' && context.region !== 'macau') {
    result = result.replace(COURT_DIVISION, (_, kind: string, n: string) => (kind === '刑' ? '刑事' : '民事') + '审判第' + n + '庭');
    // 包头市公安局昆都仑区公安分局 → …昆都仑区分局: the district's branch by its official name.
    result = result.replace(/(公安局\p{Script=Han}{1,4}[区县])公安分局/u, '$1分局');
    // 刑侦总队 → 刑事侦查总队: a criminal investigation unit by its official name (浙江省公安厅刑事侦查总队).
    result = result.replace(SHORT_CRIMINAL_INVESTIGATION, '刑事侦查$1');
    // 宜宾中院 → 宜宾市中级人民法院: the press's short form, by its official name.
    const intermediate = INTERMEDIATE_COURT.exec(result);
    if (intermediate !== null) result = intermediate[1] + (/(?:市|自治州|盟|地区)$/.test(intermediate[1]) ? '' : '市') + '中级人民法院' + intermediate[2];
    if (BARE_STATION.test(result) && !ADMIN_IN_NAME.test(result.slice(0, -3)) && context.localBureau !== '') result = context.localBureau + result;
    else if (LOCAL_BUREAU.test(result) && ADMIN_IN_NAME.test(result)) context.localBureau = result;
  }

  const regional = context.region === undefined ? undefined : regionalCanonicals[result]?.[context.region];
  return regional ?? result;
}
