import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../lib/collections/commands';
import { exportJson } from '../../../lib/collections/export/json';
import { MAX_IMPORT_CHARS, importCollections, parseImportText } from '../../../lib/collections/import';
import { INDEX_KEY, clipKey, emptyState } from '../../../lib/collections/schema';
import { applyToStorage, loadFromStorage } from '../../../lib/collections/storage';
import { FakeStorage, bigState, testIds } from './helpers';

const NOW = '2024-05-01T00:00:00.000Z';

function fileOf(state = bigState(6)) {
  const result = exportJson(state, { now: NOW });
  if (!result.ok) throw new Error(result.error.message);
  return { state, text: result.value, file: JSON.parse(result.value) };
}

describe('import: merge by id', () => {
  it('adds everything into an empty state and writes it as one set of keys', () => {
    const { state, text } = fileOf();
    const imported = importCollections(emptyState(), text, NOW);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.value.state).toEqual(state);
    expect(Object.keys(imported.value.changes.set).sort()).toEqual([INDEX_KEY, ...Object.keys(state.clips).map(clipKey)].sort());
    expect(imported.value.changes.remove).toEqual([]);
  });

  it('re-importing the same file adds no duplicates: same id and updatedAt are skipped', () => {
    const { state, text } = fileOf();
    const again = importCollections(state, text, NOW);
    expect(again.ok && again.value.report).toEqual({ added: 0, updated: 0, skipped: 6, rejected: [], collections: { added: 0, updated: 0, skipped: 3 } });
    expect(again.ok && again.value.changes).toEqual({ set: {}, remove: [] });
  });

  it('newer updatedAt updates, older is skipped, and local memberships survive an update', () => {
    const { state, file } = fileOf();
    const [first, second] = file.clips;
    file.clips[0] = { ...first, note: '导入的新笔记', updatedAt: '2030-01-01T00:00:00.000Z' };
    file.clips[1] = { ...second, note: '旧的', updatedAt: '2000-01-01T00:00:00.000Z' };
    const local = structuredClone(state);
    const other = local.order.find((id) => !local.clips[first.id].collectionIds.includes(id))!;
    local.clips[first.id].collectionIds.push(other);
    const merged = importCollections(local, file, NOW);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.value.report).toMatchObject({ added: 0, updated: 1, skipped: 5 });
    expect(merged.value.state.clips[first.id].note).toBe('导入的新笔记');
    expect(merged.value.state.clips[first.id].collectionIds).toEqual([...first.collectionIds, other]);
    expect(merged.value.state.clips[second.id].note).toBe(state.clips[second.id].note);
    expect(Object.keys(merged.value.changes.set)).toEqual([clipKey(first.id)]);
  });
});

