/**
 * What each tab's frames found, kept in storage.session so that a restarted worker or an
 * unloaded event page loses nothing; the badge follows every change.
 */
import { browser } from '../shared/browser';
import type { FoundEntry } from '../shared/messages';
import { mergeFrames } from '../core/selection';
import { showCount } from './badge';

interface StoredTab {
  url?: string;
  frames: Record<string, FoundEntry[]>;
}

const keyOf = (tabId: number): string => `tab:${tabId}`;

/**
 * Kept in memory and written through to storage.session where the browser has it: a busy page
 * reports a few times a second, and reading storage back each time cost the worker an extra
 * round trip per report. Only this module writes these keys, so memory is never behind while the
 * worker lives; a restarted worker starts empty and reads storage once per tab.
 */
const memory = new Map<string, StoredTab>();
const session = (browser.storage as { session?: typeof browser.storage.local }).session;

async function read(tabId: number): Promise<StoredTab | undefined> {
  const key = keyOf(tabId);
  const known = memory.get(key);
  if (known || !session) return known;
  const stored = (await session.get(key))[key] as StoredTab | undefined;
  if (stored) memory.set(key, stored);
  return stored;
}

async function write(tabId: number, value: StoredTab): Promise<void> {
  memory.set(keyOf(tabId), value);
  if (session) await session.set({ [keyOf(tabId)]: value });
}

/** Serialises updates per tab: frames report concurrently. */
const queues = new Map<number, Promise<void>>();
function serial(tabId: number, task: () => Promise<void>): Promise<void> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(task, task);
  queues.set(tabId, next);
  return next;
}

/**
 * The badge is set only when the number of distinct parties changes: a busy page reports a few
 * times a second with more mentions of the same parties. Whatever else clears a badge is
 * covered elsewhere: a new page (resetTab), Firefox unloading the background (restoreBadges on
 * every start), a tab brought to the front (redrawBadge).
 */
export function recordFound(tabId: number, frameId: number, url: string | undefined, found: FoundEntry[]): Promise<void> {
  return serial(tabId, async () => {
    const stored = await read(tabId);
    const state = stored ?? { frames: {} };
    const before = stored ? mergeFrames(state.frames).length : -1;
    state.frames[String(frameId)] = found;
    if (frameId === 0 && url) state.url = url;
    await write(tabId, state);
    const after = mergeFrames(state.frames).length;
    if (after !== before) await showCount(tabId, after);
  });
}

export async function foundOnTab(tabId: number): Promise<{ url?: string; found: FoundEntry[] }> {
  const state = await read(tabId);
  return { url: state?.url, found: state ? mergeFrames(state.frames) : [] };
}

/** A tab that starts loading a new page starts from nothing. */
export function resetTab(tabId: number): Promise<void> {
  return serial(tabId, async () => {
    await write(tabId, { frames: {} });
    await showCount(tabId, 0);
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return serial(tabId, async () => {
    memory.delete(keyOf(tabId));
    await session?.remove(keyOf(tabId));
  });
}

/**
 * Firefox clears tab badges when it unloads an idle event page; the counts are in
 * storage.session, so each start of the background draws them again.
 */
export async function restoreBadges(): Promise<void> {
  if (!session) return;
  const all = await session.get(null);
  for (const [key, value] of Object.entries(all)) {
    const tabId = Number(key.slice('tab:'.length));
    if (!key.startsWith('tab:') || !Number.isInteger(tabId)) continue;
    await showCount(tabId, mergeFrames((value as StoredTab).frames ?? {}).length);
  }
}

/** Draws one tab's badge from the saved counts (the tab came to the front; see restoreBadges). */
export async function redrawBadge(tabId: number): Promise<void> {
  const state = await read(tabId);
  if (state) await showCount(tabId, mergeFrames(state.frames).length);
}
