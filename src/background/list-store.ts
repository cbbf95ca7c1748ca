/**
 * Holds the list: the embedded bundle, validated, and the matcher and look-up compiled for the
 * current settings. Everything is memoised and rebuilt on demand, so a restarted worker (Chrome
 * MV3) or a reloaded event page (Firefox) is ready again on its first message.
 */
import { browser } from '../shared/browser';
import { parseBundle } from '../core/list/bundle';
import { compileMatcher, type Matcher } from '../core/matcher';
import { createLookup } from '../core/lookup';
import type { Bundle, Entry } from '../core/model';
import type { Settings } from '../shared/settings';
import { includeFor } from '../core/selection';
import { readSettings } from './settings-store';

let bundlePromise: Promise<Bundle> | undefined;
type Lookup = ReturnType<typeof createLookup>;
/** For one selection of lists: the matcher, and the look-up once someone has searched. */
let compiled: { key: string; include: (e: Entry) => boolean; matcher: Matcher; lookup?: Lookup } | undefined;

async function loadEmbedded(): Promise<Bundle> {
  const response = await fetch(browser.runtime.getURL('data/bundle.json.gz'));
  if (!response.body) throw new Error('The embedded list is missing.');
  const inflated = new Response(response.body.pipeThrough(new DecompressionStream('gzip')));
  const parsed = parseBundle(await inflated.json());
  if (!parsed.ok) throw new Error(`The embedded list is damaged: ${parsed.error}`);
  return parsed.bundle;
}

export function getBundle(): Promise<Bundle> {
  bundlePromise ??= loadEmbedded().catch((err: unknown) => {
    bundlePromise = undefined; // try again on the next message
    throw err;
  });
  return bundlePromise;
}

function keyOf(settings: Settings): string {
  return JSON.stringify([settings.lists, settings.includeIndividuals, settings.includeVessels, settings.includeAircraft]);
}

async function compiledFor(settings: Settings): Promise<{ bundle: Bundle; current: NonNullable<typeof compiled> }> {
  const bundle = await getBundle();
  const key = keyOf(settings);
  if (!compiled || compiled.key !== key) {
    const include = includeFor(settings);
    compiled = { key, include, matcher: compileMatcher(bundle.entries, { include }) };
  }
  return { bundle, current: compiled };
}

/** The matcher for these settings, built once per selection of lists. */
export async function getMatcher(settings: Settings): Promise<Matcher> {
  return (await compiledFor(settings)).current.matcher;
}

/**
 * The look-up for these settings. Built on the first search, not with the matcher: pages
 * need only the matcher, and a restarted worker answers their first `match` sooner.
 */
export async function getLookup(settings: Settings): Promise<Lookup> {
  const { bundle, current } = await compiledFor(settings);
  current.lookup ??= createLookup(bundle.entries, { include: current.include });
  return current.lookup;
}

let byId: Map<string, Entry> | undefined;
export async function entriesById(ids: readonly string[]): Promise<Entry[]> {
  const bundle = await getBundle();
  byId ??= new Map(bundle.entries.map((e) => [e.id, e] as const));
  return ids.map((id) => byId?.get(id)).filter((e): e is Entry => e !== undefined);
}

/**
 * Starts loading the list and compiling the matcher for the stored settings without waiting:
 * called when the worker starts and when a page asks for its configuration, so that the
 * page's first `match` finds the matcher ready or nearly so.
 */
export function warmUp(): void {
  readSettings()
    .then(({ settings }) => getMatcher(settings))
    .catch((err: unknown) => console.error('listed-parties: could not load the list', err));
}
