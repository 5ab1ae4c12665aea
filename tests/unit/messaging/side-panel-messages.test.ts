import { describe, expect, it } from 'vitest';
import { createRouter, type SenderInfo } from '@/lib/messaging';

// The side panel's messages: what it may ask the page and the worker, checked before any handler runs.
const options = { extensionId: 'abcdefghijklmnopabcdefghijklmnop', extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const fromPanel: SenderInfo = { id: options.extensionId, url: `${options.extensionOrigin}sidepanel.html` };
const fromContent: SenderInfo = { id: options.extensionId, url: 'https://www.mps.gov.cn/n2253534/c9.html', tab: { id: 7 } };

describe('side panel messages', () => {
  const content = createRouter(
    'content',
    {
      'clips/clipSelection': (request) => ({ status: 'refused', reason: JSON.stringify(request) }),
      'clips/selection': () => ({ status: 'selected', text: '选中' }),
      'clips/clipAnnotation': (request) => ({ clip: request as never, duplicate: false }),
    },
    options,
  );
  const background = createRouter('background', { 'charts/data': ({ collectionId }) => ({ figures: [], mentions: collectionId ? [] : [] }) }, options);
  const send = (router: typeof content | typeof background, name: string, request: unknown, sender = fromPanel) => router.handle({ fzl: 1, name, request }, sender);

  it('clip the selection into a chosen collection with a note and tags, or through the picker as before', async () => {
    expect(await send(content, 'clips/clipSelection', { collectionId: 'c1', note: '笔记', tags: ['a'] })).toEqual({
      ok: true,
      value: { status: 'refused', reason: '{"collectionId":"c1","note":"笔记","tags":["a"]}' },
    });
    expect((await send(content, 'clips/clipSelection', {}))!).toMatchObject({ ok: true });
    expect((await send(content, 'clips/clipSelection', { collectionId: '' }))!).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect((await send(content, 'clips/clipSelection', { tags: Array(51).fill('x') }))!).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect((await send(content, 'clips/selection', {}))!).toEqual({ ok: true, value: { status: 'selected', text: '选中' } });
  });

  it('clip a highlight with a note and tags; a page cannot ask for chart data', async () => {
    expect((await send(content, 'clips/clipAnnotation', { index: 3, collectionId: 'c1', note: 'n', tags: [] }))!).toMatchObject({ ok: true });
    expect((await send(content, 'clips/clipAnnotation', { index: 3, note: 'x'.repeat(20_001) }))!).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect((await send(background, 'charts/data', { collectionId: 'c1' }))!).toEqual({ ok: true, value: { figures: [], mentions: [] } });
    expect((await send(background, 'charts/data', {}, fromContent))!).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
