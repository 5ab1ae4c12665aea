import { useEffect, useState } from 'preact/hooks';
import type { MessageName, PageState, RequestOf, ResponseOf, Result } from '@/lib/messaging';

export type Send = <N extends MessageName>(name: N, request: RequestOf<N>) => Promise<Result<ResponseOf<N>>>;

export interface PopupProps {
  tabId: number | null;
  sendToBackground: Send;
  sendToTab: Send;
}

export function Popup({ tabId, sendToBackground, sendToTab }: PopupProps) {
  const [page, setPage] = useState<Result<PageState> | null>(null);
  const [background, setBackground] = useState<string | null>(null);

  useEffect(() => {
    void sendToBackground('ping', { context: 'popup', nonce: String(Date.now()) }).then((r) =>
      setBackground(r.ok ? r.value.version : `error: ${r.error.message}`),
    );
    if (tabId !== null) void sendToTab('page/state', {}).then(setPage);
  }, [tabId]);

  return (
    <main class="fzl-popup" aria-label="反诈透镜">
      <h1>反诈透镜 Fanzha Lens</h1>
      <section class="fzl-status" aria-live="polite" data-testid="page-status">
        {page === null ? (
          <span class="fzl-muted">…</span>
        ) : page.ok ? (
          <>
            <div data-testid="page-title">{page.value.title}</div>
            <div class="fzl-muted">{page.value.url}</div>
          </>
        ) : (
          <span class="fzl-muted" data-testid="page-unavailable">
            此页面未启用反诈透镜
          </span>
        )}
      </section>
      <footer class="fzl-muted" data-testid="background-status">
        {background === null ? '…' : `v${background}`}
      </footer>
    </main>
  );
}
