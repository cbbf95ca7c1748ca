/**
 * List updates in plain words (data date, source, last check and its outcome, next check) and
 * "Update now". The sentences come from describeStatus and are rendered as text: an error may
 * quote a server's or a file's words.
 */
import { useState } from 'preact/hooks';
import type { ListStatus } from '../shared/messages';
import { OFFICIAL_LIST_URL, type Settings } from '../shared/settings';
import { LockedNote } from './ManagedNotice';
import { sendToBackground } from '../shared/browser';
import { describeError, expectReply } from '../shared/ui/errors';
import { describeStatus } from '../core/update/status';

const INTERVALS: [hours: number, label: string][] = [
  [6, 'every 6 hours'],
  [12, 'every 12 hours'],
  [24, 'every day'],
  [168, 'every week'],
  [0, 'never (updates off)'],
];

interface Props {
  settings: Settings;
  locked: ReadonlySet<keyof Settings>;
  save: (patch: Partial<Settings>) => void;
  status?: ListStatus;
  /** The status after "Update now", for the rest of the page. */
  onStatus: (status: ListStatus) => void;
}

export function UpdateSection({ settings, locked, save, status, onStatus }: Props) {
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState(settings.listUrl);
  const intervals = INTERVALS.some(([h]) => h === settings.updateIntervalHours)
    ? INTERVALS
    : [[settings.updateIntervalHours, `every ${settings.updateIntervalHours} hours`] as [number, string], ...INTERVALS];
  const [result, setResult] = useState<{ message: string; error?: boolean }>({ message: '' });

  async function updateNow() {
    setBusy(true);
    setResult({ message: 'Checking for a newer list…' });
    try {
      const reply = expectReply(await sendToBackground('updateNow', {}), 'the update');
      onStatus(reply.status);
      setResult(
        reply.ok
          ? { message: reply.status.update.lastResult === 'updated' ? 'A new list is in use.' : 'The list is up to date.' }
          : { message: `The update failed: ${reply.error ?? 'no reason given'}. The list in use stays.`, error: true },
      );
    } catch (err) {
      setResult({ message: `The update could not be started. ${describeError(err)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="updates-heading">
      <h2 id="updates-heading">List updates</h2>
      {status && (
        <ul class="update-status" aria-label="Update status">
          {describeStatus(status.update, Date.now()).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for="update-interval">Check for a newer list</label>{' '}
        <select
          id="update-interval"
          value={String(settings.updateIntervalHours)}
          disabled={locked.has('updateIntervalHours')}
          onChange={(e) => save({ updateIntervalHours: Number(e.currentTarget.value) })}
        >
          {intervals.map(([hours, label]) => (
            <option key={hours} value={String(hours)}>
              {label}
            </option>
          ))}
        </select>
        <LockedNote locked={locked.has('updateIntervalHours')} />
      </div>
      <form
        class="field"
        onSubmit={(e) => {
          e.preventDefault();
          save({ listUrl: url.trim() || OFFICIAL_LIST_URL });
        }}
      >
        <label for="list-url">Download lists from</label>
        <p class="hint">
          The official Consolidated Screening List (JSON or CSV), or your organisation's copy, or a bundle made by the
          extension's list script.
        </p>
        <input
          id="list-url"
          type="url"
          size={60}
          value={url}
          disabled={locked.has('listUrl')}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />{' '}
        <button type="submit" disabled={locked.has('listUrl') || url.trim() === settings.listUrl}>
          Use this address
        </button>
        <LockedNote locked={locked.has('listUrl')} />
      </form>
      <p>
        <button type="button" id="update-now" onClick={() => void updateNow()} disabled={busy || !status}>
          Update now
        </button>{' '}
        <span id="update-result" class={result.error ? 'error' : 'muted'} role="status">
          {result.message}
        </span>
      </p>
    </section>
  );
}
