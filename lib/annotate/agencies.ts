/**
 * Agencies: a curated gazetteer (lib/data/agencies.json) plus local bodies built from a place and a
 * body word (汉中市公安局, 长春市公安局绿园分局刑警大队). A bare 市公安局 takes the nearest earlier place
 * with the same admin suffix (漢中市 … 市公安局 → 汉中市公安局).
 *
 * A place missing from the list still counts before a body word when the name is 2–3 characters with a
 * boundary before it (沙坪坝区公安分局, 永康分局, 新桥派出所); a named bureau extends a ministry right
 * before it (公安部治安管理局).
 *
 * Not agencies: generic words (公安机关, 各部门, 网信部门, 公安部门): they are not in the gazetteer, and
 * a ministry name glued to 门 (公安部门, 财政部门) is rejected.
 */
import agencyData from '../data/agencies.json';
import patternData from '../data/annotate-agency-patterns.json';
import placeData from '../data/annotate-places.json';
import regionData from '../data/annotate-regions.json';
import { isHan as isHanImported, sliceCodes as sliceCodesImported } from './chars';
import type { Hit } from './hit';
import { simplify } from './normalize';
import type { Region } from './region';
import { canonicalInContext, newAgencyContext } from './agency-context';
import { divisionCanonical, divisionTables } from './divisions';
import { CodeTrie, wordTrie } from './trie';
// Local bindings: module-namespace getters (tsx, some bundlers) are slow in hot loops.
const isHan = isHanImported;
const sliceCodes = sliceCodesImported;

interface AgencyTerm {
  canonical: string;
  strict: boolean;
  notAfter: string;
  notBefore: string;
}

type Guards = Record<string, { notAfter?: string; notBefore?: string }>;
const guards = agencyData.aliasGuards as unknown as Guards;

function agencyTerm(term: string, canonical: string, strict: boolean): AgencyTerm {
  const guard = guards[term] ?? {};
  return { canonical, strict, notAfter: guard.notAfter ?? '', notBefore: guard.notBefore ?? '' };
}

const gazetteer = new CodeTrie<AgencyTerm>();
for (const entry of agencyData.agencies as { canonical: string; aliases: string[]; strictAliases?: string[] }[]) {
  const strictAliases = new Set(entry.strictAliases ?? []);
  for (const term of [entry.canonical, ...entry.aliases]) {
    gazetteer.add(simplify(term), agencyTerm(term, entry.canonical, strictAliases.has(term)));
  }
}
/** Short names that name one body only in one region's news (司警 in Macau): looked up in that region only. */
const regionalGazetteers = new Map<Region, CodeTrie<AgencyTerm>>();
for (const [region, aliases] of Object.entries(regionData.regionalAliases)) {
  if (region === '_') continue;
  const trie = new CodeTrie<AgencyTerm>();
  for (const [term, canonical] of Object.entries(aliases as Record<string, string>)) trie.add(term, agencyTerm(term, canonical, false));
  regionalGazetteers.set(region as Region, trie);
}

const provinceSuffixes = placeData.provinceSuffixes as Record<string, string>;
const taiwanPlaces = patternData.taiwanPlaces as Record<string, string>;
/**
 * A single named place + 公安机关 / 警方 is that place's bureau (guidelines): 浙江警方 → 浙江省公安厅; a Taiwan
 * prosecutor seat + 检方 (桃園檢方, as the Taiwan press writes it) is that seat's 地方检察署.
 */
