/**
 * Search over clips: every word of the query must occur (AND) somewhere in the clip's text, note,
 * tags, canonical name, page title or site. Case- and width-insensitive (NFKC, so `ＡＢＣ` finds
 * `abc`); Chinese is matched as substrings, so `断卡` finds `断卡行动`. Simplified and traditional
 * are not folded. Each clip's lowercase haystack is built once and cached per clip object (clips
 * are immutable: an edited clip is a new object and gets a fresh haystack).
 */
import type { Clip, ClipKind } from './model';

const haystacks = new WeakMap<Clip, string>();

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function haystackOf(clip: Clip): string {
  let haystack = haystacks.get(clip);
  if (haystack === undefined) {
    // \u0001 between fields keeps a word from matching across two fields.
    haystack = fold([clip.text, clip.note, clip.tags.join('\u0001'), clip.canonical ?? '', clip.target.title, clip.target.site].join('\u0001'));
    haystacks.set(clip, haystack);
  }
  return haystack;
}

export function queryWords(query: string): string[] {
  return fold(query)
    .split(/[\s\u3000]+/)
    .filter((word) => word !== '');
}

export interface SearchFilter {
  collectionId?: string;
  kind?: ClipKind;
}

/** The clips matching `query`, in the order given. An empty query matches every clip. */
export function searchClips(clips: Iterable<Clip>, query: string, filter: SearchFilter = {}): Clip[] {
  const words = queryWords(query);
  const out: Clip[] = [];
  for (const clip of clips) {
    if (filter.kind !== undefined && clip.kind !== filter.kind) continue;
    if (filter.collectionId !== undefined && !clip.collectionIds.includes(filter.collectionId)) continue;
    if (words.length === 0) {
      out.push(clip);
      continue;
    }
    const haystack = haystackOf(clip);
    if (words.every((word) => haystack.includes(word))) out.push(clip);
  }
  return out;
}
