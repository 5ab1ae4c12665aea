import { useEffect, useMemo, useState } from 'preact/hooks';
import { readableText } from '@/lib/collections/display';
import { MAX_IMPORT_CHARS, MAX_IMPORT_FILE_BYTES, searchClips, type Clip, type ClipKind } from '@/lib/collections';
import type { CollectionsOverview, ExportFormat, ImportAnswer } from '@/lib/messaging/messages/collections';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n';
import { canonicalForLocale, CLIP_KIND_KEYS, clipCanonical, clipDate, errorText } from './labels';
import type { Send } from './send';
import './collections.css';
import { chartDataOf } from '@/lib/charts';
import { ChartsView } from '../charts/ChartsView';
import { onChecked, onValue } from '../control-events';

export interface ManagerProps {
  send: Send;
  /** Saves a file (a Blob URL and `<a download>` in the page). */
  download: (content: string | Blob, filename: string, mimeType: string) => void;
  /** The view to start with (`collections.html#charts` opens the charts). */
  initialView?: ManagerView;
}

export type ManagerView = 'table' | 'statistics' | 'charts';

export const EXPORT_FORMAT_KEYS: Record<ExportFormat, MessageKey> = {
  json: 'formatJson',
  csv: 'formatCsv',
  markdown: 'formatMarkdown',
  csl: 'formatCsl',
  webanno: 'formatWebAnnotation',
};

type SortKey = 'date' | 'created' | 'kind' | 'site' | 'text';
const ROWS_PER_PAGE = 200;

interface Filters {
  collectionId: string;
  kind: '' | ClipKind;
  agency: string;
  operation: string;
  site: string;
  from: string;
  to: string;
  query: string;
}

const NO_FILTERS: Filters = { collectionId: '', kind: '', agency: '', operation: '', site: '', from: '', to: '', query: '' };

// One collator for every comparison: localeCompare(…, 'zh') builds a new one per call (slow on 10,000 rows).
const collator = new Intl.Collator('zh');

function distinct(values: Iterable<string | undefined>): string[] {
  const set = new Set<string>();
  for (const v of values) if (v) set.add(v);
  return [...set].sort(collator.compare);
}

const byCode = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function compare(key: SortKey, a: Clip, b: Clip): number {
  switch (key) {
    case 'date':
      return byCode(clipDate(a), clipDate(b));
    case 'created':
      return byCode(a.createdAt, b.createdAt);
    case 'kind':
      return byCode(a.kind, b.kind);
    case 'site':
      return byCode(a.target.site, b.target.site);
    case 'text':
      return collator.compare(a.text, b.text);
  }
}

