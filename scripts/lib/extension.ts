/**
 * Loads the extension's matcher and look-up for the command-line tools without binding to
 * their exact signatures at compile time (they are built alongside this script). The shapes
 * assumed are checked at run time, and a clear message says what is missing.
 */
import { resolveContext, strongIds, type Mention } from '../../src/core/mentions';
import type { Entry } from '../../src/core/model';

export type FindMentions = (text: string) => Mention[];
export type SearchNames = (query: string) => string[];

type Fn = (...args: unknown[]) => unknown;
const isFn = (v: unknown): v is Fn => typeof v === 'function';

async function load(path: string): Promise<Record<string, unknown> | string> {
  try {
    return (await import(path)) as Record<string, unknown>;
  } catch (err) {
    return `${path} could not be loaded: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
  }
}

function isMentionList(v: unknown): v is Mention[] {
  return Array.isArray(v) && v.every((m) => m && typeof m === 'object' && 'start' in m && 'end' in m && 'entryIds' in m);
}

/** compileMatcher(entries) + findInDocument(matcher, text), context already resolved. */
export async function loadExtensionMatcher(entries: Entry[]): Promise<FindMentions | string> {
  const mod = await load('../../src/core/matcher.ts');
  if (typeof mod === 'string') return mod;
  const { compileMatcher, findInDocument } = mod;
  if (!isFn(compileMatcher) || !isFn(findInDocument)) return 'src/core/matcher.ts does not export compileMatcher and findInDocument';
  const compiled = compileMatcher(entries);
  return (text) => {
    const found = findInDocument(compiled, text);
    if (!isMentionList(found)) throw new Error('findInDocument did not return Mention[]');
    // Resolving again is harmless if the matcher already did it.
    return resolveContext(found, strongIds(found));
  };
}

function idOfResult(r: unknown): string | undefined {
  if (!r || typeof r !== 'object') return undefined;
  const o = r as { id?: unknown; entryId?: unknown; entry?: { id?: unknown } };
  const id = o.entry?.id ?? o.entryId ?? o.id;
  return typeof id === 'string' ? id : undefined;
}

/** createLookup(entries).search(query) → entry ids, best first. */
export async function loadExtensionLookup(entries: Entry[]): Promise<SearchNames | string> {
  const mod = await load('../../src/core/lookup.ts');
  if (typeof mod === 'string') return mod;
  const { createLookup } = mod;
  if (!isFn(createLookup)) return 'src/core/lookup.ts does not export createLookup';
  const lookup = createLookup(entries) as { search?: unknown };
  const search = lookup.search;
  if (!isFn(search)) return 'createLookup(...) has no search()';
  return (query) => {
    const res = search.call(lookup, query);
    return Array.isArray(res) ? res.map(idOfResult).filter((x): x is string => x !== undefined) : [];
  };
}
