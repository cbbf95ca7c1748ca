/**
 * The official Consolidated Screening List, as trade.gov publishes it: `consolidated.json`
 * (`{"results": [...]}`) and the CSV with the same fields. Both become Entry records here, so
 * the build script and the background's updates share one conversion.
 */
import { LIST_CODES, LIST_NAMES, type Entry, type EntryType, type ListCode } from '../model';
import { parseDelimited, recordsWithHeader } from './csv';
import { ListFileError } from './errors';
import { parentheticalShortNames, splitAliasField, tidyName } from './clean';

export const CSL_COLUMNS = [
  '_id', 'source', 'entity_number', 'type', 'programs', 'name', 'title', 'addresses',
  'federal_register_notice', 'start_date', 'end_date', 'standard_order', 'license_requirement',
  'license_policy', 'call_sign', 'vessel_type', 'gross_tonnage', 'gross_registered_tonnage',
  'vessel_flag', 'vessel_owner', 'remarks', 'source_list_url', 'alt_names', 'citizenships',
  'dates_of_birth', 'nationalities', 'places_of_birth', 'source_information_url', 'ids',
] as const;

const REQUIRED = ['source', 'name'] as const;

/** "Entity List (EL) - Bureau of Industry and Security" → "EL". */
export function listCodeOfSource(source: string): ListCode | undefined {
  const m = /\((?:NS-)?([A-Z]{2,4})(?: List)?\)/.exec(source);
  const code = m?.[1];
  if (code && (LIST_CODES as readonly string[]).includes(code)) return code as ListCode;
  return LIST_CODES.find((c) => LIST_NAMES[c] === source);
}

const ORG_WORDS =
  /\b(co|company|corp|corporation|inc|ltd|limited|llc|l\.l\.c|plc|gmbh|ag|sa|s\.a|bv|nv|ooo|oao|zao|pao|ao|jsc|cjsc|pte|fze|fzco|llp|pvt|group|holdings?|technolog(y|ies)|tech|industr(y|ies|ial)|institute|university|academy|cent(er|re)|bureau|ministry|department|laborator(y|ies)|lab|bank|trading|international|enterprises?|systems?|electronics?|engineering|services?|solutions?|factory|plant|works|association|organi[sz]ation|office|agency|society|foundation|research|design|sciences?|airlines?|aviation|shipping|logistics|import|export|commercial|manufactur\w*|network|communications?|telecom\w*|semiconductors?|software|energy|petroleum|oil|gas|chemicals?|metals?|machinery|equipment|products|suppl(y|ies)|general|establishment|firm|firma|partners|obshchestvo|aktsionernoe|zavod|kombinat|institut|tsentr|kompaniya|gruppa|nauchno\w*|ventures|capital|investments?|development|unit|force|army|navy|guard|party|front|movement|brigade|regiment|military|defen[cs]e|state|national|federal|republic|authority|committee|council|commission|hospital|school|college|store|shop|market|media|press|news|power|electric\w*|motors?|auto\w*|steel|iron|mining|construction|building|port|airport|station|base|center)\b/i;

/**
 * The CSL gives no type for several lists (EL, DPL, UVL, MEU, ISN, DTC). A name with a word that
 * names an organisation is an entity; on the Denied Persons List the rest are people; on the
 * other lists a name of two to four capitalised plain words with no such word is taken for a
 * person's name ("Fazal Rahim Farid"), everything else for an entity.
 */
export function guessType(name: string, list: ListCode | 'CUSTOM'): EntryType {
  if (ORG_WORDS.test(name)) return 'entity';
  if (list === 'DPL') return 'individual';
  const words = name.split(/\s+/).filter(Boolean);
  const personLike = words.length >= 2 && words.length <= 4 && words.every((w) => /^[A-Z][a-z'’-]+,?$|^[A-Z]\.$/.test(w));
  return personLike ? 'individual' : 'entity';
}

export function typeFromCsl(raw: string | undefined, name: string, list: ListCode): EntryType {
  switch ((raw ?? '').trim().toLowerCase()) {
    case 'individual':
      return 'individual';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    case 'entity':
      return 'entity';
    default:
      return guessType(name, list);
  }
}

type Value = string | string[] | Record<string, unknown>[] | undefined;

function text(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = tidyName(v);
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

/** The official CSV (29 columns). A repeated header row and a cut-off last row are skipped. */
export function parseCslCsv(textIn: string, file: string, tolerateCutEnd = false): ConvertResult {
  const rows = parseDelimited(textIn, file, ',', tolerateCutEnd);
  const records = recordsWithHeader(rows, file, REQUIRED);
  const out: ConvertResult = { entries: [], skipped: [] };
  for (const { line, record, complete } of records) {
    if (record.source === 'source') continue; // the header repeated
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
