/**
 * Readers for the raw files other than the official CSL: the Entity List / MEU name index
 * (KAIST extract), the OFAC SDN legacy CSV set, the BIS Denied Persons text file, and the
 * hand-assembled record of the November 2021 spyware rule.
 */
import { LIST_NAMES, type Entry, type EntryType } from '../model';
import { parentheticalShortNames, tidyName } from './clean';
import { guessType } from './csl';
import { parseDelimited, recordsWithHeader } from './csv';
import { ListFileError } from './errors';

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? tidyName(v) : undefined;
}
function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.map(str).filter((s): s is string => !!s) : [];
}

/** BIS Entity List and MEU names (no dates or Federal Register fields in this source). */
export function parseKaist(value: unknown, file: string): Entry[] {
  const records = obj(value)?.records;
  if (!Array.isArray(records)) throw new ListFileError('expected an object with a "records" array', file, 'top level');
  const out: Entry[] = [];
  records.forEach((r, i) => {
    const rec = obj(r);
    const name = str(rec?.name);
    if (!rec || !name) throw new ListFileError('record without a name', file, `records[${i}]`);
    const list = rec.list_id === 'us-bis-military-end-user-list' ? 'MEU' : rec.list_id === 'us-bis-entity-list' ? 'EL' : undefined;
    if (!list) return;
    const entry: Entry = {
      id: `${list}-${String(rec.kaist_id ?? i)}`,
      list,
      listName: LIST_NAMES[list],
      type: guessType(name, list),
      name,
      provenance: [file],
    };
    const aliases = [...strs(rec.aliases), ...parentheticalShortNames(name)];
    if (aliases.length) entry.aliases = aliases;
    const native = str(rec.name_native);
    if (native) entry.nativeNames = [native];
    const countries = strs(rec.countries_iso2);
    if (countries.length) entry.countries = countries;
    out.push(entry);
  });
  return out;
}

const SDN_TYPES: Record<string, EntryType> = { individual: 'individual', vessel: 'vessel', aircraft: 'aircraft' };
const nil = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t && t !== '-0-' ? t : undefined;
};

/** OFAC's legacy SDN CSV set (headerless): sdn.csv with alt.csv, add.csv and sdn_comments.csv. */
export function parseSdnLegacy(files: { sdn: string; alt: string; add: string; comments?: string }, dir: string): Entry[] {
  const byNum = new Map<string, Entry>();
  for (const { line, fields } of parseDelimited(files.sdn, `${dir}/sdn.csv`)) {
    const [num, name, type, programs, title, , , , , , , remarks] = fields.map((f) => nil(f));
    if (!num || !name) throw new ListFileError('row without an entity number or name', `${dir}/sdn.csv`, `line ${line}`);
    const entry: Entry = {
      id: `SDN-${num}`,
      list: 'SDN',
      listName: LIST_NAMES.SDN,
      type: SDN_TYPES[type?.toLowerCase() ?? ''] ?? 'entity',
      name: tidyName(name),
      provenance: [`${dir}/sdn.csv`],
    };
    if (programs) entry.programs = programs.split('] [').map((p) => p.replace(/[[\]]/g, '').trim());
    if (title) entry.title = title;
    if (remarks) entry.remarks = remarks;
    byNum.set(num, entry);
  }
  for (const { fields } of parseDelimited(files.alt, `${dir}/alt.csv`)) {
    const entry = byNum.get(fields[0]?.trim() ?? '');
    const alias = nil(fields[3]);
    if (entry && alias) (entry.aliases ??= []).push(tidyName(alias));
  }
  for (const { fields } of parseDelimited(files.add, `${dir}/add.csv`)) {
    const entry = byNum.get(fields[0]?.trim() ?? '');
    if (!entry) continue;
    const parts = [fields[2], fields[3], fields[4]].map(nil).filter(Boolean);
    if (parts.length) (entry.addresses ??= []).push(parts.join(', '));
  }
  if (files.comments) {
    for (const { fields } of parseDelimited(files.comments, `${dir}/sdn_comments.csv`)) {
      const entry = byNum.get(fields[0]?.trim() ?? '');
      const more = nil(fields[1]);
      if (entry && more) entry.remarks = `${entry.remarks ?? ''}${more}`;
    }
  }
  return [...byNum.values()];
}

function usDate(s: string | undefined): string | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s?.trim() ?? '');
  return m ? `${m[3]}-${m[1]}-${m[2]}` : undefined;
}

/** The BIS Denied Persons List, tab-separated; one row per name and address, merged by name. */
export function parseDplText(textIn: string, file: string): Entry[] {
  const records = recordsWithHeader(parseDelimited(textIn, file, '\t'), file, ['Name', 'Effective_Date', 'FR_Citation']);
  const byName = new Map<string, Entry>();
  for (const { record } of records) {
    const name = tidyName(record.Name ?? '');
    if (!name) continue;
    const key = name.toLowerCase();
    let entry = byName.get(key);
    if (!entry) {
      entry = { id: `DPL-${key.replace(/[^a-z0-9]+/g, '-')}`, list: 'DPL', listName: LIST_NAMES.DPL, type: guessType(name, 'DPL'), name, provenance: [file] };
      const start = usDate(record.Effective_Date);
      const end = usDate(record.Expiration_Date);
      if (start) entry.startDate = start;
      if (end) entry.endDate = end;
      if (record.FR_Citation) entry.federalRegisterNotice = record.FR_Citation;
      byName.set(key, entry);
    }
    const address = [record.Street_Address, record.City, record.State, record.Postal_Code, record.Country].filter(Boolean).join(', ');
    if (address && !entry.addresses?.includes(address)) (entry.addresses ??= []).push(address);
    if (record.Country && /^[A-Z]{2}$/.test(record.Country)) {
      if (!entry.countries?.includes(record.Country)) (entry.countries ??= []).push(record.Country);
    }
  }
  return [...byName.values()];
}

export interface SpywareRecord {
  name: string;
  fields: Partial<Entry>;
}

/** The hand-assembled record of FR document 2021-24123 (NSO Group, Candiru, Positive Technologies, COSEINC). */
export function parseSpyware(value: unknown, file: string): SpywareRecord[] {
  const root = obj(value);
  const rule = obj(root?.rule);
  const entities = root?.entities;
  if (!rule || !Array.isArray(entities)) throw new ListFileError('expected "rule" and "entities"', file, 'top level');
  const citation = str(rule.fr_citation);
  const unconfirmed = str(rule.fr_citation_note);
  return entities.map((e, i) => {
    const rec = obj(e);
    const name = str(rec?.name);
    if (!rec || !name) throw new ListFileError('entity without a name', file, `entities[${i}]`);
    const fields: Partial<Entry> = {
      startDate: str(rec.start_date),
      licenseRequirement: str(rec.license_requirement),
      licensePolicy: str(rec.license_review_policy),
      federalRegisterDocument: {
        documentNumber: str(rule.fr_document_number) ?? '',
        title: str(rule.title),
        url: str(rule.federalregister_url),
        publicationDate: str(rule.publication_date),
      },
    };
    if (citation) fields.federalRegisterNotice = citation;
    if (unconfirmed) fields.remarks = `Federal Register citation ${citation ?? ''}: ${unconfirmed}`;
    const reason = str(rec.reason_quote);
    const source = str(rec.reason_source);
    if (reason && source) fields.reason = { text: reason, source, ...(str(rec.basis) ? { basis: str(rec.basis) } : {}) };
    return { name, fields };
  });
}
