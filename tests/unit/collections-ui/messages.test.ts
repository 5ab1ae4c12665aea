import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchor, createCollectionsStore, describe as describeRange, LIMITS, type StorageArea } from '../../../lib/collections';
import { createRouter, MessageError, type SenderInfo } from '../../../lib/messaging';
import { clipDraftCheck } from '../../../lib/messaging/messages/collections';

const options = { extensionId: 'abcdefghijklmnopabcdefghijklmnop', extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const fromPopup: SenderInfo = { id: options.extensionId, url: `${options.extensionOrigin}popup.html` };
const fromContent: SenderInfo = { id: options.extensionId, url: 'https://www.mps.gov.cn/n2253534/c9.html', tab: { id: 7 } };

const seed = readFileSync(join(import.meta.dirname, '../../fixtures/seeds/002_cd855594ea86f9d9.txt'), 'utf8');

function memoryStorage(): StorageArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    async get() {
      return structuredClone(items);
    },
    async set(values) {
      Object.assign(items, structuredClone(values));
    },
    async remove(keys) {
      for (const key of Array.isArray(keys) ? keys : [keys]) delete items[key];
    },
  };
}

function draftAt(text: string, quote: string) {
  const start = text.indexOf(quote);
  return {
    kind: 'agency' as const,
    text: quote,
    canonical: '最高人民法院',
    note: '',
    tags: [],
    target: {
      url: 'https://www.mps.gov.cn/n2253534/c9.html',
      title: '打击治理电信网络新型违法犯罪成效明显',
      site: 'mps.gov.cn',
      publishedAt: '2023-05-31T21:31:24',
      script: 'zh-Hans' as const,
      selector: describeRange(text, start, start + quote.length),
    },
  };
}

/** The background's addClip path: protocol schema, then the reducer, over storage in memory. */
function backgroundWithStore() {
  const storage = memoryStorage();
  const store = createCollectionsStore(storage);
  const router = createRouter(
    'background',
    {
      'collections/create': async ({ name }) => {
        const r = await store.dispatch({ type: 'createCollection', name });
        if (!r.ok) throw new MessageError('invalid', r.error.message);
        return r.result;
      },
      'collections/addClip': async ({ collectionId, clip }) => {
        const r = await store.dispatch({ type: 'addClip', collectionId, clip });
        if (!r.ok) throw new MessageError('invalid', `${r.error.code}: ${r.error.message}`);
        return r.result;
      },
      'collections/delete': async () => {
        throw new Error('never reached from a content script');
      },
    },
    options,
  );
  return { storage, router };
}

describe('collections messages', () => {
  it('a draft of a highlight on a real page passes the schema and the reducer, and anchors again', async () => {
    const { storage, router } = backgroundWithStore();
    const created = await router.handle({ fzl: 1, name: 'collections/create', request: { name: '研究笔记' } }, fromContent);
    expect(created).toMatchObject({ ok: true });
    const collectionId = (created as { ok: true; value: { collection: { id: string } } }).value.collection.id;
    // 最高法 occurs twice in this seed; the selectors name the second one.
    const second = seed.indexOf('最高法', seed.indexOf('最高法') + 1);
    const draft = draftAt(seed.slice(second - 40), '最高法');
    draft.target.selector = describeRange(seed, second, second + 3);
    const added = await router.handle({ fzl: 1, name: 'collections/addClip', request: { collectionId, clip: draft } }, fromContent);
    expect(added).toMatchObject({ ok: true, value: { duplicate: false, clip: { text: '最高法', kind: 'agency', collectionIds: [collectionId] } } });
    const stored = Object.entries(storage.items).filter(([key]) => key.startsWith('clip:'));
    expect(stored).toHaveLength(1);
    const clip = stored[0][1] as { target: { selector: Parameters<typeof anchor>[1] } };
    expect(anchor(seed, clip.target.selector)).toEqual({ start: second, end: second + 3, method: 'position' });
    // Sent twice (a double click): one clip, reported as a duplicate.
    const again = await router.handle({ fzl: 1, name: 'collections/addClip', request: { collectionId, clip: draft } }, fromContent);
    expect(again).toMatchObject({ ok: true, value: { duplicate: true } });
  });

  it('bounds every string of a draft and refuses fields it does not know', () => {
    const draft = draftAt(seed, '最高法');
    expect(clipDraftCheck(draft, 'clip').ok).toBe(true);
    const tooLong = { ...draft, text: 'x'.repeat(LIMITS.textLength + 1) };
    expect(clipDraftCheck(tooLong, 'clip')).toEqual({ ok: false, error: `clip.text: longer than ${LIMITS.textLength} characters` });
    const longTitle = { ...draft, target: { ...draft.target, title: '题'.repeat(LIMITS.titleLength + 1) } };
    expect(clipDraftCheck(longTitle, 'clip')).toMatchObject({ ok: false, error: expect.stringContaining('clip.target.title') });
    const extra = { ...draft, target: { ...draft.target, html: '<b>x</b>' } };
    expect(clipDraftCheck(extra, 'clip')).toMatchObject({ ok: false, error: 'clip.target.html: unexpected field' });
    const swapped = { ...draft, target: { ...draft.target, selector: [draft.target.selector[1], draft.target.selector[0]] } };
    expect(clipDraftCheck(swapped, 'clip')).toMatchObject({ ok: false, error: 'clip.target.selector[0].start: unexpected field' });
    const manyTags = { ...draft, tags: Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`) };
    expect(clipDraftCheck(manyTags, 'clip')).toMatchObject({ ok: false, error: expect.stringContaining('more than 50') });
    const longContext = { ...draft, target: { ...draft.target, selector: [{ ...draft.target.selector[0], prefix: 'p'.repeat(LIMITS.contextLength + 1) }, draft.target.selector[1]] } };
    expect(clipDraftCheck(longContext, 'clip')).toMatchObject({ ok: false, error: expect.stringContaining('prefix: longer than') });
  });

  it('lets a content script add clips but not delete collections; extension pages may', async () => {
    const { router } = backgroundWithStore();
    const fromTab = await router.handle({ fzl: 1, name: 'collections/delete', request: { collectionId: 'c1' } }, fromContent);
    expect(fromTab).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fromExtension = await router.handle({ fzl: 1, name: 'collections/delete', request: { collectionId: 'c1' } }, fromPopup);
    expect(fromExtension).toMatchObject({ ok: false, error: { code: 'internal', message: 'never reached from a content script' } });
    const oversized = await router.handle({ fzl: 1, name: 'collections/create', request: { name: 'n'.repeat(LIMITS.nameLength + 1) } }, fromPopup);
    expect(oversized).toMatchObject({ ok: false, error: { code: 'bad-message' } });
  });
});
