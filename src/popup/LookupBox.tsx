/**
 * "Look up": searches the whole loaded list as the user types (lightly debounced), showing the
 * name or alias that matched. A hit opens the same explanation as the parties on the page.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Entry } from '../core/model';
import type { LookupHit } from '../shared/messages';
import { sendToBackground } from '../shared/browser';
import { describeError } from '../shared/ui/errors';
import { EntryDetails } from './EntryDetails';
import { EntryMeta } from './EntryMeta';
import { loadEntry } from './entry-cache';

const DEBOUNCE_MS = 120;
const LIMIT = 20;

type Result = { query: string; hits: LookupHit[] } | { query: string; error: string };

export function LookupBox({ disabled }: { disabled?: boolean }) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<Result | undefined>();
  // Only the answer to the latest query is shown; slower earlier answers are dropped.
  const latest = useRef(0);
  const inputId = useId();

  useEffect(() => {
    const q = query.trim();
    const mine = ++latest.current;
    if (!q) {
      setResult(undefined);
      return;
    }
    const timer = setTimeout(() => {
      sendToBackground('lookup', { query: q, limit: LIMIT })
        .then((reply) => {
          if (mine === latest.current) setResult({ query: q, hits: reply?.hits ?? [] });
        })
        .catch((err: unknown) => {
          if (mine === latest.current) setResult({ query: q, error: describeError(err) });
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  return (
    <div class="lookup">
      <label for={inputId}>Name of a company or person</label>
      <input
        id={inputId}
        type="search"
        value={query}
        disabled={disabled}
        autocomplete="off"
        spellcheck={false}
        placeholder="e.g. NSO Group"
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <p class="lookup-count" role="status">
        {summary(result)}
      </p>
      {result && 'hits' in result && result.hits.length > 0 && (
        <ul class="entries hits" aria-label="Search results">
          {result.hits.map((hit) => (
            <HitItem key={hit.entry.id} hit={hit} />
          ))}
        </ul>
      )}
    </div>
  );
}

function summary(result: Result | undefined): string {
  if (!result) return '';
  if ('error' in result) return result.error;
  const n = result.hits.length;
  if (n === 0) return `No listed party matches “${result.query}”.`;
  const more = n >= LIMIT ? ` (the first ${LIMIT} shown)` : '';
  return `${n === 1 ? '1 listed party matches' : `${n} listed parties match`} “${result.query}”${more}.`;
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
}

function HitItem({ hit }: { hit: LookupHit }) {
  const [open, setOpen] = useState(false);
  const [entry, setEntry] = useState<Entry | undefined>();
  const [error, setError] = useState('');
  const uid = useId();
  const { entry: summaryEntry, matchedName } = hit;

  async function toggle() {
    const opening = !open;
    setOpen(opening);
    if (!opening || entry) return;
    try {
      const full = await loadEntry(summaryEntry.id);
      if (full) setEntry(full);
      else setError('The loaded list has no details for this entry.');
    } catch (err) {
      setError(describeError(err));
    }
  }

  return (
    <li class="entry" data-entry-id={summaryEntry.id} aria-labelledby={`${uid}-name`}>
      <div class="entry-head">
        <button
          type="button"
          class="entry-name disclosure-name"
          id={`${uid}-name`}
          aria-expanded={open}
          aria-controls={`${uid}-details`}
          onClick={toggle}
        >
          {summaryEntry.name}
        </button>
      </div>
      {!sameName(matchedName, summaryEntry.name) && (
        <span class="matched">
          matched <q>{matchedName}</q>
        </span>
      )}
      <EntryMeta list={summaryEntry.list} countries={summaryEntry.countries} />
      <div id={`${uid}-details`} class="details" hidden={!open}>
        {open && (entry ? <EntryDetails entry={entry} /> : <p class="muted">{error || 'Loading…'}</p>)}
      </div>
    </li>
  );
}
