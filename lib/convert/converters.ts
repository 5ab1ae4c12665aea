import type { ConversionKind, SourceScript, Target } from './types';

/** A built opencc-js converter: one string in, the converted string out. */
export type ConvertString = (text: string) => string;

/** The opencc-js per-direction bundles: `cn2t` (simplified → traditional, ~1.1 MB of phrases)
 * and `t2cn` (traditional → simplified, ~110 kB). */
export type DictionaryBundle = 'cn2t' | 't2cn';

/** What a bundle module provides (the `Converter` of opencc-js, built from that bundle's dictionaries). */
export interface OpenccModule {
  Converter(options: { from: string; to: string }): ConvertString;
}

export type LoadDictionaries = (bundle: DictionaryBundle) => Promise<OpenccModule>;

/** The opencc-js call that realises one (source, target) direction, or `identity` when the page
 * already is in the target script. */
export type DirectionPlan =
  | { kind: 'identity' }
  | { kind: 'opencc'; bundle: DictionaryBundle; from: string; to: string };

/**
 * How each (page script, target) pair maps to opencc-js.
 * - target `cn`: every traditional source goes through `t2cn` with its own regional table (tw2s, hk2s, t2s).
 * - targets tw/twp/hk from `cn`: the `cn2t` bundle (s2tw, s2twp, s2hk).
 * - targets tw/twp/hk from a traditional page: opencc-js `t → tw|twp|hk` (regional variants and, for
 *   twp, Taiwan vocabulary on traditional text). Going through simplified would lose distinctions
 *   such as 乾/幹 or 髮/發. A page already in the target's own region is left alone.
 */
export function planDirection(from: SourceScript, to: Exclude<Target, 'original'>): DirectionPlan {
  if (to === 'cn') return from === 'cn' ? { kind: 'identity' } : { kind: 'opencc', bundle: 't2cn', from, to: 'cn' };
  if (from === 'cn') return { kind: 'opencc', bundle: 'cn2t', from: 'cn', to };
  if (from === to) return { kind: 'identity' };
  return { kind: 'opencc', bundle: 'cn2t', from: 't', to };
}

/** Only Taiwan-phrase conversion replaces words by words of another length. */
export function conversionKind(to: Target): ConversionKind {
  return to === 'twp' ? 'phrase' : 'char';
}

export const loadOpenccBundle: LoadDictionaries = async (bundle) =>
  // Two literal imports, so that a bundler emits each dictionary bundle as its own lazy chunk.
  bundle === 'cn2t' ? import('opencc-js/cn2t') : import('opencc-js/t2cn');

export interface ConverterCache {
  /** Builds (once) and returns the converter for a direction. */
  getConverter(from: SourceScript, to: Exclude<Target, 'original'>): Promise<ConvertString>;
  /** The batch API: converts every text of `texts` from the page script to the target. */
  convertTexts(texts: string[], from: SourceScript, to: Target): Promise<string[]>;
  /** Whether the converter of a direction was asked for before (built, or being built). */
  has(from: SourceScript, to: Exclude<Target, 'original'>): boolean;
  /** Directions built so far, with how long loading + building took (ms), for diagnostics and the bench. */
  builtDirections(): { direction: string; buildMs: number }[];
}

const identity: ConvertString = (text) => text;

/**
 * Joins the batch with a noncharacter between texts. No OpenCC dictionary entry contains it and
 * OpenCC's greedy matching restarts right after any unmatched character, so every text converts
 * exactly as it would alone, while the converter's per-call overhead (segmentation, normalisation,
 * closures) is paid once per batch instead of once per block, which for short blocks is most
 * of the cost.
 */
const BATCH_SEPARATOR = '\uFDD0';
/** Ideographic Description Characters: an IDS at a text's end would swallow the separator and the
 * next text's start as one unconverted unit, so batches holding one are converted text by text. */
const IDEOGRAPHIC_DESCRIPTION = /[\u2FF0-\u2FFF]/;

export function convertBatch(convert: ConvertString, texts: string[]): string[] {
  if (texts.length < 2) return texts.map(convert);
  const joined = texts.join(BATCH_SEPARATOR);
  if (IDEOGRAPHIC_DESCRIPTION.test(joined)) return texts.map(convert);
  const converted = convert(joined).split(BATCH_SEPARATOR);
  // A text holding the separator itself splits into more pieces: then convert text by text.
  return converted.length === texts.length ? converted : texts.map(convert);
}

export function createConverterCache(loadDictionaries: LoadDictionaries = loadOpenccBundle): ConverterCache {
  const converters = new Map<string, Promise<ConvertString>>();
  const buildTimes = new Map<string, number>();

  function getConverter(from: SourceScript, to: Exclude<Target, 'original'>): Promise<ConvertString> {
    const direction = `${from}>${to}`;
    let converter = converters.get(direction);
    if (!converter) {
      const plan = planDirection(from, to);
      const started = performance.now();
      converter =
        plan.kind === 'identity'
          ? Promise.resolve(identity)
          : loadDictionaries(plan.bundle).then((opencc) => {
              const convert = opencc.Converter({ from: plan.from, to: plan.to });
              buildTimes.set(direction, performance.now() - started);
              return convert;
            });
      // A failed load must not poison the cache: the next call retries.
      converter.catch(() => converters.delete(direction));
      converters.set(direction, converter);
    }
    return converter;
  }

  async function convertTexts(texts: string[], from: SourceScript, to: Target): Promise<string[]> {
    if (to === 'original') return texts.slice();
    const convert = await getConverter(from, to);
    return convertBatch(convert, texts);
  }

  function builtDirections() {
    return [...buildTimes].map(([direction, buildMs]) => ({ direction, buildMs }));
  }

  return { getConverter, convertTexts, builtDirections, has: (from, to) => converters.has(`${from}>${to}`) };
}
