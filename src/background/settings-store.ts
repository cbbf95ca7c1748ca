/**
 * The only writer of settings. Stored in storage.local under one key, validated on every read
 * and write; a bad stored value falls back to its default with a warning instead of breaking.
 */
import { browser } from '../shared/browser';
import { loadSettings, validateSettings, SETTINGS_VERSION, type Settings } from '../shared/settings';

const KEY = 'settings';

export async function readSettings(): Promise<{ settings: Settings; warnings: string[] }> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return loadSettings(stored);
}

export async function writeSettings(patch: unknown): Promise<{ settings: Settings; warnings: string[] }> {
  const { settings: current } = await readSettings();
  const { settings: valid, warnings } = validateSettings(patch);
  const next: Settings = { ...current, ...valid };
  await browser.storage.local.set({ [KEY]: { ...next, settingsVersion: SETTINGS_VERSION } });
  return { settings: next, warnings };
}

export function onSettingsChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEY in changes) listener();
  });
}
