/**
 * "On this page": the listed parties found on the tab, most mentioned first. The name shows
 * the party on the page (each click the next mention); "Why listed" opens the explanation.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Entry } from '../core/model';
import type { FoundEntry } from '../shared/messages';
import { sendToTab } from '../shared/browser';
import { EntryDetails } from './EntryDetails';
import { EntryMeta } from './EntryMeta';

interface Props {
  tabId: number;
  found: FoundEntry[];
  entries: ReadonlyMap<string, Entry>;
  /** Opened (and scrolled to) at start: the `entry` parameter of the popup's address. */
  openId?: string;
}

export function FoundList({ tabId, found, entries, openId }: Props) {
  const [status, setStatus] = useState('');
  const nameOf = (id: string) => entries.get(id)?.name ?? id;
  const sorted = [...found].sort((a, b) => b.count - a.count || nameOf(a.id).localeCompare(nameOf(b.id)));
  return (
    <>
      {/* Near the top, so the answer to a click is seen without scrolling. */}
      <p class="reveal-status" role="status">
        {status}
      </p>
      <ul class="entries" aria-label="Listed parties on this page">
        {sorted.map((f) => (
          <FoundItem
            key={f.id}
            tabId={tabId}
            id={f.id}
            count={f.count}
            entry={entries.get(f.id)}
            startOpen={f.id === openId}
            onStatus={setStatus}
          />
        ))}
      </ul>
    </>
  );
}

interface ItemProps {
  tabId: number;
  id: string;
  count: number;
  entry: Entry | undefined;
  startOpen: boolean;
  onStatus: (message: string) => void;
}

function FoundItem({ tabId, id, count, entry, startOpen, onStatus }: ItemProps) {
  const [open, setOpen] = useState(startOpen);
  const nextIndex = useRef(0);
  const itemRef = useRef<HTMLLIElement>(null);
  const uid = useId();
  const nameId = `${uid}-name`;
  const detailsId = `${uid}-details`;

  useEffect(() => {
    if (startOpen) itemRef.current?.scrollIntoView({ block: 'start' });
  }, [startOpen]);

  async function reveal() {
    const index = nextIndex.current % Math.max(count, 1);
    nextIndex.current = index + 1;
    try {
      const reply = await sendToTab(tabId, 'reveal', { entryId: id, index });
      if (reply?.ok) onStatus(count > 1 ? `Showing mention ${index + 1} of ${count} on the page.` : 'Shown on the page.');
      else onStatus('That mention could not be shown: it may have left the page, or sit inside a frame.');
    } catch {
      onStatus('The page did not answer. Reload the page and try again.');
    }
  }

  const name = entry?.name ?? id;
  return (
    <li class="entry" data-entry-id={id} aria-labelledby={nameId} ref={itemRef}>
      <div class="entry-head">
        <button type="button" class="entry-name" id={nameId} onClick={reveal} title="Show on the page">
          {name}
        </button>
        <button
          type="button"
          class="disclosure"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-describedby={nameId}
          onClick={() => setOpen(!open)}
        >
          Why listed
        </button>
      </div>
      {entry ? (
        <EntryMeta list={entry.list} countries={entry.countries} extra={count === 1 ? '1 mention' : `${count} mentions`} />
      ) : (
        <span class="entry-meta">{count === 1 ? '1 mention' : `${count} mentions`}</span>
      )}
      <div id={detailsId} class="details" hidden={!open}>
        {open &&
          (entry ? <EntryDetails entry={entry} /> : <p class="missing">The loaded list has no details for this entry.</p>)}
      </div>
    </li>
  );
}