describe('import: validation before anything changes', () => {
  it('one invalid clip refuses the whole import and says which and why', () => {
    const { file } = fileOf();
    file.clips[3].target.url = 42;
    delete file.clips[4].text;
    const result = importCollections(emptyState(), file, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IMPORT_REJECTED');
    expect(result.error.message).toBe(
      'Nothing was imported: 2 invalid record(s): clips[3].target.url: expected a string, got a number; clips[4].text: expected a string, got undefined.',
    );
    expect(result.error.rejected).toEqual([
      { section: 'clips', index: 3, id: file.clips[3].id, reason: 'clips[3].target.url: expected a string, got a number' },
      { section: 'clips', index: 4, id: file.clips[4].id, reason: 'clips[4].text: expected a string, got undefined' },
    ]);
  });

  it('with skipInvalid the valid records are imported and the others reported', () => {
    const { file } = fileOf();
    file.clips[3].target.url = 42;
    const result = importCollections(emptyState(), file, NOW, { skipInvalid: true });
    expect(result.ok && result.value.report.added).toBe(5);
    expect(result.ok && result.value.report.rejected.map((r) => r.index)).toEqual([3]);
  });

  it('clips must reference collections in the file or in the state', () => {
    const { state, file } = fileOf();
    const missingCollection = file.collections[0].id;
    file.collections = file.collections.slice(1);
    const refused = importCollections(emptyState(), file, NOW);
    expect(!refused.ok && refused.error.rejected?.[0].reason).toBe(
      `clips[0].collectionIds[0]: collection ${missingCollection} is neither in the file nor in your collections`,
    );
    // The same file into a state that has that collection is fine.
    expect(importCollections(state, file, NOW).ok).toBe(true);
  });

  it('duplicate ids inside one file are rejected', () => {
    const { file } = fileOf();
    file.clips.push(file.clips[0]);
    const result = importCollections(emptyState(), file, NOW);
    expect(!result.ok && result.error.rejected).toEqual([{ section: 'clips', index: 6, id: file.clips[0].id, reason: 'clips[6].id: duplicate id in the file' }]);
  });
});

describe('import: malformed input gets a clear error', () => {
  const codeOf = (data: unknown) => {
    const result = importCollections(emptyState(), data, NOW);
    return result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`;
  };

  it('not JSON, wrong format tag, newer version', () => {
    expect(codeOf('{"format": "fanzha-lens-collections", ')).toMatch(/^NOT_JSON: The file is not valid JSON \(/);
    expect(codeOf('[1,2,3]')).toBe('WRONG_FORMAT: Cannot import: file: expected an object, got an array.');
    expect(codeOf({ format: 'zotero-rdf', version: 1 })).toBe(
      "WRONG_FORMAT: Cannot import: file.format: expected 'fanzha-lens-collections' (this is not a Fanzha Lens collections export).",
    );
    expect(codeOf({ format: 'fanzha-lens-collections', version: 9, collections: [], clips: [] })).toBe(
      'FORMAT_TOO_NEW: Cannot import: the file is format version 9; this version of the extension reads up to 1. Update the extension.',
    );
    expect(codeOf({ format: 'fanzha-lens-collections', version: 1, collections: {}, clips: [] })).toBe(
      'WRONG_FORMAT: Cannot import: collections: expected an array, got an object.',
    );
  });

  it('a 50 MB string is refused before parsing', () => {
    const huge = '"' + 'x'.repeat(50 * 1024 * 1024) + '"';
    const t0 = performance.now();
    const result = parseImportText(huge);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(!result.ok && result.error.code).toBe('TOO_LARGE');
    expect(!result.ok && result.error.message).toBe(`The file is too large to import (${huge.length} characters; at most ${MAX_IMPORT_CHARS}).`);
  });

  it('deeply nested garbage is refused without a stack overflow', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(codeOf(deep)).toMatch(/^(NOT_JSON|WRONG_FORMAT): /);
    const nestedInField = { format: 'fanzha-lens-collections', version: 1, collections: [], clips: [JSON.parse('['.repeat(5000) + ']'.repeat(5000))] };
    const result = importCollections(emptyState(), nestedInField, NOW);
    expect(!result.ok && result.error.rejected?.[0].reason).toBe('clips[0]: expected an object, got an array');
  });

  it('prototype-pollution keys neither pollute nor survive', () => {
    const { text } = fileOf(bigState(1));
    const hostile = text
      .replace('{', '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}},')
      .replace('"kind"', '"__proto__": {"isAdmin": true}, "kind"');
    const result = importCollections(emptyState(), hostile, NOW);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    if (result.ok) {
      const clip = Object.values(result.value.state.clips)[0];
      expect(Object.prototype.hasOwnProperty.call(clip, '__proto__')).toBe(false);
      expect((clip as unknown as Record<string, unknown>).isAdmin).toBeUndefined();
    }
    const { file } = fileOf(bigState(1));
    file.clips[0].id = '__proto__';
    const refused = importCollections(emptyState(), file, NOW);
    expect(!refused.ok && refused.error.rejected?.[0].reason).toBe('clips[0].id: expected an id (letters, digits, - and _)');
    // An Object.prototype member as an id is refused too (#19: it broke every cold start once stored).
    file.clips[0].id = 'constructor';
    const ctor = importCollections(emptyState(), file, NOW);
    expect(!ctor.ok && ctor.error.rejected?.[0].reason).toBe('clips[0].id: "constructor" is a reserved name (Object.prototype) and cannot be an id');
  });
});

describe('import through commands and storage', () => {
  it('the import command writes one set; a refused import writes nothing', async () => {
    const { state, text } = fileOf();
    const viaCommand = applyCommand(emptyState(), { type: 'import', data: text }, NOW, testIds());
    expect(viaCommand.ok && viaCommand.result.added).toBe(6);

    const storage = new FakeStorage();
    const outcome = await applyToStorage(storage, { type: 'import', data: text }, { now: () => NOW, ids: testIds() });
    expect(outcome.ok && outcome.result.added).toBe(6);
    expect(storage.calls.set).toBe(1);
    const loaded = await loadFromStorage(storage);
    expect(loaded.ok && loaded.value.state).toEqual(state);

    const before = storage.snapshot();
    const broken = JSON.parse(text);
    broken.clips[0].createdAt = 'yesterday';
    const refused = await applyToStorage(storage, { type: 'import', data: broken }, { now: () => NOW });
    expect(!refused.ok && refused.error.code).toBe('IMPORT_REJECTED');
    expect(storage.snapshot()).toEqual(before);
    expect(storage.calls.set).toBe(1);
  });

  it('exporting and re-importing 10,000 clips round-trips in well under a second each way', () => {
    const state = bigState(10_000);
    const t0 = performance.now();
    const text = exportJson(state, { now: NOW });
    const exportMs = performance.now() - t0;
    const t1 = performance.now();
    const imported = importCollections(emptyState(), text.ok ? text.value : '', NOW);
    const importMs = performance.now() - t1;
    console.log(`10,000 clips: JSON export ${exportMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms (${text.ok ? (text.value.length / 1e6).toFixed(1) : '?'} M chars)`);
    expect(imported.ok && imported.value.state).toEqual(state);
    expect(importMs).toBeLessThan(2000); // generous for a loaded CI machine; ~0.3–0.4 s measured
  });
});
