import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChartData, ChartFigure } from '@/lib/charts';
import { pageOf } from '@/lib/collections';
import { readerScript } from '@/lib/display/reader-script';
import type { PageState, Result } from '@/lib/messaging';
import type { CollectionsOverview, PageClipsAnswer, SelectionAnswer } from '@/lib/messaging/messages/collections';
import type { MessageKey, MessageParams } from '@/lib/i18n';
import { useI18n } from '../i18n';
import type { Send } from '../collections/send';
import { errorText, parseTags } from '../collections/labels';
import { NO_ARTICLE_KEYS } from '../no-article';
import { ArticleEntries } from './ArticleEntries';
import { ClipForm, NEW_COLLECTION, type ClipChoice } from './ClipForm';
import { CompactCharts } from './CompactCharts';
import { PageClipsList } from './PageClipsList';
import '../collections/collections.css';
import './side-panel.css';

/** The tab the panel works beside, and the moments it changes. */
export interface TabTracker {
  /** Calls back now with the tab to show, and again when the reader switches tab or the tab loads a page. */
  follow(callback: (tabId: number | null) => void): () => void;
}

export interface SidePanelProps {
  tabs: TabTracker;
  sendToBackground: Send;
  sendToTab: (tabId: number) => Send;
  /** Calls back when clips change in storage (this panel, a page, the manager, an import). */
  watchClips: (callback: () => void) => () => void;
  /** The manager's charts, in a tab. */
  openCharts: () => void;
}

/** How long a page that has just loaded may take to answer with its article (document_idle, then the scan). */
const PAGE_WAIT_MS = 10_000;
const PAGE_RETRY_MS = 250;

type PanelStatus = { error: boolean; key: MessageKey; params?: MessageParams } | { error: boolean; text: string };

