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

let bundlePromise: Promise<Bundle> | undefined;
let compiled: { key: string; matcher: Matcher; lookup: ReturnType<typeof createLookup> } | undefined;

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

export async function getCompiled(settings: Settings): Promise<{ matcher: Matcher; lookup: ReturnType<typeof createLookup>; bundle: Bundle }> {
  const bundle = await getBundle();
  const key = keyOf(settings);
  if (!compiled || compiled.key !== key) {
    const include = includeFor(settings);
    compiled = { key, matcher: compileMatcher(bundle.entries, { include }), lookup: createLookup(bundle.entries, { include }) };
  }
  return { matcher: compiled.matcher, lookup: compiled.lookup, bundle };
}

let byId: Map<string, Entry> | undefined;
export async function entriesById(ids: readonly string[]): Promise<Entry[]> {
  const bundle = await getBundle();
  byId ??= new Map(bundle.entries.map((e) => [e.id, e] as const));
  return ids.map((id) => byId?.get(id)).filter((e): e is Entry => e !== undefined);
}
