/**
 * The official Consolidated Screening List, as trade.gov publishes it: `consolidated.json`
 * (`{"results": [...]}`) and the CSV with the same fields. Both become Entry records here, so
 * the build script and the background's updates share one conversion.
 */
import { LIST_CODES, LIST_NAMES, type Entry, type ListCode } from '../model';
import { parseDelimited, recordsWithHeader } from './csv';
import { ListFileError } from './errors';
import { parentheticalShortNames, splitAliasField } from './clean';
import { typeFromCsl } from './entry-type';

export const CSL_COLUMNS = [
  '_id', 'source', 'entity_number', 'type', 'programs', 'name', 'title', 'addresses',
  'federal_register_notice', 'start_date', 'end_date', 'standard_order', 'license_requirement',
  'license_policy', 'call_sign', 'vessel_type', 'gross_tonnage', 'gross_registered_tonnage',
  'vessel_flag', 'vessel_owner', 'remarks', 'source_list_url', 'alt_names', 'citizenships',
  'dates_of_birth', 'nationalities', 'places_of_birth', 'source_information_url', 'ids',
] as const;

/**
 * A CSV without these is not a CSL file. The other columns may be missing (their fields stay
 * absent); without `_id` the id falls back to `entity_number`, then the name.
 */
const REQUIRED = ['source', 'name'] as const;

/** "Entity List (EL) - Bureau of Industry and Security" → "EL". */
export function listCodeOfSource(source: string): ListCode | undefined {
  const m = /\((?:NS-)?([A-Z]{2,4})(?: List)?\)/.exec(source);
  const code = m?.[1];
  if (code && (LIST_CODES as readonly string[]).includes(code)) return code as ListCode;
  return LIST_CODES.find((c) => LIST_NAMES[c] === source);
}

type Value = string | string[] | Record<string, unknown>[] | undefined;

/** Trimmed text; tidying is left to the cleaning step, which counts what it changes. */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t.length > 0 ? t : undefined;
  }
  if (typeof v === 'number') return String(v);
  return undefined;
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(text).flatMap((s) => (s === undefined ? [] : splitAliasField(s)));
  const t = text(v);
  return t ? splitAliasField(t) : [];
}

/** JSON addresses are objects; CSV addresses are one `; `-separated string. */
function addresses(v: unknown): string[] {
  if (Array.isArray(v)) {
    return v
      .map((a) => {
        if (a && typeof a === 'object') {
          const o = a as Record<string, unknown>;
          return [o.address, o.city, o.state, o.postal_code, o.country].map(text).filter(Boolean).join(', ');
        }
        return text(a) ?? '';
      })
      .filter((s) => s.length > 0);
  }
  return list(v);
}

/** Country codes from JSON address objects (`country`), when they are ISO-2. */
function countriesOf(v: unknown): string[] {
  const out = new Set<string>();
  if (Array.isArray(v)) {
    for (const a of v) {
      const c = a && typeof a === 'object' ? text((a as Record<string, unknown>).country) : undefined;
      if (c && /^[A-Z]{2}$/.test(c)) out.add(c);
    }
  } else {
    for (const a of list(v)) {
      const m = /,\s*([A-Z]{2})$/.exec(a);
      if (m?.[1]) out.add(m[1]);
    }
  }
  return [...out];
}

function isoDate(v: unknown): string | undefined {
  const t = text(v);
  return t && /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : undefined;
}

/** One CSL record (from JSON or CSV) → Entry, or undefined with a reason when it cannot be one. */
export function cslRecordToEntry(rec: Record<string, unknown>): Entry | string {
  const source = text(rec.source);
  if (!source) return 'no source list';
  const code = listCodeOfSource(source);
  if (!code) return `unknown source list "${source}"`;
  const rawName = text(rec.name);
  if (!rawName) return 'no name';
  const sourceId = text(rec._id) ?? text(rec.id) ?? text(rec.entity_number) ?? rawName;
  const aliases = [...list(rec.alt_names), ...parentheticalShortNames(rawName)];
  const entry: Entry = {
    id: `${code}-${sourceId}`,
    list: code,
    listName: LIST_NAMES[code],
    type: typeFromCsl(text(rec.type), rawName, code),
    name: rawName,
  };
  const fields: Partial<Entry> = {
    aliases,
    countries: countriesOf(rec.addresses),
    addresses: addresses(rec.addresses),
    federalRegisterNotice: text(rec.federal_register_notice),
    startDate: isoDate(rec.start_date),
    endDate: isoDate(rec.end_date),
    licenseRequirement: text(rec.license_requirement),
    licensePolicy: text(rec.license_policy),
    programs: list(rec.programs),
    remarks: text(rec.remarks),
    title: text(rec.title),
    sourceListUrl: text(rec.source_list_url),
    sourceInformationUrl: text(rec.source_information_url),
  };
  for (const [k, v] of Object.entries(fields) as [keyof Entry, Value][]) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    (entry as unknown as Record<string, unknown>)[k] = v;
  }
  return entry;
}

export interface ConvertResult {
  entries: Entry[];
  skipped: { place: string; reason: string }[];
}

/** The official `consolidated.json`: an object with a `results` array of records. */
export function parseCslJson(value: unknown, file: string): ConvertResult {
  if (!value || typeof value !== 'object' || !Array.isArray((value as { results?: unknown }).results)) {
    throw new ListFileError('not a CSL file: expected an object with a "results" array', file, 'top level');
  }
  const results = (value as { results: unknown[] }).results;
  const out: ConvertResult = { entries: [], skipped: [] };
  results.forEach((rec, i) => {
    const r = rec && typeof rec === 'object' ? cslRecordToEntry(rec as Record<string, unknown>) : 'not an object';
    if (typeof r === 'string') out.skipped.push({ place: `results[${i}]`, reason: r });
    else out.entries.push(r);
  });
  return out;
}

/**
 * The official CSV (29 columns, `CSL_COLUMNS`). A repeated header row is skipped; a row with
 * fewer fields than the header is skipped and reported (the partial excerpt ends inside one).
 */
export function parseCslCsv(textIn: string, file: string, tolerateCutEnd = false): ConvertResult {
  const rows = parseDelimited(textIn, file, ',', tolerateCutEnd);
  const records = recordsWithHeader(rows, file, REQUIRED);
  const out: ConvertResult = { entries: [], skipped: [] };
  for (const { line, record, complete } of records) {
    if (record.source === 'source') {
      out.skipped.push({ place: `line ${line}`, reason: 'the header line repeated' });
      continue;
    }
    if (!complete) {
      out.skipped.push({ place: `line ${line}`, reason: 'row cut short (fewer fields than the header)' });
      continue;
    }
    const r = cslRecordToEntry(record);
    if (typeof r === 'string') out.skipped.push({ place: `line ${line}`, reason: r });
    else out.entries.push(r);
  }
  return out;
}

/**
 * The newest `source_last_updated` of a consolidated.json (`sources_used`), when it has one: the
 * date of the data, rather than the date of the download.
 */
export function cslJsonDataDate(value: unknown): string | undefined {
  const used = value && typeof value === 'object' ? (value as { sources_used?: unknown }).sources_used : undefined;
  if (!Array.isArray(used)) return undefined;
  const dates = used
    .map((s) => (s && typeof s === 'object' ? isoDate((s as Record<string, unknown>).source_last_updated) : undefined))
    .filter((d): d is string => d !== undefined)
    .sort();
  return dates.at(-1);
}
