/**
 * What the options page says about list updates. The background keeps one `UpdateStatus`
 * record (persisted with the list) and the page turns it into sentences with `describeStatus`.
 */

export interface UpdateStatus {
  /** Data date of the list in use (YYYY-MM-DD). */
  dataDate?: string;
  /** Where the list in use came from: the bundle's origin ("embedded snapshot", a URL …). */
  origin?: string;
  /** The address updates are downloaded from; '' or absent when none is set. */
  sourceUrl?: string;
  /** Screening-list entries in the list in use. */
  entryCount?: number;
  /** When the last check ended (ms since the epoch). */
  lastCheck?: number;
  /** When a check last succeeded. */
  lastSuccess?: number;
  /** What the last successful check found. */
  lastResult?: 'updated' | 'not-modified';
  /** The error of the last check, when it failed; cleared by a success. */
  lastError?: string;
  /** When the next check is due; absent when updates are off. */
  nextCheck?: number;
  /** True when the user or the administrator turned updates off. */
  updatesOff?: boolean;
}

export type FormatTime = (ms: number) => string;

/** "2026-11-29 02:15 UTC": unambiguous without a locale; the page may pass its own formatter. */
export const formatUtc: FormatTime = (ms) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** "5 minutes ago", "in 3 hours", "just now": rounded down, coarse on purpose. */
export function relativeTime(ms: number, now: number): string {
  const diff = ms - now;
  const abs = Math.abs(diff);
  if (abs < 60_000) return diff <= 0 ? 'just now' : 'in less than a minute';
  const units: [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute']];
  const [size, name] = units.find(([u]) => abs >= u) ?? [60_000, 'minute'];
  const n = Math.floor(abs / size);
  const phrase = `${n} ${name}${n === 1 ? '' : 's'}`;
  return diff < 0 ? `${phrase} ago` : `in ${phrase}`;
}

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-08-18" → "18 August 2026"; anything else unchanged. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? LONG_MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/**
 * The status as plain sentences, one per fact, for the options page (rendered as text).
 * Error texts come from the update code and may quote a server or a file; they are never HTML.
 */
export function describeStatus(status: UpdateStatus, now: number, format: FormatTime = formatUtc): string[] {
  const when = (ms: number): string => `${format(ms)} (${relativeTime(ms, now)})`;
  const lines: string[] = [];
  const size = status.entryCount !== undefined ? `${status.entryCount.toLocaleString('en-US')} entries` : 'entries';
  const date = status.dataDate ? `, with data as of ${longDate(status.dataDate)}` : '';
  lines.push(`The list in use has ${size}${date}.`);
  if (status.origin) lines.push(`It came from: ${status.origin}.`);

  if (status.updatesOff) {
    lines.push('Automatic updates are off; the list changes only when the extension is updated.');
  } else if (status.sourceUrl) {
    lines.push(`Updates are downloaded from ${status.sourceUrl}.`);
  }

  if (status.lastCheck === undefined) {
    if (!status.updatesOff) lines.push('No check for a newer list has been made yet.');
  } else if (status.lastError) {
    lines.push(`The last check, at ${when(status.lastCheck)}, failed: ${status.lastError.replace(/[.\s]+$/, '')}.`);
    lines.push('The list in use stays as it was.');
  } else {
    const found = status.lastResult === 'updated' ? 'a new list was taken into use' : 'the list had not changed';
    lines.push(`Last checked at ${when(status.lastCheck)}: ${found}.`);
  }
  if (status.lastSuccess !== undefined && status.lastSuccess !== status.lastCheck) {
    lines.push(`The last successful check was at ${when(status.lastSuccess)}.`);
  } else if (status.lastSuccess === undefined && status.lastError) {
    lines.push('No check has succeeded yet.');
  }
  if (!status.updatesOff && status.nextCheck !== undefined) {
    lines.push(status.nextCheck <= now ? 'The next check is due now.' : `The next check is at ${when(status.nextCheck)}.`);
  }
  return lines;
}
