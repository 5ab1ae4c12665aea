/**
 * Schema version 2, frozen as it was stored (never edit: migrations must read what old versions
 * actually wrote). v2 had the index without derived data; clips were stored as in v3 (`clip:<id>`).
 */
export interface CollectionV2 {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredIndexV2 {
  schemaVersion: 2;
  collections: CollectionV2[];
  lastUsedCollectionId?: string;
}