/** The full-page manager: every clip in a table with filters, sorting, bulk actions, statistics, export and import. */
export function Manager({ send, download, initialView = 'table' }: ManagerProps) {
  const { t, locale } = useI18n();
  const [overview, setOverview] = useState<CollectionsOverview | null>(null);
  const [clips, setClips] = useState<Clip[] | null>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'created', descending: true });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [view, setView] = useState<ManagerView>(initialView);
  const [shown, setShown] = useState(ROWS_PER_PAGE);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [report, setReport] = useState<ImportAnswer | null>(null);
  const [exportScope, setExportScope] = useState('');
  const [exportFormat, setExportFormat] = useState<ExportFormat>('json');
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const [list, all] = await Promise.all([send('collections/list', {}), send('collections/clips', { limit: 1_000_000 })]);
    if (!list.ok) return setMessage({ error: true, text: errorText(list.error, t) });
    if (!all.ok) return setMessage({ error: true, text: errorText(all.error, t) });
    setOverview(list.value);
    setClips(all.value.clips);
    setSelected((current) => new Set([...current].filter((id) => all.value.clips.some((c) => c.id === id))));
  };
  useEffect(() => {
    void load();
  }, []);

  const options = useMemo(() => {
    const list = clips ?? [];
    return {
      agencies: distinct(list.filter((c) => c.kind === 'agency').map((c) => c.canonical ?? c.text)),
      operations: distinct(list.filter((c) => c.kind === 'operation').map((c) => c.canonical ?? c.text)),
      sites: distinct(list.map((c) => c.target.site)),
    };
  }, [clips]);

  const visible = useMemo(() => {
    if (!clips) return [];
    const f = filters;
    const matching = searchClips(clips, f.query, { collectionId: f.collectionId || undefined, kind: f.kind || undefined }).filter((c) => {
      if (f.agency && !(c.kind === 'agency' && (c.canonical ?? c.text) === f.agency)) return false;
      if (f.operation && !(c.kind === 'operation' && (c.canonical ?? c.text) === f.operation)) return false;
      if (f.site && c.target.site !== f.site) return false;
      const date = clipDate(c);
      if (f.from && date < f.from) return false;
      if (f.to && date > f.to) return false;
      return true;
    });
    const direction = sort.descending ? -1 : 1;
    return matching.sort((a, b) => direction * compare(sort.key, a, b) || (a.id < b.id ? -1 : 1));
  }, [clips, filters, sort]);

  const statistics = useMemo(() => visible.filter((c) => c.kind === 'statistic'), [visible]);
  // The charts have their own filters (by agency and operation through the article, lib/charts/filters.ts).
  const chartData = useMemo(() => (clips && view === 'charts' ? chartDataOf(clips) : null), [clips, view === 'charts']);
  const collections = overview?.collections ?? [];
  const nameOf = (id: string) => collections.find((c) => c.id === id)?.name ?? id;
  const setFilter = (key: keyof Filters, value: string) => {
    setFilters({ ...filters, [key]: value });
    setShown(ROWS_PER_PAGE);
  };
  const toggleSort = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'text' && key !== 'kind' && key !== 'site' }));
  const selectedIds = [...selected];

  const run = async (label: string, action: () => Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
    setBusy(true);
    setMessage(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) setMessage({ error: true, text: errorText(result.error!, t) });
    else setMessage({ error: false, text: label });
    await load();
    return result.ok;
  };

  const exportClips = async (scope: { collectionId?: string; clipIds?: string[] }) => {
    setBusy(true);
    const result = await send('collections/export', { format: exportFormat, locale, ...scope });
    setBusy(false);
    if (!result.ok) return setMessage({ error: true, text: errorText(result.error, t) });
    download(result.value.text, result.value.filename, result.value.mimeType);
    setMessage({ error: false, text: t('exported', { count: result.value.clips, filename: result.value.filename }) });
  };

  const importFile = async (file: File) => {
    // Too large for one message: say so here, before reading it (a huge read freezes the page) or sending it.
    const tooLarge = () => setMessage({ error: true, text: errorText({ code: 'TOO_LARGE', message: '' }, t) });
    if (file.size > MAX_IMPORT_FILE_BYTES) return tooLarge();
    setBusy(true);
    setReport(null);
    const text = await file.text();
    if (text.length > MAX_IMPORT_CHARS) {
      setBusy(false);
      return tooLarge();
    }
    const result = await send('collections/import', { text });
    setBusy(false);
    if (!result.ok) return setMessage({ error: true, text: errorText(result.error, t) });
    setReport(result.value);
    await load();
  };

  const sortHeader = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="fzl-entity" data-testid={`sort-${key}`} onClick={() => toggleSort(key)}>
        {label}
        {sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}
      </button>
    </th>
  );

  return (
    <main class="fzl-manager fzl-coll" data-testid="manager">
      <h1>{t('managerTitle')}</h1>
      {clips === null ? (
        message ? null : <div class="fzl-muted">…</div>
      ) : (
        <div class="fzl-muted" data-testid="manager-summary">
          {t('managerSummary', { collections: collections.length, clips: clips.length, shown: visible.length })}
        </div>
      )}

      {/* The charts have filters of their own (agency and operation through the article). */}
      {view === 'charts' ? null : (
        <>
          <section class="fzl-manager-filters" aria-label={t('filters')}>
            <input type="search" placeholder={t('search')} aria-label={t('search')} data-testid="filter-query" value={filters.query} onInput={onValue((value) => setFilter('query', value))} />
            <select aria-label={t('collection')} data-testid="filter-collection" value={filters.collectionId} onChange={onValue((value) => setFilter('collectionId', value))}>
              <option value="">{t('allCollections')}</option>
              {collections.map((c) => (
                <option value={c.id}>{t('nameWithCount', { name: c.name, count: c.clipCount })}</option>
              ))}
            </select>
            <select aria-label={t('clipType')} data-testid="filter-kind" value={filters.kind} onChange={onValue((value) => setFilter('kind', value))}>
              <option value="">{t('allTypes')}</option>
              {(Object.keys(CLIP_KIND_KEYS) as ClipKind[]).map((k) => (
                <option value={k}>{t(CLIP_KIND_KEYS[k])}</option>
              ))}
            </select>
            <select aria-label={t('kindsAgency')} data-testid="filter-agency" value={filters.agency} onChange={onValue((value) => setFilter('agency', value))}>
              <option value="">{t('allAgencies')}</option>
              {options.agencies.map((a) => (
                <option value={a}>{canonicalForLocale(a, locale)}</option>
              ))}
            </select>
            <select aria-label={t('kindsOperation')} data-testid="filter-operation" value={filters.operation} onChange={onValue((value) => setFilter('operation', value))}>
              <option value="">{t('allOperations')}</option>
              {options.operations.map((o) => (
                <option value={o}>{canonicalForLocale(o, locale)}</option>
              ))}
            </select>
            <select aria-label={t('site')} data-testid="filter-site" value={filters.site} onChange={onValue((value) => setFilter('site', value))}>
              <option value="">{t('allSites')}</option>
              {options.sites.map((s) => (
                <option value={s}>{s}</option>
              ))}
            </select>
            <label>
              {t('dateFrom')} <input type="date" aria-label={t('dateFromLabel')} data-testid="filter-from" value={filters.from} onInput={onValue((value) => setFilter('from', value))} />
            </label>
            <label>
              {t('dateTo')} <input type="date" aria-label={t('dateToLabel')} data-testid="filter-to" value={filters.to} onInput={onValue((value) => setFilter('to', value))} />
            </label>
            <button type="button" onClick={() => setFilters(NO_FILTERS)}>
              {t('clearFilters')}
            </button>
          </section>

          <section class="fzl-manager-filters" aria-label={t('bulkActions')}>
            <span data-testid="selected-count">{t('selectedCount', { count: selected.size })}</span>
            <select aria-label={t('targetCollection')} data-testid="bulk-target" value={target} onChange={onValue(setTarget)}>
              <option value="">{t('targetCollectionOption')}</option>
              {collections.map((c) => (
                <option value={c.id}>{c.name}</option>
              ))}
            </select>
            <button
              type="button"
              data-testid="bulk-move"
              disabled={busy || !selected.size || !target || !filters.collectionId || target === filters.collectionId}
              title={filters.collectionId ? t('moveTitle') : t('moveNeedsSource')}
              onClick={() =>
                void run(t('movedCount', { count: selected.size }), () =>
                  send('collections/moveClips', { clipIds: selectedIds, fromCollectionId: filters.collectionId, toCollectionId: target }),
                )
              }
            >
              {t('move')}
            </button>
            {/* One clip in several collections (as in Zotero): "also add", never a second copy that drifts apart. */}
            <button
              type="button"
              data-testid="bulk-copy"
              title={t('addToCollectionTitle')}
              disabled={busy || !selected.size || !target}
              onClick={() => void run(t('addedToCount', { count: selected.size }), () => send('collections/copyClips', { clipIds: selectedIds, toCollectionId: target }))}
            >
              {t('addToCollection')}
            </button>
            <button
              type="button"
              data-testid="bulk-delete"
              disabled={busy || !selected.size}
              onClick={() => {
                if (!confirm(t('confirmDeleteClips', { count: selected.size }))) return;
                void run(t('deletedCount', { count: selected.size }), () => send('collections/deleteClips', { clipIds: selectedIds }));
              }}
            >
              {t('delete')}
            </button>
            <button type="button" data-testid="bulk-export" disabled={busy || !selected.size} onClick={() => void exportClips({ clipIds: selectedIds })}>
              {t('exportSelected')}
            </button>
          </section>
        </>
      )}

      <section class="fzl-manager-filters" aria-label={t('exportImport')}>
        <select aria-label={t('exportScope')} data-testid="export-scope" value={exportScope} onChange={onValue(setExportScope)}>
          <option value="">{t('allCollections')}</option>
          {collections.map((c) => (
            <option value={c.id}>{c.name}</option>
          ))}
        </select>
        <select aria-label={t('exportFormat')} data-testid="export-format" value={exportFormat} onChange={onValue((value) => setExportFormat(value as ExportFormat))}>
          {(Object.keys(EXPORT_FORMAT_KEYS) as ExportFormat[]).map((f) => (
            <option value={f}>{t(EXPORT_FORMAT_KEYS[f])}</option>
          ))}
        </select>
        <button type="button" data-testid="export" disabled={busy} onClick={() => void exportClips(exportScope ? { collectionId: exportScope } : {})}>
          {t('export')}
        </button>
        <label>
          {t('importJson')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-file"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void importFile(file).finally(() => (input.value = ''));
            }}
          />
        </label>
      </section>

      {message ? (
        <div class={message.error ? 'fzl-coll-error' : 'fzl-muted'} role={message.error ? 'alert' : 'status'} data-testid="manager-message">
          {message.text}
        </div>
      ) : null}
      {report ? <ImportReportView answer={report} /> : null}

      <nav class="fzl-manager-views" aria-label={t('views')}>
        <button type="button" aria-pressed={view === 'table'} data-testid="view-table" onClick={() => setView('table')}>
          {t('viewAllClips')}
        </button>
        <button type="button" aria-pressed={view === 'statistics'} data-testid="view-statistics" onClick={() => setView('statistics')}>
          {t('viewStatistics', { count: statistics.length })}
        </button>
        <button type="button" aria-pressed={view === 'charts'} data-testid="view-charts" onClick={() => setView('charts')}>
          {t('viewCharts')}
        </button>
      </nav>

      {view === 'charts' ? (
        chartData ? <ChartsView data={chartData} collections={collections} onOpen={(clipId) => void send('collections/openClip', { clipId })} download={download} /> : null
      ) : null}

      {view === 'charts' ? null : view === 'table' ? (
        <table class="fzl-table" data-testid="manager-table">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label={t('selectAllShown')}
                  data-testid="select-all"
                  checked={visible.length > 0 && visible.every((c) => selected.has(c.id))}
                  onChange={onChecked((all) => setSelected(all ? new Set(visible.map((c) => c.id)) : new Set()))}
                />
              </th>
              {sortHeader('kind', t('clipType'))}
              {sortHeader('text', t('colExcerpt'))}
              <th>{t('colNoteTags')}</th>
              <th>{t('source')}</th>
              {sortHeader('site', t('site'))}
              {sortHeader('date', t('date'))}
              {sortHeader('created', t('colClippedAt'))}
              <th>{t('collection')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, shown).map((c) => (
              <tr key={c.id} data-testid="manager-row" data-clip-id={c.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('selectClip')}
                    data-testid="row-select"
                    checked={selected.has(c.id)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if ((e.currentTarget as HTMLInputElement).checked) next.add(c.id);
                      else next.delete(c.id);
                      setSelected(next);
                    }}
                  />
                </td>
                <td>{t(CLIP_KIND_KEYS[c.kind])}</td>
                <td class="fzl-manager-text">
                  {readableText(c.text)}
                  {c.canonical && c.canonical !== c.text ? <div class="fzl-muted" data-testid="manager-canonical">→ {clipCanonical(c, locale)}</div> : null}
                </td>
                <td class="fzl-manager-text">
                  {c.note}
                  {c.tags.length ? <div class="fzl-muted">{c.tags.map((t) => `#${t}`).join(' ')}</div> : null}
                </td>
                <td>
                  <button type="button" class="fzl-entity" title={c.target.url} onClick={() => void send('collections/openClip', { clipId: c.id })}>
                    {readableText(c.target.title) || c.target.url}
                  </button>
                </td>
                <td>{c.target.site}</td>
                <td>{clipDate(c)}</td>
                <td>{c.createdAt.slice(0, 10)}</td>
                <td>{c.collectionIds.map(nameOf).join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <table class="fzl-table" data-testid="statistics-view">
          <thead>
            <tr>
              <th>{t('colText')}</th>
              <th class="fzl-num">{t('colValue')}</th>
              <th>{t('colUnit')}</th>
              <th>{t('colApprox')}</th>
              <th>{t('colIndicator')}</th>
              <th>{t('source')}</th>
              <th>{t('date')}</th>
            </tr>
          </thead>
          <tbody>
            {statistics.slice(0, shown).map((c) => (
              <tr key={c.id} data-testid="statistic-row">
                <td>{readableText(c.text)}</td>
                <td class="fzl-num">{c.value === undefined ? '' : c.value.toLocaleString('en-US', { maximumFractionDigits: 6 })}</td>
                <td>{c.unit ?? ''}</td>
                <td>{c.approx ? t('approxMark') : ''}</td>
                <td>{c.measure ?? ''}</td>
                <td>
                  <button type="button" class="fzl-entity" title={c.target.url} onClick={() => void send('collections/openClip', { clipId: c.id })}>
                    {readableText(c.target.title) || c.target.url}
                  </button>
                  <div class="fzl-muted">{c.target.site}</div>
                </td>
                <td>{clipDate(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view !== 'charts' && (view === 'table' ? visible.length : statistics.length) > shown ? (
        <button type="button" data-testid="show-more" onClick={() => setShown((n) => n + ROWS_PER_PAGE * 5)}>
          {t('showMore', { count: view === 'table' ? visible.length : statistics.length })}
        </button>
      ) : null}
    </main>
  );
}

function ImportReportView({ answer }: { answer: ImportAnswer }) {
  const { t, parts } = useI18n();
  if (!answer.imported) {
    return (
      <div class="fzl-manager-report" role="alert" data-testid="import-report">
        <strong class="fzl-coll-error">{t('importRefused')}</strong>
        <div>{answer.message}</div>
        {answer.rejected.length ? (
          <ul>
            {answer.rejected.slice(0, 50).map((r) => (
              <li>{r.reason}</li>
            ))}
            {answer.rejected.length > 50 ? <li>{t('importRejectedTotal', { count: answer.rejected.length })}</li> : null}
          </ul>
        ) : null}
      </div>
    );
  }
  const r = answer.report;
  return (
    <div class="fzl-manager-report" role="status" data-testid="import-report">
      {parts('importReport', {
        done: <strong>{t('importDone')}</strong>,
        added: <span data-testid="import-added">{r.added}</span>,
        updated: r.updated,
        skipped: r.skipped,
        rejected: r.rejected.length,
        collectionsAdded: r.collections.added,
        collectionsUpdated: r.collections.updated,
        collectionsSkipped: r.collections.skipped,
      })}
      {r.rejected.length ? (
        <ul>
          {r.rejected.slice(0, 50).map((x) => (
            <li>{x.reason}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
