/**
 * Is a freshly converted list fit to replace the one in use? A list can be perfectly well-formed
 * and still wrong: a mirror that served half a file, an upstream export that lost one source
 * list. The rules, in the order they are checked:
 *
 * 1. The new list passes `parseBundle` (the same strict check as every bundle the extension loads).
 * 2. It has at least one entry from a screening list (an organisation's CUSTOM entries do not count).
 * 3. Compared with the list in use (when there is one), it loses at most `maxLossShare` of
 *    - all screening-list entries together, and
 *    - the entries of each source list (EL, SDN, …) that has at least `PER_LIST_MIN_ENTRIES`
 *      entries in the list in use. This catches one list vanishing from the download while the
 *      total barely moves (losing the 543 DPL entries is 4% of 13,816). Smaller lists (FSE and
 *      CAP have one or two entries) change by whole entries as parties are delisted, so they
 *      are only part of the total.
 *    `maxLossShare` of 1 or more turns the loss checks off: the way out for an administrator
 *    when a source list is really withdrawn. Growth is never refused.
 *    `perList: false` keeps only the total check: for comparing with the embedded snapshot,
 *    whose per-list counts come from other sources than the official download (its Entity
 *    List is built from another name list), so a first update is not refused for that.
 */
import type { Bundle, ListCode } from '../model';
import { LIST_CODES } from '../model';
import { parseBundle } from '../list/bundle';

export const DEFAULT_MAX_LOSS_SHARE = 0.2;
/** Source lists smaller than this in the list in use are only checked as part of the total. */
export const PER_LIST_MIN_ENTRIES = 10;

export interface PlausibilityOptions {
  /** Largest share of entries (0–1) the new list may lose; default 0.2. */
  maxLossShare: number;
  /** Also check each source list (default true); see the module comment. */
  perList?: boolean;
}

export type CheckResult = { ok: true } | { ok: false; error: string };

const total = (counts: Partial<Record<ListCode, number>>): number => Object.values(counts).reduce((a, n) => a + (n ?? 0), 0);
const percent = (share: number): string => `${Math.round(share * 100)}%`;
const count = (n: number): string => n.toLocaleString('en-US');

/** The loss share to apply: the option when it is a sensible number, else the default. */
export function effectiveMaxLossShare(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_MAX_LOSS_SHARE;
}

export function checkNewList(current: Bundle | undefined, next: Bundle, opts: PlausibilityOptions = { maxLossShare: DEFAULT_MAX_LOSS_SHARE }): CheckResult {
  const parsed = parseBundle(next);
  if (!parsed.ok) return { ok: false, error: `the new list is not a valid list bundle (${parsed.error})` };
  const nextCounts = parsed.bundle.counts;
  const nextTotal = total(nextCounts);
  if (nextTotal === 0) return { ok: false, error: 'the new list is empty: it has no entries from any screening list' };

  const maxLoss = effectiveMaxLossShare(opts.maxLossShare);
  if (!current || maxLoss >= 1) return { ok: true };
  // The counts of the list in use are recomputed too: a stored bundle's counts are not trusted.
  const currentParsed = parseBundle(current);
  const currentCounts = currentParsed.ok ? currentParsed.bundle.counts : {};
  const currentTotal = total(currentCounts);
  const allowed = `more than the ${percent(maxLoss)} allowed`;

  if (currentTotal > 0) {
    const lost = (currentTotal - nextTotal) / currentTotal;
    if (lost > maxLoss) {
      return {
        ok: false,
        error: `the new list has ${count(nextTotal)} entries, ${percent(lost)} fewer than the ${count(currentTotal)} in use (${allowed}); it may be cut short`,
      };
    }
  }
  if (opts.perList === false) return { ok: true };
  for (const code of LIST_CODES) {
    const before = currentCounts[code] ?? 0;
    if (before < PER_LIST_MIN_ENTRIES) continue;
    const after = nextCounts[code] ?? 0;
    const lost = (before - after) / before;
    if (lost <= maxLoss) continue;
    return {
      ok: false,
      error:
        after === 0
          ? `the new list has no ${code} entries, while the list in use has ${count(before)}; that source list seems to be missing from the download`
          : `the new list has ${count(after)} ${code} entries, ${percent(lost)} fewer than the ${count(before)} in use (${allowed})`,
    };
  }
  return { ok: true };
}
