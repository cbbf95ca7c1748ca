/**
 * The BIS Entity List and Military End-User List name index (the KAIST extract): names,
 * native-script names, aliases and countries, and nothing else: no dates, Federal Register
 * notices or licence fields. It is the membership of both lists in the embedded snapshot.
 */
import { LIST_NAMES, type Entry } from '../model';
import { parentheticalShortNames } from './clean';
import { guessType } from './entry-type';
import { ListFileError } from './errors';
import { obj, str, strs } from './read-json';

const LISTS: Record<string, 'EL' | 'MEU'> = {
  'us-bis-entity-list': 'EL',
  'us-bis-military-end-user-list': 'MEU',
};

export interface KaistResult {
  entries: Entry[];
  /** Rows of the file (per list), before rows of the same party were merged. */
  rows: { EL: number; MEU: number };
}

/** `{"records": [{list_id, name, name_native, aliases, countries_iso2, kaist_id, …}]}` → entries. */
export function parseKaist(value: unknown, file: string): KaistResult {
  const records = obj(value)?.records;
  if (!Array.isArray(records)) throw new ListFileError('not an Entity List name index: expected an object with a "records" array', file, 'top level');
  const result: KaistResult = { entries: [], rows: { EL: 0, MEU: 0 } };
  records.forEach((r, i) => {
    const rec = obj(r);
    const place = `records[${i}]`;
    if (!rec) throw new ListFileError('a record is not an object', file, place);
    const list = LISTS[str(rec.list_id) ?? ''];
    if (!list) return; // the upstream compilation also holds other countries' lists
    const name = str(rec.name);
    if (!name) throw new ListFileError('a record has no name', file, `${place}.name`);
    const id = str(rec.kaist_id);
    if (!id) throw new ListFileError('a record has no kaist_id', file, `${place}.kaist_id`);
    result.rows[list]++;
    const entry: Entry = { id: `${list}-${id}`, list, listName: LIST_NAMES[list], type: guessType(name, list), name, provenance: [file] };
    const aliases = [...strs(rec.aliases), ...parentheticalShortNames(name)];
    if (aliases.length) entry.aliases = aliases;
    // One record writes two native names joined by a slash ("…有限公司/中芯国际": the full name
    // and the short one); names never contain a slash, so each part is a name of its own.
    const native = (str(rec.name_native) ?? '').split(/\s*[/／]\s*/u).filter(Boolean);
    if (native.length) entry.nativeNames = native;
    const countries = strs(rec.countries_iso2).filter((c) => /^[A-Z]{2}$/.test(c));
    if (countries.length) entry.countries = countries;
    result.entries.push(entry);
  });
  return result;
}
