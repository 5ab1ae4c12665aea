/**
 * OpenCC's own conversion cases through the DOM path: each input is placed in a linkedom page split
 * across inline elements, converted by createPageConversion (collectBlocks → batch convert →
 * splitConverted → write back), read back, compared with the plain string conversion (must be
 * identical for every split) and with OpenCC's expected output (except listed dictionary lags),
 * then restored and compared node by node with a clone taken before.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createPageConversion } from '../../../lib/convert';
import { kindOfConfig, loadKnownDifferences, loadOpenccCases, stringConverter } from './opencc-cases';

const cases = loadOpenccCases();
const known = loadKnownDifferences();
const isKnown = (id: string, config: string) => known.some((entry) => entry.id === id && entry.config === config);
const { document } = parseHTML('<!doctype html><html><head><title>t</title></head><body></body></html>');

const WRAPPERS = ['b', 'a', 'span'];
/** Inputs up to this many code points are also split at every character boundary. */
const EVERY_BOUNDARY_LIMIT = 40;

/** Ways to cut an input: lists of code-point offsets where a new text node starts. */
function layouts(length: number): number[][] {
  const result: number[][] = [[], [Math.floor(length / 3), Math.floor((2 * length) / 3)]];
  if (length <= EVERY_BOUNDARY_LIMIT) {
    for (let k = 1; k < length; k++) result.push([k]);
    result.push(Array.from({ length: length - 1 }, (_, k) => k + 1));
  }
  return result;
}

/** `<p>` holding the input cut at `cuts`, alternate pieces wrapped in b/a/span (nested once). */
function buildParagraph(input: string, cuts: number[]): HTMLElement {
  const points = Array.from(input);
  const bounds = [0, ...cuts.filter((cut) => cut > 0 && cut < points.length), points.length];
  const paragraph = document.createElement('p');
  for (let i = 0; i + 1 < bounds.length; i++) {
    const text = document.createTextNode(points.slice(bounds[i], bounds[i + 1]).join(''));
    if (i % 2 === 0) {
      paragraph.appendChild(text);
    } else {
      const wrapper = document.createElement(WRAPPERS[(i >> 1) % WRAPPERS.length]);
      if (i % 4 === 3) {
        const inner = document.createElement('em');
        inner.appendChild(text);
        wrapper.appendChild(inner);
      } else wrapper.appendChild(text);
      paragraph.appendChild(wrapper);
    }
  }
  return paragraph;
}

const noYield = async () => {};

describe('OpenCC testcases through the DOM path', () => {
  it('covers the configs the extension uses', () => {
    const configs = new Set(cases.map((testCase) => testCase.config));
    for (const config of ['s2t', 's2tw', 's2twp', 't2s', 'tw2s', 'tw2sp', 's2hk', 'hk2s']) expect(configs).toContain(config);
    expect(cases.length).toBe(543);
  });

  it('lists exactly the cases whose plain string conversion misses OpenCC', () => {
    const failing = cases
      .filter((testCase) => stringConverter(testCase.config)(testCase.input) !== testCase.expected)
      .map((testCase) => `${testCase.id}/${testCase.config}`);
    expect(failing.sort()).toEqual(known.map((entry) => `${entry.id}/${entry.config}`).sort());
    for (const entry of known) {
      const testCase = cases.find((c) => c.id === entry.id && c.config === entry.config)!;
      expect(stringConverter(entry.config)(testCase.input)).toBe(entry.stringPathOutput);
    }
  });

  for (const testCase of cases) {
    it(`${testCase.id} ${testCase.config}`, async () => {
      const convertString = stringConverter(testCase.config);
      const stringPath = convertString(testCase.input);
      const kind = kindOfConfig(testCase.config);
      let convertedLayouts = 0;
      for (const cuts of layouts(Array.from(testCase.input).length)) {
        const paragraph = buildParagraph(testCase.input, cuts);
        document.body.appendChild(paragraph);
        const before = paragraph.cloneNode(true);
        const conversion = createPageConversion(paragraph, { yieldToPage: noYield });
        const report = await conversion.convertTo('tw', async (texts) => texts.map(convertString), kind);
        expect(report.status).toBe('done');
        const label = `${testCase.id} ${testCase.config} cuts ${cuts.join(',')}`;
        expect(paragraph.textContent, label).toBe(stringPath);
        if (!isKnown(testCase.id, testCase.config)) expect(paragraph.textContent, label).toBe(testCase.expected);
        conversion.restore();
        expect(paragraph.isEqualNode(before), `${label}: restore`).toBe(true);
        expect(paragraph.innerHTML).toBe((before as HTMLElement).innerHTML);
        paragraph.remove();
        convertedLayouts++;
      }
      expect(convertedLayouts).toBeGreaterThanOrEqual(2);
    });
  }
});
