/**
 * The organisation's policy, read from the browser's managed storage (Chrome and Edge policies,
 * Firefox policies.json `3rdparty`), checked key by key by `readPolicy`, and kept in memory
 * until the browser says it changed.
 */
import { browser } from '../shared/browser';
import { NO_POLICY, readPolicy, type Policy } from '../core/policy';

let cached: Promise<Policy> | undefined;

async function loadPolicy(): Promise<Policy> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get();
  } catch {
    // Firefox rejects when no policy names this extension, and some browsers have no managed
    // storage at all: both mean "not managed".
    return NO_POLICY;
  }
  if (raw && typeof raw === 'object' && Object.keys(raw).length === 0) return NO_POLICY;
  return readPolicy(raw);
}

export function getPolicy(): Promise<Policy> {
  cached ??= loadPolicy();
  return cached;
}

/** Calls `listener` after the policy changed (the administrator edited it; no restart needed). */
export function onPolicyChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    cached = undefined;
    listener();
  });
}