const forceWordTrie = wordTrie(['公安机关', '公安当局', '警方', '公安', '检察机关', '检方']);
const taiwanProsecutorSeats = new Set(patternData.taiwanProsecutorSeats);
/** Characters after a bare 公安 that make it part of another word (公安局, 公安部门, 公安干警) or generic. */
const notAfterBarePolice = new Uint8Array(0x10000);
for (const ch of '局厅处部分干系机大报民战工') notAfterBarePolice[ch.charCodeAt(0)] = 1;
function bureauOfPlace(chain: PlaceChain, force: string): string | null {
  const name = chain.canonical;
  if (force === '检察机关') return prosecutorOfPlace(chain);
  if (force === '检方') {
    // Only Taiwan's seats: elsewhere (美國檢方, 北京检方) the press means prosecutors in general.
    const seat = chain.suffix === '' ? name : name.slice(0, name.length - chain.suffix.length);
    return taiwanProsecutorSeats.has(seat) ? `台湾${seat}地方检察署` : null;
  }
  if (name === '香港') return '香港警务处';
  // 澳門警方: Macau's police as a whole, the 警察總局 over the 司警 and the 治安警 (gold macau-agency-02, macau-ops3-04).
  if (name === '澳门') return '澳门警察总局';
  if (name === '台湾' || name === '中国' || name === '大陆') return null;
  const bare = chain.suffix === '' ? name : name.slice(0, name.length - chain.suffix.length);
  if (taiwanPlaces[bare] !== undefined) return bare + taiwanPlaces[bare] + '政府警察局';
  if (provinceSuffixes[bare] !== undefined && chain.suffix !== '市' && chain.suffix !== '县') {
    const suffix = provinceSuffixes[bare];
    return bare + suffix + (suffix === '市' ? '公安局' : '公安厅');
  }
  return (chain.suffix === '' ? name + '市' : name) + '公安局';
}
/** 天津市检察机关 → 天津市人民检察院: a single named mainland place's procuratorate. */
function prosecutorOfPlace(chain: PlaceChain): string | null {
  const name = chain.canonical;
  if (name === '香港' || name === '澳门' || name === '台湾' || taiwanPlaces[name] !== undefined) return null;
  if (chain.suffix !== '') return name + '人民检察院';
  const suffix = provinceSuffixes[name];
  return (suffix === undefined ? name + '市' : name + suffix) + '人民检察院';
}
const placeTrie = new CodeTrie<string>();
for (const name of [...placeData.provinces, ...placeData.cities]) placeTrie.add(name, name);
/** Taiwan's press short forms (北市警察局, 竹县警局): counted only after a boundary, as 北市 sits inside 台北市. */
const taiwanShortPlaces = patternData.taiwanShortPlaces as Record<string, string>;
const shortPlaceTrie = new CodeTrie<string>();
for (const [short, full] of Object.entries(taiwanShortPlaces)) shortPlaceTrie.add(short, full);
const adminSuffixTrie = wordTrie(placeData.adminSuffixes);
const bodyTrie = wordTrie(patternData.bodies);
const subUnitTrie = wordTrie(patternData.subUnits);
const namedSubUnitTrie = wordTrie(patternData.namedSubUnitSuffixes);
/** Bodies that may follow a name missing from the place list (永康分局, 新桥派出所). */
const namelessPlaceBodies = new Set(patternData.namelessPlaceBodies);
/** Bodies that need a name before them: a bare admin character is not enough (市、县分局 is generic). */
const NEEDS_NAME = new Set(['分局', '警分局', '警察分局']);
/** Named bureaus per ministry canonical (公安部 → 治安管理局 …). */
const ministryBureaus = new Map<string, CodeTrie<string>>();
for (const [ministry, bureaus] of Object.entries(patternData.ministryBureaus as Record<string, string[]>)) {
  ministryBureaus.set(ministry, wordTrie(bureaus));
}

/** Single-character admin suffixes that can stand alone before a body (市公安局, 县法院). */
const BARE_ADMIN = '市县省区州';
const bareAdmin = new Uint8Array(0x10000);
for (const ch of BARE_ADMIN) bareAdmin[ch.charCodeAt(0)] = 1;
const placeStop = new Uint8Array(0x10000);
for (const ch of patternData.placeStopChars) placeStop[ch.charCodeAt(0)] = 1;

/** Admin characters that end a place chain: a boundary for the name of an unlisted place after them. */
const chainEndAdmin = new Uint8Array(0x10000);
for (const ch of '市县省州') chainEndAdmin[ch.charCodeAt(0)] = 1;
const MAX_NAMELESS_PLACE = 3;
const JING = '警'.charCodeAt(0);
const CHA_POLICE = '察'.charCodeAt(0);
const JU = '局'.charCodeAt(0);
/** 警察局长: an office holder, not the bureau. */
const ZHANG = '长'.charCodeAt(0);
const FANG = '方'.charCodeAt(0);
/** Characters a bare unlisted name (no admin suffix) may not contain: 全国公安派出所 is generic. */
const namelessNameStop = new Uint8Array(0x10000);
for (const ch of patternData.namelessNameStopChars) namelessNameStop[ch.charCodeAt(0)] = 1;

const BU = '部'.charCodeAt(0);
const SHI = '市'.charCodeAt(0);
const DUI = '队'.charCodeAt(0);
const XIAN = '县'.charCodeAt(0);
const SHENG = '省'.charCodeAt(0);
const TING = '厅'.charCodeAt(0);
/** 省厅级, 省厅长: a rank or an office holder, not the 公安厅. */
const provinceRankChar = new Uint8Array(0x10000);
for (const ch of '级长') provinceRankChar[ch.charCodeAt(0)] = 1;
const MEN = '门'.charCodeAt(0);
const allOf = new Uint8Array(0x10000);
for (const ch of '全各') allOf[ch.charCodeAt(0)] = 1;
const MAX_NAMED_SUBUNIT = 4;
const MAX_LISTED_NAMES = 4;

/** Positions worth a look: any gazetteer, place, admin or body first unit. */
// Set from the tables' lists, not by scanning all 65,536 units (this runs when the content script starts).
const interesting = new Uint8Array(0x10000);
for (const trie of [gazetteer, placeTrie, bodyTrie, shortPlaceTrie, ...regionalGazetteers.values()]) for (const c of trie.firstUnits) interesting[c] = 1;
for (const ch of BARE_ADMIN) interesting[ch.charCodeAt(0)] = 1;

function termIsValid(codes: Uint16Array, length: number, start: number, end: number, term: AgencyTerm, adjacent: boolean): boolean {
  const before = start > 0 ? codes[start - 1] : 0;
  const after = end < length ? codes[end] : 0;
  if (term.strict && start > 0 && isHan(before) && !adjacent) return false;
  if (term.notAfter && before && term.notAfter.indexOf(String.fromCharCode(before)) !== -1) return false;
  if (term.notBefore && after && term.notBefore.indexOf(String.fromCharCode(after)) !== -1) return false;
  // 公安部门, 财政部门: a department in general, not the ministry.
  if (codes[end - 1] === BU && after === MEN) return false;
  return true;
}

