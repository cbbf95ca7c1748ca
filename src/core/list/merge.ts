/**
 * Joins the sources into one set of entries: the Entity List name index gives membership, the
 * partial CSL adds details to the rows it covers, the legacy SDN set and the DPL text file fill
 * in what the partial CSL lacks. Duplicate entries of the same list are merged, not repeated.
 */
import type { Entry } from '../model';

/** A join key that ignores case, punctuation and spacing. */
export function nameKey(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Copies fields `extra` has and `base` lacks; aliases and provenance are unioned. */
export function enrich(base: Entry, extra: Partial<Entry>): void {
  for (const [k, v] of Object.entries(extra) as [keyof Entry, unknown][]) {
    if (v === undefined || k === 'id' || k === 'list' || k === 'listName' || k === 'name' || k === 'type') continue;
    if (k === 'aliases' || k === 'provenance' || k === 'addresses' || k === 'countries' || k === 'nativeNames') {
      const merged = [...new Set([...((base[k] as string[] | undefined) ?? []), ...(v as string[])])];
      if (merged.length) (base as unknown as Record<string, unknown>)[k] = merged;
    } else if (base[k] === undefined) {
      (base as unknown as Record<string, unknown>)[k] = v;
    }
  }
}

export interface JoinStats {
  joined: number;
  unjoined: Entry[];
}

/**
 * Adds the details of `detailed` entries to `members` of the same list, matching on the main
 * name or any alias. Returns the ones that found no member.
 */
export function joinDetails(members: Entry[], detailed: Entry[]): JoinStats {
  const index = new Map<string, Entry>();
  for (const m of members) {
    for (const n of [m.name, ...(m.aliases ?? [])]) {
      const key = `${m.list}:${nameKey(n)}`;
      if (!index.has(key)) index.set(key, m);
    }
  }
  const stats: JoinStats = { joined: 0, unjoined: [] };
  for (const d of detailed) {
    const hit = [d.name, ...(d.aliases ?? [])].map((n) => index.get(`${d.list}:${nameKey(n)}`)).find(Boolean);
    if (hit) {
      enrich(hit, d);
      stats.joined++;
    } else stats.unjoined.push(d);
  }
  return stats;
}

/** Entries from a newer source replace older ones with the same id; the older add what they alone have. */
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
