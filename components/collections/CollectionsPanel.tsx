import { useEffect, useRef, useState } from 'preact/hooks';
import type { Clip } from '@/lib/collections';
import type { CollectionsOverview, PageClipsAnswer } from '@/lib/messaging/messages/collections';
import { ClipItem } from './ClipItem';
import { CLIP_KIND_LABELS, errorText } from './labels';
import type { Send } from './send';
import './collections.css';

export interface CollectionsPanelProps {
  /** To the background. */
  send: Send;
  /** To the current tab's content script (absent when there is no tab). */
  sendToTab?: Send;
}

const PAGE_SIZE = 30;

interface Undo {
  label: string;
  run: () => Promise<void>;
}

/** The popup's "收藏夹" tab: collections, their clips, search, this page's clips. */
export function CollectionsPanel({ send, sendToTab }: CollectionsPanelProps) {
  const [overview, setOverview] = useState<CollectionsOverview | null>(null);
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
    if (!result.ok) return setError(errorText(result.error));
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
    if (!result.ok) return setError(errorText(result.error));
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
      setError(errorText(result.error));
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
      label: `已删除收藏夹「${name}」（${deleted.undo.clips.length} 条）`,
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
      label: `已删除摘录「${clip.text.slice(0, 20)}${clip.text.length > 20 ? '…' : ''}」`,
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
      <div class="fzl-coll-bar">
        <input
          type="search"
          placeholder="搜索摘录、笔记、标签、来源…"
          aria-label="搜索收藏"
          maxLength={500}
          data-testid="collections-search"
          value={query}
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setLimit(PAGE_SIZE);
          }}
        />
        <button type="button" data-testid="open-manager" onClick={() => void send('collections/openManager', {})}>
          管理器
        </button>
      </div>

      {overview === null ? (
        error ? null : <div class="fzl-muted">…</div>
      ) : (
        <ul class="fzl-coll-list fzl-coll-collections" data-testid="collections-list" aria-label="收藏夹">
          <li aria-current={selected === null}>
            <button type="button" class="fzl-coll-name" data-testid="collection-all" onClick={() => setSelected(null)}>
              全部收藏（{overview.totalClips}）
            </button>
          </li>
          {collections.map((c) => (
            <li aria-current={selected === c.id} data-testid="collection-row" data-collection-id={c.id}>
              {renaming?.id === c.id ? (
                <>
                  <input
                    type="text"
                    aria-label="新名称"
                    maxLength={200}
                    data-testid="collection-rename-input"
                    value={renaming.name}
                    onInput={(e) => setRenaming({ id: c.id, name: (e.currentTarget as HTMLInputElement).value })}
                    onKeyDown={(e) => e.key === 'Enter' && void rename()}
                  />
                  <button type="button" data-testid="collection-rename-save" onClick={() => void rename()}>
                    确定
                  </button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    取消
                  </button>
                </>
              ) : confirmDelete === c.id ? (
                <>
                  <span class="fzl-coll-name">删除「{c.name}」及其 {c.clipCount} 条？</span>
                  <button type="button" data-testid="collection-delete-confirm" onClick={() => void deleteCollection(c.id)}>
                    删除
                  </button>
                  <button type="button" onClick={() => setConfirmDelete(null)}>
                    取消
                  </button>
                </>
              ) : (
                <>
                  <button type="button" class="fzl-coll-name" data-testid="collection-name" onClick={() => setSelected(c.id)}>
                    {c.name}（{c.clipCount}）
                  </button>
                  <button type="button" aria-label={`重命名 ${c.name}`} data-testid="collection-rename" onClick={() => setRenaming({ id: c.id, name: c.name })}>
                    改名
                  </button>
                  <button type="button" aria-label={`删除 ${c.name}`} data-testid="collection-delete" onClick={() => setConfirmDelete(c.id)}>
                    删除
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
          placeholder="新收藏夹名称"
          aria-label="新收藏夹名称"
          maxLength={200}
          data-testid="collection-new-name"
          value={newName}
          onInput={(e) => setNewName((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => e.key === 'Enter' && void create()}
        />
        <button type="button" data-testid="collection-create" disabled={!newName.trim()} onClick={() => void create()}>
          新建
        </button>
      </div>

      {error ? (
        <div class="fzl-coll-error" role="alert" data-testid="collections-error">
          {error}
        </div>
      ) : null}

      {page && page.clips.length ? (
        <section data-testid="page-clips">
          <h2 class="fzl-h2">本页收藏（{page.clips.length}）</h2>
          <ul class="fzl-coll-list">
            {found.map(({ clip }) => (
              <li>
                <button type="button" class="fzl-entity" data-testid="page-clip-found" onClick={() => void sendToTab?.('clips/scrollTo', { clipId: clip.id })}>
                  <span class="fzl-coll-kind">{CLIP_KIND_LABELS[clip.kind]}</span>
                  {clip.text.length > 40 ? `${clip.text.slice(0, 40)}…` : clip.text}
                </button>
              </li>
            ))}
          </ul>
          {missing.length ? (
            <>
              <h2 class="fzl-h2 fzl-coll-missing">本页未找到（{missing.length}）</h2>
              <ul class="fzl-coll-list" data-testid="page-clips-missing">
                {missing.map(({ clip }) => (
                  <li class="fzl-coll-meta" data-testid="page-clip-missing" title="原文已改动，收藏仍保留">
                    <span class="fzl-coll-kind">{CLIP_KIND_LABELS[clip.kind]}</span>
                    {clip.text}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {list ? (
        <section>
          <h2 class="fzl-h2" data-testid="clips-heading">
            {selected ? collections.find((c) => c.id === selected)?.name ?? '' : '全部收藏'}
            {query ? ` · 搜索“${query}”` : ''} · {list.total} 条
          </h2>
          {list.total === 0 ? (
            <div class="fzl-muted" data-testid="clips-empty">
              {query ? '没有匹配的摘录' : '还没有摘录：在文章里点高亮卡片的「收藏」，或选中文字后右键「剪藏到收藏夹…」'}
            </div>
          ) : (
            <ul class="fzl-coll-list fzl-coll-clips" data-testid="clips-list">
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
              更多（还有 {list.total - list.clips.length} 条）
            </button>
          ) : null}
        </section>
      ) : null}

      {undo ? (
        <div class="fzl-coll-toast" role="status" data-testid="undo-toast">
          <span>{undo.label}</span>
          <button
            type="button"
            data-testid="undo"
            onClick={() => {
              const run = undo.run;
              setUndo(null);
              void run();
            }}
          >
            撤销
          </button>
          <button type="button" aria-label="关闭" onClick={() => setUndo(null)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
