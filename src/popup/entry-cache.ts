/**
 * Full entries the popup has already seen (from getTabState) or fetched (getEntries), so
 * opening an explanation twice asks the background once.
 */
import type { Entry } from '../core/model';
import { sendToBackground } from '../shared/browser';

const cache = new Map<string, Entry>();

export function rememberEntries(entries: readonly Entry[]): void {
  for (const e of entries) cache.set(e.id, e);
}

export function cachedEntry(id: string): Entry | undefined {
  return cache.get(id);
}

/** The full entry, or undefined when the loaded list has no entry with this id. */
export async function loadEntry(id: string): Promise<Entry | undefined> {
  const known = cache.get(id);
  if (known) return known;
  const reply = await sendToBackground('getEntries', { ids: [id] });
  rememberEntries(reply?.entries ?? []);
  return cache.get(id);
}
