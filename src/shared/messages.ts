/**
 * The typed message map: each message name maps to its request and its reply. Senders and
 * receivers both use these types, so a reply cannot drift from its request.
 *
 * `BackgroundMessages` go to the background worker (from content scripts, popup, options).
 * `ContentMessages` go from the popup or background to a tab's content script.
 */
import type { Entry, EntryList, EntryType } from '../core/model';
import type { Mention } from '../core/mentions';
import type { HighlightStyle, Settings, SettingsKey } from './settings';
import type { UpdateStatus } from '../core/update/status';

/** What a hover card needs about an entry: small, so match replies stay small. */
export interface EntrySummary {
  id: string;
  name: string;
  list: EntryList;
  listName: string;
  type: EntryType;
  countries?: string[];
  startDate?: string;
}

export interface LookupHit {
  entry: EntrySummary;
  /** The name or alias that matched the query. */
  matchedName: string;
  /** 0..1, higher is better. */
  score: number;
}

export interface FoundEntry {
  id: string;
  count: number;
}

export interface ListStatus {
  dataDate: string;
  origin: string;
  builtAt: string;
  counts: Record<string, number>;
  sources: { file: string; description: string; date?: string }[];
  entryCount: number;
  /** List updates: source, last check and its outcome, next check. */
  update: UpdateStatus;
}

/** The settings in force and who set them. */
export interface SettingsReply {
  settings: Settings;
  /** Values refused: stored ones that no longer pass their checks, or a change just asked for. */
  warnings: string[];
  /** An organisation's policy applies to this extension. */
  managed: boolean;
  /** Settings the policy enforces; the options page shows them locked. */
  locked: SettingsKey[];
  /** Policy values ignored, one line each, for the administrator (shown on the options page). */
  policyWarnings: string[];
}

/** What a content script needs to start on a page. */
export interface PageConfig {
  /** False when the site is excluded or the extension is paused. */
  active: boolean;
  reason?: 'paused' | 'excluded-site';
  highlightStyle: HighlightStyle;
}

export interface TabState {
  tabId: number;
  url?: string;
  host?: string;
  found: FoundEntry[];
  entries: Entry[];
  pausedHere: boolean;
  pausedEverywhere: boolean;
}

export interface BackgroundMessages {
  /** Content script start-up: may this page be scanned, and how to draw highlights. */
  getPageConfig: { request: { url: string }; reply: PageConfig };
  /** Finds mentions in text blocks; one Mention[] per input text. Context mentions are unresolved. */
  match: {
    request: { texts: string[] };
    reply: { mentions: Mention[][]; entries: Record<string, EntrySummary> };
  };
  /** The content script reports what is on its page (per frame); drives the badge and popup. */
  reportFound: { request: { found: FoundEntry[] }; reply: { ok: true } };
  getEntries: { request: { ids: string[] }; reply: { entries: Entry[] } };
  lookup: { request: { query: string; limit?: number }; reply: { hits: LookupHit[] } };
  getTabState: { request: { tabId: number }; reply: TabState };
  getStatus: { request: Record<string, never>; reply: ListStatus };
  getSettings: { request: Record<string, never>; reply: SettingsReply };
  setSettings: { request: { patch: Partial<Settings> }; reply: SettingsReply };
  /** "Update now": checks the list source at once; replies when the check has ended. */
  updateNow: { request: Record<string, never>; reply: { ok: boolean; error?: string; status: ListStatus } };
  /** Pause or resume on one site (host) or everywhere. */
  setPaused: { request: { scope: 'site' | 'everywhere'; host?: string; paused: boolean }; reply: { ok: true } };
  /** The hover card's "Why listed": opens the popup page for this tab and entry in a new tab. */
  openDetails: { request: { entryId: string }; reply: { ok: true } };
}

export interface ContentMessages {
  /** Scrolls to the n-th mention of an entry and flashes it. */
  reveal: { request: { entryId: string; index?: number }; reply: { ok: boolean } };
  /** Settings or the list changed: scan the page again. */
  rescan: { request: Record<string, never>; reply: { ok: true } };
  /**
   * The tab's state was reset (the tab navigated): each frame sends `reportFound` again. A
   * same-document navigation (a #link, history.pushState) resets it too, yet the page stays.
   */
  reportAgain: { request: Record<string, never>; reply: { ok: true } };
}

export type MessageName<M> = keyof M & string;
export type RequestOf<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;
export type ReplyOf<M, K extends keyof M> = M[K] extends { reply: infer R } ? R : never;

/** The envelope on the wire. */
export type Envelope<M, K extends keyof M = keyof M> = { type: K } & { payload: RequestOf<M, K> };
