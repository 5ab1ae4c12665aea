/**
 * #19 item 1: collection ids that name Object.prototype members (valueOf, toString, constructor,
 * hasOwnProperty) imported fine, then every cold start failed `collections/list` ("Could not serialize
 * message") because `index.counts[c.id] ?? 0` read the prototype's function.
 */
import { describe, expect, it } from 'vitest';
import { exportJson } from '../../../lib/collections/export/json';
import { importCollections } from '../../../lib/collections/import';
import { overviewOf, readPeekedIndex } from '../../../lib/collections/peek';
import { emptyState, stateToItems, INDEX_KEY } from '../../../lib/collections/schema';
import { bigState } from '../collections/helpers';

const NOW = '2024-05-01T00:00:00.000Z';
const RESERVED = ['valueOf', 'toString', 'constructor', 'hasOwnProperty'];

function fileWithCollectionId(id: string): string {
  const exported = exportJson(bigState(2), { now: NOW });
  if (!exported.ok) throw new Error(exported.error.message);
  const file = JSON.parse(exported.value);
  const old = file.collections[0].id;
  file.collections[0].id = id;
  for (const clip of file.clips) clip.collectionIds = clip.collectionIds.map((c: string) => (c === old ? id : c));
  return JSON.stringify(file);
}

describe('reserved names as ids', () => {
  it.each(RESERVED)('an import naming a collection %s is refused with the id named, and changes nothing', (id) => {
    const before = emptyState();
    const imported = importCollections(before, fileWithCollectionId(id), NOW);
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    expect(imported.error.message).toContain(id);
    expect(before).toEqual(emptyState());
  });

  it('an index that already holds such an id (stored by an older build) still gives numeric counts', () => {
    const state = bigState(2);
    const items = stateToItems(state) as Record<string, { collections: { id: string }[] }>;
    const index = structuredClone(items[INDEX_KEY]) as unknown as { collections: { id: string }[]; clipCounts: Record<string, number> };
    // An empty collection named like a prototype member: no clipCounts entry for it.
    index.collections.push({ ...index.collections[0], id: 'valueOf' });
    const peeked = readPeekedIndex(index);
    const overview = peeked === null ? null : overviewOf(peeked);
    // Either the index is refused (and the full load takes over) or every count is a number that clones.
    if (overview !== null) {
      for (const c of overview.collections) expect(typeof c.clipCount).toBe('number');
      expect(() => structuredClone(overview)).not.toThrow();
    }
  });
});
