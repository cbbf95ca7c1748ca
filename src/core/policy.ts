/**
 * An organisation's policy (the browser's managed storage) read key by key, and merged with the
 * user's own settings. Pure: the background reads storage.managed and hands the raw object here.
 *
 * A policy is written by hand, by people who cannot see the extension's logs, so nothing here
 * throws: every value that cannot be used is dropped with a warning in plain words (shown on the
 * options page), and everything else still applies. The key names are a contract with
 * administrators (extension/managed_schema.json, docs/DEPLOYING.md): never rename one.
 */
import { isListCode, type Entry, type ListCode } from './model';
import { defaults, validateSettings, type Settings, type SettingsKey } from '../shared/settings';

/** One of the organisation's own restricted parties, as the policy gives it (cleaned). */
export interface CustomEntry {
  name: string;
  aliases: string[];
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  reason?: string;
  url?: string;
}

/** Policy keys that are also settings: the policy sets them for the user (or locks them). */
export const MANAGED_SETTINGS_KEYS = [
  'listUrl', 'listPublicKey', 'updateIntervalHours', 'lists', 'includeIndividuals', 'excludedSites',
] as const satisfies readonly SettingsKey[];
export type ManagedSettingsKey = (typeof MANAGED_SETTINGS_KEYS)[number];

/** Every key an administrator may set. */
export const MANAGED_KEYS = [...MANAGED_SETTINGS_KEYS, 'customEntries', 'lockSettings'] as const;

export type ManagedValues = Partial<Pick<Settings, ManagedSettingsKey>> & {
  customEntries?: CustomEntry[];
  lockSettings?: boolean;
};

export interface Policy {
  /** The values that passed their checks; a key is absent when the policy does not set it validly. */
  values: ManagedValues;
  /** One line per ignored value, e.g. `lists[2]: "XYZ" is not a list code`. */
  warnings: string[];
  /** lockSettings is true: managed values win and the user cannot change them. */
  locked: boolean;
  /** The policy sets anything at all (even if nothing valid): the options page says so. */
  managed: boolean;
}

export const NO_POLICY: Policy = { values: {}, warnings: [], locked: false, managed: false };

/** Caps against hostile or mistaken policies: far above any real use, far below trouble. */
export const LIMITS = {
  lists: 100,
  excludedSites: 1000,
  customEntries: 5000,
  aliases: 100,
  nameLength: 300,
  reasonLength: 2000,
  urlLength: 2048,
  /** Warnings kept per key; the rest are counted in one line. */
  warningsPerKey: 20,
};

export const CUSTOM_LIST_NAME = "Your organisation's list";

/** Same shape as the options page's site patterns: `example.com` or `*.example.com`. */
const HOST_PATTERN = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const ISO2 = /^[A-Z]{2}$/;
const CUSTOM_FIELDS = new Set(['name', 'aliases', 'country', 'reason', 'url']);

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown): string => {
  const text = typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v;
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
};
const cleanText = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Collects warnings for one key, keeping the first few and counting the rest. */
class KeyWarnings {
  private readonly lines: string[] = [];
  private extra = 0;
  add(line: string): void {
    if (this.lines.length < LIMITS.warningsPerKey) this.lines.push(line);
    else this.extra += 1;
  }
  flushInto(out: string[], key: string): void {
    out.push(...this.lines);
    if (this.extra > 0) out.push(`${key}: ${this.extra} more problems not shown`);
  }
}

/** An array value, capped to `max` items with a warning; undefined (and a warning) when not an array. */
function cappedArray(key: string, v: unknown, max: number, what: string, warn: KeyWarnings): unknown[] | undefined {
  if (!Array.isArray(v)) {
    warn.add(`${key}: must be a list of ${what}, not ${show(v)}`);
    return undefined;
  }
  if (v.length > max) warn.add(`${key}: only the first ${max} of ${v.length} items are used`);
  return v.slice(0, max);
}

function readLists(v: unknown, warn: KeyWarnings): ListCode[] | undefined {
  const items = cappedArray('lists', v, LIMITS.lists, 'list codes such as "EL" or "SDN"', warn);
  if (!items) return undefined;
  const codes: ListCode[] = [];
  items.forEach((item, i) => {
    const code = typeof item === 'string' ? item.trim().toUpperCase() : item;
    if (isListCode(code)) {
      if (!codes.includes(code)) codes.push(code);
    } else warn.add(`lists[${i}]: ${show(item)} is not a list code (EL, MEU, UVL, DPL, SDN, SSI, FSE, PLC, CAP, CMIC, MBS, DTC, ISN)`);
  });
  return codes;
}

