/**
 * Joining entries from several sources. Rules: a field one source lacks is taken from another,
 * never overwritten (the first source given wins a conflict); name lists are unioned.
 */
import type { Entry } from '../model';

/** A join key that ignores case, diacritics, punctuation and spacing. */
export function nameKey(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const FIXED = new Set<keyof Entry>(['id', 'list', 'listName', 'name', 'type']);
const UNIONED = new Set<keyof Entry>(['aliases', 'provenance', 'addresses', 'countries', 'nativeNames', 'programs']);

/** Copies the fields `extra` has and `base` lacks; lists of names, places and files are unioned. */
export function enrich(base: Entry, extra: Partial<Entry>): void {
  const target = base as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(extra) as [keyof Entry, unknown][]) {
    if (v === undefined || FIXED.has(k)) continue;
    if (UNIONED.has(k)) {
      const merged = [...new Set([...((base[k] as string[] | undefined) ?? []), ...(v as string[])])];
      if (merged.length) target[k] = merged;
    } else if (base[k] === undefined) target[k] = v;
  }
}

export interface JoinStats {
  /** Detailed entries that found their member. */
  joined: number;
  /** Members that received details. */
  enriched: number;
  unjoined: Entry[];
}

/**
 * Adds the details of `detailed` entries to the `members` of the same list with the same name,
 * comparing the main name and every alias of both sides by `nameKey`. A detailed entry whose
 * names meet no member is returned in `unjoined`.
 */
export function joinDetails(members: Entry[], detailed: Entry[]): JoinStats {
  const index = new Map<string, Entry>();
  for (const m of members) {
    for (const n of [m.name, ...(m.aliases ?? [])]) {
      const key = `${m.list}:${nameKey(n)}`;
      if (!index.has(key)) index.set(key, m);
    }
  }
  const stats: JoinStats = { joined: 0, enriched: 0, unjoined: [] };
  const touched = new Set<Entry>();
  for (const d of detailed) {
    const hit = [d.name, ...(d.aliases ?? [])].map((n) => index.get(`${d.list}:${nameKey(n)}`)).find(Boolean);
    if (hit) {
      enrich(hit, d);
      touched.add(hit);
      stats.joined++;
    } else stats.unjoined.push(d);
  }
  stats.enriched = touched.size;
  return stats;
}

/** Entries of a newer source keep their ids; an older entry with the same id only adds what it alone has. */
export function preferNewer(newer: Entry[], older: Entry[]): { entries: Entry[]; added: number } {
  const byId = new Map(newer.map((e) => [e.id, e] as const));
  let added = 0;
  for (const o of older) {
    const n = byId.get(o.id);
    if (n) enrich(n, o);
    else {
      byId.set(o.id, o);
      added++;
    }
  }
  return { entries: [...byId.values()], added };
}

/** Lists whose rows carry no per-party id: there, rows of one name are one party. */
export const NAME_KEYED_LISTS: readonly string[] = ['EL', 'MEU', 'DPL'];

/**
 * One entry per listed party: rows of the same list with the same name (the Denied Persons List
 * gives one row per address; the Entity List repeats a party under each destination) become
 * one entry, the first row's id kept. Only lists in `lists` are folded (Treasury and State
 * rows have their own ids, and two people may share a name). Returns the entries in their
 * order and how many rows were folded in.
 */
export function collapseSameName(entries: Entry[], lists: readonly string[] = NAME_KEYED_LISTS): { entries: Entry[]; folded: number } {
  const byKey = new Map<string, Entry>();
  let folded = 0;
  for (const e of entries) {
    const key = lists.includes(e.list) ? `${e.list}:${nameKey(e.name)}` : `id:${e.id}:${byKey.size}`;
    const first = byKey.get(key);
    if (first) {
      enrich(first, e);
      folded++;
    } else byKey.set(key, e);
  }
  return { entries: [...byKey.values()], folded };
}
