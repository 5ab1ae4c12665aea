import { useEffect, useRef, useState } from 'preact/hooks';
import { readableText } from '@/lib/collections/display';
import type { Clip } from '@/lib/collections';
import type { CollectionsOverview, PageClipsAnswer } from '@/lib/messaging/messages/collections';
import { ClipItem } from './ClipItem';
import type { MessageKey, MessageParams } from '@/lib/i18n';
import { useT } from '../i18n';
import { CLIP_KIND_KEYS, errorText } from './labels';
import type { Send } from './send';
import './collections.css';
import { onValue } from '../control-events';

const shortened = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

export interface CollectionsPanelProps {
  /** To the background. */
  send: Send;
  /** To the current tab's content script (absent when there is no tab). */
  sendToTab?: Send;
}

const PAGE_SIZE = 30;

interface Undo {
  /** A catalog key, not a text: the notice follows a language change. */
  label: { key: MessageKey; params: MessageParams };
  run: () => Promise<void>;
}

/** The popup's "收藏夹" tab: collections, their clips, search, this page's clips. */
export function CollectionsPanel({ send, sendToTab }: CollectionsPanelProps) {
  const [overview, setOverview] = useState<CollectionsOverview | null>(null);
  const t = useT();
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [list, setList] = useState<{ clips: Clip[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [newName, setNewName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [page, setPage] = useState<PageClipsAnswer | null>(null);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const latest = useRef(0);
  const initialised = useRef(false);

  const loadOverview = async (prefer?: string | null) => {
    const result = await send('collections/list', {});
    if (!result.ok) return setError(errorText(result.error, t));
    setOverview(result.value);
    const exists = (id: string | null) => id !== null && result.value.collections.some((c) => c.id === id);
    setSelected((current) => {
      if (prefer !== undefined) return exists(prefer) ? prefer : null;
      // First load: the collection last clipped into; afterwards, whatever the user chose.
      if (!initialised.current) {
        initialised.current = true;
        return result.value.lastUsedCollectionId ?? result.value.collections[0]?.id ?? null;
      }
      return exists(current) ? current : null;
    });
  };

  const loadClips = async () => {
    const ticket = ++latest.current;
    const result = await send('collections/clips', { query, limit, ...(selected ? { collectionId: selected } : {}) });
    if (ticket !== latest.current) return; // a later keystroke's answer wins
    if (!result.ok) return setError(errorText(result.error, t));
    setList(result.value);
  };

  const loadPage = async () => {
    if (!sendToTab) return;
    const result = await sendToTab('clips/pageStatus', {});
    setPage(result.ok ? result.value : null);
  };

  const refresh = async () => {
    await loadOverview();
    await loadClips();
    await loadPage();
  };

  useEffect(() => {
    void loadOverview();
    void loadPage();
  }, []);
  useEffect(() => {
    if (overview) void loadClips();
  }, [overview, selected, query, limit]);

  const act = async <T,>(run: () => Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>) => {
    setError(null);
    const result = await run();
    if (!result.ok) {
      setError(errorText(result.error, t));
      return null;
    }
    return result.value;
  };

  const create = async () => {
    const name = newName.trim();
    if (!name) return;
    const created = await act(() => send('collections/create', { name }));
    if (!created) return;
    setNewName('');
    await loadOverview(created.collection.id);
  };

  const rename = async () => {
    if (!renaming) return;
    const done = await act(() => send('collections/rename', { collectionId: renaming.id, name: renaming.name.trim() }));
    if (done) {
      setRenaming(null);
      await loadOverview();
    }
  };

  const deleteCollection = async (id: string) => {
    setConfirmDelete(null);
    const name = overview?.collections.find((c) => c.id === id)?.name ?? '';
    const deleted = await act(() => send('collections/delete', { collectionId: id }));
    if (!deleted) return;
    setUndo({
      label: { key: 'deletedCollection', params: { name, count: deleted.undo.clips.length } },
      run: async () => {
        const restored = await act(() => send('collections/restoreCollection', { undo: deleted.undo }));
        if (restored) await loadOverview(restored.collection.id);
      },
    });
    await loadOverview();
    await loadPage();
  };

  const onClipDeleted = (clip: Clip, payload: unknown) => {
    setUndo({
      label: { key: 'deletedClip', params: { text: shortened(readableText(clip.text), 20) } },
      run: async () => {
        const restored = await act(() => send('collections/restoreClips', { undo: payload as Record<string, unknown> }));
        if (restored) await refresh();
      },
    });
    void refresh();
  };

  const collections = overview?.collections ?? [];
  const found = page?.clips.filter((c) => c.found) ?? [];
  const missing = page?.anchored ? page.clips.filter((c) => !c.found) : [];

  return (
    <div class="fzl-coll" data-testid="collections-panel">
      {sendToTab ? null : (
        // No content script on this tab: the clip menu item and Alt+Shift+S cannot work here.
        <div class="fzl-muted" data-testid="clip-needs-site">
          {t('clipNeedsSiteHint')}
        </div>
      )}
      <div class="fzl-coll-bar">
        <input
          type="search"
          placeholder={t('searchClipsPlaceholder')}
          aria-label={t('searchClips')}
          maxLength={500}
          data-testid="collections-search"
          value={query}
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setLimit(PAGE_SIZE);
          }}
        />
        <button type="button" data-testid="open-manager" onClick={() => void send('collections/openManager', {})}>
          {t('openManager')}
        </button>
      </div>

      {overview === null ? (
        error ? null : <div class="fzl-muted">…</div>
      ) : (
        <ul class="fzl-coll-list fzl-coll-collections" role="list" data-testid="collections-list" aria-label={t('tabCollections')}>
          <li aria-current={selected === null}>
            <button type="button" class="fzl-coll-name" data-testid="collection-all" onClick={() => setSelected(null)}>
              {t('allClipsCount', { count: overview.totalClips })}
            </button>
          </li>
          {collections.map((c) => (
            <li aria-current={selected === c.id} data-testid="collection-row" data-collection-id={c.id}>
              {renaming?.id === c.id ? (
                <>
                  <input
                    type="text"
                    aria-label={t('newName')}
                    maxLength={200}
                    data-testid="collection-rename-input"
                    value={renaming.name}
                    onInput={(e) => setRenaming({ id: c.id, name: (e.currentTarget as HTMLInputElement).value })}
                    onKeyDown={(e) => e.key === 'Enter' && void rename()}
                  />
                  <button type="button" data-testid="collection-rename-save" onClick={() => void rename()}>
                    {t('ok')}
                  </button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    {t('cancel')}
                  </button>
                </>
              ) : confirmDelete === c.id ? (
                <>
                  <span class="fzl-coll-name">{t('confirmDeleteCollection', { name: c.name, count: c.clipCount })}</span>
                  <button type="button" data-testid="collection-delete-confirm" onClick={() => void deleteCollection(c.id)}>
                    {t('delete')}
                  </button>
                  <button type="button" onClick={() => setConfirmDelete(null)}>
                    {t('cancel')}
                  </button>
                </>
              ) : (
                <>
                  <button type="button" class="fzl-coll-name" data-testid="collection-name" onClick={() => setSelected(c.id)}>
                    {t('nameWithCount', { name: c.name, count: c.clipCount })}
                  </button>
                  <button type="button" aria-label={t('renameCollection', { name: c.name })} data-testid="collection-rename" onClick={() => setRenaming({ id: c.id, name: c.name })}>
                    {t('rename')}
                  </button>
                  <button type="button" aria-label={t('deleteCollection', { name: c.name })} data-testid="collection-delete" onClick={() => setConfirmDelete(c.id)}>
                    {t('delete')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="fzl-coll-bar">
        <input
          type="text"
          placeholder={t('newCollectionName')}
          aria-label={t('newCollectionName')}
          maxLength={200}
          data-testid="collection-new-name"
          value={newName}
          onInput={onValue(setNewName)}
          onKeyDown={(e) => e.key === 'Enter' && void create()}
        />
        <button type="button" data-testid="collection-create" disabled={!newName.trim()} onClick={() => void create()}>
          {t('createCollection')}
        </button>
      </div>

      {error ? (
        <div class="fzl-coll-error" role="alert" data-testid="collections-error">
          {error}
        </div>
      ) : null}

      {page && page.clips.length ? (
        <section data-testid="page-clips">
          <h2 class="fzl-h2" id="fzl-page-clips">{t('pageClips', { count: page.clips.length })}</h2>
          <ul class="fzl-coll-list" role="list" aria-labelledby="fzl-page-clips">
            {found.map(({ clip }) => (
              <li>
                <button type="button" class="fzl-entity" data-testid="page-clip-found" onClick={() => void sendToTab?.('clips/scrollTo', { clipId: clip.id })}>
                  <span class="fzl-coll-kind">{t(CLIP_KIND_KEYS[clip.kind])}</span>
                  {shortened(readableText(clip.text), 40)}
                </button>
              </li>
            ))}
          </ul>
          {missing.length ? (
            <>
              <h2 class="fzl-h2 fzl-coll-missing" id="fzl-page-clips-missing">{t('pageClipsMissing', { count: missing.length })}</h2>
              <ul class="fzl-coll-list" role="list" aria-labelledby="fzl-page-clips-missing" data-testid="page-clips-missing">
                {missing.map(({ clip }) => (
                  <li class="fzl-coll-meta" data-testid="page-clip-missing" title={t('pageClipMissingTitle')}>
                    <span class="fzl-coll-kind">{t(CLIP_KIND_KEYS[clip.kind])}</span>
                    {readableText(clip.text)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {list ? (
        <section>
          <h2 class="fzl-h2" id="fzl-clips-heading" data-testid="clips-heading">
            {selected ? collections.find((c) => c.id === selected)?.name ?? '' : t('allClips')}
            {query ? ` · ${t('searchingFor', { query })}` : ''} · {t('clipCount', { count: list.total })}
          </h2>
          {list.total === 0 ? (
            <div class="fzl-muted" data-testid="clips-empty">
              {query ? t('noMatchingClips') : t('noClipsYet')}
            </div>
          ) : (
            <ul class="fzl-coll-list fzl-coll-clips" role="list" aria-labelledby="fzl-clips-heading" data-testid="clips-list">
              {list.clips.map((clip) => (
                <ClipItem
                  key={`${clip.id}:${clip.updatedAt}`}
                  clip={clip}
                  collections={collections}
                  collectionId={selected}
                  send={send}
                  onChanged={() => void refresh()}
                  onDeleted={onClipDeleted}
                  onError={setError}
                />
              ))}
            </ul>
          )}
          {list.total > list.clips.length ? (
            <button type="button" data-testid="clips-more" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
              {t('moreClips', { count: list.total - list.clips.length })}
            </button>
          ) : null}
        </section>
      ) : null}

      {undo ? (
        <div class="fzl-coll-toast" role="status" data-testid="undo-toast">
          <span>{t(undo.label.key, undo.label.params)}</span>
          <button
            type="button"
            data-testid="undo"
            onClick={() => {
              const run = undo.run;
              setUndo(null);
              void run();
            }}
          >
            {t('undo')}
          </button>
          <button type="button" aria-label={t('close')} onClick={() => setUndo(null)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
