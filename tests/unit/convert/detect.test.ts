import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import scriptCharacters from '../../../lib/convert/data/script-characters.json';
import { blockScript, detectScript, scriptEvidence } from '../../../lib/convert/detect';

const fixtures = join(import.meta.dirname, '../../fixtures');

/** The definition the table must keep: iterate code points, look each up in the two lists. */
function evidenceByCodePoints(text: string, limit = 20_000) {
  const simplifiedOnly = new Set(scriptCharacters.simplifiedOnly);
  const traditionalOnly = new Set(scriptCharacters.traditionalOnly);
  let simplified = 0;
  let traditional = 0;
  let read = 0;
  for (const char of text) {
    if (++read > limit) break;
    if (simplifiedOnly.has(char)) simplified++;
    else if (traditionalOnly.has(char)) traditional++;
  }
  return { simplified, traditional };
}

const seedTexts = readdirSync(join(fixtures, 'seeds'))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(fixtures, 'seeds', name), 'utf8'));

describe('scriptEvidence', () => {
  it('counts what a code-point walk over the lists counts, on the seed pages', () => {
    expect(seedTexts.length).toBe(5);
    for (const text of seedTexts) expect(scriptEvidence(text)).toEqual(evidenceByCodePoints(text));
  });

  it('counts astral characters of the lists once, and a lone surrogate as nothing', () => {
    const astralSimplified = Array.from(scriptCharacters.simplifiedOnly).filter((c) => c.length === 2).slice(0, 3);
    const astralTraditional = Array.from(scriptCharacters.traditionalOnly).filter((c) => c.length === 2).slice(0, 2);
    expect(astralSimplified.length).toBe(3);
    const text = `${astralSimplified.join('a')}\uD840 这${astralTraditional.join('')}\uDC00們`;
    expect(scriptEvidence(text)).toEqual(evidenceByCodePoints(text));
    expect(scriptEvidence(text)).toEqual({ simplified: 4, traditional: 3 });
  });

  it('stops after `limit` code points, counting a surrogate pair as one', () => {
    const astral = Array.from(scriptCharacters.traditionalOnly).find((c) => c.length === 2)!;
    const text = `${astral.repeat(3)}这这`;
    for (const limit of [0, 1, 3, 4, 5, 10]) expect(scriptEvidence(text, limit)).toEqual(evidenceByCodePoints(text, limit));
    expect(scriptEvidence(text, 4)).toEqual({ simplified: 1, traditional: 3 });
  });

  it('tells the seed pages apart as before: block scripts follow the page unless a block is clearly the other', () => {
    for (const text of seedTexts) {
      const page = detectScript(text);
      expect(page).not.toBe('none');
      expect(blockScript('公安部通報，這個專項行動', 'zh-Hans')).toBe('zh-Hant');
      expect(blockScript('公安部通报，这个专项行动', 'zh-Hant')).toBe('zh-Hans');
      expect(blockScript('公安部通報，这个专项行动', page)).toBe(page);
    }
  });
});
