/** Shared loading of OpenCC's testcases.json (not strict JSON: trailing commas) for the convert tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import type { ConversionKind } from '../../../lib/convert';

const fixtures = fileURLToPath(new URL('../../fixtures/opencc/', import.meta.url));

export interface OpenccCase {
  id: string;
  input: string;
  config: string;
  expected: string;
}

export function parseTolerantJson(raw: string): unknown {
  return JSON.parse(raw.replace(/,(\s*[}\]])/g, '$1'));
}

export function loadOpenccCases(): OpenccCase[] {
  const data = parseTolerantJson(readFileSync(fixtures + 'testcases.json', 'utf8')) as {
    cases: { id: string; input: string; expected: Record<string, string> }[];
  };
  return data.cases.flatMap((testCase) =>
    Object.entries(testCase.expected).map(([config, expected]) => ({ id: testCase.id, input: testCase.input, config, expected })),
  );
}

export function loadKnownDifferences(): { id: string; config: string; reason: string; stringPathOutput: string }[] {
  return (JSON.parse(readFileSync(fixtures + 'known-dictionary-differences.json', 'utf8')) as { differences: never[] }).differences;
}

/** OpenCC config name → opencc-js locales, as in the corpus SOURCE.md. */
export const CONFIG_LOCALES: Record<string, { from: string; to: string }> = {
  s2t: { from: 'cn', to: 't' },
  t2s: { from: 't', to: 'cn' },
  s2tw: { from: 'cn', to: 'tw' },
  s2twp: { from: 'cn', to: 'twp' },
  tw2s: { from: 'tw', to: 'cn' },
  tw2sp: { from: 'twp', to: 'cn' },
  s2hk: { from: 'cn', to: 'hk' },
  s2hkp: { from: 'cn', to: 'hkp' },
  hk2s: { from: 'hk', to: 'cn' },
  hk2sp: { from: 'hkp', to: 'cn' },
  t2tw: { from: 't', to: 'tw' },
  t2hk: { from: 't', to: 'hk' },
  tw2t: { from: 'tw', to: 't' },
  hk2t: { from: 'hk', to: 't' },
  t2jp: { from: 't', to: 'jp' },
  jp2t: { from: 'jp', to: 't' },
};

/** Configs that replace words by words of another length (the `p` = phrases configs). */
export function kindOfConfig(config: string): ConversionKind {
  return config.endsWith('p') && config !== 'jp' ? 'phrase' : 'char';
}

const converters = new Map<string, (text: string) => string>();

/** The plain string path: opencc-js's full build for an OpenCC config. */
export function stringConverter(config: string): (text: string) => string {
  let converter = converters.get(config);
  if (!converter) {
    const locales = CONFIG_LOCALES[config];
    if (!locales) throw new Error(`no opencc-js locales for ${config}`);
    converter = OpenCC.Converter(locales as never);
    converters.set(config, converter);
  }
  return converter;
}
