import { describe, expect, it } from 'vitest';
import { classifySender, createRouter, MessageError, sendMessage, type SenderInfo } from '../../../lib/messaging';

const options = { extensionId: 'abcdefghijklmnopabcdefghijklmnop', extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const fromPopup: SenderInfo = { id: options.extensionId, url: `${options.extensionOrigin}popup.html` };
const fromContent: SenderInfo = { id: options.extensionId, url: 'https://www.mps.gov.cn/n2253534/c9.html', tab: { id: 7 } };
const fromOtherExtension: SenderInfo = { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzz/x.html' };

const background = createRouter(
  'background',
  { ping: (req, { senderKind }) => ({ pong: true as const, nonce: req.nonce, version: '9.9.9', senderKind }) },
  options,
);

describe('classifySender', () => {
  it('tells extension pages from content scripts and rejects everything else', () => {
    expect(classifySender(fromPopup, options)).toBe('extension');
    expect(classifySender(fromContent, options)).toBe('content');
    expect(classifySender(fromOtherExtension, options)).toBeNull();
    expect(classifySender({ id: options.extensionId }, options)).toBeNull(); // no url, no tab
    expect(classifySender({ id: options.extensionId, url: 'https://evil.example/' }, options)).toBeNull(); // no tab
  });
});

describe('router', () => {
  it('answers a valid request with an ok result naming the sender kind', async () => {
    const answer = await background.handle({ fzl: 1, name: 'ping', request: { context: 'popup', nonce: 'n1' } }, fromPopup);
    expect(answer).toEqual({ ok: true, value: { pong: true, nonce: 'n1', version: '9.9.9', senderKind: 'extension' } });
    const fromTab = await background.handle({ fzl: 1, name: 'ping', request: { context: 'content', nonce: 'n2' } }, fromContent);
    expect(fromTab).toMatchObject({ ok: true, value: { senderKind: 'content' } });
  });

  it('ignores messages that are not ours and messages from other extensions', () => {
    expect(background.handle({ type: 'SOME_OTHER_LIBRARY' }, fromPopup)).toBeUndefined();
    expect(background.handle('hello', fromPopup)).toBeUndefined();
    expect(background.handle(null, fromPopup)).toBeUndefined();
    expect(background.handle({ fzl: 1, name: 'ping', request: { context: 'popup', nonce: 'x' } }, fromOtherExtension)).toBeUndefined();
  });

  it('answers malformed requests with bad-message and a path to the fault', async () => {
    const cases: [unknown, RegExp][] = [
      [{ fzl: 1, name: 'ping', request: { context: 'popup' } }, /request\.nonce: expected a string/],
      [{ fzl: 1, name: 'ping', request: { context: 'evil', nonce: 'x' } }, /request\.context: expected one of/],
      [{ fzl: 1, name: 'ping', request: { context: 'popup', nonce: 'x', __proto__x: 1 } }, /unexpected field/],
      [{ fzl: 1, name: 'ping', request: [] }, /request: expected an object, got an array/],
      [{ fzl: 1, name: 'ping', request: { context: 'popup', nonce: 'x'.repeat(101) } }, /longer than 100/],
    ];
    for (const [message, pattern] of cases) {
      const answer = await background.handle(message, fromPopup);
      expect(answer).toMatchObject({ ok: false, error: { code: 'bad-message' } });
      expect(answer && !answer.ok && answer.error.message).toMatch(pattern);
    }
  });

  it('refuses unknown names, messages for the other receiver and senders the message does not allow', async () => {
    expect(await background.handle({ fzl: 1, name: 'constructor', request: {} }, fromPopup)).toMatchObject({
      ok: false,
      error: { code: 'unknown-message' },
    });
    expect(await background.handle({ fzl: 1, name: 'page/state', request: {} }, fromPopup)).toMatchObject({
      ok: false,
      error: { code: 'unknown-message' },
    });
    const content = createRouter(
      'content',
      { 'page/state': () => ({ url: '', title: '', backgroundVersion: null, contentScriptStartedAt: 0, lens: { status: 'off' as const }, script: { source: 'none' as const, target: 'original' as const, busy: false, changedNodes: 0, ms: 0, error: null }, firstPaintMs: null, disabledBy: null }) },
      options,
    );
    // page/state is for extension pages only: another tab's content script may not read this tab.
    expect(await content.handle({ fzl: 1, name: 'page/state', request: {} }, fromContent)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await content.handle({ fzl: 1, name: 'page/state', request: {} }, fromPopup)).toMatchObject({ ok: true });
  });

  it('turns handler failures into error results', async () => {
    const failing = createRouter(
      'background',
      {
        ping: (req) => {
          if (req.nonce === 'typed') throw new MessageError('storage', 'quota exceeded');
          throw new Error('boom');
        },
      },
      options,
    );
    expect(await failing.handle({ fzl: 1, name: 'ping', request: { context: 'test', nonce: 'typed' } }, fromPopup)).toEqual({
      ok: false,
      error: { code: 'storage', message: 'quota exceeded' },
    });
    expect(await failing.handle({ fzl: 1, name: 'ping', request: { context: 'test', nonce: 'other' } }, fromPopup)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
  });
});

describe('sendMessage', () => {
  it('round-trips through a transport wired to a router', async () => {
    const result = await sendMessage((m) => background.handle(m, fromPopup)!, 'ping', { context: 'popup', nonce: 'rt' });
    expect(result).toEqual({ ok: true, value: { pong: true, nonce: 'rt', version: '9.9.9', senderKind: 'extension' } });
  });

  it('reports unreachable receivers and non-result answers as errors', async () => {
    const noReceiver = await sendMessage(() => Promise.reject(new Error('Receiving end does not exist.')), 'ping', { context: 'popup', nonce: 'x' });
    expect(noReceiver).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    const silent = await sendMessage(() => Promise.resolve(undefined), 'ping', { context: 'popup', nonce: 'x' });
    expect(silent).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    const garbage = await sendMessage(() => Promise.resolve({ pong: true }), 'ping', { context: 'popup', nonce: 'x' });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('sendMessage with a deadline', () => {
  it('answers unreachable when the receiver never answers, instead of waiting forever', async () => {
    const never = () => new Promise<unknown>(() => {});
    const started = Date.now();
    const result = await sendMessage(never, 'ping', { context: 'popup', nonce: 'x' }, { timeoutMs: 50 });
    expect(result).toMatchObject({ ok: false, error: { code: 'unreachable', message: expect.stringContaining('no answer within 50 ms') } });
    expect(Date.now() - started).toBeLessThan(1000);
    const quick = await sendMessage((m) => background.handle(m, fromPopup)!, 'ping', { context: 'popup', nonce: 'q' }, { timeoutMs: 1000 });
    expect(quick.ok).toBe(true);
  });
});
