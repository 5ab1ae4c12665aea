import { withoutPinyinArtefacts } from '../annotate/pinyin';

/**
 * A clip's quote or page title as the collection views show it: as the page read with the
 * pinyin-artefact cleanup (發(fā)布會 → 發布會). The stored clip keeps the page's own characters:
 * re-anchoring and the JSON and Web Annotation exports need them exactly.
 */
export function readableText(text: string): string {
  return withoutPinyinArtefacts(text);
}
