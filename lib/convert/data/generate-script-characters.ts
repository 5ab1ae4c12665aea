/**
 * Regenerates `script-characters.json` from opencc-js's character dictionaries:
 *   node --import tsx lib/convert/data/generate-script-characters.ts
 * A character is simplified-only when STCharacters changes it and it is never a traditional form
 * (not a value of STCharacters, not a key of TSCharacters); traditional-only the other way round.
 * Characters shared by both scripts (的, 在, 人 …) are left out: they carry no signal.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// @ts-expect-error opencc-js ships its dictionary modules without type declarations
import STCharacters from 'opencc-js/dict/STCharacters';
// @ts-expect-error see above
import TSCharacters from 'opencc-js/dict/TSCharacters';

/** [character, its conversions as code points]; opencc-js keeps one conversion per entry. */
type Pairs = [string, string[]][];

function parse(dict: string | [string, string][]): Pairs {
  const entries = typeof dict === 'string' ? dict.split('|').map((line) => line.split(' ') as [string, string]) : dict;
  return entries.map(([from, to]) => [from, [...to]]);
}

const simplifiedToTraditional = parse(STCharacters);
const traditionalToSimplified = parse(TSCharacters);
const traditionalForms = new Set(simplifiedToTraditional.flatMap(([, to]) => to));
const simplifiedForms = new Set(traditionalToSimplified.flatMap(([, to]) => to));
const traditionalKeys = new Set(traditionalToSimplified.map(([from]) => from));
const simplifiedKeys = new Set(simplifiedToTraditional.map(([from]) => from));

const simplifiedOnly = simplifiedToTraditional
  .filter(([from, to]) => !to.includes(from) && !traditionalForms.has(from) && !traditionalKeys.has(from))
  .map(([from]) => from);
const traditionalOnly = traditionalToSimplified
  .filter(([from, to]) => !to.includes(from) && !simplifiedForms.has(from) && !simplifiedKeys.has(from))
  .map(([from]) => from);

const out = fileURLToPath(new URL('./script-characters.json', import.meta.url));
writeFileSync(
  out,
  JSON.stringify(
    {
      source: 'opencc-js 1.4.2 STCharacters/TSCharacters, see generate-script-characters.ts',
      simplifiedOnly: [...new Set(simplifiedOnly)].join(''),
      traditionalOnly: [...new Set(traditionalOnly)].join(''),
    },
    null,
    1,
  ) + '\n',
);
console.log(`simplifiedOnly ${simplifiedOnly.length}, traditionalOnly ${traditionalOnly.length} → ${out}`);
