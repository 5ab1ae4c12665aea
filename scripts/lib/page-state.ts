/** Asks the content script of a page's tab a protocol question, from the extension's service worker. */
import type { Page } from 'playwright-core';
import type { MessageName, PageState, RequestOf, ResponseOf, Result } from '../../lib/messaging';
import { tabIdOf, type ExtensionSession } from './extension-browser';

export async function sendToTab<N extends MessageName>(
  session: ExtensionSession,
  page: Page,
  name: N,
  request: RequestOf<N>,
  options: { timeoutMs?: number } = {},
): Promise<Result<ResponseOf<N>>> {
  const tabId = await tabIdOf(session, page);
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  // The content script starts at document_idle; retry until it answers or the deadline passes.
  for (;;) {
    const answer = await session.worker.evaluate(
      async ({ tabId, message }) => {
        try {
          return await chrome.tabs.sendMessage(tabId, message);
        } catch (error) {
          return { ok: false, error: { code: 'unreachable', message: String(error) } };
        }
      },
      { tabId, message: { fzl: 1, name, request } },
    );
    const result = answer as Result<ResponseOf<N>>;
    if (result.ok || result.error.code !== 'unreachable' || Date.now() > deadline) return result;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type ActiveLens = Extract<PageState['lens'], { status: 'active' }>;

/**
 * Waits until the lens of a page is active (the content script found the article and highlighted
 * it) and, with `idleScript`, no script conversion is running; fails with the last answer after
 * `timeoutMs`.
 */
export async function activeLens(
  session: ExtensionSession,
  page: Page,
  options: { idleScript?: boolean; timeoutMs?: number } = {},
): Promise<ActiveLens> {
  const deadline = Date.now() + (options.timeoutMs ?? 8000);
  let last: unknown;
  for (;;) {
    const result = await sendToTab(session, page, 'page/state', {});
    if (result.ok && result.value.lens.status === 'active' && !(options.idleScript && result.value.script.busy)) return result.value.lens;
    last = result;
    if (Date.now() > deadline) throw new Error(`lens never became active: ${JSON.stringify(last).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
