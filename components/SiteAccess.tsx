import { useEffect, useState } from 'preact/hooks';
import type { SiteStatus } from '@/lib/messaging';
import type { Send } from './Popup';
import { useT } from './i18n';

export interface SiteAccessProps {
  tabId: number | null;
  /** The tab's URL; known for curated sites, and for any site after a toolbar click (activeTab). */
  url: string | null;
  sendToBackground: Send;
  /** `permissions.request`: must run inside the click that asks for it. */
  requestOrigins: (origins: string[]) => Promise<boolean>;
  onEnabled: () => void;
  /** The reader took the site back: the page's lens has gone (page/accessRevoked). */
  onDisabled?: () => void;
}

/**
 * On a page the extension does not run on: "enable on this site" (an optional host permission,
 * granted by the reader, kept until revoked) or "run once here" (activeTab, nothing kept); on a
 * curated site whose permission the reader withheld (Firefox allows it), "allow again"; on a site the
 * reader granted, "turn off on this site" (the permission is given back).
 */
export function SiteAccess({ tabId, url, sendToBackground, requestOrigins, onEnabled, onDisabled }: SiteAccessProps) {
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const t = useT();

  useEffect(() => {
    if (url) void sendToBackground('sites/status', { url }).then((r) => r.ok && setStatus(r.value));
  }, [url]);

  if (!url || tabId === null) return <p class="fzl-muted">{t('siteClickToolbar')}</p>;
  if (!status || status.access === 'unsupported') return <p class="fzl-muted">{t('siteUnsupported')}</p>;
  // A curated site the extension runs on: nothing to grant or take back here.
  if (status.access === 'curated') return null;

  const enable = () => {
    // Straight from the click: a permission request needs the user's gesture.
    void requestOrigins(status.request).then(async (granted) => {
      if (!granted) {
        setMessage(t('sitePermissionDenied'));
        return;
      }
      const r = await sendToBackground('sites/enable', { url, tabId });
      if (r.ok) {
        setStatus(r.value);
        onEnabled();
      } else setMessage(r.error.message);
    });
  };
  const runOnce = async () => {
    const r = await sendToBackground('sites/runOnce', { tabId });
    if (r.ok) onEnabled();
    else setMessage(r.error.message);
  };
  const disable = async () => {
    const r = await sendToBackground('sites/disable', { url });
    if (r.ok) {
      setStatus(r.value);
      onDisabled?.();
    } else setMessage(r.error.message);
  };

  return (
    <section class="fzl-site-access" data-testid="site-access" data-access={status.access}>
      {status.access === 'granted' ? (
        <button type="button" data-testid="site-disable" onClick={() => void disable()}>
          {t('siteDisable', { host: new URL(url).hostname })}
        </button>
      ) : status.access === 'withheld' ? (
        <>
          <p class="fzl-muted" data-testid="site-withheld">
            {t('siteWithheld')}
          </p>
          <button type="button" data-testid="site-enable" onClick={enable}>
            {t('siteAllowAgain', { host: new URL(url).hostname })}
          </button>
        </>
      ) : status.access === 'not-granted' ? (
        <>
          <button type="button" data-testid="site-enable" onClick={enable}>
            {t('siteEnable', { host: new URL(url).hostname })}
          </button>
          <button type="button" data-testid="site-run-once" onClick={() => void runOnce()}>
            {t('siteRunOnce')}
          </button>
        </>
      ) : null}
      {message ? (
        <p role="alert" class="fzl-error">
          {message}
        </p>
      ) : null}
    </section>
  );
}
