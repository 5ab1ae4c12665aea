/**
 * Schema version 1, frozen as it was stored (never edit: migrations must read what old versions
 * actually wrote). v1 kept everything in one key, a single collection per clip, the quote and its
 * start offset instead of selectors, tags as one comma-separated string and epoch-millisecond times.
 */
export const V1_STORAGE_KEY = 'collections';

export interface CollectionV1 {
  id: string;
  name: string;
  created: number;
}

export interface ClipV1 {
  id: string;
  collectionId: string;
  kind: 'operation' | 'agency' | 'statistic' | 'selection';
  quote: string;
  /** Start offset of `quote` in the page text. */
  offset: number;
  canonical?: string;
  value?: number;
  unit?: string;
  note?: string;
  /** Comma-separated, e.g. "断卡, 2022" (ASCII or full-width commas). */
  tags?: string;
  url: string;
  title?: string;
  created: number;
}

export interface StoredStateV1 {
  schemaVersion: 1;
  collections: CollectionV1[];
  clips: ClipV1[];
  lastCollectionId?: string;
}
