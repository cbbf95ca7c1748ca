/** Which lists are on, and whether people, vessels and aircraft are flagged too. */
import { LIST_CODES, LIST_NAMES, type ListCode } from '../core/model';
import type { Settings } from '../shared/settings';
import { LIST_INFO, formatCount } from '../shared/list-info';
import { LockedNote } from './ManagedNotice';

interface Props {
  settings: Settings;
  counts: Record<string, number> | undefined;
  locked: ReadonlySet<keyof Settings>;
  save: (patch: Partial<Settings>) => void;
}

const TYPE_SWITCHES = [
  { key: 'includeIndividuals', label: 'Individuals (people)' },
  { key: 'includeVessels', label: 'Vessels' },
  { key: 'includeAircraft', label: 'Aircraft' },
] as const;

export function ListsSection({ settings, counts, locked, save }: Props) {
  const listsLocked = locked.has('lists');

  function toggle(code: ListCode, on: boolean) {
    const next = LIST_CODES.filter((c) => (c === code ? on : settings.lists.includes(c)));
    save({ lists: next });
  }

  return (
    <section aria-labelledby="lists-heading">
      <h2 id="lists-heading">Lists</h2>
      <p class="hint">Names on the lists that are on are highlighted on the pages you read.</p>
      <LockedNote locked={listsLocked} />
      <fieldset class="lists" disabled={listsLocked}>
        <legend class="sr-only">Lists to highlight</legend>
        {LIST_CODES.map((code) => {
          const id = `list-${code}`;
          const count = counts?.[code];
          return (
            <div class="check-row" key={code}>
              <input
                id={id}
                type="checkbox"
                checked={settings.lists.includes(code)}
                aria-describedby={`${id}-desc`}
                onChange={(e) => toggle(code, e.currentTarget.checked)}
              />
              <div>
                <label for={id}>{LIST_NAMES[code]}</label>
                <p class="hint" id={`${id}-desc`}>
                  {LIST_INFO[code].meaning}
                  {count !== undefined && ` ${formatCount(count)} entries in the loaded data.`}
                </p>
              </div>
            </div>
          );
        })}
      </fieldset>

      <h3>Besides organisations</h3>
      <p class="hint">
        Organisations are always included. People, vessels and aircraft are off by default: their names are more
        often shared with unrelated people and things.
      </p>
      <fieldset class="types">
        <legend class="sr-only">Also highlight</legend>
        {TYPE_SWITCHES.map(({ key, label }) => (
          <div class="check-row" key={key}>
            <input
              id={key}
              type="checkbox"
              checked={settings[key]}
              disabled={locked.has(key)}
              onChange={(e) => save({ [key]: e.currentTarget.checked })}
            />
            <label for={key}>{label}</label>
            {locked.has(key) && <span class="locked-note">Set by your organisation.</span>}
          </div>
        ))}
      </fieldset>
    </section>
  );
}
