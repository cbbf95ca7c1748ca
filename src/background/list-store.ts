/**
 * Holds the list: the embedded bundle (or a newer one an update brought), the organisation's own
 * entries, and the matcher and look-up compiled for the current settings. Everything is
 * memoised and rebuilt on demand, so a restarted worker (Chrome MV3) or a reloaded event page
 * (Firefox) is ready again on its first message.
 */
import { browser } from '../shared/browser';
import { parseBundle } from '../core/list/bundle';
import { compileMatcher, loadMatcher, type Matcher } from '../core/matcher';
import { createLookup } from '../core/lookup';
import type { Bundle, Entry } from '../core/model';
import { customEntriesToEntries, type CustomEntry } from '../core/custom-entries';
import { includeFor } from '../core/selection';
import { readSettings, type SettingsState } from './settings-store';
import { cacheKey, loadTables, saveTables } from './matcher-cache';

/** What the matcher depends on: the settings that select entries, and the custom entries. */
type Selection = Pick<SettingsState, 'settings' | 'customEntries'>;
type Lookup = ReturnType<typeof createLookup>;

interface Compiled {
  bundle: Bundle;
  key: string;
  custom: readonly CustomEntry[];
  entries: Entry[];
  include: (e: Entry) => boolean;
  matcher: Matcher;
  lookup?: Lookup;
  byId?: Map<string, Entry>;
}

let bundlePromise: Promise<Bundle> | undefined;
let compiled: Compiled | undefined;
/** Where a newer list than the embedded one comes from (the updater's saved copy), if any. */
let savedBundleSource: (() => Promise<Bundle | undefined>) | undefined;
/** The list in use came from an update, not from the extension's own files. */
let fromUpdate = false;

async function loadEmbedded(): Promise<Bundle> {
  const response = await fetch(browser.runtime.getURL('data/bundle.json.gz'));
  if (!response.body) throw new Error('The embedded list is missing.');
  const inflated = new Response(response.body.pipeThrough(new DecompressionStream('gzip')));
  const parsed = parseBundle(await inflated.json());
  if (!parsed.ok) throw new Error(`The embedded list is damaged: ${parsed.error}`);
  return parsed.bundle;
}

async function loadCurrent(): Promise<Bundle> {
  try {
    const saved = await savedBundleSource?.();
    // After the extension itself was upgraded, its own list may be newer than a download kept
    // from before; the newer one serves. Deciding here, on load, leaves no moment in which the
    // older list answers.
    if (saved && saved.dataDate >= __EMBEDDED_DATA_DATE__) {
      fromUpdate = true;
      return saved;
    }
  } catch (err) {
    // A saved list that cannot be read is not a reason to flag nothing: the embedded one serves.
    console.error('listed-parties: the updated list could not be read; using the embedded list', err);
  }
  fromUpdate = false;
  return loadEmbedded();
}

/** Lets the updater supply its saved list; read on the worker's first need of the list. */
export function useSavedBundle(source: () => Promise<Bundle | undefined>): void {
  savedBundleSource = source;
}

export function getBundle(): Promise<Bundle> {
  bundlePromise ??= loadCurrent().catch((err: unknown) => {
    bundlePromise = undefined; // try again on the next message
    throw err;
  });
  return bundlePromise;
}

/** The embedded list, whatever is in use: what the updater compares against when nothing else is saved. */
export function getEmbeddedBundle(): Promise<Bundle> {
  return loadEmbedded();
}

/** Puts a new list in use at once; the next message compiles against it. */
export function replaceBundle(bundle: Bundle, updated: boolean): void {
  bundlePromise = Promise.resolve(bundle);
  fromUpdate = updated;
  compiled = undefined;
}

/** True when the list in use came from an update (call after getBundle()). */
export function usingSavedBundle(): boolean {
  return fromUpdate;
}

function keyOf({ settings }: Selection): string {
  return JSON.stringify([settings.lists, settings.includeIndividuals, settings.includeVessels, settings.includeAircraft]);
}

let compiling: Promise<Compiled> | undefined;

function isCurrent(c: Compiled | undefined, bundle: Bundle, key: string, selection: Selection): c is Compiled {
  // The custom entries are compared by identity: the policy store hands out the same array
  // until the policy changes.
  return !!c && c.bundle === bundle && c.key === key && c.custom === selection.customEntries;
}

async function build(bundle: Bundle, key: string, selection: Selection): Promise<Compiled> {
  const entries = [...bundle.entries, ...customEntriesToEntries(selection.customEntries)];
  const include = includeFor(selection.settings);
  const tablesKey = cacheKey(bundle, key, selection.customEntries);
  const saved = await loadTables(tablesKey);
  let matcher: Matcher | undefined;
  if (saved) {
    try {
      matcher = loadMatcher(saved, entries, { include });
    } catch {
      // Tables of another list or another version: compiled afresh below.
    }
  }
  if (!matcher) {
    matcher = compileMatcher(entries, { include });
    saveTables(tablesKey, matcher.serialize());
  }
  return { bundle, key, custom: selection.customEntries, entries, include, matcher };
}

async function compiledFor(selection: Selection): Promise<Compiled> {
  const bundle = await getBundle();
  const key = keyOf(selection);
  if (isCurrent(compiled, bundle, key, selection)) return compiled;
  // Messages arrive together after a restart: one build serves them all.
  const pending = compiling;
  if (pending) {
    const result = await pending;
    if (isCurrent(result, bundle, key, selection)) return result;
  }
  compiling = build(bundle, key, selection);
  try {
    compiled = await compiling;
  } finally {
    compiling = undefined;
  }
  return compiled;
}

/** The matcher for these settings, built once per selection of lists. */
export async function getMatcher(selection: Selection): Promise<Matcher> {
  return (await compiledFor(selection)).matcher;
}

/**
 * The look-up for these settings. Built on the first search, not with the matcher: pages
 * need only the matcher, and a restarted worker answers their first `match` sooner.
 */
export async function getLookup(selection: Selection): Promise<Lookup> {
  const current = await compiledFor(selection);
  current.lookup ??= createLookup(current.entries, { include: current.include });
  return current.lookup;
}

/** Entries by id, the organisation's own included; unknown ids are left out. */
export async function entriesById(selection: Selection, ids: readonly string[]): Promise<Entry[]> {
  const current = await compiledFor(selection);
  current.byId ??= new Map(current.entries.map((e) => [e.id, e] as const));
  return ids.map((id) => current.byId?.get(id)).filter((e): e is Entry => e !== undefined);
}

/**
 * Starts loading the list and compiling the matcher for the stored settings without waiting:
 * called when the worker starts and when a page asks for its configuration, so that the
 * page's first `match` finds the matcher ready or nearly so.
 */
export function warmUp(): void {
  readSettings()
    .then((state) => getMatcher(state))
    .catch((err: unknown) => console.error('listed-parties: could not load the list', err));
}
