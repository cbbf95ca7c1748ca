/** The short line under an entry's name: list, country, and (on this page) mention count. */
import type { EntryList } from '../core/model';
import { LIST_INFO, countryName } from '../shared/list-info';

export function EntryMeta({ list, countries, extra }: { list: EntryList; countries?: string[]; extra?: string }) {
  const parts = [countries && countries.length > 0 ? countries.map(countryName).join(', ') : undefined, extra].filter(
    (p): p is string => Boolean(p),
  );
  return (
    <span class="entry-meta">
      {/* The code is what people in the trade use; screen readers get the list's name. */}
      <span class={list === 'CUSTOM' ? 'list-badge custom' : 'list-badge'} title={LIST_INFO[list].short}>
        <span aria-hidden="true">{list === 'CUSTOM' ? 'Your organisation' : list}</span>
        <span class="sr-only">{LIST_INFO[list].short}</span>
      </span>
      {parts.map((p, i) => (
        <span key={i} class="meta-part">
          {p}
        </span>
      ))}
    </span>
  );
}
