/**
 * One handler per background message, typed by the message map: each returns exactly the reply
 * its request promises.
 */
import { browser, sendToTab, type Runtime } from '../shared/browser';
import type { BackgroundMessages, EntrySummary, ListStatus, ReplyOf, RequestOf } from '../shared/messages';
import { hostMatches } from '../shared/settings';
import type { Entry } from '../core/model';
import { entriesById, getBundle, getLookup, getMatcher, warmUp } from './list-store';
import { readSettings, writeSettings } from './settings-store';
import { foundOnTab, recordFound } from './tab-state';
import { checkForUpdate, updateStatus } from './updater';

type Handler<K extends keyof BackgroundMessages> = (
  payload: RequestOf<BackgroundMessages, K>,
  sender: Runtime.MessageSender,
) => Promise<ReplyOf<BackgroundMessages, K>>;

export function summarize(e: Entry): EntrySummary {
  const s: EntrySummary = { id: e.id, name: e.name, list: e.list, listName: e.listName, type: e.type };
  if (e.countries) s.countries = e.countries;
  if (e.startDate) s.startDate = e.startDate;
  return s;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname || undefined : undefined;
  } catch {
    return undefined;
  }
}

/** Tells every tab's content scripts to scan again (settings or list changed). */
export async function rescanAllTabs(): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined) continue;
    sendToTab(tab.id, 'rescan', {}).catch(() => undefined); // tabs without our content script
  }
}

async function listStatus(): Promise<ListStatus> {
  const [bundle, { customEntries }, update] = await Promise.all([getBundle(), readSettings(), updateStatus()]);
  const counts: Record<string, number> = { ...bundle.counts };
  if (customEntries.length > 0) counts.CUSTOM = customEntries.length;
  return {
    dataDate: bundle.dataDate,
    origin: bundle.origin,
    builtAt: bundle.builtAt,
    counts,
    sources: bundle.sources,
    entryCount: bundle.entries.length,
    update,
  };
}

export const handlers: { [K in keyof BackgroundMessages]: Handler<K> } = {
  async getPageConfig({ url }) {
    const { settings } = await readSettings();
    const host = hostOf(url);
    warmUp(); // the page's `match` follows this message closely
    if (settings.paused) return { active: false, reason: 'paused', highlightStyle: settings.highlightStyle };
    if (host && settings.excludedSites.some((p) => hostMatches(host, p))) {
      return { active: false, reason: 'excluded-site', highlightStyle: settings.highlightStyle };
    }
    return { active: true, highlightStyle: settings.highlightStyle };
  },

  async match({ texts }) {
    const matcher = await getMatcher(await readSettings());
    const mentions = texts.map((t) => matcher.find(t));
    const entries: Record<string, EntrySummary> = {};
    for (const list of mentions) {
      for (const m of list) {
        for (const id of m.entryIds) {
          const e = entries[id] ? undefined : matcher.entry(id);
          if (e) entries[id] = summarize(e);
        }
      }
    }
    return { mentions, entries };
  },

  async reportFound({ found }, sender) {
    const tabId = sender.tab?.id;
    // Chrome names the sending document's state: a page being replaced or held in the
    // back/forward cache no longer speaks for the tab.
    const lifecycle = (sender as { documentLifecycle?: string }).documentLifecycle;
    if (lifecycle !== undefined && lifecycle !== 'active') return { ok: true };
    if (tabId !== undefined) await recordFound(tabId, sender.frameId ?? 0, sender.url ?? sender.tab?.url, found);
    return { ok: true };
  },

  async getEntries({ ids }) {
    return { entries: await entriesById(await readSettings(), ids) };
  },

  async lookup({ query, limit }) {
    const lookup = await getLookup(await readSettings());
    return { hits: lookup.search(query, limit ?? 20).map((r) => ({ entry: summarize(r.entry), matchedName: r.matchedName, score: r.score })) };
  },

  async getTabState({ tabId }) {
    const state = await readSettings();
    const { settings } = state;
    const { url: reportedUrl, found } = await foundOnTab(tabId);
    let url = reportedUrl;
    try {
      url = (await browser.tabs.get(tabId)).url ?? url;
    } catch {
      // the tab is gone; answer with what was recorded
    }
    const host = hostOf(url);
    return {
      tabId,
      url,
      host,
      found,
      entries: await entriesById(state, found.map((f) => f.id)),
      pausedHere: !!host && settings.excludedSites.some((p) => hostMatches(host, p)),
      pausedEverywhere: settings.paused,
    };
  },

  getStatus: listStatus,

  async updateNow() {
    const outcome = await checkForUpdate(rescanAllTabs);
    return { ok: outcome.ok, ...(outcome.ok ? {} : { error: outcome.error }), status: await listStatus() };
  },

  async getSettings() {
    const { customEntries: _custom, ...reply } = await readSettings();
    return reply;
  },

  async setSettings({ patch }) {
    const { customEntries: _custom, ...reply } = await writeSettings(patch);
    await rescanAllTabs();
    return reply;
  },

  async setPaused({ scope, host, paused }) {
    const { settings } = await readSettings();
    let refused: string[] = [];
    if (scope === 'everywhere') refused = (await writeSettings({ paused })).warnings;
    else if (host) {
      const h = host.toLowerCase();
      const others = settings.excludedSites.filter((p) => p !== h);
      refused = (await writeSettings({ excludedSites: paused ? [...others, h] : others })).warnings;
    }
    // Sites set by a locked policy: the popup shows why its switch went back.
    if (refused.length > 0) throw new Error(`Not changed: ${refused.join('; ')}.`);
    await rescanAllTabs();
    return { ok: true };
  },

  async openDetails({ entryId }, sender) {
    const tab = sender.tab?.id;
    const url = browser.runtime.getURL(`popup.html?${new URLSearchParams({ ...(tab !== undefined ? { tab: String(tab) } : {}), entry: entryId })}`);
    await browser.tabs.create({ url, ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}) });
    return { ok: true };
  },
};
