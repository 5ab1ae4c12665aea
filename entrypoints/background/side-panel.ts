/**
 * Opening the researcher's side panel from the context menu and the keyboard command (the popup
 * opens it itself, and the browser's own side-panel menu lists it). Chromium's sidePanel.open and
 * Firefox's sidebarAction.open only work inside the user's action: each is called at once in the
 * listener, before anything is awaited.
 */
import { browser } from 'wxt/browser';
import { createTranslator, type Locale } from '@/lib/i18n';
import { loadSettings, watchSettings } from '../shared/settings-store';
import { menuLocale } from './collections';

export const PANEL_MENU_ID = 'fzl-open-panel';
export const PANEL_COMMAND = 'open-side-panel';

type SidePanelApi = { open(options: { windowId?: number; tabId?: number }): Promise<void> };
type SidebarActionApi = { open(): Promise<void> };

/** Opens the panel beside `tab` (Chromium) or the sidebar of the current window (Firefox). */
export function openSidePanel(tab: { id?: number; windowId?: number } | undefined): void {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };
  if (api.sidePanel && tab?.windowId !== undefined) void api.sidePanel.open({ windowId: tab.windowId }).catch(() => {});
  else if (api.sidebarAction) void api.sidebarAction.open().catch(() => {});
}

export function registerSidePanelEntryPoints(): void {
  let menuLanguage: Locale | null = null;
  browser.runtime.onInstalled.addListener(() => {
    void loadSettings()
      .catch(() => null)
      .then(async (settings) => {
        menuLanguage = menuLocale(settings);
        await browser.contextMenus.remove(PANEL_MENU_ID).catch(() => {});
        browser.contextMenus.create({ id: PANEL_MENU_ID, title: createTranslator(menuLanguage)('menuOpenPanel'), contexts: ['page', 'selection'] });
      });
  });
  watchSettings((settings) => {
    const locale = menuLocale(settings);
    if (locale === menuLanguage) return;
    menuLanguage = locale;
    void browser.contextMenus.update(PANEL_MENU_ID, { title: createTranslator(locale)('menuOpenPanel') }).catch(() => {});
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === PANEL_MENU_ID) openSidePanel(tab);
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === PANEL_COMMAND) openSidePanel(tab);
  });
}
