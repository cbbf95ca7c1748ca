/**
 * The only writer of settings. storage.local holds what the user chose (not the defaults), so
 * the settings in force are: built-in defaults, then the organisation's managed values, then
 * the user's choices — or, when the policy locks settings, the managed values last. Everything
 * is validated on every read and write; a bad stored value is dropped with a warning.
 */
import { browser } from '../shared/browser';
import type { SettingsReply } from '../shared/messages';
import { loadChoices, validateSettings, SETTINGS_VERSION, type Settings } from '../shared/settings';
import type { CustomEntry } from '../core/custom-entries';
import { applyPolicy, withoutLockedKeys } from '../core/policy';
import { getPolicy, onPolicyChanged } from './policy-store';

const KEY = 'settings';
/** One empty array for every "no custom entries": the matcher cache compares them by identity. */
const NO_CUSTOM_ENTRIES: CustomEntry[] = [];

export interface SettingsState extends SettingsReply {
  /** The organisation's own parties, from the policy. */
  customEntries: CustomEntry[];
}

async function storedChoices(): Promise<{ choices: Partial<Settings>; warnings: string[] }> {
  const { settings, warnings } = loadChoices((await browser.storage.local.get(KEY))[KEY]);
  return { choices: settings, warnings };
}

export async function readSettings(): Promise<SettingsState> {
  const [{ choices, warnings }, policy] = await Promise.all([storedChoices(), getPolicy()]);
  const { effective, lockedKeys } = applyPolicy(choices, policy);
  return {
    settings: effective,
    warnings,
    managed: policy.managed,
    locked: lockedKeys,
    policyWarnings: policy.warnings,
    customEntries: policy.values.customEntries ?? NO_CUSTOM_ENTRIES,
  };
}

/** Stores the valid, unlocked part of `patch` as the user's choices; says what was refused. */
export async function writeSettings(patch: unknown): Promise<SettingsState> {
  const [{ choices }, policy] = await Promise.all([storedChoices(), getPolicy()]);
  const { lockedKeys } = applyPolicy(choices, policy);
  // Locked keys first: "set by your organisation" says more than a check on the value would.
  const allowed = withoutLockedKeys(patch && typeof patch === 'object' ? (patch as Partial<Settings>) : {}, lockedKeys);
  const { settings: valid, warnings } = validateSettings(patch && typeof patch === 'object' ? allowed.patch : patch);
  await browser.storage.local.set({ [KEY]: { ...choices, ...valid, settingsVersion: SETTINGS_VERSION } });
  const state = await readSettings();
  return { ...state, warnings: [...allowed.warnings, ...warnings] };
}

/** Calls `listener` when the settings in force may have changed: the user's or the policy's. */
export function onSettingsChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEY in changes) listener();
  });
  onPolicyChanged(listener);
}
