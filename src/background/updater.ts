/**
 * List updates: on an alarm (or "Update now"), downloads the list from the configured source,
 * has src/core/update check and convert it with the build's own code, and swaps it in at once.
 * Whatever goes wrong, the list in use stays; the status says what happened, in plain words.
 */
import { browser } from '../shared/browser';
import type { Bundle } from '../core/model';
import { commonWordsFromBundle } from '../core/list/ambiguity';
import { parseBundle } from '../core/list/bundle';
import {
  classifyResponse, conditionalHeaders, DEFAULT_MAX_LIST_BYTES, nextCheckTime, prepareUpdate, recordCheck,
  signatureUrlFor, SIGNATURE_MAX_BYTES, type CheckHistory, type UpdateStatus, type Validators,
} from '../core/update';
import { getBundle, getEmbeddedBundle, replaceBundle, usingSavedBundle } from './list-store';
import { deleteSavedBundle, loadSavedBundle, saveBundle } from './list-db';
import { readSettings } from './settings-store';

const ALARM = 'list-update';
const STATE_KEY = 'updateState';
/** A download that has not finished by then has failed; the official file is 20–30 MB. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

/** What is remembered between checks (storage.local: small, survives restarts and upgrades). */
interface UpdateState extends CheckHistory {
  /** The source the validators and `lastResult` belong to. */
  sourceUrl?: string;
  validators?: Validators;
  lastResult?: 'updated' | 'not-modified';
  lastError?: string;
}

async function readState(): Promise<UpdateState> {
  const raw = (await browser.storage.local.get(STATE_KEY))[STATE_KEY] as Partial<UpdateState> | undefined;
  const failures = raw?.consecutiveFailures;
  return { ...(raw && typeof raw === 'object' ? raw : {}), consecutiveFailures: typeof failures === 'number' && failures >= 0 ? failures : 0 };
}

async function writeState(state: UpdateState): Promise<void> {
  await browser.storage.local.set({ [STATE_KEY]: state });
}

/** The saved list, checked again on the way in: a format from an older version is not trusted blindly. */
export async function savedBundle(): Promise<Bundle | undefined> {
  const saved = await loadSavedBundle();
  if (saved === undefined) return undefined;
  const parsed = parseBundle(saved);
  if (!parsed.ok) throw new Error(`the saved list is damaged: ${parsed.error}`);
  return parsed.bundle;
}

/**
 * After the extension itself was updated: a download older than its new embedded list is no
 * longer used (the list store already prefers the newer one on load), so it is removed.
 */
export async function dropOutdatedDownload(): Promise<void> {
  const saved = await savedBundle().catch(() => undefined);
  if (saved && saved.dataDate < __EMBEDDED_DATA_DATE__) await deleteSavedBundle();
}

/** Sets (or clears) the alarm for the next check from the settings and the history. */
export async function scheduleNextCheck(): Promise<void> {
  const [{ settings }, state] = await Promise.all([readSettings(), readState()]);
  // A new source starts afresh: its first check comes soon, not a whole interval later.
  const history: CheckHistory = state.sourceUrl === settings.listUrl ? state : { consecutiveFailures: 0 };
  const when = nextCheckTime(history, settings.updateIntervalHours, Date.now());
  if (when === undefined) await browser.alarms.clear(ALARM);
  else await browser.alarms.create(ALARM, { when });
}

