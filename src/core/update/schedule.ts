/**
 * When to check for a new list, and how to read the server's answer. Pure: times are
 * milliseconds since the epoch, passed in; the background turns them into alarms.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The first check after install (or after updates are turned on): soon, not at once. */
export const FIRST_CHECK_DELAY_MS = MINUTE;
/** Waits after 1, 2, 3, … failures in a row; the last repeats. Each is capped at the interval. */
export const BACKOFF_MS = [5 * MINUTE, 15 * MINUTE, HOUR, 4 * HOUR, 12 * HOUR] as const;
/** Default largest download accepted; the official consolidated.json is 20–30 MB. */
export const DEFAULT_MAX_LIST_BYTES = 64 * 1024 * 1024;

export interface CheckHistory {
  /** When the last check ended, successful or not; absent before the first. */
  lastCheck?: number;
  /** When a check last succeeded (a new list taken, or "not modified"). */
  lastSuccess?: number;
  /** Failed checks since the last success. */
  consecutiveFailures: number;
}

/** The wait after `failures` failures in a row (0 → none), capped at the interval. */
export function backoffMs(failures: number, intervalMs: number): number {
  if (!(failures > 0)) return 0;
  const step = BACKOFF_MS[Math.min(Math.floor(failures), BACKOFF_MS.length) - 1] ?? HOUR;
  return Math.min(step, intervalMs);
}

/**
 * When the next check is due, or undefined when updates are off (`intervalHours` 0, or not a
 * positive number). Never earlier than `now`: a check that fell due while the browser was
 * closed is due now. A last check in the future (the clock was put back) counts as now, so a
 * clock change cannot postpone checks for long.
 */
export function nextCheckTime(history: CheckHistory, intervalHours: number, now: number): number | undefined {
  if (!Number.isFinite(intervalHours) || intervalHours <= 0) return undefined;
  const intervalMs = intervalHours * HOUR;
  if (history.lastCheck === undefined || !Number.isFinite(history.lastCheck)) return now + FIRST_CHECK_DELAY_MS;
  const last = Math.min(history.lastCheck, now);
  const wait = history.consecutiveFailures > 0 ? backoffMs(history.consecutiveFailures, intervalMs) : intervalMs;
  return Math.max(last + wait, now);
}

export function isCheckDue(history: CheckHistory, intervalHours: number, now: number): boolean {
  const due = nextCheckTime(history, intervalHours, now);
  return due !== undefined && due <= now;
}

/** The history after a check: success resets the failure count. */
export function recordCheck(history: CheckHistory, succeeded: boolean, now: number): CheckHistory {
  return succeeded
    ? { lastCheck: now, lastSuccess: now, consecutiveFailures: 0 }
    : { ...history, lastCheck: now, consecutiveFailures: history.consecutiveFailures + 1 };
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** A header value fetch accepts: no line breaks, Latin-1 only, not blank. */
const usable = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== '' && /^[\t\x20-\x7e\x80-\xff]*$/.test(v);

/**
 * Request headers for a conditional download. Save the validators only once a list from that
 * address has been accepted and stored: otherwise a refused download would answer "304 Not
 * Modified" next time and never be fetched again.
 */
export function conditionalHeaders(saved: Validators): Record<string, string> {
  const headers: Record<string, string> = {};
  if (usable(saved.etag)) headers['If-None-Match'] = saved.etag.trim();
  if (usable(saved.lastModified)) headers['If-Modified-Since'] = saved.lastModified.trim();
  return headers;
}

export type ResponseVerdict = { outcome: 'ok' } | { outcome: 'not-modified' } | { outcome: 'error'; error: string };

/**
 * Media types a list may come with. The official downloads are JSON and CSV; mirrors and object
 * stores often say text/plain or a generic binary type, and Excel-minded servers call CSV
 * `application/vnd.ms-excel`, and some servers force a download with `application/x-download`.
 * The content itself is recognised afterwards, so a loose label is harmless; a web page (a
 * login or error page), XML, an image or an archive is refused here.
 */
const ACCEPTED_TYPES = new Set([
  'application/json', 'text/json', 'application/x-json',
  'text/csv', 'application/csv', 'text/x-csv', 'application/x-csv', 'text/comma-separated-values', 'application/vnd.ms-excel',
  'text/plain', 'application/octet-stream', 'binary/octet-stream',
  'application/x-download', 'application/download', 'application/force-download',
]);

function statusError(status: number): string {
  if (status === 401 || status === 403) return `the server refused access to the list (HTTP ${status}); the address may need a login`;
  if (status === 404 || status === 410) return `there is no list at this address (HTTP ${status}, not found)`;
  if (status === 429) return 'the server asks to wait before downloading again (HTTP 429, too many requests)';
  if (status >= 500 && status < 600) return `the server failed to send the list (HTTP ${status}); it may be down for now`;
  if (status === 204 || status === 206) return `the server sent no complete list (HTTP ${status})`;
  if (status >= 300 && status < 400) return `the server redirected without a usable new address (HTTP ${status})`;
  return `the server answered with HTTP ${status} instead of the list`;
}

/**
 * Reads the status line and headers of a list download. `contentLength` is the header's value
 * (null when absent). It is the size on the wire: with compression the body is larger, so the
 * body must also be capped while it is read.
 */
export function classifyResponse(status: number, contentType: string | null | undefined, contentLength: number | string | null | undefined, maxBytes = DEFAULT_MAX_LIST_BYTES): ResponseVerdict {
  if (status === 304) return { outcome: 'not-modified' };
  if (status !== 200 && status !== 203) return { outcome: 'error', error: statusError(status) };
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== '' && !ACCEPTED_TYPES.has(type)) {
    const what = type === 'text/html' || type === 'application/xhtml+xml' ? 'a web page' : 'a file';
    return { outcome: 'error', error: `the server sent ${what} of type ${type} instead of a list (JSON or CSV)` };
  }
  const length = typeof contentLength === 'string' && contentLength.trim() !== '' ? Number(contentLength) : contentLength;
  if (typeof length === 'number' && Number.isFinite(length) && length > maxBytes) {
    return { outcome: 'error', error: `the list is too large: ${megabytes(length)}, more than the ${megabytes(maxBytes)} accepted` };
  }
  return { outcome: 'ok' };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
