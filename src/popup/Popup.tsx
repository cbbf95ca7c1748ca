/**
 * The toolbar popup: the listed parties on the tab and why each is listed, a look-up over the
 * whole list, pause switches and the date of the data.
 */
import type { ComponentChild } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Entry } from '../core/model';
import type { ListStatus, TabState } from '../shared/messages';
import { hostMatches } from '../shared/settings';
import { browser, sendToBackground } from '../shared/browser';
import { formatCount, formatDate } from '../shared/list-info';
import { describeError, expectReply } from '../shared/ui/errors';
import { EntryDetails } from './EntryDetails';
import { FoundList } from './FoundList';
import { LookupBox } from './LookupBox';
import { PauseControls } from './PauseControls';
import { cachedEntry, loadEntry, rememberEntries } from './entry-cache';
import { pageKind } from './page-kind';
import { resolveTarget, type PopupTarget } from './target';

const REFRESH_MS = 2000;

type Loaded<T> = { value: T } | { error: string };

async function load<T>(promise: Promise<T | undefined>, what: string): Promise<Loaded<T>> {
  try {
    return { value: expectReply(await promise, what) };
  } catch (err) {
    return { error: describeError(err) };
  }
}

export function Popup() {
  const [target, setTarget] = useState<PopupTarget | null | undefined>();
  const [tab, setTab] = useState<Loaded<TabState>>();
  const [status, setStatus] = useState<Loaded<ListStatus>>();
  const [excluded, setExcluded] = useState(false);

  useEffect(() => {
    resolveTarget(location.search)
      .then((t) => setTarget(t ?? null))
      .catch(() => setTarget(null));
  }, []);

  const refresh = useCallback(async () => {
    if (!target) return;
    // The list may still be loading when the popup opens, so its status is read again too.
    void load(sendToBackground('getStatus', {}), 'the list status').then(setStatus);
    const state = await load(sendToBackground('getTabState', { tabId: target.tabId }), 'the tab');
    if ('value' in state) {
      rememberEntries(state.value.entries);
      // The tab's state should carry every found entry; ask for any it left out.
      const missing = state.value.found.map((f) => f.id).filter((id) => !cachedEntry(id));
      if (missing.length > 0) {
        const reply = await sendToBackground('getEntries', { ids: missing }).catch(() => undefined);
        rememberEntries(reply?.entries ?? []);
      }
    }
    setTab(state);
  }, [target]);

  useEffect(() => {
    void refresh();
    // Pages keep loading (and scanning) while the popup is open: read the tab's state again.
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const host = tab && 'value' in tab ? tab.value.host : undefined;
  useEffect(() => {
    if (!host) return;
    void load(sendToBackground('getSettings', {}), 'the settings').then((settings) =>
      setExcluded('value' in settings && settings.value.settings.excludedSites.some((p) => hostMatches(host, p))),
    );
  }, [host]);

  if (target === undefined) return <p class="muted">Loading…</p>;
  if (target === null) {
    return <p class="notice">There is no tab to show. Open the popup from a browser window.</p>;
  }

  const state = tab && 'value' in tab ? tab.value : undefined;
  const listStatus = status && 'value' in status ? status.value : undefined;
  const noList = status !== undefined && (!listStatus || listStatus.entryCount === 0);
  const entries = new Map<string, Entry>();
  for (const f of state?.found ?? []) {
    const e = cachedEntry(f.id);
    if (e) entries.set(f.id, e);
  }
  const entryOnPage = target.entryId !== undefined && state?.found.some((f) => f.id === target.entryId);

  return (
    <>
      <header class="top">
        <h1>Listed parties</h1>
        <DataDate status={status} />
      </header>

      {target.entryId && state && !entryOnPage && <LinkedEntry id={target.entryId} />}

      <section aria-labelledby="on-page-heading">
        <h2 id="on-page-heading">On this page</h2>
        <OnThisPage
          tab={tab}
          url={state?.url ?? target.url}
          noList={noList}
          excluded={excluded}
          body={
            state && (
              <FoundList tabId={target.tabId} found={state.found} entries={entries} openId={target.entryId} />
            )
          }
        />
      </section>

      <section aria-labelledby="lookup-heading">
        <h2 id="lookup-heading">Look up</h2>
        <LookupBox disabled={noList} />
      </section>

      {state && (
        <PauseControls
          host={state.host}
          pausedHere={state.pausedHere}
          pausedEverywhere={state.pausedEverywhere}
          onChanged={() => void refresh()}
        />
      )}

      <footer class="bottom">
        <a href="options.html" target="_blank" rel="noopener" onClick={openOptions}>
          Options
        </a>
      </footer>
    </>
  );
}

function openOptions(e: MouseEvent) {
  // The browser's own way opens (or focuses) the options page; the plain link is the fallback.
  e.preventDefault();
  browser.runtime.openOptionsPage().catch(() => window.open('options.html', '_blank'));
}

function DataDate({ status }: { status: Loaded<ListStatus> | undefined }) {
  if (!status) return null;
  if ('error' in status) return <p class="data-date error">List data unavailable. {status.error}</p>;
  const s = status.value;
  if (s.entryCount === 0) return <p class="data-date error">No list is loaded.</p>;
  return (
    <p class="data-date">
      Data of {formatDate(s.dataDate)} · {formatCount(s.entryCount)} entries
    </p>
  );
}

interface OnThisPageProps {
  tab: Loaded<TabState> | undefined;
  url: string | undefined;
  noList: boolean;
  excluded: boolean;
  body: ComponentChild;
}

/** The found list, or a plain-words reason why there is none. */
function OnThisPage({ tab, url, noList, excluded, body }: OnThisPageProps) {
  if (!tab) return <p class="muted">Reading this page…</p>;
  if ('error' in tab) return <p class="notice error">{tab.error}</p>;
  const state = tab.value;
  const kind = pageKind(url);
  if (kind === 'closed') {
    return (
      <p class="notice">
        Browsers do not let extensions read this kind of page (browser pages, other extensions, add-on stores), so
        it was not scanned.
      </p>
    );
  }
  if (noList) return <p class="notice error">No list is loaded, so nothing can be found. Try again in a moment.</p>;
  if (state.pausedEverywhere) return <p class="notice">Highlighting is paused everywhere.</p>;
  if (state.pausedHere) return <p class="notice">Highlighting is paused on this site.</p>;
  if (excluded) {
    return <p class="notice">This site is on your list of sites never to scan. You can change that in Options.</p>;
  }
  if (state.found.length === 0) {
    return (
      <p class="notice">
        {kind === 'unknown'
          ? 'Nothing found. This page may not be one the extension can read.'
          : 'No listed parties found on this page.'}
      </p>
    );
  }
  const n = state.found.length;
  return (
    <>
      <p class="count">{n === 1 ? '1 listed party' : `${n} listed parties`}, most mentioned first.</p>
      {body}
    </>
  );
}

/** The explanation asked for by the popup's address (`&entry=`) when the entry is not on the page. */
function LinkedEntry({ id }: { id: string }) {
  const [entry, setEntry] = useState<Loaded<Entry | undefined>>(() => {
    const known = cachedEntry(id);
    return known ? { value: known } : { value: undefined };
  });
  useEffect(() => {
    if ('value' in entry && entry.value) return;
    loadEntry(id)
      .then((value) => setEntry(value ? { value } : { error: 'The loaded list has no entry with this id.' }))
      .catch((err: unknown) => setEntry({ error: describeError(err) }));
  }, [id]);
  return (
    <section aria-labelledby="linked-heading" class="linked">
      <h2 id="linked-heading">{'value' in entry && entry.value ? entry.value.name : 'Why listed'}</h2>
      {'error' in entry ? (
        <p class="notice error">{entry.error}</p>
      ) : entry.value ? (
        <EntryDetails entry={entry.value} />
      ) : (
        <p class="muted">Loading…</p>
      )}
    </section>
  );
}
