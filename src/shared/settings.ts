/**
 * The one description of the extension's settings: `defaults` gives every key its type and
 * default; validation and migrations live beside it. Only the background writes settings
 * (the popup and options page ask it to, by message).
 */
import { LIST_CODES, isListCode, type ListCode } from '../core/model';

export const OFFICIAL_LIST_URL =
  'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json';

export const HIGHLIGHT_STYLES = ['underline', 'background', 'outline'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/**
 * 1: every setting stored, defaults included. 2: only what the user chose, so an organisation's
 * managed value can stand in for a built-in default the user never changed.
 */
export const SETTINGS_VERSION = 2;

export const defaults = {
  /** Lists whose entries are flagged. */
  lists: [...LIST_CODES] as ListCode[],
  /** Organisations are flagged by default; people, vessels and aircraft are opt-in. */
  includeIndividuals: false,
  includeVessels: false,
  includeAircraft: false,
  /** Host patterns never scanned: `example.com` or `*.example.com`. */
  excludedSites: [] as string[],
  /** Pause on every site. */
  paused: false,
  highlightStyle: 'underline' as HighlightStyle,
  /** Where list updates come from (used by the update feature). */
  listUrl: OFFICIAL_LIST_URL,
  /** 0 turns updates off. */
  updateIntervalHours: 24,
  /**
   * Ed25519 public key (base64 of the 32-byte key) that list bundles must be signed with;
   * empty accepts unsigned bundles. Usually set by an organisation's policy.
   */
  listPublicKey: '',
};

export type Settings = typeof defaults;
export type SettingsKey = keyof Settings;

/** A dense array of strings: `every` skips holes, so a sparse array is refused by its length. */
function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && Object.keys(v).length === v.length && v.every((s) => typeof s === 'string');
}

/** Checks one value; returns the cleaned value, or an error message in plain words. */
type Check<K extends SettingsKey> = (v: unknown) => { ok: true; value: Settings[K] } | { ok: false; error: string };

