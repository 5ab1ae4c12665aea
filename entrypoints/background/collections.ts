import { browser } from 'wxt/browser';
import {
  createCollectionsStore,
  exportCsv,
  exportCslJson,
  exportJson,
  exportMarkdown,
  exportWebAnnotations,
  haystackOf,
  newerFirst,
  pageOf,
  searchClips,
  summaryOf,
  type Clip,
  type CollectionsState,
  type CollectionsStore,
  type StorageArea,
  CLIP_KEY_PREFIX,
  INDEX_KEY,
  type Command,
  type CommandResults,
  type ErrorCode as StoreErrorCode,
  type Failure,
} from '@/lib/collections';
import { MessageError, type ErrorCode, type Handlers, type Result } from '@/lib/messaging';
import type { CollectionsOverview, ExportFormat } from '@/lib/messaging/messages/collections';
import { createTranslator, resolveLocale, type Locale } from '@/lib/i18n';
import { loadSettings, watchSettings } from '../shared/settings-store';
import type { Settings } from '@/lib/settings/settings';

// One writer: every command goes through this store's serial queue, so concurrent messages from
// many tabs never lose an update. Made on first use (never at import time: the build imports this).
let storeInstance: CollectionsStore | null = null;
const store = (): CollectionsStore => (storeInstance ??= createCollectionsStore(trackedStorage()));

/**
 * The store caches the state and assumes it is the only writer. Other writers exist only outside
 * normal use (a test or benchmark filling storage, `storage.local.clear()` from devtools), so a
 * change to our keys that did not come from our own writes makes the store reload.
 */
let ownWrites = 0;
let lastOwnWriteAt = 0;
const OWN_WRITE_ECHO_MS = 1000;

function trackedStorage(): StorageArea {
  const local = browser.storage.local;
  const own = async (write: () => Promise<void>) => {
    ownWrites++;
    try {
      await write();
    } finally {
      ownWrites--;
      lastOwnWriteAt = Date.now();
    }
  };
  return {
    get: (keys) => local.get(keys ?? null) as Promise<Record<string, unknown>>,
    set: (items) => own(() => local.set(items)),
    remove: (keys) => own(() => local.remove(keys)),
  };
}

export function reloadOnForeignWrites(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !storeInstance) return;
    const keys = Object.keys(changes);
    const ours = keys.filter((key) => key === INDEX_KEY || key.startsWith(CLIP_KEY_PREFIX));
    if (ours.length === 0) return;
    // We never remove the index; and outside our writes (and their echo) nobody else should write.
    const indexRemoved = INDEX_KEY in changes && changes[INDEX_KEY].newValue === undefined;
    const quiet = ownWrites === 0 && Date.now() - lastOwnWriteAt > OWN_WRITE_ECHO_MS;
    if (indexRemoved || quiet) void storeInstance.reload();
  });
}

const STORAGE_CODES = new Set<StoreErrorCode>(['QUOTA_EXCEEDED', 'STORAGE_READ_FAILED', 'STORAGE_WRITE_FAILED', 'CORRUPT', 'SCHEMA_TOO_NEW']);

function messageCode(code: StoreErrorCode): ErrorCode {
  if (STORAGE_CODES.has(code)) return 'storage';
  return code === 'NOT_FOUND' ? 'not-found' : 'invalid';
}

function refuse(error: Failure): never {
  // The library's code leads the message so a caller can tell a full disk from a damaged record.
  throw new MessageError(messageCode(error.code), `${error.code}: ${error.message}`);
}

async function run<C extends Command>(command: C): Promise<CommandResults[C['type']]> {
  const outcome = await store().dispatch(command);
  if (!outcome.ok) refuse(outcome.error);
  return outcome.result;
}

let warmed: CollectionsState | null = null;

/**
 * After a peek answered (the worker has just started), load everything shortly afterwards, so the
 * first search or edit finds the state in memory. Not at once: reading 10,000 clips occupies the
 * storage backend and the worker for a few hundred ms, and the popup's next requests (its first
 * clips, the page's clips) are right behind the first.
 */
const WARM_AFTER_PEEK_MS = 400;
let warmTimer: ReturnType<typeof setTimeout> | null = null;
function warmSoon(): void {
  if (warmTimer !== null || store().loaded) return;
  warmTimer = setTimeout(() => {
    warmTimer = null;
    void state().catch(() => {});
  }, WARM_AFTER_PEEK_MS);
}

/** A peek's answer (and a warm-up scheduled), or null when the state must be read. */
async function peeked<T>(answer: Promise<T | null>): Promise<T | null> {
  const value = await answer;
  if (value !== null) warmSoon();
  return value;
}

/** The whole state, loaded once and kept (other features' handlers read it too: charts). */
export async function state(): Promise<CollectionsState> {
  const read = await store().read();
  if (!read.ok) refuse(read.error);
  if (warmed === null) {
    warmed = read.value;
    // Build every clip's search text once, off the path of the first keystroke (cached per clip).
    setTimeout(() => {
      for (const clip of Object.values(read.value.clips)) haystackOf(clip);
    }, 0);
  }
  return read.value;
}

