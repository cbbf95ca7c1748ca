/**
 * An organisation's policy (the browser's managed storage) read key by key, and merged with the
 * user's own settings. Pure: the background reads storage.managed and hands the raw object here.
 *
 * A policy is written by hand, by people who cannot see the extension's logs, so nothing here
 * throws: every value that cannot be used is dropped with a warning in plain words (shown on the
 * options page), and everything else still applies. The key names are a contract with
 * administrators (extension/managed_schema.json, docs/DEPLOYING.md): never rename one.
 */
import { isListCode, type ListCode } from './model';
import { readCustomEntries, type CustomEntry } from './custom-entries';
import { LIMITS, KeyWarnings, cappedArray, isObject, show } from './policy-values';
import { defaults, validateSettings, type Settings, type SettingsKey } from '../shared/settings';

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

/** Same shape as the options page's site patterns: `example.com` or `*.example.com`. */
const HOST_PATTERN = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
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

