/**
 * The options page. Reads settings with getSettings and changes them only through
 * setSettings, showing the background's warnings; the background validates and stores.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ListStatus, SettingsReply } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { sendToBackground } from '../shared/browser';
import { describeError, expectReply } from '../shared/ui/errors';
import { DataSection } from './DataSection';
import { ListsSection } from './ListsSection';
import { ManagedNotice } from './ManagedNotice';
import { SitesSection } from './SitesSection';
import { StyleSection } from './StyleSection';
import { UpdateSection } from './UpdateSection';

export function Options() {
  const [reply, setReply] = useState<SettingsReply>();
  const [loadError, setLoadError] = useState('');
  const [saveState, setSaveState] = useState<{ message: string; error?: boolean }>({ message: '' });
  const [status, setStatus] = useState<{ value?: ListStatus; error?: string }>({});
  // Changes are sent one after another, so a quick second click is not overtaken by the first.
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    sendToBackground('getSettings', {})
      .then((r) => setReply(expectReply(r, 'the settings')))
      .catch((err: unknown) => setLoadError(describeError(err)));
    sendToBackground('getStatus', {})
      .then((r) => setStatus({ value: expectReply(r, 'the list status') }))
      .catch((err: unknown) => setStatus({ error: describeError(err) }));
  }, []);

  function save(patch: Partial<Settings>) {
    setSaveState({ message: 'Saving…' });
    queue.current = queue.current.then(async () => {
      try {
        const next = expectReply(await sendToBackground('setSettings', { patch }), 'the change');
        setReply(next);
        setSaveState({ message: next.warnings.length > 0 ? 'Saved, with warnings.' : 'Saved.' });
      } catch (err) {
        setSaveState({ message: `Not saved. ${describeError(err)}`, error: true });
      }
    });
  }

  if (loadError) {
    return (
      <main>
        <h1>Listed Party Highlighter options</h1>
        <p class="error" role="alert">
          The settings could not be read. {loadError}
        </p>
      </main>
    );
  }

  const locked = new Set(reply?.locked ?? []);

  return (
    <main>
      <h1>Listed Party Highlighter options</h1>
      {reply && <ManagedNotice info={reply} />}
      <p class={saveState.error ? 'save-state error' : 'save-state'} role="status">
        {saveState.message}
      </p>
      {reply && reply.warnings.length > 0 && (
        <div class="warnings" role="alert">
          <p>Some settings were not accepted:</p>
          <ul>
            {reply.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {!reply ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <ListsSection settings={reply.settings} counts={status.value?.counts} locked={locked} save={save} />
          <SitesSection sites={reply.settings.excludedSites} locked={locked.has('excludedSites')} save={save} />
          <StyleSection value={reply.settings.highlightStyle} locked={locked.has('highlightStyle')} save={save} />
        </>
      )}
      {reply && (
        <UpdateSection
          settings={reply.settings}
          locked={locked}
          save={save}
          status={status.value}
          onStatus={(value) => setStatus({ value })}
        />
      )}
      <DataSection status={status.value} error={status.error} />
    </main>
  );
}