/** End of a body word plus its sub-units starting at `at`, or -1; `needsName` bodies only when allowed. */
function bodyEnd(codes: Uint16Array, length: number, at: number, allowNeedsName = true): number {
  const body = bodyTrie.longestAt(codes, at, length);
  if (body === null) return -1;
  if (!allowNeedsName && NEEDS_NAME.has(body.value)) return -1;
  return subUnitsEnd(codes, length, body.end);
}

const numeral = new Uint8Array(0x10000);
for (const ch of '一二三四五六七八九十0123456789') numeral[ch.charCodeAt(0)] = 1;
const DI = '第'.charCodeAt(0);
const ZHEN = '侦'.charCodeAt(0);
const CHA = '查'.charCodeAt(0);
const DUN = '、'.charCodeAt(0);
const teamWordTrie = wordTrie(['大队', '中队', '队', '组']);

/**
 * End of a numbered team at `at` (第一队, 侦七队, 侦查第二大队, 侦一、三、六、八队), or -1. Needs 第 or 侦 before
 * the numeral, so that counts (三队人马) and ordinals of other things stay out.
 */
function numberedTeamEnd(codes: Uint16Array, length: number, at: number): number {
  let k = at;
  let marked = false;
  if (codes[k] === ZHEN) {
    k++;
    marked = true;
    if (codes[k] === CHA) k++;
  }
  if (codes[k] === DI) {
    k++;
    marked = true;
  }
  if (!marked || numeral[codes[k]] !== 1) return -1;
  while (k < length && (numeral[codes[k]] === 1 || (codes[k] === DUN && numeral[codes[k + 1]] === 1))) k++;
  const word = teamWordTrie.longestAt(codes, k, length);
  return word === null ? -1 : word.end;
}

/** End of the fixed and numbered sub-units right after `end` (刑侦支队, 科技罪案组, 第一队), or `end`. */
function fixedSubUnitsEnd(codes: Uint16Array, length: number, end: number): number {
  for (let round = 0; round < 3; round++) {
    const sub = subUnitTrie.longestAt(codes, end, length);
    const next = sub !== null ? sub.end : numberedTeamEnd(codes, length, end);
    if (next === -1) break;
    end = next;
  }
  return end;
}

/** End of the sub-units (刑侦支队, 绿园分局 …) that follow a body ending at `end`. */
function subUnitsEnd(codes: Uint16Array, length: number, end: number): number {
  for (let round = 0; round < 3; round++) {
    const sub = subUnitTrie.longestAt(codes, end, length);
    if (sub !== null) {
      end = sub.end;
      continue;
    }
    const team = numberedTeamEnd(codes, length, end);
    if (team !== -1) {
      end = team;
      continue;
    }
    let named = -1;
    // 大安、信義、內湖分局: names listed with 、 share the suffix (one span, as the press writes it).
    let segment = 0;
    for (let k = 1; k <= MAX_NAMED_SUBUNIT * MAX_LISTED_NAMES && end + k < length; k++) {
      const code = codes[end + k - 1];
      if (code === DUN && segment > 0 && isHan(codes[end + k])) {
        segment = 0;
        continue;
      }
      if (!isHan(code) || placeStop[code] === 1 || ++segment > MAX_NAMED_SUBUNIT) break;
      const suffix = namedSubUnitTrie.longestAt(codes, end + k, length);
      if (suffix !== null) {
        named = suffix.end;
        break;
      }
    }
    if (named === -1) break;
    end = named;
  }
  return end;
}

interface PlaceChain {
  end: number;
  /** Admin suffix of the last level (市, 省 …), '' when the name stands without one. */
  suffix: string;
  /** The chain as a canonical name: a province the text left bare gets its suffix (山东聊城市 → 山东省聊城市). */
  canonical: string;
}

/** Known places chained with admin suffixes from `at` (广东省深圳市), or null. */
function placeChainAt(codes: Uint16Array, length: number, at: number): PlaceChain | null {
  let end = at;
  let suffix = '';
  let canonical = '';
  for (;;) {
    const place = placeTrie.longestAt(codes, end, length);
    if (place === null) break;
    const admin = adminSuffixTrie.longestAt(codes, place.end, length);
    if (admin === null) {
      // A province named without its suffix right before a listed city (山东聊城市, 四川成都市).
      // 台湾 takes no suffix before its places (台湾花莲地检署).
      const omitted = end !== at ? undefined : place.value === '台湾' ? '' : provinceSuffixes[place.value];
      if (omitted !== undefined && placeTrie.longestAt(codes, place.end, length) !== null) {
        end = place.end;
        canonical = place.value + omitted;
        continue;
      }
      if (end === at || suffix === '') return { end: place.end, suffix: '', canonical: canonical + place.value };
      break;
    }
    end = admin.end;
    suffix = admin.value;
    canonical += place.value + admin.value;
  }
  return end === at ? null : { end, suffix, canonical };
}