/** Reads at most `max` bytes of a body; more is an error, not a silently cut list. */
async function readCapped(response: Response, max: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new Error(`the list is larger than the ${Math.round(max / 1048576)} MB accepted`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

function describeFetchError(err: unknown): string {
  if (err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `the download did not finish within ${DOWNLOAD_TIMEOUT_MS / 1000} seconds`;
  }
  if (err instanceof TypeError) return 'the list source could not be reached (offline, or the address is wrong)';
  return err instanceof Error ? err.message : String(err);
}

async function fetchSignature(listUrl: string): Promise<string | undefined> {
  try {
    const response = await fetch(signatureUrlFor(listUrl), { cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(30_000) });
    if (!response.ok) return undefined;
    return new TextDecoder().decode(await readCapped(response, SIGNATURE_MAX_BYTES));
  } catch {
    return undefined; // prepareUpdate names the missing signature
  }
}

type CheckOutcome = { ok: true; result: 'updated' | 'not-modified' } | { ok: false; error: string };

async function download(state: UpdateState): Promise<CheckOutcome> {
  const { settings } = await readSettings();
  const url = settings.listUrl;
  const sameSource = state.sourceUrl === url;
  let response: Response;
  try {
    response = await fetch(url, {
      // The browser's HTTP cache would answer for the server; the validators below ask it.
      cache: 'no-store',
      credentials: 'omit',
      headers: sameSource && state.validators ? conditionalHeaders(state.validators) : {},
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    });
  } catch (err) {
    return { ok: false, error: describeFetchError(err) };
  }
  const verdict = classifyResponse(response.status, response.headers.get('content-type'), response.headers.get('content-length'));
  if (verdict.outcome === 'not-modified') return { ok: true, result: 'not-modified' };
  if (verdict.outcome === 'error') return { ok: false, error: verdict.error };
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(response, DEFAULT_MAX_LIST_BYTES);
  } catch (err) {
    return { ok: false, error: describeFetchError(err) };
  }
  const signature = settings.listPublicKey ? await fetchSignature(url) : undefined;
  const [current, embedded] = await Promise.all([getBundle(), getEmbeddedBundle()]);
  const outcome = await prepareUpdate({
    bytes,
    contentType: response.headers.get('content-type') ?? undefined,
    url,
    current,
    commonWords: commonWordsFromBundle(embedded),
    publicKey: settings.listPublicKey,
    ...(signature === undefined ? {} : { signature }),
    // The embedded snapshot is assembled from more sources than the official file carries
    // per list; only a list that came from an update is compared list by list.
    comparePerList: usingSavedBundle(),
    now: Date.now(),
  });
  if (!outcome.ok) return outcome;
  try {
    await saveBundle(outcome.bundle);
  } catch (err) {
    // Still used until the worker stops; said plainly, since it will be downloaded again.
    replaceBundle(outcome.bundle, true);
    return { ok: false, error: `the new list is in use but could not be saved (${describeFetchError(err)}); it will be downloaded again` };
  }
  replaceBundle(outcome.bundle, true);
  state.validators = { ...(response.headers.get('etag') ? { etag: response.headers.get('etag') ?? '' } : {}), ...(response.headers.get('last-modified') ? { lastModified: response.headers.get('last-modified') ?? '' } : {}) };
  return { ok: true, result: 'updated' };
}

let running: Promise<CheckOutcome> | undefined;

/**
 * Browsers stop a background that has been idle for about 30 s, counting only events and API
 * calls; a slow download is neither. A cheap API call every few seconds keeps it through one.
 */
function keepAliveWhile<T>(work: Promise<T>): Promise<T> {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), 5_000);
  return work.finally(() => clearInterval(timer));
}

/**
 * One check, never two at once. `onUpdated` runs after a new list is in use (tabs re-scan).
 * Never throws: every failure is recorded in the status.
 */
export function checkForUpdate(onUpdated: () => Promise<void>): Promise<CheckOutcome> {
  running ??= keepAliveWhile((async () => {
    const [state, { settings }] = await Promise.all([readState(), readSettings()]);
    if (state.sourceUrl !== settings.listUrl) {
      delete state.validators;
      state.consecutiveFailures = 0;
    }
    let outcome: CheckOutcome;
    try {
      outcome = await download(state);
    } catch (err) {
      outcome = { ok: false, error: describeFetchError(err) };
    }
    const next: UpdateState = { ...state, ...recordCheck(state, outcome.ok, Date.now()), sourceUrl: settings.listUrl };
    if (outcome.ok) {
      next.lastResult = outcome.result;
      delete next.lastError;
    } else next.lastError = outcome.error;
    await writeState(next);
    await scheduleNextCheck();
    if (outcome.ok && outcome.result === 'updated') await onUpdated();
    return outcome;
  })()).finally(() => {
    running = undefined;
  });
  return running;
}

export function isUpdateAlarm(name: string): boolean {
  return name === ALARM;
}

/** The status the options page shows. */
export async function updateStatus(): Promise<UpdateStatus> {
  const [{ settings }, state, bundle, alarm] = await Promise.all([readSettings(), readState(), getBundle(), browser.alarms.get(ALARM)]);
  const sameSource = state.sourceUrl === settings.listUrl;
  const status: UpdateStatus = {
    dataDate: bundle.dataDate,
    origin: bundle.origin,
    sourceUrl: settings.listUrl,
    entryCount: bundle.entries.length,
    updatesOff: settings.updateIntervalHours === 0,
  };
  if (state.lastCheck !== undefined) status.lastCheck = state.lastCheck;
  if (state.lastSuccess !== undefined) status.lastSuccess = state.lastSuccess;
  if (sameSource && state.lastResult) status.lastResult = state.lastResult;
  if (state.lastError) status.lastError = state.lastError;
  if (alarm) status.nextCheck = alarm.scheduledTime;
  return status;
}
