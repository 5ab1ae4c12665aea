/**
 * County-level divisions as places for local bodies (lib/data/annotate-divisions.json, generated from GB/T
 * 2260 data by scripts/gen-divisions.ts): 洋县公安局, 西湖区人民法院, 皋兰公安, 板桥分局, 东区裁判法院.
 *
 * Full names (洋县, 西湖区) count anywhere a place may start; short forms (皋兰 for 皋兰县) only before a
 * body or force word, decided by the caller, and never for stems that are ordinary words (和平, 城关 …).
 * A division's canonical is its full hierarchy when the data makes it unique (洋县 → 陕西省汉中市洋县),
 * as written otherwise (朝阳区 is in Beijing and in Changchun).
 */
import divisionData from '../data/annotate-divisions.json';
import patternData from '../data/annotate-agency-patterns.json';
import type { Region } from './region';
import { CodeTrie } from './trie';

interface Division {
  name: string;
  prefecture: string;
  province: string;
}

const prefectures = divisionData.prefectures.map((entry) => {
  const [name, province] = entry.split('|');
  return { name, province: divisionData.provinces[Number(province)] };
});

export interface DivisionTables {
  /** Full names reversed (县洋 for 洋县) → every division of that name: looked up backwards from a body word. */
  names: CodeTrie<Division[]>;
  /** Stems without their admin suffix (皋兰 for 皋兰县), reversed. */
  stems: CodeTrie<Division[]>;
}

const STEM_SUFFIXES = /(?:自治县|自治旗|林区|特区|新区|县|区|市|旗)$/;
const reverse = (text: string) => [...text].reverse().join('');
let tables: DivisionTables | null = null;

/**
 * The division tables, built on first use: 3,361 names are not worth building while the content script
 * starts (most pages never need them before their first body word).
 */
export function divisionTables(): DivisionTables {
  if (tables !== null) return tables;
  const stemGuard = new Set(patternData.divisionStemGuards as string[]);
  const byName = new Map<string, Division[]>();
  const byStem = new Map<string, Division[]>();
  for (const entry of divisionData.divisions) {
    const bar = entry.indexOf('|');
    const name = entry.slice(0, bar);
    const prefecture = prefectures[Number(entry.slice(bar + 1))];
    const division = { name, prefecture: prefecture.name, province: prefecture.province };
    const named = byName.get(name);
    if (named === undefined) byName.set(name, [division]);
    else named.push(division);
    const stem = name.replace(STEM_SUFFIXES, '');
    if (stem !== name && stem.length >= 2 && !stemGuard.has(stem)) {
      const stemmed = byStem.get(stem);
      if (stemmed === undefined) byStem.set(stem, [division]);
      else stemmed.push(division);
    }
  }
  const names = new CodeTrie<Division[]>();
  const stems = new CodeTrie<Division[]>();
  for (const [name, divisions] of byName) names.add(reverse(name), divisions);
  for (const [stem, divisions] of byStem) stems.add(reverse(stem), divisions);
  tables = { names, stems };
  return tables;
}

/**
 * The full hierarchy of a division named `written` (洋县 → 陕西省汉中市洋县) when only one division has
 * that name, or the name as written. A stem (皋兰) resolves to its division's full name.
 */
export function divisionCanonical(written: string, divisions: readonly Division[], stem: boolean, region?: Region, branch = false): string {
  const unique = inRegion(divisions, region);
  if (unique === null) return written;
  // A municipality (北京市) or a special region (香港) is its own prefecture; Taiwan's start at the county.
  const prefecture = unique.prefecture === unique.province ? '' : unique.prefecture;
  const taiwan = unique.province === '台湾';
  const name = stem && !taiwan ? unique.name : written;
  const above = (taiwan ? '' : unique.province) + prefecture;
  // 西湖区 + 公安分局: the district's branch of the city's bureau (杭州市公安局西湖区分局), its official name.
  if (branch && !taiwan && unique.province !== '香港' && unique.province !== '澳门') return (prefecture === '' ? unique.province : above) + '公安局' + name;
  return above + name;
}

const REGION_PROVINCE: Partial<Record<Region, string>> = { taiwan: '台湾', hongkong: '香港', macau: '澳门' };
const SPECIAL = new Set(['台湾', '香港', '澳门']);

/** The one division meant, preferring the text's region (东区 in Hong Kong news), or null. */
function inRegion(divisions: readonly Division[], region: Region | undefined): Division | null {
  const province = region === undefined ? undefined : REGION_PROVINCE[region];
  // 橫山分局 in Taiwan news is 新竹縣's precinct, not 陕西's 横山区: another region's only namesake is no match.
  if (divisions.length === 1) return province !== undefined && divisions[0].province !== province ? null : divisions[0];
  const candidates = divisions.filter((d) => (province !== undefined ? d.province === province : region === 'mainland' && !SPECIAL.has(d.province)));
  return candidates.length === 1 ? candidates[0] : null;
}