/**
 * Start of a 2–3 character name missing from the place list that ends at `end` (the body or admin
 * character follows), or -1 when no boundary comes before it within reach. A bare name (no admin
 * suffix follows it) may not contain generic characters (公安, 全国, numerals).
 */
function namelessPlaceStart(codes: Uint16Array, end: number, floor: number, bare: boolean): number {
  let start = end;
  while (start > floor && end - start < MAX_NAMELESS_PLACE) {
    const code = codes[start - 1];
    if (!isHan(code) || placeStop[code] === 1 || chainEndAdmin[code] === 1) break;
    if (bare && namelessNameStop[code] === 1) return -1;
    start--;
  }
  if (end - start < 2) return -1;
  const before = start > floor ? codes[start - 1] : 0;
  const boundary = start === floor || !isHan(before) || placeStop[before] === 1 || chainEndAdmin[before] === 1;
  if (boundary) return start;
  // 警方港島總區: the force named right before its own district is a boundary too (the Hong Kong press's
  // 警方 + region), so the name may start after it.
  for (let s = start; s <= end - 2; s++) if (s - 2 >= floor && codes[s - 2] === JING && codes[s - 1] === FANG) return s;
  return -1;
}

/**
 * Start of the names listed with 、 right before a name starting at `start` (竹東、新湖分局), or `start`.
 * The first listed name needs a boundary or a place chain before it (專科護理師、龜山分局 lists no precincts).
 */
/** Records each level of a place chain (江苏省, 江苏省无锡市) as the last place with that admin suffix. */
function notePlaceLevels(lastPlace: Map<number, string>, chain: PlaceChain): void {
  const name = chain.canonical;
  for (let k = 0; k < name.length; k++) {
    const code = name.charCodeAt(k);
    if (code === SHENG || (k === name.length - 1 && chain.suffix.length === 1)) lastPlace.set(code, name.slice(0, k + 1));
  }
}

function listedNamesStart(codes: Uint16Array, start: number, floor: number, chainEnd: number): number {
  let s = start;
  let listed = start;
  for (let names = 1; names < MAX_LISTED_NAMES && s - 2 > floor && codes[s - 1] === DUN; names++) {
    let k = s - 1;
    while (k > floor && s - 1 - k < 3 && isHan(codes[k - 1]) && placeStop[codes[k - 1]] === 0 && chainEndAdmin[codes[k - 1]] === 0) k--;
    if (s - 1 - k < 2) break;
    s = k;
    const before = s > floor ? codes[s - 1] : 0;
    if (s === chainEnd || s === floor || !isHan(before) || placeStop[before] === 1) listed = s;
  }
  return listed;
}

const contextUnitTrie = wordTrie(patternData.contextUnits);
const hongKongPoliceBodies = new Set(['警区', '总区', '分区']);
/** The Hong Kong Police Force's regions and districts, reversed: looked up backwards from 总区/警区/分区. */
const hongKongFormations = reversedWords(patternData.hongKongPoliceFormations);
const hongKongFormationsForward = wordTrie(patternData.hongKongPoliceFormations);
const HONG_KONG_POLICE = '香港警务处';
const MAGISTRATES = '裁判法院';
/** Taiwan's prosecutor and court seats, reversed, looked up backwards from their bodies (橋頭地檢署). */
const taiwanSeatTrie = reversedWords(patternData.taiwanProsecutorSeats);
const taiwanSeatBodies = new Set(['地检署', '地方检察署', '地方法院检察署', '地院', '地方法院']);
const hongKongRegions = new Set(patternData.hongKongPoliceRegions);
/** The force's units that follow a region or district (刑事部, 重案組, 情報組 …). */
const hongKongUnitTrie = wordTrie(patternData.hongKongPoliceUnits);
const MINISTRY_OF_PUBLIC_SECURITY = '公安部';
/** Whether every listed place and the last one are Taiwan prosecutor or court seats. */
function allSeats(listed: readonly string[], last: string): boolean {
  if (!taiwanProsecutorSeats.has(last)) return false;
  for (const place of listed) if (!taiwanProsecutorSeats.has(place)) return false;
  return true;
}

/** Records a body whose bureaus may be named bare later in the text (once per body). */
function noteBureaus(seen: [string, CodeTrie<string>][], first: Uint8Array, body: string, bureaus: CodeTrie<string>): void {
  for (const [name] of seen) if (name === body) return;
  seen.push([body, bureaus]);
  for (const c of bureaus.firstUnits) first[c] = 1;
}

/** A boundary before `at`: the text's start, a non-Han character or a stop character (在, 与, 全 …). */
function boundaryBefore(codes: Uint16Array, at: number): boolean {
  return at === 0 || !isHan(codes[at - 1]) || placeStop[codes[at - 1]] === 1;
}

