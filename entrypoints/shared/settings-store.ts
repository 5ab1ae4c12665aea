/** Settings in extension storage (WXT storage item, versioned); every read is repaired by parseSettings. */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_VERSION, settingsMigrations, type Settings } from '@/lib/settings/settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: settingsMigrations,
});

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await loadSettings()));
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettings(value)));
}
