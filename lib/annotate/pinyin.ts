/**
 * The `發(fā)布會` artefact: some pages print a Han character followed by its pinyin in ASCII
 * brackets. The bracket is ignored while matching and can be hidden on display.
 */
import { isHan as isHanImported, isHighSurrogate as isHighSurrogateImported } from './chars';
// Local bindings: module-namespace getters (tsx, some bundlers) are slow in hot loops.
const isHan = isHanImported;
const isHighSurrogate = isHighSurrogateImported;

const TONE_MARKED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const toneMarked = new Set<number>();
for (let i = 0; i < TONE_MARKED.length; i++) toneMarked.add(TONE_MARKED.charCodeAt(i));

const OPEN = 0x28; // (
const CLOSE = 0x29; // )
const MAX_SYLLABLE = 7;

function isPinyinLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || code === 0xfc /* ü */ || toneMarked.has(code);
}

/** The Han character (BMP or astral) that ends just before `at`, if any. */
function hanEndsAt(text: string, at: number): boolean {
  if (at <= 0) return false;
  const code = text.charCodeAt(at - 1);
  if (code >= 0xdc00 && code <= 0xdfff) return at >= 2 && isHighSurrogate(text.charCodeAt(at - 2));
  return isHan(code);
}

/**
 * If an artefact bracket starts at `at` (the `(`), returns the offset just after its `)`, else -1.
 * A bracket counts when it follows a Han character and holds 1–7 pinyin letters, at least one of them
 * tone-marked (so `(abc)` or `(China)` after a Han character is left alone).
 */
export function pinyinArtefactEnd(text: string, at: number): number {
  if (text.charCodeAt(at) !== OPEN || !hanEndsAt(text, at)) return -1;
  let hasTone = false;
  let j = at + 1;
  const limit = Math.min(text.length, at + 2 + MAX_SYLLABLE);
  for (; j < limit; j++) {
    const code = text.charCodeAt(j);
    if (code === CLOSE) break;
    if (!isPinyinLetter(code)) return -1;
    if (toneMarked.has(code)) hasTone = true;
  }
  if (j === at + 1 || j >= limit || text.charCodeAt(j) !== CLOSE || !hasTone) return -1;
  return j + 1;
}

/** Every artefact bracket in `text`, as `{start, end}` offsets of `(…)`, in order. */
export function findPinyinArtefacts(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let at = text.indexOf('(');
  while (at !== -1) {
    const end = pinyinArtefactEnd(text, at);
    if (end !== -1) {
      spans.push({ start: at, end });
      at = text.indexOf('(', end);
    } else {
      at = text.indexOf('(', at + 1);
    }
  }
  return spans;
}

/** `text` as the reader sees it with the artefact cleanup on: `發(fā)布會` → `發布會`. */
export function withoutPinyinArtefacts(text: string): string {
  const spans = findPinyinArtefacts(text);
  if (!spans.length) return text;
  let out = '';
  let from = 0;
  for (const { start, end } of spans) {
    out += text.slice(from, start);
    from = end;
  }
  return out + text.slice(from);
}