/** A trie of the words reversed, for looking them up backwards from where they end. */
function reversedWords(words: readonly string[]): CodeTrie<string> {
  const trie = new CodeTrie<string>();
  for (const word of words) trie.add([...word].reverse().join(''), word);
  return trie;
}
/** Words before a force that make it a scam's disguise, not a body acting (假冒大陸公安). */
const impersonationTrie = reversedWords(['假冒', '冒充', '冒用', '佯称', '自称', '伪装']);
/** The regional prefix Taiwan, Hong Kong and Macau media put before a mainland body. */
const mainlandPrefixTrie = reversedWords(['大陆', '中国', '内地']);
const MAINLAND_BODY = /公安局|公安厅|人民法院|人民检察院/;
for (const c of contextUnitTrie.firstUnits) interesting[c] = 1;
const taiwanUnitTrie = wordTrie(patternData.taiwanBureauUnits);
const sectionSuffixTrie = wordTrie(patternData.taiwanUnitSections);
/**
 * End of the sections named after a unit (毒緝中心, 溯源組): up to two names of 2–4 characters, each ending in
 * one of the section words; `end` itself when none follows.
 */
function sectionsEnd(codes: Uint16Array, length: number, end: number): number {
  let k = end;
  for (let sections = 0; sections < 2; sections++) {
    let found = -1;
    for (let n = 1; n <= 3 && k + n < length; n++) {
      if (!isHan(codes[k + n - 1]) || placeStop[codes[k + n - 1]] === 1) break;
      const word = sectionSuffixTrie.longestAt(codes, k + n, length);
      if (word !== null) {
        found = word.end;
        break;
      }
    }
    if (found === -1) break;
    k = found;
  }
  return k;
}

/** Field offices named by place right after a body (法务部调查局 + 台中市调查处). */
const fieldOffices = new Map<string, CodeTrie<string>>();
for (const [body, offices] of Object.entries(patternData.fieldOffices as Record<string, string[]>)) fieldOffices.set(body, wordTrie(offices));
/** Field offices' official names where the press shortens them (中支 → 中心支行). */
const officeNames = patternData.fieldOfficeNames as Record<string, string>;

