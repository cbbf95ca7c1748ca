/**
 * OFAC's legacy SDN CSV set, headerless: `sdn.csv` (one row per party), `alt.csv` (other names),
 * `add.csv` (addresses) and `sdn_comments.csv` (remarks too long for sdn.csv). "-0-" means empty.
 */
import { LIST_NAMES, type Entry, type EntryType } from '../model';
import { parseDelimited } from './csv';
import { ListFileError } from './errors';

export interface SdnLegacyFiles {
  sdn: string;
  alt: string;
  add: string;
  comments?: string;
}

const SDN_TYPES: Record<string, EntryType> = { individual: 'individual', vessel: 'vessel', aircraft: 'aircraft' };

function value(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t && t !== '-0-' ? t : undefined;
}

/**
 * Entries keyed `SDN-<entity number>`, the same id the CSL gives Treasury rows, so the two can be
 * deduplicated. The weak "a.k.a." names OFAC keeps in the remarks stay there: OFAC itself
 * says they are too broad to screen on.
 */
export function parseSdnLegacy(files: SdnLegacyFiles, dir: string): Entry[] {
  const byNum = new Map<string, Entry>();
  const sdnFile = `${dir}/sdn.csv`;
  for (const { line, fields } of parseDelimited(files.sdn, sdnFile)) {
    if (fields.length < 12) throw new ListFileError(`expected 12 fields, found ${fields.length}`, sdnFile, `line ${line}`);
    const [num, name, type, programs, title, , , , , , , remarks] = fields.map(value);
    if (!num || !/^\d+$/.test(num)) throw new ListFileError('no entity number', sdnFile, `line ${line}`);
    if (!name) throw new ListFileError('no name', sdnFile, `line ${line}`);
    const entry: Entry = {
      id: `SDN-${num}`,
      list: 'SDN',
      listName: LIST_NAMES.SDN,
      // OFAC writes "-0-" in the type column of organisations.
      type: SDN_TYPES[type?.toLowerCase() ?? ''] ?? 'entity',
      name,
      provenance: [sdnFile],
    };
    if (programs) entry.programs = programs.split('] [').map((p) => p.replace(/[[\]]/g, '').trim()).filter(Boolean);
    if (title) entry.title = title;
    if (remarks) entry.remarks = remarks;
    byNum.set(num, entry);
  }
  const related = (text: string, file: string, use: (entry: Entry, fields: (string | undefined)[], raw: string[]) => void): void => {
    for (const { fields } of parseDelimited(text, `${dir}/${file}`)) {
      const entry = byNum.get(fields[0]?.trim() ?? '');
      if (!entry) continue;
      use(entry, fields.map(value), fields);
      if (!entry.provenance?.includes(`${dir}/${file}`)) entry.provenance?.push(`${dir}/${file}`);
    }
  };
  related(files.alt, 'alt.csv', (entry, f) => {
    if (f[3]) (entry.aliases ??= []).push(f[3]);
  });
  related(files.add, 'add.csv', (entry, f) => {
    const parts = [f[2], f[3], f[4]].filter(Boolean);
    if (parts.length) (entry.addresses ??= []).push(parts.join(', '));
  });
  if (files.comments) {
    // The overflow continues the remarks exactly where sdn.csv cut them, even mid-word: no trimming.
    related(files.comments, 'sdn_comments.csv', (entry, f, raw) => {
      if (f[1] && raw[1]) entry.remarks = `${entry.remarks ?? ''}${raw[1]}`;
    });
  }
  return [...byNum.values()];
}
