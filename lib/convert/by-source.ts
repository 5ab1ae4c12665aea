/**
 * Mixed pages (a simplified page quoting a traditional source, or the reverse): each text is
 * converted from its own script, detected per block; texts too short to tell take the page's.
 * One batch per source script, so a mixed page still costs a message or two per chunk.
 */
import { planDirection } from './converters';
import type { SourceScript, Target } from './types';

export async function convertBySource(
  texts: string[],
  pageSource: SourceScript,
  sourceOf: (text: string) => SourceScript | null,
  to: Exclude<Target, 'original'>,
  convert: (source: SourceScript, texts: string[]) => Promise<string[]>,
): Promise<string[]> {
  const groups = new Map<SourceScript, number[]>();
  texts.forEach((text, i) => {
    const source = sourceOf(text) ?? pageSource;
    const group = groups.get(source);
    if (group) group.push(i);
    else groups.set(source, [i]);
  });
  const out = texts.slice();
  await Promise.all(
    [...groups].map(async ([source, indexes]) => {
      if (planDirection(source, to).kind === 'identity') return; // already in the target script
      const converted = await convert(
        source,
        indexes.map((i) => texts[i]),
      );
      if (converted.length !== indexes.length) throw new Error('the worker answered a different number of texts');
      indexes.forEach((i, k) => (out[i] = converted[k]));
    }),
  );
  return out;
}