/** The researcher's workbench beside the article: what the page holds, clipping with a note into a chosen collection, this page's clips, a chart. */
export function SidePanel({ tabs, sendToBackground, sendToTab, watchClips, openCharts }: SidePanelProps) {
  const { t, locale } = useI18n();
  const [tabId, setTabId] = useState<number | null>(null);
  const [page, setPage] = useState<Result<PageState> | null>(null);
  const [overview, setOverview] = useState<CollectionsOverview | null>(null);
  const [choice, setChoice] = useState<ClipChoice>({ collectionId: NEW_COLLECTION, newName: '', note: '', tags: '' });
  // A catalog key when we wrote the message (it follows a language change), else the text we were given.
  const [status, setStatus] = useState<PanelStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [pageClips, setPageClips] = useState<PageClipsAnswer | null>(null);
  const [selection, setSelection] = useState<SelectionAnswer | null>(null);
  const [chart, setChart] = useState<ChartData | null>(null);
  const ticket = useRef(0);
  const current = useRef<{ tabId: number | null; choice: ClipChoice }>({ tabId: null, choice });
  current.current = { tabId, choice };

  const toTab = (): Send | null => (current.current.tabId === null ? null : sendToTab(current.current.tabId));

  /** Reads the page until its lens has an answer (a page that has just loaded is still scanning). */
  const loadPage = async (id: number | null) => {
    const mine = ++ticket.current;
    setPage(null);
    setPageClips(null);
    setSelection(null);
    if (id === null) return;
    const deadline = Date.now() + PAGE_WAIT_MS;
    for (;;) {
      const answer = await sendToTab(id)('page/state', {});
      if (mine !== ticket.current) return;
      const settled = answer.ok ? answer.value.lens.status !== 'off' || answer.value.disabledBy !== null : false;
      if (settled || Date.now() > deadline) {
        setPage(answer);
        if (answer.ok && answer.value.lens.status === 'active') void loadPageClips(id, mine);
        return;
      }
      await new Promise((r) => setTimeout(r, PAGE_RETRY_MS));
    }
  };

  const loadPageClips = async (id: number, mine = ticket.current) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const answer = await sendToTab(id)('clips/pageStatus', {});
      if (mine !== ticket.current) return;
      if (!answer.ok) return setPageClips(null);
      setPageClips(answer.value);
      if (answer.value.anchored) return;
      await new Promise((r) => setTimeout(r, PAGE_RETRY_MS));
    }
  };

  const loadOverview = async (prefer?: string) => {
    const answer = await sendToBackground('collections/list', {});
    if (!answer.ok) return setStatus({ error: true, text: errorText(answer.error, t) });
    setOverview(answer.value);
    const exists = (id: string | null | undefined) => id != null && answer.value.collections.some((c) => c.id === id);
    setChoice((c) => {
      if (prefer && exists(prefer)) return { ...c, collectionId: prefer, newName: '' };
      if (exists(c.collectionId)) return c;
      const fallback = exists(answer.value.lastUsedCollectionId) ? answer.value.lastUsedCollectionId! : answer.value.collections[0]?.id ?? NEW_COLLECTION;
      return { ...c, collectionId: fallback };
    });
  };

  const chosenCollection = choice.collectionId === NEW_COLLECTION ? null : choice.collectionId;
  const loadChart = async (collectionId: string | null) => {
    if (collectionId === null) return setChart({ figures: [], mentions: [] });
    const answer = await sendToBackground('charts/data', { collectionId });
    if (answer.ok && collectionId === (current.current.choice.collectionId === NEW_COLLECTION ? null : current.current.choice.collectionId)) setChart(answer.value);
  };

  useEffect(() => tabs.follow((id) => {
    setTabId(id);
    setStatus(null);
    void loadPage(id);
  }), []);
  useEffect(() => {
    void loadOverview();
  }, []);
  // The chart after the first view is on screen: the panel's first render never waits for it.
  useEffect(() => {
    setChart(null);
    const timer = setTimeout(() => void loadChart(chosenCollection), 0);
    return () => clearTimeout(timer);
  }, [chosenCollection]);
  useEffect(
    () =>
      watchClips(() => {
        void loadOverview();
        void loadChart(current.current.choice.collectionId === NEW_COLLECTION ? null : current.current.choice.collectionId);
        if (current.current.tabId !== null) void loadPageClips(current.current.tabId);
      }),
    [],
  );

  /** The chosen collection's id, creating it first when the reader asked for a new one. */
  const targetCollection = async (): Promise<{ id: string; name: string } | null> => {
    const { collectionId, newName } = current.current.choice;
    if (collectionId !== NEW_COLLECTION) return { id: collectionId, name: overview?.collections.find((c) => c.id === collectionId)?.name ?? '' };
    const name = newName.trim();
    if (!name) {
      setStatus({ error: true, key: 'panelNameNeeded' });
      return null;
    }
    const created = await sendToBackground('collections/create', { name });
    if (!created.ok) {
      setStatus({ error: true, text: errorText(created.error, t) });
      return null;
    }
    await loadOverview(created.value.collection.id);
    return { id: created.value.collection.id, name: created.value.collection.name };
  };

  const afterSave = async (target: { id: string; name: string }, label: string, duplicate: boolean) => {
    setStatus(duplicate ? { error: false, key: 'panelAlreadyClipped', params: { name: target.name } } : { error: false, key: 'panelSaved', params: { text: label, name: target.name } });
    setChoice((c) => ({ ...c, note: '', tags: '' }));
    await loadOverview();
    void loadChart(target.id);
    const id = current.current.tabId;
    if (id !== null) void loadPageClips(id);
  };

  const clipHighlight = async (index: number, label: string) => {
    const send = toTab();
    if (!send) return;
    setBusy(true);
    setStatus(null);
    try {
      const target = await targetCollection();
      if (!target) return;
      const { note, tags } = current.current.choice;
      const answer = await send('clips/clipAnnotation', { index, collectionId: target.id, note, tags: parseTags(tags) });
      if (!answer.ok) return setStatus({ error: true, text: errorText(answer.error, t) });
      await afterSave(target, label, answer.value.duplicate);
    } finally {
      setBusy(false);
    }
  };

  const clipSelection = async () => {
    const send = toTab();
    if (!send) return;
    setBusy(true);
    setStatus(null);
    try {
      // Refused before a collection is created for nothing.
      const preview = await send('clips/selection', {});
      setSelection(preview.ok ? preview.value : null);
      if (!preview.ok) return setStatus({ error: true, text: errorText(preview.error, t) });
      if (preview.value.status === 'refused') return setStatus({ error: true, text: preview.value.reason });
      const target = await targetCollection();
      if (!target) return;
      const { note, tags } = current.current.choice;
      const answer = await send('clips/clipSelection', { collectionId: target.id, note, tags: parseTags(tags) });
      if (!answer.ok) return setStatus({ error: true, text: errorText(answer.error, t) });
      if (answer.value.status !== 'saved') return setStatus({ error: true, text: answer.value.status === 'refused' ? answer.value.reason : t('clipNoSelection') });
      await afterSave(target, answer.value.clip.text.length > 24 ? `${answer.value.clip.text.slice(0, 24)}…` : answer.value.clip.text, answer.value.duplicate);
    } finally {
      setBusy(false);
    }
  };

  const previewSelection = async () => {
    const send = toTab();
    if (!send || state?.lens.status !== 'active') return;
    const preview = await send('clips/selection', {});
    if (preview.ok) setSelection(preview.value);
  };

  const state = page?.ok ? page.value : null;
  const lens = state?.lens;
  const script = lens?.status === 'active' ? readerScript({ locale, pageScript: lens.article.script, pageLang: lens.article.lang }) : readerScript({ locale });
  const collectionName = chosenCollection ? overview?.collections.find((c) => c.id === chosenCollection)?.name ?? '' : choice.newName.trim() || t('newCollectionOption');

  const openFigure = (figure: ChartFigure) => {
    // A figure of this page scrolls to it; any other opens its article.
    if (state && pageOf(state.url) === figure.page && tabId !== null) void sendToTab(tabId)('clips/scrollTo', { clipId: figure.clipId });
    else void sendToBackground('collections/openClip', { clipId: figure.clipId });
  };

  return (
    <main class="fzl-panel" data-testid="side-panel" aria-label={t('panelTitle')} onPointerEnter={() => void previewSelection()}>
      <header class="fzl-header">
        <h1>{t('panelTitle')}</h1>
      </header>
      <section class="fzl-status" aria-live="polite" data-testid="panel-article">
        {tabId === null ? (
          <span class="fzl-muted">{t('panelNoTab')}</span>
        ) : page === null ? (
          <span class="fzl-muted">…</span>
        ) : !page.ok ? (
          <span class="fzl-muted" data-testid="panel-unavailable">
            {t('popupNotRunning')}
          </span>
        ) : lens!.status === 'no-article' ? (
          <div data-testid="panel-no-article">
            <strong>{t('popupNoArticle')}</strong>
            <div class="fzl-muted">{t(NO_ARTICLE_KEYS[lens!.code])}</div>
          </div>
        ) : lens!.status === 'off' ? (
          <div class="fzl-muted" data-testid="panel-lens-off">
            {state!.disabledBy === 'global' ? t('popupOffGlobal') : state!.disabledBy === 'site' ? t('popupOffSite') : t('popupOffPage')}
          </div>
        ) : (
          <div>
            <div class="fzl-panel-title" data-testid="panel-title">
              {lens!.article.title || state!.title}
            </div>
            <div class="fzl-muted" data-testid="panel-meta">
              {[lens!.article.publishedAt?.replace('T', ' '), lens!.article.source].filter(Boolean).join(' · ')}
            </div>
          </div>
        )}
      </section>

      {overview ? <ClipForm collections={overview.collections} choice={choice} onChange={setChoice} status={status && { error: status.error, text: 'key' in status ? t(status.key, status.params) : status.text }} /> : null}

      {lens?.status === 'active' ? (
        <>
          <section class="fzl-panel-selection" aria-labelledby="fzl-panel-selection">
            <h2 class="fzl-h2" id="fzl-panel-selection">
              {t('panelSelection')}
            </h2>
            <div class="fzl-muted" data-testid="panel-selection-preview">
              {selection?.status === 'selected' ? `“${selection.text.length > 80 ? `${selection.text.slice(0, 80)}…` : selection.text}”` : t('panelSelectionHint')}
            </div>
            <button type="button" data-testid="panel-clip-selection" disabled={busy} onClick={() => void clipSelection()}>
              {t('panelClipSelection')}
            </button>
          </section>
          <ArticleEntries summary={lens.summary} script={script} actions={{ scrollTo: (index) => tabId !== null && void sendToTab(tabId)('page/scrollTo', { index }), clip: (index, label) => void clipHighlight(index, label), busy }} />
          <PageClipsList page={pageClips} onScroll={(clipId) => tabId !== null && void sendToTab(tabId)('clips/scrollTo', { clipId })} />
        </>
      ) : null}

      <CompactCharts data={chart} collectionName={collectionName} onOpen={openFigure} onOpenManager={openCharts} />
    </main>
  );
}
