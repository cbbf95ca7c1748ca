/**
 * The only writer of settings. storage.local holds what the user chose (not the defaults), so
 * the settings in force are: built-in defaults, then the organisation's managed values, then
 * the user's choices — or, when the policy locks settings, the managed values last. Everything
 * is validated on every read and write; a bad stored value is dropped with a warning.
 *
 * What was read is kept in memory until the stored choices or the policy change: every page's
 * `match` needs the settings, and reading them from storage cost the worker 3–7 ms a message.
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

/** The settings last read; undefined once they may have changed. */
let cached: Promise<SettingsState> | undefined;
let watching = false;

function forgetSettings(): void {
  cached = undefined;
}

/**
 * Forgets the kept settings whenever storage or the policy changes, whoever changed them (this
 * worker, or a change made while it was stopped: it starts with nothing kept). Started with the
 * first read, as nothing is kept before it.
 */
function watchForChanges(): void {
  if (watching) return;
  watching = true;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEY in changes) forgetSettings();
  });
  onPolicyChanged(forgetSettings);
}

/**
 * The settings in force. The answer is shared between callers and must not be changed by them.
 * A read that was already under way when the settings changed still answers those who asked
 * before the change; later callers read again.
 */
export function readSettings(): Promise<SettingsState> {
  watchForChanges();
  if (cached) return cached;
  const reading = loadSettings();
  cached = reading;
  // A failed read is not kept: the next caller tries again.
  reading.catch(() => {
    if (cached === reading) forgetSettings();
  });
  return reading;
}

async function loadSettings(): Promise<SettingsState> {
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
  // Forgotten before and after the write: storage.onChanged may come later than the write's
  // answer, and this call's own read below must see what it wrote.
  forgetSettings();
  try {
    await browser.storage.local.set({ [KEY]: { ...choices, ...valid, settingsVersion: SETTINGS_VERSION } });
  } finally {
    forgetSettings();
  }
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
