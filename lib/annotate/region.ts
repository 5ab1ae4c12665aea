/**
 * Which region a text is about (mainland, Taiwan, Hong Kong, Macau), from words each region's press uses
 * about itself (lib/data/annotate-regions.json). Short names depend on it: 司警 is Macau's 司法警察局 in
 * Macau news and nothing in mainland news; 证监会 is Hong Kong's SFC in Hong Kong news.
 *
 * One pass over the simplified codes at the markers' first units; undefined when no region leads, so that
 * region-dependent names stay off rather than guess.
 */
import regionData from '../data/annotate-regions.json';
import { CodeTrie } from './trie';

export type Region = 'mainland' | 'taiwan' | 'hongkong' | 'macau';
export const REGIONS: readonly Region[] = ['mainland', 'taiwan', 'hongkong', 'macau'];

/** Each marker's regions, as indices into REGIONS. */
const markerTrie = new CodeTrie<number[]>();
REGIONS.forEach((region, index) => {
  for (const word of (regionData.markers as Record<Region, string[]>)[region]) markerTrie.add(word, [index]);
});
const SHARED_SAR = [REGIONS.indexOf('hongkong'), REGIONS.indexOf('macau')];
for (const word of regionData.sharedHongKongMacau) markerTrie.add(word, SHARED_SAR);
const MAINLAND = REGIONS.indexOf('mainland');
const REGION_SAMPLE = 20_000;

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

/**
 * The region the text is mostly about, or undefined when the markers are too few or too mixed. Text in
 * traditional script is Taiwan's, Hong Kong's or Macau's press even when it reports on the mainland.
 */
export function detectRegion(codes: Uint16Array, length: number, traditional = false): Region | undefined {
  const scores = [0, 0, 0, 0];
  const first = markerTrie.firstUnit;
  // The opening of a text tells its region as well as the whole does; crawls of long pages need not pay more.
  const limit = Math.min(length, REGION_SAMPLE);
  for (let i = 0; i < limit; i++) {
    if (first[codes[i]] === 0) continue;
    const match = markerTrie.longestAt(codes, i, limit);
    if (match === null) continue;
    for (const region of match.value) scores[region]++;
    i = match.end - 1;
  }
  if (traditional) scores[MAINLAND] = 0;
  let best = 0;
  for (let r = 1; r < scores.length; r++) if (scores[r] > scores[best]) best = r;
  let runnerUp = 0;
  for (let r = 0; r < scores.length; r++) if (r !== best && scores[r] > runnerUp) runnerUp = scores[r];
  if (scores[best] < regionData.minScore || scores[best] <= runnerUp) return undefined;
  return REGIONS[best];
}
