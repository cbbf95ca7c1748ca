/** Switches to pause highlighting on this site or everywhere (the background stores them). */
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../shared/browser';
import { describeError } from '../shared/ui/errors';

interface Props {
  host?: string;
  pausedHere: boolean;
  pausedEverywhere: boolean;
  /** Called after a change was stored, to read the tab's state again. */
  onChanged: () => void;
}

export function PauseControls({ host, pausedHere, pausedEverywhere, onChanged }: Props) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The switches show the new state at once; the tab's state read afterwards confirms it.
  const [here, setHere] = useState(pausedHere);
  const [everywhere, setEverywhere] = useState(pausedEverywhere);
  useEffect(() => setHere(pausedHere), [pausedHere]);
  useEffect(() => setEverywhere(pausedEverywhere), [pausedEverywhere]);

  async function set(scope: 'site' | 'everywhere', paused: boolean) {
    const show = scope === 'site' ? setHere : setEverywhere;
    show(paused);
    setBusy(true);
    setError('');
    try {
      await sendToBackground('setPaused', scope === 'site' ? { scope, host, paused } : { scope, paused });
      onChanged();
    } catch (err) {
      show(!paused);
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset class="pause">
      <legend>Pause highlighting</legend>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={here}
          disabled={busy || !host}
          onChange={(e) => void set('site', e.currentTarget.checked)}
        />
        <span>{host ? `On this site (${host})` : 'On this site'}</span>
      </label>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={everywhere}
          disabled={busy}
          onChange={(e) => void set('everywhere', e.currentTarget.checked)}
        />
        <span>Everywhere</span>
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
