import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageName, PageState, RequestOf, ResponseOf, Result } from '@/lib/messaging';
import type { Settings } from '@/lib/settings/settings';
import { siteOf } from '@/lib/sites/news-sites';
import { PageSummaryView } from './PageSummaryView';
import { StatisticsTable } from './StatisticsTable';
import { ScriptSwitcher } from './ScriptSwitcher';
import { SiteAccess } from './SiteAccess';
import type { ScriptTarget } from '@/lib/settings/settings';
import { CollectionsPanel } from './collections/CollectionsPanel';
import { readerScript } from '@/lib/display/reader-script';
import { useI18n } from './i18n';
import { onChecked } from './control-events';
import { NO_ARTICLE_KEYS } from './no-article';


export type Send = <N extends MessageName>(name: N, request: RequestOf<N>) => Promise<Result<ResponseOf<N>>>;

export interface SettingsAccess {
  load(): Promise<Settings>;
  update(change: (s: Settings) => Settings): Promise<Settings>;
}

export interface PopupProps {
  tabId: number | null;
  /** Site (hostname without www.) of the target tab, when known. */
  site: string | null;
  sendToBackground: Send;
  sendToTab: Send;
  settings: SettingsAccess;
  copyText?: (text: string) => Promise<void>;
  /** The tab's URL when the browser shows it to us. */
  tabUrl?: string | null;
  requestOrigins?: (origins: string[]) => Promise<boolean>;
  /** Opens the researcher's side panel (the popup stays the quick view). */
  openSidePanel?: () => void;
}

type View = 'summary' | 'statistics' | 'collections';
const POLL_MS = 250;
const POLLS_WHILE_LOADING = 24;

