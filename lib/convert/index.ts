export type { Target, SourceScript, ConversionKind, ConvertTexts, TextBlock, AttributeText } from './types';
export { blockScript, detectScript, scriptEvidence, type DetectedScript } from './detect';
export { sourceScriptOf } from './source';
export {
  createConverterCache,
  convertBatch,
  conversionKind,
  planDirection,
  loadOpenccBundle,
  type ConverterCache,
  type ConvertString,
  type DictionaryBundle,
  type DirectionPlan,
  type LoadDictionaries,
  type OpenccModule,
} from './converters';
export { collectBlocks, collectAttributes, isSkippedElement, type CollectOptions } from './blocks';
export { alignConversion, splitConverted, type AlignedPiece } from './split';
export {
  createPageConversion,
  type ConversionReport,
  type PageConversion,
  type PageConversionOptions,
} from './apply';

import { createConverterCache, type ConverterCache } from './converters';
import type { SourceScript, Target } from './types';

let defaultCache: ConverterCache | null = null;

/** The batch API over a converter cache shared by the calling context (the background worker). */
export function convertTexts(texts: string[], from: SourceScript, to: Target): Promise<string[]> {
  defaultCache ??= createConverterCache();
  return defaultCache.convertTexts(texts, from, to);
}
export { convertBySource } from './by-source';
export { originalTextOf, shownTextOf, type OriginalText } from './original-text';