/** Newest first, computed once per state (every command makes a new state object). */
const newestFirstCache = new WeakMap<CollectionsState, Clip[]>();
function newestFirst(current: CollectionsState): Clip[] {
  let list = newestFirstCache.get(current);
  if (!list) {
    list = Object.values(current.clips).sort(newerFirst);
    newestFirstCache.set(current, list);
  }
  return list;
}

function overview(current: CollectionsState): CollectionsOverview {
  const summary = summaryOf(current);
  return {
    collections: current.order.map((id) => ({ ...current.collections[id], clipCount: summary.counts.get(id) ?? 0 })),
    lastUsedCollectionId: current.lastUsedCollectionId ?? null,
    totalClips: summary.totalClips,
  };
}

const EXPORTERS: Record<ExportFormat, { run: typeof exportJson; extension: string; mimeType: string }> = {
  json: { run: exportJson, extension: 'json', mimeType: 'application/json' },
  csv: { run: exportCsv, extension: 'csv', mimeType: 'text/csv' },
  markdown: { run: exportMarkdown, extension: 'md', mimeType: 'text/markdown' },
  csl: { run: exportCslJson, extension: 'csl.json', mimeType: 'application/vnd.citationstyles.csl+json' },
  webanno: { run: exportWebAnnotations, extension: 'jsonld', mimeType: 'application/ld+json' },
};

/** A state holding only the given clips (the manager's "export selected"). */
function onlyClips(current: CollectionsState, ids: readonly string[]): CollectionsState {
  const clips: CollectionsState['clips'] = {};
  for (const id of ids) if (Object.prototype.hasOwnProperty.call(current.clips, id)) clips[id] = current.clips[id];
  return { ...current, clips };
}

