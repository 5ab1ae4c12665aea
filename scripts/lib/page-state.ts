/** Asks the content script of a page's tab a protocol question, from the extension's service worker. */
import type { Page } from 'playwright-core';
import type { MessageName, RequestOf, ResponseOf, Result } from '../../lib/messaging';
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
