/**
 * The organisation's own restricted parties (the policy's `customEntries`): read entry by entry
 * with a warning for each one dropped, and turned into list entries that are flagged like listed
 * ones and labelled as the organisation's.
 */
import type { Entry } from './model';
import { LIMITS, KeyWarnings, cappedArray, cleanText, isObject, show } from './policy-values';

/** One of the organisation's own restricted parties, as the policy gives it (cleaned). */
export interface CustomEntry {
  name: string;
  aliases: string[];
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  reason?: string;
  url?: string;
}

export const CUSTOM_LIST_NAME = "Your organisation's list";

const ISO2 = /^[A-Z]{2}$/;
const CUSTOM_FIELDS = new Set(['name', 'aliases', 'country', 'reason', 'url']);

function httpUrl(s: string): boolean {
  if (s.length > LIMITS.urlLength) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** One custom entry, or the reason it is dropped. Empty optional fields count as absent. */
function readCustomEntry(v: unknown, at: string, warn: KeyWarnings): CustomEntry | string {
  if (!isObject(v)) return `${at}: must be an object with at least a name, not ${show(v)}`;
  const name = typeof v.name === 'string' ? cleanText(v.name) : '';
  if (!name || name.length > LIMITS.nameLength) return `${at}.name: must be a name of 1 to ${LIMITS.nameLength} characters`;
  const entry: CustomEntry = { name, aliases: [] };
  if (v.aliases !== undefined) {
    if (!Array.isArray(v.aliases) || v.aliases.length > LIMITS.aliases) return `${at}.aliases: must be a list of at most ${LIMITS.aliases} names`;
    for (const [i, alias] of v.aliases.entries()) {
      const text = typeof alias === 'string' ? cleanText(alias) : '';
      if (!text || text.length > LIMITS.nameLength) return `${at}.aliases[${i}]: must be a name of 1 to ${LIMITS.nameLength} characters`;
      if (text !== name && !entry.aliases.includes(text)) entry.aliases.push(text);
    }
  }
  const optional = (k: 'country' | 'reason' | 'url'): string | undefined =>
    typeof v[k] === 'string' && (v[k] as string).trim() !== '' ? (v[k] as string).trim() : undefined;
  for (const k of ['country', 'reason', 'url'] as const) {
    if (v[k] !== undefined && typeof v[k] !== 'string') return `${at}.${k}: must be text, not ${show(v[k])}`;
  }
  const country = optional('country')?.toUpperCase();
  if (country !== undefined) {
    if (!ISO2.test(country)) return `${at}.country: must be a two-letter country code such as "DE", not ${show(v.country)}`;
    entry.country = country;
  }
  const reason = optional('reason');
  if (reason !== undefined) {
    if (reason.length > LIMITS.reasonLength) return `${at}.reason: must be at most ${LIMITS.reasonLength} characters`;
    entry.reason = reason;
  }
  const url = optional('url');
  if (url !== undefined) {
    if (!httpUrl(url)) return `${at}.url: must be an http or https URL`;
    entry.url = url;
  }
  for (const k of Object.keys(v)) if (!CUSTOM_FIELDS.has(k)) warn.add(`${at}.${k}: unknown field, ignored (the entry is kept)`);
  return entry;
}

export function readCustomEntries(v: unknown, warn: KeyWarnings): CustomEntry[] | undefined {
  const items = cappedArray('customEntries', v, LIMITS.customEntries, 'entries ({name, aliases, country, reason, url})', warn);
  if (!items) return undefined;
  const entries: CustomEntry[] = [];
  const firstIndexOfName = new Map<string, number>();
  items.forEach((item, i) => {
    const result = readCustomEntry(item, `customEntries[${i}]`, warn);
    if (typeof result === 'string') return warn.add(`${result}; entry ignored`);
    const key = foldName(result.name);
    const first = firstIndexOfName.get(key);
    if (first !== undefined) return warn.add(`customEntries[${i}]: same name as customEntries[${first}]; entry ignored`);
    firstIndexOfName.set(key, i);
    entries.push(result);
  });
  return entries;
}

/** How names are compared for duplicates and ids: case, spacing and compatibility forms ignored. */
function foldName(name: string): string {
  return cleanText(name.normalize('NFKC').toLowerCase());
}

/** 64-bit FNV-1a as 16 hex digits (two 32-bit halves): ids that stay the same across policy edits. */
function hash64(text: string): string {
  let lo = 0x811c9dc5;
  let hi = 0x6c62272e;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    lo = Math.imul(lo ^ c, 0x01000193) >>> 0;
    hi = Math.imul(hi ^ c ^ (lo >>> 24), 0x01000193) >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** The organisation's entries as list entries, flagged like listed ones and labelled as its own. */
export function customEntriesToEntries(custom: readonly CustomEntry[]): Entry[] {
  const used = new Set<string>();
  return custom.map((c) => {
    const base = `CUSTOM-${hash64(foldName(c.name))}`;
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`; // same name twice: still distinct ids
    used.add(id);
    const entry: Entry = { id, list: 'CUSTOM', listName: CUSTOM_LIST_NAME, type: 'entity', name: c.name };
    if (c.aliases.length > 0) entry.aliases = [...c.aliases];
    if (c.country) entry.countries = [c.country];
    if (c.reason) entry.reason = { text: c.reason, source: c.url ?? '' };
    if (c.url) entry.url = c.url;
    return entry;
  });
}
