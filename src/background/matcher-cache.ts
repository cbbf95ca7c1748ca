/**
 * The compiled matcher tables, kept for the next start of the worker: Chrome stops an idle
 * service worker after about 30 s and Firefox unloads an idle event page, and compiling again
 * costs a restarted worker 0.2–1 s before it can answer a page, while loading saved tables
 * takes a few tens of milliseconds.
 *
 * The tables (megabytes) go to IndexedDB; a small marker with their key goes to
 * storage.session, which the browser clears when it closes and when the extension is reloaded
 * or updated. Tables count only while their marker is there, so they never outlive the code
 * that made them.
 */
import { browser } from '../shared/browser';
import type { CompiledData } from '../core/compile';
import type { Bundle } from '../core/model';
import type { CustomEntry } from '../core/custom-entries';
import { loadRecord, saveRecord } from './list-db';

const MARKER = 'matcherTables';

interface Saved {
  key: string;
  data: CompiledData;
}

/** What the tables depend on: the list (by its identity), the selection, the custom entries. */
export function cacheKey(bundle: Bundle, selectionKey: string, custom: readonly CustomEntry[]): string {
  return JSON.stringify([bundle.builtAt, bundle.dataDate, bundle.origin, bundle.entries.length, selectionKey, custom]);
}

export async function loadTables(key: string): Promise<CompiledData | undefined> {
  try {
    if ((await browser.storage.session.get(MARKER))[MARKER] !== key) return undefined;
    const saved = (await loadRecord()) as Saved | undefined;
    return saved?.key === key ? saved.data : undefined;
  } catch {
    return undefined; // no IndexedDB (or session storage): compile instead
  }
}

export function saveTables(key: string, data: CompiledData): void {
  const saved: Saved = { key, data };
  // Only a speed-up: a failure leaves the next start to compile.
  saveRecord(saved)
    .then(() => browser.storage.session.set({ [MARKER]: key }))
    .catch(() => undefined);
}
