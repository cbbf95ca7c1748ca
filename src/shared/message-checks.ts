/**
 * Shape checks for every message the background accepts. A message that fails its check is
 * refused before any handler sees it.
 */
import type { BackgroundMessages } from './messages';

type Check = (p: Record<string, unknown>) => boolean;
const str = (v: unknown, max = 10_000): boolean => typeof v === 'string' && v.length <= max;
const int = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const strArray = (v: unknown, maxItems: number, maxLen = 500): boolean =>
  Array.isArray(v) && v.length <= maxItems && v.every((s) => str(s, maxLen));

/** At most ~4 MB of text per match request: content scripts send pages in batches. */
const MAX_BATCH_CHARS = 4_000_000;

const checks: { [K in keyof BackgroundMessages]: Check } = {
  getPageConfig: (p) => str(p.url, 10_000),
  match: (p) =>
    Array.isArray(p.texts) &&
    p.texts.length <= 10_000 &&
    p.texts.every((t) => typeof t === 'string') &&
    (p.texts as string[]).reduce((n, t) => n + t.length, 0) <= MAX_BATCH_CHARS,
  reportFound: (p) =>
    Array.isArray(p.found) &&
    p.found.length <= 10_000 &&
    p.found.every((f: unknown) => !!f && typeof f === 'object' && str((f as { id?: unknown }).id, 200) && int((f as { count?: unknown }).count)),
  getEntries: (p) => strArray(p.ids, 1000, 200),
  lookup: (p) => str(p.query, 300) && (p.limit === undefined || (int(p.limit) && (p.limit as number) <= 100)),
  getTabState: (p) => int(p.tabId),
  getStatus: () => true,
  updateNow: () => true,
  getSettings: () => true,
  setSettings: (p) => !!p.patch && typeof p.patch === 'object' && !Array.isArray(p.patch),
  setPaused: (p) => (p.scope === 'site' || p.scope === 'everywhere') && typeof p.paused === 'boolean' && (p.host === undefined || str(p.host, 300)),
  openDetails: (p) => str(p.entryId, 200),
};

export function isKnownMessage(raw: unknown): raw is { type: keyof BackgroundMessages; payload: Record<string, unknown> } {
  if (!raw || typeof raw !== 'object') return false;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(checks, type)) return false;
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return false;
  return checks[type as keyof BackgroundMessages](payload as Record<string, unknown>);
}