export function findAgencies(codes: Uint16Array, length: number, region?: Region): Hit[] {
  const hits: Hit[] = [];
  const context = newAgencyContext(region);
  /** Bodies named so far whose bureaus may be named bare later (金管會 → 銀行局), and those bureaus' first units. */
  const seenBureaus: [string, CodeTrie<string>][] = [];
  const seenBureauFirst = new Uint8Array(0x10000);
  const regional = region === undefined ? undefined : regionalGazetteers.get(region);
  let lastEnd = -1;
  /** Last place seen per single-character admin suffix, for bare 市公安局. */
  const lastPlace = new Map<number, string>();
  /** The last place chain not followed by a body: an unlisted place right after it belongs to it. */
  let chainStart = -1;
  let chainEnd = -1;
  let chainCanonical = '';
  /** Places listed with 、 right before a place + body (宁波、温州、台州市公安局): they share its body. */
  let listStart = -1;
  let listEnd = -1;
  let listPlaces: string[] = [];
  const contextUnit = contextUnitTrie;

  for (let i = 0; i < length; i++) {
    // Bare bureaus, a Taiwan bureau's units and Hong Kong formations start with common characters, and
    // only after a boundary, once their body, bureau or region is known: other positions pay nothing.
    if (
      interesting[codes[i]] === 0 &&
      ((seenBureauFirst[codes[i]] === 0 && (context.taiwanBureau === '' || taiwanUnitTrie.firstUnit[codes[i]] === 0) && (region !== 'hongkong' || hongKongFormationsForward.firstUnit[codes[i]] === 0)) ||
        !boundaryBefore(codes, i))
    )
      continue;
    let bestEnd = -1;
    let bestStart = i;
    let canonical = '';

    const longest = gazetteer.longestAt(codes, i, length);
    const matches = longest === null ? [] : termIsValid(codes, length, i, longest.end, longest.value, i === lastEnd) ? [longest] : gazetteer.allAt(codes, i, length);
    const regionalMatch = regional === undefined ? null : regional.longestAt(codes, i, length);
    if (regionalMatch !== null && termIsValid(codes, length, i, regionalMatch.end, regionalMatch.value, i === lastEnd)) matches.push(regionalMatch);
    let termEnd = -1;
    for (let k = matches.length - 1; k >= 0; k--) {
      const m = matches[k];
      if (m.end > termEnd && termIsValid(codes, length, i, m.end, m.value, i === lastEnd)) {
        termEnd = m.end;
        canonical = m.value.canonical;
      }
    }
    if (termEnd !== -1) {
      bestEnd = termEnd;
      const bureaus = ministryBureaus.get(canonical);
      if (bureaus !== undefined) noteBureaus(seenBureaus, seenBureauFirst, canonical, bureaus);
      const bureau = bureaus === undefined ? null : bureaus.longestAt(codes, bestEnd, length);
      if (bureau !== null) {
        bestEnd = bureau.end;
        canonical += bureau.value;
      } else if (canonical === HONG_KONG_POLICE) {
        // 香港警務處東九龍總區刑事部: the force, then one of its regions or districts with its units.
        const formation = hongKongFormationsForward.longestAt(codes, bestEnd, length);
        const body = formation === null ? null : bodyTrie.longestAt(codes, formation.end, length);
        if (formation !== null && body !== null && hongKongPoliceBodies.has(body.value)) {
          const end = subUnitsEnd(codes, length, body.end);
          canonical += sliceCodes(codes, bestEnd, end);
          bestEnd = end;
        }
      }
      // A named body's own units (毒品调查科财富调查组, 刑事局侦八大队第三队); named sub-units (某某分局)
      // are left out here: after a ministry they would swallow a clause (公安部要求派出所).
      const unitsEnd = fixedSubUnitsEnd(codes, length, bestEnd);
      if (unitsEnd > bestEnd) {
        canonical += sliceCodes(codes, bestEnd, unitsEnd);
        bestEnd = unitsEnd;
      }
      const offices = fieldOffices.get(canonical);
      const officePlace = offices === undefined ? null : placeChainAt(codes, length, bestEnd);
      const office = officePlace === null ? null : offices!.longestAt(codes, officePlace.end, length);
      if (office !== null) {
        const name = officeNames[office.value];
        if (name === undefined) canonical += sliceCodes(codes, bestEnd, office.end);
        else {
          // 人行宣城中心支行, 人行那曲市中支 → 中国人民银行宣城市中心支行: a central sub-branch sits in a
          // prefecture city, named with its 市.
          const city = officePlace!.suffix === '' && name === '中心支行' ? officePlace!.canonical + '市' : officePlace!.canonical;
          canonical += city + name;
          // The city named in the branch is the city of a bare 市公安局 after it.
          if (city.endsWith('市')) lastPlace.set(SHI, city);
        }
        bestEnd = office.end;
      }
    }

    let chain = placeTrie.firstUnit[codes[i]] === 1 ? placeChainAt(codes, length, i) : null;
    if (chain === null && shortPlaceTrie.firstUnit[codes[i]] === 1 && boundaryBefore(codes, i)) {
      const short = shortPlaceTrie.longestAt(codes, i, length);
      if (short !== null) chain = { end: short.end, suffix: short.value.slice(-1), canonical: short.value };
    }
    if (chain !== null) {
      const end = bodyEnd(codes, length, chain.end);
      if (end > bestEnd) {
        bestEnd = end;
        const body = sliceCodes(codes, chain.end, end);
        canonical = chain.canonical + body;
        if (listEnd === i && listPlaces.length > 0 && chain.suffix !== '') {
          const suffix = chain.suffix;
          bestStart = listStart;
          canonical = [...listPlaces.map((place) => (place.endsWith(suffix) ? place : place + suffix) + body), canonical].join('、');
        } else if (listEnd === i && listPlaces.length > 0 && chain.suffix === '' && taiwanSeatBodies.has(body) && allSeats(listPlaces, chain.canonical)) {
          // 台北、新北地檢署: Taiwan's seats listed with 、 share the 地檢署 (one span, as the press writes it).
          bestStart = listStart;
          canonical = [...listPlaces, chain.canonical].join('、') + body;
        }
        // 花莲县警察局 … 县警局, 江苏省无锡市公安局 … 省厅: a bare admin body later is this place's too.
        notePlaceLevels(lastPlace, chain);
      } else if (end === -1) {
        // Only a single named place: 广东、北京、江苏检察机关 are several bodies in general (guidelines).
        let force = bestEnd === -1 && listEnd !== i ? forceWordTrie.longestAt(codes, chain.end, length) : null;
        if (force !== null && force.value === '公安' && force.end < length && notAfterBarePolice[codes[force.end]] === 1) force = null;
        const bureau = force === null ? null : bureauOfPlace(chain, force.value);
        if (force !== null && bureau !== null) {
          bestEnd = force.end;
          canonical = bureau;
          // 香港警方商業罪案調查科: the force's named unit right after it is part of the span.
          const unit = ministryBureaus.get(bureau)?.longestAt(codes, bestEnd, length) ?? null;
          if (unit !== null) {
            bestEnd = unit.end;
            canonical += unit.value;
          }
        } else {
          if (codes[chain.end] === DUN) {
            if (listEnd !== i) {
              listStart = i;
              listPlaces = [];
            }
            listPlaces.push(chain.canonical);
            listEnd = chain.end + 1;
          }
          if (chain.suffix.length === 1) lastPlace.set(chain.suffix.charCodeAt(0), chain.canonical);
          chainStart = i;
          chainEnd = chain.end;
          chainCanonical = chain.canonical;
        }
      }
    }

    const code = codes[i];
    // A county-level division right before a body or force word (洋县公安局, 皋兰公安, 西湖区公安分局), with a
    // boundary or a place chain before it: looked up backwards from the body, so other positions cost nothing.
    if (bestEnd === -1 && bodyTrie.firstUnit[code] === 1 && i > 0 && isHan(codes[i - 1])) {
      const floor = Math.max(lastEnd, 0);
      const tables = divisionTables();
      const full = tables.names.longestEndingAt(codes, i, floor);
      const stem = full === null ? tables.stems.longestEndingAt(codes, i, floor) : null;
      const match = full ?? stem;
      const start = match === null ? -1 : match.end;
      const before = start > 0 ? codes[start - 1] : 0;
      const afterChain = start !== -1 && chainEnd === start && chainStart >= floor;
      if (match !== null && (start === 0 || !isHan(before) || placeStop[before] === 1 || afterChain || lastEnd === start)) {
        const written = sliceCodes(codes, start, i);
        const body = bodyTrie.longestAt(codes, i, length);
        const end = bodyEnd(codes, length, i);
        const force = end === -1 && listEnd !== start ? forceWordTrie.longestAt(codes, i, length) : null;
        const forceOk =
          force !== null && force.value !== '检方' && !(force.value === '公安' && force.end < length && notAfterBarePolice[codes[force.end]] === 1);
        // Hong Kong police regions and districts (葵青警區) are the force's own units, not the district council's.
        const policeDistrict = body !== null && hongKongPoliceBodies.has(body.value);
        if ((end !== -1 || forceOk) && !policeDistrict) {
          const branch = body !== null && (body.value === '分局' || body.value === '公安分局');
          const resolved = divisionCanonical(written, match.value, stem !== null, region, branch);
          // 陕西洋县: the text's province agrees with the data's hierarchy, which is the fuller name.
          const place = afterChain && !resolved.startsWith(chainCanonical.slice(0, 2)) ? chainCanonical + written : resolved;
          bestStart = afterChain ? chainStart : start;
          // 湖內、岡山分局: in Taiwan news precincts listed with 、 share the 分局, and the bureau named last.
          const listed = region === 'taiwan' && branch && !afterChain ? listedNamesStart(codes, start, floor, chainEnd) : start;
          if (listed < start && end !== -1) {
            bestStart = listed;
            bestEnd = end;
            canonical = sliceCodes(codes, listed, end);
          } else if (end !== -1) {
            bestEnd = end;
            canonical = place + (branch && !afterChain && place.includes('公安局') ? '分局' + sliceCodes(codes, body!.end, end) : sliceCodes(codes, i, end));
          } else {
            bestEnd = force!.end;
            canonical = force!.value === '检察机关' ? place + '人民检察院' : place + '公安局';
          }
        }
      }
    }

    // 全市法院, 各省公安厅: every body of that level, not one.
    if (bareAdmin[code] === 1 && boundaryBefore(codes, i) && allOf[codes[i - 1]] !== 1) {
      const end = bodyEnd(codes, length, i + 1, false);
      if (end > bestEnd) {
        bestEnd = end;
        const place = lastPlace.get(code);
        canonical = place !== undefined ? place + sliceCodes(codes, i + 1, end) : sliceCodes(codes, i, end);
      } else if (end === -1 && (code === SHI || code === XIAN) && codes[i + 1] === JU && codes[i + 2] !== ZHANG && region !== 'taiwan') {
        // 市局刑侦支队, 市局党委: the press's short name of the city's (county's) 公安局, the city named before it.
        const place = lastPlace.get(code);
        if (place !== undefined) {
          bestEnd = subUnitsEnd(codes, length, i + 2);
          canonical = place + '公安局' + sliceCodes(codes, i + 2, bestEnd);
        }
      } else if (end === -1 && code === SHENG && codes[i + 1] === TING && provinceRankChar[codes[i + 2]] !== 1) {
        // 省厅刑侦总队: the press's short name of the province's 公安厅, the province named before it.
        const place = lastPlace.get(code);
        if (place !== undefined) {
          bestEnd = subUnitsEnd(codes, length, i + 2);
          canonical = place + '公安厅' + sliceCodes(codes, i + 2, bestEnd);
        }
      }
    }

    // A place missing from the list right before a body word: a 2–3 character name + admin suffix
    // (沙坪坝区公安分局), or a bare name before a police sub-unit (永康分局, 新桥派出所). The name needs a
    // boundary before it; with an admin suffix and no boundary, two characters are taken (old rule).
    if (bestEnd === -1 && bodyTrie.firstUnit[code] === 1 && i >= 2) {
      const floor = Math.max(lastEnd, 0);
      let start = -1;
      if (bareAdmin[codes[i - 1]] === 1 && i >= 3) {
        start = namelessPlaceStart(codes, i - 1, floor, false);
        // Right after another body with no punctuation between (反诈中心联合县检察院), only a real division counts.
        if (start !== -1 && start === lastEnd && divisionTables().names.longestEndingAt(codes, i, start)?.end !== start) start = -1;
        // No boundary before: two characters + admin only when they name a real division (联合县检察院 does not).
        if (start === -1 && i - 3 >= floor && isHan(codes[i - 3]) && isHan(codes[i - 2]) && placeStop[codes[i - 3]] === 0 && placeStop[codes[i - 2]] === 0 && divisionTables().names.longestEndingAt(codes, i, i - 3)?.end === i - 3) {
          start = i - 3;
        }
      } else if (isHan(codes[i - 1])) {
        const body = bodyTrie.longestAt(codes, i, length);
        // 東九龍總區, 九龍城警區: the force's own formations by name, numerals and all.
        // 移送橋頭地檢署: a prosecutor or court seat is a name whatever comes before it.
        const formation =
          body === null ? null
          : hongKongPoliceBodies.has(body.value) || body.value === MAGISTRATES ? hongKongFormations.longestEndingAt(codes, i, floor)
          : taiwanSeatBodies.has(body.value) ? taiwanSeatTrie.longestEndingAt(codes, i, floor)
          : null;
        if (formation !== null) start = formation.end;
        else if (body !== null && namelessPlaceBodies.has(body.value)) start = namelessPlaceStart(codes, i, floor, true);
      }
      // 新竹縣竹東、新湖分局: earlier names listed with 、 before this one share its body.
      if (start !== -1) start = listedNamesStart(codes, start, floor, chainEnd);
      const end = start === -1 ? -1 : bodyEnd(codes, length, i);
      if (end !== -1) {
        bestStart = start;
        bestEnd = end;
        canonical = sliceCodes(codes, start, end);
        if (chainEnd === start && chainStart >= floor) {
          // 台南市 + 永康分局: the listed place before the unlisted one is part of the name.
          bestStart = chainStart;
          canonical = chainCanonical + canonical;
        }
      }
    }

    // 该局反诈中心, 接警后，反诈中心民警: a bureau's unit named bare belongs to the bureau named before it.
    if (bestEnd === -1 && context.localBureau !== '' && contextUnit.firstUnit[code] === 1 && boundaryBefore(codes, i)) {
      const unit = contextUnit.longestAt(codes, i, length);
      if (unit !== null) {
        bestEnd = unit.end;
        canonical = context.localBureau + unit.value;
      }
    }
    // 金管會 … 銀行局、證期局; 刑事局 … 偵二大隊: a body's own bureau named bare after the body was named.
    if (bestEnd === -1 && seenBureauFirst[code] === 1 && boundaryBefore(codes, i)) {
      for (let k = 0; k < seenBureaus.length; k++) {
        const bureau = seenBureaus[k][1].longestAt(codes, i, length);
        if (bureau !== null && bureau.end > bestEnd) {
          bestEnd = bureau.end;
          canonical = seenBureaus[k][0] + bureau.value;
        }
      }
    }
    // 西區刑事部, 東九龍重案組: in Hong Kong news a region or district right before one of the force's units,
    // its 總區 / 警區 left unwritten.
    if (bestEnd === -1 && region === 'hongkong' && hongKongFormationsForward.firstUnit[code] === 1 && boundaryBefore(codes, i)) {
      const formation = hongKongFormationsForward.longestAt(codes, i, length);
      const unit = formation === null ? null : hongKongUnitTrie.longestAt(codes, formation.end, length);
      if (formation !== null && unit !== null) {
        bestEnd = subUnitsEnd(codes, length, formation.end);
        canonical = HONG_KONG_POLICE + formation.value + (hongKongRegions.has(formation.value) ? '总区' : '警区') + sliceCodes(codes, formation.end, bestEnd);
      }
    }
    // 該局刑事警察大隊, 配合除暴特勤隊: in Taiwan news a county or city bureau's own unit named bare is the
    // unit of the bureau named last, with its named sections (刑事警察大隊毒緝中心溯源組).
    if (bestEnd === -1 && context.taiwanBureau !== '' && taiwanUnitTrie.firstUnit[code] === 1 && boundaryBefore(codes, i)) {
      const unit = taiwanUnitTrie.longestAt(codes, i, length);
      if (unit !== null) {
        // Only a corps has named sections (刑事警察大隊毒緝中心溯源組); a precinct's 等單位 is no section.
        bestEnd = codes[unit.end - 1] === DUI ? sectionsEnd(codes, length, unit.end) : unit.end;
        canonical = context.taiwanBureau + sliceCodes(codes, i, bestEnd);
      }
    }
    // 彰化縣警察局 … ⏎警察局統計: in Taiwan news a bare 警察局 opening a clause is the bureau named last
    // (到警察局報案 is any station: a word before it keeps it generic).
    if (
      bestEnd === -1 && context.taiwanBureau !== '' && code === JING && codes[i + 1] === CHA_POLICE && codes[i + 2] === JU && codes[i + 3] !== ZHANG &&
      (i === 0 || !isHan(codes[i - 1]))
    ) {
      bestEnd = i + 3;
      canonical = context.taiwanBureau;
    }
    const inContext = bestEnd === -1 ? null : canonicalInContext(canonical, context);
    // 假冒大陸公安 (posing as mainland police): a scam's script names no body; 大陸北京市公安局 still does.
    const impersonated = inContext === MINISTRY_OF_PUBLIC_SECURITY && !sliceCodes(codes, bestStart, bestEnd).includes('部') && impersonationTrie.longestEndingAt(codes, bestStart, Math.max(0, bestStart - 3)) !== null;
    if (bestEnd !== -1 && inContext !== null && !impersonated) {
      // 大陸北京市公安局, 內地深圳市公安局: a mainland body with the regional prefix is one agency (guidelines).
      if (bestStart >= 2 && MAINLAND_BODY.test(inContext) && mainlandPrefixTrie.longestEndingAt(codes, bestStart, bestStart - 2) !== null && bestStart - 2 >= Math.max(lastEnd, 0)) bestStart -= 2;
      hits.push({ kind: 'agency', start: bestStart, end: bestEnd, canonical: inContext });
      lastEnd = bestEnd;
      i = bestEnd - 1;
    }
  }
  return hits;
}