function fileName(current: CollectionsState, collectionId: string | undefined, extension: string): string {
  const name = collectionId ? current.collections[collectionId]?.name ?? 'collection' : 'all-collections';
  // Keep letters (any script), digits, - and _; file systems differ on everything else.
  const safe = name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'collection';
  return `fanzha-lens-${safe}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}

/** Asks a tab's content script to clip its current selection (context menu, keyboard command, tests). */
export async function clipSelectionInTab(tabId: number): Promise<Result<{ status: 'picker' } | { status: 'refused'; reason: string }>> {
  try {
    const answer = await browser.tabs.sendMessage(tabId, { fzl: 1, name: 'clips/clipSelection', request: {} });
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer as Result<{ status: 'picker' }>;
    return { ok: false, error: { code: 'unreachable', message: 'the page did not answer' } };
  } catch (error) {
    // No content script on this page (not a news site the extension runs on).
    return { ok: false, error: { code: 'unreachable', message: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * The clip menu item or keyboard command was used on a page where no content script runs (a site
 * not enabled, a browser page): nothing can be clipped, so the toolbar button of that tab says so
 * (a "!" badge and its tooltip; both are per tab and vanish when the tab loads another page), and
 * the popup, opened where the browser allows it, offers to enable the site.
 */
async function explainNoClipping(tabId: number): Promise<void> {
  const settings = await loadSettings().catch(() => null);
  const t = createTranslator(menuLocale(settings));
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '!' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: '#b45309' }),
    browser.action.setTitle({ tabId, title: t('clipNeedsSiteBadge') }),
  ]).catch(() => {});
}

/** From the menu item or the keyboard command (a user gesture: the popup may be opened). */
async function clipFromUserAction(tabId: number): Promise<void> {
  const answer = await clipSelectionInTab(tabId);
  if (answer.ok || answer.error.code !== 'unreachable') return;
  await explainNoClipping(tabId);
  // Chrome 127+ and Firefox allow this from a user action; elsewhere the badge has to do.
  const action = browser.action as { openPopup?: () => Promise<void> };
  await action.openPopup?.().catch(() => {});
}

export const CLIP_MENU_ID = 'fzl-clip-selection';
export const CLIP_COMMAND = 'clip-selection';

/** The interface language: the reader's choice in options, else the browser's languages. */
export function menuLocale(settings: Settings | null): Locale {
  const languages = [...(navigator.languages ?? []), navigator.language, browser.i18n.getUILanguage()].filter(Boolean);
  return resolveLocale(settings?.uiLanguage ?? 'auto', languages);
}

/** The context menu item on selected text and the keyboard command, both clipping the selection. */
export function registerClipEntryPoints(): void {
  let menuLanguage: Locale | null = null;
  browser.runtime.onInstalled.addListener(() => {
    void loadSettings()
      .catch(() => null)
      .then(async (settings) => {
        menuLanguage = menuLocale(settings);
        // Only our own item: other features add theirs on install too (removeAll would race them).
        await browser.contextMenus.remove(CLIP_MENU_ID).catch(() => {});
        browser.contextMenus.create({
          id: CLIP_MENU_ID,
          title: createTranslator(menuLanguage)('menuClipSelection'),
          contexts: ['selection'],
        });
      });
  });
  // The menu keeps its title across restarts; a language chosen in options renames it at once.
  watchSettings((settings) => {
    const locale = menuLocale(settings);
    if (locale === menuLanguage) return;
    menuLanguage = locale;
    void browser.contextMenus.update(CLIP_MENU_ID, { title: createTranslator(locale)('menuClipSelection') }).catch(() => {});
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CLIP_MENU_ID && tab?.id !== undefined) void clipFromUserAction(tab.id);
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== CLIP_COMMAND) return;
    if (tab?.id !== undefined) void clipFromUserAction(tab.id);
    else
      void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => {
        if (active?.id !== undefined) void clipFromUserAction(active.id);
      });
  });
}

export function collectionsHandlers(): Handlers<'background'> {
  return {
    // The three requests of a first view try a peek first (a few keys instead of every clip).
    'collections/list': async () => (await peeked(store().peekOverview())) ?? overview(await state()),
    'collections/create': ({ name }) => run({ type: 'createCollection', name }),
    'collections/rename': ({ collectionId, name }) => run({ type: 'renameCollection', collectionId, name }),
    'collections/delete': ({ collectionId }) => run({ type: 'deleteCollection', collectionId }),
    'collections/restoreCollection': ({ undo }) => run({ type: 'restoreCollection', undo: undo as never }),
    'collections/addClip': ({ collectionId, clip }) => run({ type: 'addClip', collectionId, clip }),
    'collections/updateClip': ({ clipId, note, tags }) => run({ type: 'updateClip', clipId, note, tags }),
    'collections/moveClips': (request) => run({ type: 'moveClips', ...request }),
    'collections/copyClips': (request) => run({ type: 'copyClips', ...request }),
    'collections/deleteClips': (request) => run({ type: 'deleteClips', ...request }),
    'collections/restoreClips': ({ undo }) => run({ type: 'restoreClips', undo: undo as never }),
    'collections/setLastUsed': ({ collectionId }) => run({ type: 'setLastUsed', collectionId }),
    'collections/clips': async ({ collectionId, query = '', kind, offset = 0, limit = 200 }) => {
      if (query.trim() === '' && kind === undefined && offset === 0) {
        const newest = await peeked(store().peekRecentClips(collectionId, limit));
        if (newest) return newest;
      }
      const current = await state();
      if (collectionId !== undefined && !Object.prototype.hasOwnProperty.call(current.collections, collectionId)) {
        throw new MessageError('not-found', `NOT_FOUND: no collection ${collectionId}`);
      }
      const matching = searchClips(newestFirst(current), query, { collectionId, kind });
      return { clips: matching.slice(offset, offset + limit), total: matching.length };
    },
    'collections/clipsForPage': async ({ url }) => {
      const quick = await peeked(store().peekPageClips(url));
      if (quick) return { clips: quick };
      const current = await state();
      const ids = summaryOf(current).pages.get(pageOf(url)) ?? [];
      return { clips: ids.map((id) => current.clips[id]) };
    },
    'collections/export': async ({ format, collectionId, clipIds, locale }) => {
      const current = await state();
      const source = clipIds ? onlyClips(current, clipIds) : current;
      const exporter = EXPORTERS[format];
      const text = exporter.run(source, { collectionId, locale });
      if (!text.ok) refuse(text.error);
      const clips = collectionId ? Object.values(source.clips).filter((c) => c.collectionIds.includes(collectionId)).length : Object.keys(source.clips).length;
      return { text: text.value, filename: fileName(current, collectionId, exporter.extension), mimeType: exporter.mimeType, clips };
    },
    'collections/import': async ({ text, skipInvalid }) => {
      const outcome = await store().dispatch({ type: 'import', data: text, options: { skipInvalid } });
      if (outcome.ok) return { imported: true, report: outcome.result };
      if (STORAGE_CODES.has(outcome.error.code)) refuse(outcome.error);
      // A refused file is an answer, not a failure of the message: the report lists every reason.
      return { imported: false, code: outcome.error.code, message: outcome.error.message, rejected: outcome.error.rejected ?? [] };
    },
    'collections/openClip': async ({ clipId }) => {
      const current = await state();
      const clip = Object.prototype.hasOwnProperty.call(current.clips, clipId) ? current.clips[clipId] : undefined;
      if (!clip) throw new MessageError('not-found', `NOT_FOUND: no clip ${clipId}`);
      await browser.tabs.create({ url: `${pageOf(clip.target.url)}#fzl-clip=${encodeURIComponent(clip.id)}` });
      return { opened: true };
    },
    'collections/openManager': async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/collections.html') });
      return { opened: true };
    },
    'collections/clipSelectionInTab': async ({ tabId }) => {
      const answer = await clipSelectionInTab(tabId);
      if (!answer.ok && answer.error.code === 'unreachable') await explainNoClipping(tabId);
      if (!answer.ok) throw new MessageError(answer.error.code, answer.error.message);
      return answer.value;
    },
  };
}
