/**
 * The BIS Denied Persons List in its official tab-separated form: one row per name and address,
 * so a person with several addresses has several rows. Rows of the same name become one entry.
 */
import { LIST_NAMES, type Entry } from '../model';
import { parseDelimited, recordsWithHeader } from './csv';
import { guessType } from './entry-type';
import { nameKey } from './merge';

const COLUMNS = ['Name', 'Street_Address', 'City', 'State', 'Country', 'Postal_Code', 'Effective_Date', 'Expiration_Date', 'FR_Citation'] as const;

/** "06/19/2003" → "2003-06-19"; anything else is not a date we can read. */
function usDate(s: string | undefined): string | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s?.trim() ?? '');
  return m ? `${m[3]}-${m[1]}-${m[2]}` : undefined;
}

export function parseDplText(text: string, file: string): Entry[] {
  const records = recordsWithHeader(parseDelimited(text, file, '\t'), file, COLUMNS);
  const byName = new Map<string, Entry>();
  for (const { record } of records) {
    const name = record.Name ?? '';
    const key = nameKey(name);
    if (!key) continue;
    let entry = byName.get(key);
    if (!entry) {
      // The file has no id; the folded name is stable for the same input.
      entry = { id: `DPL-${key}`, list: 'DPL', listName: LIST_NAMES.DPL, type: guessType(name, 'DPL'), name, provenance: [file] };
      const start = usDate(record.Effective_Date);
      const end = usDate(record.Expiration_Date);
      if (start) entry.startDate = start;
      if (end) entry.endDate = end;
      if (record.FR_Citation) entry.federalRegisterNotice = record.FR_Citation;
      byName.set(key, entry);
    }
    const address = [record.Street_Address, record.City, record.State, record.Postal_Code, record.Country].filter(Boolean).join(', ');
    if (address && !entry.addresses?.includes(address)) (entry.addresses ??= []).push(address);
    const country = record.Country ?? '';
    if (/^[A-Z]{2}$/.test(country) && !entry.countries?.includes(country)) (entry.countries ??= []).push(country);
  }
  return [...byName.values()];
}