export function Popup({ tabId, site: tabSite, sendToBackground, sendToTab, settings, copyText, tabUrl = null, requestOrigins, openSidePanel }: PopupProps) {
  const [page, setPage] = useState<Result<PageState> | null>(null);
  const [background, setBackground] = useState<{ version: string } | { error: string } | null>(null);
  const [prefs, setPrefs] = useState<Settings | null>(null);
  const [view, setView] = useState<View>('summary');
  const { t, locale } = useI18n();

  const refreshPage = () => (tabId === null ? Promise.resolve() : sendToTab('page/state', {}).then(setPage));

  useEffect(() => {
    void sendToBackground('ping', { context: 'popup', nonce: String(Date.now()) }).then((r) =>
      setBackground(r.ok ? { version: r.value.version } : { error: r.error.message }),
    );
    void settings.load().then(setPrefs);
    void refreshPage();
  }, [tabId]);

  // A popup opened while the page still loads meets a content script that has not started (Firefox
  // starts it later than Chromium, at document_idle after the load) or has not scanned yet (lens off,
  // nothing disabling it): ask again for a few seconds instead of showing the empty state for good.
  const pollsLeft = useRef(POLLS_WHILE_LOADING);
  useEffect(() => {
    if (!page || pollsLeft.current <= 0) return;
    const starting = page.ok ? page.value.lens.status === 'off' && page.value.disabledBy === null : page.error.code === 'unreachable';
    if (!starting) return;
    pollsLeft.current -= 1;
    const timer = setTimeout(() => void refreshPage(), POLL_MS);
    return () => clearTimeout(timer);
  }, [page]);

  const updatePrefs = async (change: (s: Settings) => Settings) => {
    setPrefs(await settings.update(change));
    // The content script follows storage; give it a moment, then read its new state.
    setTimeout(() => void refreshPage(), 150);
  };

  const setScript = async (target: ScriptTarget) => {
    const result = await sendToTab('page/setScript', { target });
    if (result.ok) await refreshPage();
  };

  const setScriptRule = (target: ScriptTarget | null) =>
    site &&
    void updatePrefs((s) => {
      const scriptRules = { ...s.scriptRules };
      if (target === null || target === 'original') delete scriptRules[site];
      else scriptRules[site] = target;
      return { ...s, scriptRules };
    });

  const setPageHighlights = async (on: boolean) => {
    const result = await sendToTab('page/setHighlights', { on });
    if (result.ok) setPage(result);
  };

  const scrollTo = (index: number) => void sendToTab('page/scrollTo', { index });
  const state = page?.ok ? page.value : null;
  // Without host permission the tab's URL is hidden from us; the content script knows its own.
  const site = tabSite ?? (state ? siteOf(state.url) : null);
  const siteDisabled = Boolean(site && prefs?.disabledSites.includes(site));

  // Granting, taking back or running once: where the lens does not run, and where it runs on a site the reader granted.
  const refreshSoon = () => setTimeout(() => void refreshPage(), 300);
  const siteAccess = requestOrigins ? (
    <SiteAccess tabId={tabId} url={tabUrl} sendToBackground={sendToBackground} requestOrigins={requestOrigins} onEnabled={refreshSoon} onDisabled={refreshSoon} />
  ) : null;

  return (
    <main class="fzl-popup" aria-label={t('appName')}>
      <header class="fzl-header">
        <h1>{t('appName')}</h1>
        {state && state.disabledBy !== 'global' && state.disabledBy !== 'site' ? (
          <label class="fzl-switch">
            <input
              type="checkbox"
              data-testid="page-toggle"
              checked={state.lens.status !== 'off'}
              onChange={onChecked((on) => void setPageHighlights(on))}
            />
            {t('popupPageHighlights')}
          </label>
        ) : null}
      </header>

      <section class="fzl-status" aria-live="polite" data-testid="page-status">
        {page === null ? (
          <span class="fzl-muted">…</span>
        ) : !page.ok ? (
          <div>
            <span class="fzl-muted" data-testid="page-unavailable">
              {t('popupNotRunning')}
            </span>
            {siteAccess}
          </div>
        ) : state!.lens.status === 'no-article' ? (
          <div data-testid="no-article">
            <strong>{t('popupNoArticle')}</strong>
            <div class="fzl-muted" title={state!.lens.reason} data-testid="no-article-reason">
              {t(NO_ARTICLE_KEYS[state!.lens.code])}
            </div>
          </div>
        ) : state!.lens.status === 'off' ? (
          <div data-testid="lens-off">
            <div data-testid="page-title">{state!.title}</div>
            <div class="fzl-muted">
              {state!.disabledBy === 'global' ? t('popupOffGlobal') : state!.disabledBy === 'site' ? t('popupOffSite') : t('popupOffPage')}
            </div>
          </div>
        ) : (
          <div>
            <div data-testid="page-title">{state!.lens.article.title || state!.title}</div>
            <div class="fzl-muted">
              {[state!.lens.article.publishedAt?.replace('T', ' '), state!.lens.article.source].filter(Boolean).join(' · ')}
            </div>
          </div>
        )}
        {page?.ok && tabUrl && tabId !== null ? siteAccess : null}
      </section>

      {/* The quick view links to the workbench beside the article, near the top where it is seen. */}
      {openSidePanel ? (
        <button type="button" class="fzl-entity fzl-open-panel" data-testid="open-side-panel" onClick={openSidePanel}>
          {t('popupOpenPanel')}
        </button>
      ) : null}

      {state && state.script.source !== 'none' ? (
        <ScriptSwitcher
          state={state.script}
          rule={site ? prefs?.scriptRules[site] ?? null : null}
          onSelect={(t) => void setScript(t)}
          onRule={setScriptRule}
        />
      ) : null}

      {state?.lens.status === 'active' ? (
        <>
          <nav class="fzl-tabs" role="tablist" aria-label={t('views')}>
            <button role="tab" id="fzl-tab-summary" aria-selected={view === 'summary'} data-testid="tab-summary" onClick={() => setView('summary')}>
              {t('tabSummary')}
            </button>
            <button role="tab" id="fzl-tab-statistics" aria-selected={view === 'statistics'} data-testid="tab-statistics" onClick={() => setView('statistics')}>
              {t('tabStatistics', { count: state.lens.summary.statistics.length })}
            </button>
            <button role="tab" id="fzl-tab-collections" aria-selected={view === 'collections'} data-testid="tab-collections" onClick={() => setView('collections')}>
              {t('tabCollections')}
            </button>
          </nav>
          <div role="tabpanel" aria-labelledby={`fzl-tab-${view}`}>
            {view === 'collections' ? (
              <CollectionsPanel send={sendToBackground} sendToTab={sendToTab} />
            ) : view === 'summary' ? (
              <PageSummaryView summary={state.lens.summary} onSelect={scrollTo} nameScript={readerScript({ locale, pageScript: state.lens.article.script, pageLang: state.lens.article.lang })} />
            ) : (
              <StatisticsTable rows={state.lens.summary.statistics} onSelect={scrollTo} copyText={copyText} nameScript={readerScript({ locale, pageScript: state.lens.article.script, pageLang: state.lens.article.lang })} />
            )}
          </div>
        </>
      ) : page !== null ? (
        <CollectionsPanel send={sendToBackground} sendToTab={page.ok ? sendToTab : undefined} />
      ) : null}

      {prefs ? (
        <section class="fzl-prefs">
          <label>
            <input
              type="checkbox"
              data-testid="global-toggle"
              checked={prefs.enabled}
              onChange={onChecked((enabled) => void updatePrefs((s) => ({ ...s, enabled })))}
            />
            {t('enableEverywhere')}
          </label>
          {site ? (
            <label>
              <input
                type="checkbox"
                data-testid="site-toggle"
                checked={siteDisabled}
                onChange={onChecked(
                  (never) =>
                    void updatePrefs((s) => ({
                      ...s,
                      disabledSites: never ? [...s.disabledSites, site] : s.disabledSites.filter((x) => x !== site),
                    })),
                )}
              />
              {t('neverOnSite', { site })}
            </label>
          ) : null}
        </section>
      ) : null}

      <footer class="fzl-muted fzl-footer">
        <span data-testid="background-status">{background === null ? '…' : 'version' in background ? `v${background.version}` : t('popupBackgroundError', { message: background.error })}</span>
      </footer>
    </main>
  );
}
