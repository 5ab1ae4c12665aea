/**
 * Han ideographs (CJK unified + extension A + compatibility + the astral extensions B–H).
 * Text without any of them cannot change under OpenCC, so it is skipped before any work.
 */
export const HAN_CHARACTER = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

export function containsHan(text: string): boolean {
  return HAN_CHARACTER.test(text);
}
