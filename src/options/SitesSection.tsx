/** Sites never to scan: host patterns added and removed by the user. */
import { useState } from 'preact/hooks';
import type { Settings } from '../shared/settings';
import { LockedNote } from './ManagedNotice';
import { normaliseSitePattern } from './site-pattern';

interface Props {
  sites: string[];
  locked: boolean;
  save: (patch: Partial<Settings>) => void;
}

export function SitesSection({ sites, locked, save }: Props) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');

  function add(e: Event) {
    e.preventDefault();
    const pattern = normaliseSitePattern(input);
    if (!pattern) {
      setError('Type a site such as example.com or *.example.com.');
      return;
    }
    setError('');
    setInput('');
    if (!sites.includes(pattern)) save({ excludedSites: [...sites, pattern] });
  }

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites never to scan</h2>
      <p class="hint">
        Pages on these sites are never read or highlighted. <code>example.com</code> covers the site and all its
        subdomains; <code>*.example.com</code> means the same.
      </p>
      <LockedNote locked={locked} />
      {sites.length === 0 ? (
        <p class="muted">No sites yet: every site is scanned.</p>
      ) : (
        <ul class="sites" aria-label="Sites never scanned">
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                class="small"
                disabled={locked}
                aria-label={`Remove ${site}`}
                onClick={() => save({ excludedSites: sites.filter((s) => s !== site) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add}>
        <label for="site-input">Add a site</label>
        <div class="inline">
          <input
            id="site-input"
            type="text"
            value={input}
            disabled={locked}
            autocomplete="off"
            spellcheck={false}
            placeholder="example.com"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'site-error' : undefined}
            onInput={(e) => setInput(e.currentTarget.value)}
          />
          <button type="submit" disabled={locked}>
            Add
          </button>
        </div>
        {error && (
          <p id="site-error" class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
