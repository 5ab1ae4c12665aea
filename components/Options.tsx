import { useEffect, useState } from 'preact/hooks';
import type { Send } from './Popup';

export function Options({ sendToBackground }: { sendToBackground: Send }) {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    void sendToBackground('ping', { context: 'options', nonce: String(Date.now()) }).then((r) =>
      setVersion(r.ok ? r.value.version : null),
    );
  }, []);
  return (
    <main class="fzl-options">
      <h1>反诈透镜 · 设置</h1>
      <p class="fzl-muted" data-testid="options-version">
        {version ? `版本 ${version}` : '…'}
      </p>
    </main>
  );
}
