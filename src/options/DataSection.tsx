/** The list data in use: its date, where it came from, counts per list and source files. */
import { LIST_CODES, LIST_NAMES } from '../core/model';
import type { ListStatus } from '../shared/messages';
import { formatCount, formatDate } from '../shared/list-info';

export function DataSection({ status, error }: { status?: ListStatus; error?: string }) {
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">List data</h2>
      {error && <p class="error">The list data could not be read. {error}</p>}
      {!status && !error && <p class="muted">Loading…</p>}
      {status && status.entryCount === 0 && <p class="error">No list is loaded.</p>}
      {status && status.entryCount > 0 && (
        <>
          <dl class="facts">
            <div class="field">
              <dt>Data of</dt>
              <dd>{formatDate(status.dataDate)}</dd>
            </div>
            <div class="field">
              <dt>Origin</dt>
              <dd>{status.origin}</dd>
            </div>
            <div class="field">
              <dt>Prepared</dt>
              <dd>{formatDate(status.builtAt)}</dd>
            </div>
            <div class="field">
              <dt>Entries</dt>
              <dd>{formatCount(status.entryCount)}</dd>
            </div>
          </dl>
          <table class="counts">
            <caption>Entries per list</caption>
            <thead>
              <tr>
                <th scope="col">List</th>
                <th scope="col" class="num">
                  Entries
                </th>
              </tr>
            </thead>
            <tbody>
              {[...LIST_CODES, 'CUSTOM' as const]
                .filter((code) => code !== 'CUSTOM' || status.counts[code] !== undefined)
                .map((code) => (
                  <tr key={code}>
                    <th scope="row">{code === 'CUSTOM' ? "Your organisation's list" : LIST_NAMES[code]}</th>
                    <td class="num">{formatCount(status.counts[code] ?? 0)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {status.sources.length > 0 && (
            <>
              <h3>Sources</h3>
              <ul class="sources">
                {status.sources.map((s) => (
                  <li key={s.file}>
                    <span class="source-file">{s.file}</span>
                    {s.date && <span class="muted"> ({formatDate(s.date)})</span>}
                    <span class="source-desc">{s.description}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