const checks: { [K in SettingsKey]: Check<K> } = {
  lists: (v) =>
    isStringArray(v) && v.every(isListCode)
      ? { ok: true, value: [...new Set(v)] }
      : { ok: false, error: `must be a list of list codes (${LIST_CODES.join(', ')})` },
  includeIndividuals: bool,
  includeVessels: bool,
  includeAircraft: bool,
  excludedSites: (v) =>
    isStringArray(v) && v.length <= 1000 && v.every((s) => s.length <= 253)
      ? { ok: true, value: v.map((s) => s.trim().toLowerCase()).filter(Boolean) }
      : { ok: false, error: 'must be a list of at most 1000 host names such as example.com or *.example.com' },
  paused: bool,
  highlightStyle: (v) =>
    typeof v === 'string' && (HIGHLIGHT_STYLES as readonly string[]).includes(v)
      ? { ok: true, value: v as HighlightStyle }
      : { ok: false, error: `must be one of ${HIGHLIGHT_STYLES.join(', ')}` },
  listUrl: (v) => {
    if (typeof v !== 'string') return { ok: false, error: 'must be a URL' };
    try {
      const u = new URL(v);
      if (u.protocol === 'https:' || u.protocol === 'http:') return { ok: true, value: v };
    } catch {
      /* falls through to the error */
    }
    return { ok: false, error: 'must be an http or https URL' };
  },
  updateIntervalHours: (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 24 * 365
      ? { ok: true, value: v }
      : { ok: false, error: 'must be a whole number of hours, 0 or more' },
  listPublicKey: (v) => {
    if (typeof v !== 'string') return { ok: false, error: 'must be an Ed25519 public key in base64' };
    const key = ed25519KeyBase64(v);
    return key === undefined ? { ok: false, error: 'must be an Ed25519 public key in base64 (32 bytes, or its SPKI form)' } : { ok: true, value: key };
  },
};

/** DER prefix of an Ed25519 SubjectPublicKeyInfo: what `openssl pkey -pubout` writes before the 32 key bytes. */
const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/**
 * The raw 32-byte key, in base64, from what an administrator is likely to paste: the raw key
 * in base64, or the SPKI form (base64 or PEM). '' stays '' (no key). Undefined when it is neither.
 */
export function ed25519KeyBase64(text: string): string | undefined {
  const b64 = text.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  if (b64 === '') return '';
  if (b64.length > 200 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
  let bytes: number[];
  try {
    bytes = [...atob(b64)].map((c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
  if (bytes.length === 44 && ED25519_SPKI_PREFIX.every((b, i) => bytes[i] === b)) bytes = bytes.slice(12);
  return bytes.length === 32 ? btoa(String.fromCharCode(...bytes)) : undefined;
}

function bool(v: unknown): { ok: true; value: boolean } | { ok: false; error: string } {
  return typeof v === 'boolean' ? { ok: true, value: v } : { ok: false, error: 'must be true or false' };
}

export interface ValidationResult {
  settings: Partial<Settings>;
  /** One warning per rejected key, e.g. "lists: must be a list of list codes". */
  warnings: string[];
}

/** Validates key by key: a bad key is dropped with a warning, the rest are kept. */
export function validateSettings(raw: unknown): ValidationResult {
  const settings: Partial<Settings> = {};
  const warnings: string[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, warnings: raw === undefined ? [] : ['settings must be an object'] };
  }
  for (const [key, value] of Object.entries(raw)) {
    // Own keys only: `in` would also find Object.prototype's names ("__proto__", "toString").
    if (!Object.hasOwn(checks, key)) continue; // unknown keys belong to other parts (or older versions)
    const k = key as SettingsKey;
    const result = (checks[k] as Check<SettingsKey>)(value);
    if (result.ok) (settings as Record<string, unknown>)[k] = result.value;
    else warnings.push(`${k}: ${result.error}`);
  }
  return { settings, warnings };
}

/**
 * Ordered migrations: entry i turns a version-i object into version i+1. Stored settings carry
 * `settingsVersion`; a missing version means version 0 (nothing stored yet, or the first format).
 */
const migrations: Array<(old: Record<string, unknown>) => Record<string, unknown>> = [
  (old) => old, // 0 → 1: the first format; nothing to change
  // 1 → 2: version 1 wrote defaults along with choices; a value equal to its default is taken as
  // never chosen, which is what it meant in nearly every case.
  (old) => Object.fromEntries(Object.entries(old).filter(([k, v]) => !(k in defaults) || JSON.stringify(v) !== JSON.stringify(defaults[k as SettingsKey]))),
];

export function migrateSettings(stored: Record<string, unknown>): Record<string, unknown> {
  let version = typeof stored.settingsVersion === 'number' ? stored.settingsVersion : 0;
  let data = { ...stored };
  while (version < SETTINGS_VERSION) {
    const step = migrations[version];
    if (!step) break;
    data = step(data);
    version += 1;
  }
  data.settingsVersion = SETTINGS_VERSION;
  return data;
}

/** The user's own choices from what is stored: migrated, and checked key by key. */
export function loadChoices(stored: unknown): ValidationResult {
  const migrated = stored && typeof stored === 'object' && !Array.isArray(stored) ? migrateSettings(stored as Record<string, unknown>) : {};
  return validateSettings(migrated);
}

/** Defaults, overlaid with whatever valid values `stored` holds. */
export function loadSettings(stored: unknown): ValidationResult & { settings: Settings } {
  const { settings, warnings } = loadChoices(stored);
  return { settings: { ...defaults, ...settings }, warnings };
}

/** True when `host` is covered by a pattern: `example.com` (and its subdomains) or `*.example.com`. */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase();
  const p = pattern.toLowerCase().replace(/^\*\./, '');
  return h === p || h.endsWith(`.${p}`);
}