function readSites(v: unknown, warn: KeyWarnings): string[] | undefined {
  const items = cappedArray('excludedSites', v, LIMITS.excludedSites, 'host patterns', warn);
  if (!items) return undefined;
  const sites: string[] = [];
  items.forEach((item, i) => {
    const pattern = typeof item === 'string' ? item.trim().toLowerCase().replace(/\.$/, '') : '';
    if (pattern.length <= 253 && HOST_PATTERN.test(pattern)) {
      if (!sites.includes(pattern)) sites.push(pattern);
    } else warn.add(`excludedSites[${i}]: ${show(item)} is not a host pattern such as intranet.example.com or *.corp.example.com`);
  });
  return sites;
}

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

function readCustomEntries(v: unknown, warn: KeyWarnings): CustomEntry[] | undefined {
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

/**
 * Reads a raw managed-storage object key by key. Never throws; every value it cannot use is
 * left out with a warning, and the rest apply.
 */
export function readPolicy(raw: unknown): Policy {
  if (raw === undefined || raw === null) return { ...NO_POLICY, values: {}, warnings: [] };
  if (!isObject(raw)) return { values: {}, warnings: [`the policy must be an object of settings, not ${show(raw)}`], locked: false, managed: true };
  const values: ManagedValues = {};
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const warn = new KeyWarnings();
    switch (key) {
      case 'lists': {
        const lists = readLists(value, warn);
        if (lists) values.lists = lists;
        break;
      }
      case 'excludedSites': {
        const sites = readSites(value, warn);
        if (sites) values.excludedSites = sites;
        break;
      }
      case 'customEntries': {
        const entries = readCustomEntries(value, warn);
        if (entries) values.customEntries = entries;
        break;
      }
      case 'lockSettings':
        if (typeof value === 'boolean') values.lockSettings = value;
        else warn.add(`lockSettings: must be true or false, not ${show(value)}`);
        break;
      case 'listUrl':
      case 'listPublicKey':
      case 'updateIntervalHours':
      case 'includeIndividuals': {
        if (key === 'listUrl' && typeof value === 'string' && value.length > LIMITS.urlLength) {
          warn.add(`listUrl: must be at most ${LIMITS.urlLength} characters`);
          break;
        }
        // The same checks as the user's own settings, so a value valid here is valid there.
        const checked = validateSettings({ [key]: value });
        if (key in checked.settings) Object.assign(values, { [key]: checked.settings[key] });
        checked.warnings.forEach((w) => warn.add(w));
        break;
      }
      default:
        warn.add(`${key.length > 60 ? `${key.slice(0, 57)}…` : key}: unknown key, ignored`);
    }
    warn.flushInto(warnings, key);
  }
  return { values, warnings, locked: values.lockSettings === true, managed: Object.keys(raw).length > 0 };
}

/** The settings part of a policy's values. */
export function managedSettings(values: ManagedValues): Partial<Settings> {
  const out: Partial<Settings> = {};
  for (const k of MANAGED_SETTINGS_KEYS) if (values[k] !== undefined) Object.assign(out, { [k]: values[k] });
  return out;
}

/**
 * The settings in force. `user` is what the user has chosen themselves (stored choices, not
 * filled with defaults: a key the user never set must be absent, or a managed default could
 * never reach them). Without lockSettings, managed values replace the built-in defaults and the
 * user's choices win; with it, managed values win and their keys are locked.
 */
export function applyPolicy(
  user: Partial<Settings>,
  policy: Pick<Policy, 'values' | 'locked'>,
): { effective: Settings; lockedKeys: SettingsKey[] } {
  const chosen = validateSettings(user).settings;
  const managed = managedSettings(policy.values);
  if (!policy.locked) return { effective: { ...defaults, ...managed, ...chosen }, lockedKeys: [] };
  return { effective: { ...defaults, ...chosen, ...managed }, lockedKeys: Object.keys(managed) as SettingsKey[] };
}

/** A settings change from the user without the locked keys, with a warning for each one dropped. */
export function withoutLockedKeys(patch: Partial<Settings>, lockedKeys: readonly SettingsKey[]): { patch: Partial<Settings>; warnings: string[] } {
  const kept: Partial<Settings> = { ...patch };
  const warnings: string[] = [];
  for (const k of lockedKeys) {
    if (k in kept) {
      delete kept[k];
      warnings.push(`${k}: set by your organisation; it cannot be changed here`);
    }
  }
  return { patch: kept, warnings };
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
