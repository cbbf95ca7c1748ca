/**
 * The extension's list bundle: making one, validating one (every bundle the extension loads,
 * embedded or downloaded, passes `parseBundle`), and converting any accepted input file.
 */
import { ENTRY_TYPES, LIST_CODES, isListCode, type Bundle, type Entry, type ListCode } from '../model';
import { parseCslCsv, parseCslJson } from './csl';
import { ListFileError } from './errors';
import { jsonErrorOffset } from './json-error';

export function countsOf(entries: readonly Entry[]): Partial<Record<ListCode, number>> {
  const counts: Partial<Record<ListCode, number>> = {};
  for (const e of entries) if (isListCode(e.list)) counts[e.list] = (counts[e.list] ?? 0) + 1;
  return counts;
}

export function makeBundle(entries: Entry[], meta: Pick<Bundle, 'dataDate' | 'origin' | 'sources'> & { builtAt?: string }): Bundle {
  return {
    format: 1,
    dataDate: meta.dataDate,
    builtAt: meta.builtAt ?? new Date().toISOString(),
    origin: meta.origin,
    sources: meta.sources,
    counts: countsOf(entries),
    entries,
  };
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const OPTIONAL_STRINGS = [
  'federalRegisterNotice', 'startDate', 'endDate', 'licenseRequirement', 'licensePolicy', 'remarks',
  'title', 'sourceListUrl', 'sourceInformationUrl', 'url',
] as const;
const OPTIONAL_ARRAYS = ['aliases', 'nativeNames', 'countries', 'addresses', 'programs', 'provenance'] as const;

/** Why an entry is not valid, or undefined when it is. */
function entryProblem(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return 'not an object';
  const r = e as Record<string, unknown>;
  if (!isStr(r.id) || !r.id) return 'no id';
  if (!(isListCode(r.list) || r.list === 'CUSTOM')) return `unknown list "${String(r.list)}"`;
  if (!isStr(r.listName)) return 'no listName';
  if (!(ENTRY_TYPES as readonly unknown[]).includes(r.type)) return `unknown type "${String(r.type)}"`;
  if (!isStr(r.name) || !r.name.trim()) return 'no name';
  for (const k of OPTIONAL_STRINGS) if (r[k] !== undefined && !isStr(r[k])) return `${k} is not text`;
  for (const k of OPTIONAL_ARRAYS) if (r[k] !== undefined && !isStrArr(r[k])) return `${k} is not a list of text`;
  if (r.ambiguous !== undefined && !(Array.isArray(r.ambiguous) && r.ambiguous.every((a) => a && isStr(a.name) && isStr(a.reason)))) return 'bad ambiguous marks';
  if (r.reason !== undefined) {
    const reason = r.reason as Record<string, unknown> | null;
    if (!reason || !isStr(reason.text) || !isStr(reason.source)) return 'bad reason';
  }
  return undefined;
}

export type BundleResult = { ok: true; bundle: Bundle } | { ok: false; error: string };

/** Checks that `raw` is a complete, well-formed bundle. Never throws. */
export function parseBundle(raw: unknown): BundleResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'a bundle must be a JSON object' };
  const b = raw as Record<string, unknown>;
  if (b.format !== 1) return { ok: false, error: `unsupported bundle format ${JSON.stringify(b.format)}` };
  if (!isStr(b.dataDate) || !/^\d{4}-\d{2}-\d{2}$/.test(b.dataDate)) return { ok: false, error: 'dataDate must be YYYY-MM-DD' };
  if (!isStr(b.builtAt) || !isStr(b.origin)) return { ok: false, error: 'builtAt and origin must be text' };
  if (!Array.isArray(b.sources)) return { ok: false, error: 'sources must be a list' };
  if (!Array.isArray(b.entries)) return { ok: false, error: 'entries must be a list' };
  const ids = new Set<string>();
  for (let i = 0; i < b.entries.length; i++) {
    const problem = entryProblem(b.entries[i]);
    if (problem) return { ok: false, error: `entries[${i}]: ${problem}` };
    const id = (b.entries[i] as Entry).id;
    if (ids.has(id)) return { ok: false, error: `entries[${i}]: duplicate id ${id}` };
    ids.add(id);
  }
  const entries = b.entries as Entry[];
  return { ok: true, bundle: { ...(b as unknown as Bundle), counts: countsOf(entries) } };
}

/** Reads JSON, naming the position of a syntax error. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const at = jsonErrorOffset(text);
    let place: string | undefined;
    if (at >= text.length) place = `cut short at the end, line ${text.split('\n').length}`;
    else if (at >= 0) {
      const before = text.slice(0, at);
      place = `line ${before.split('\n').length}, column ${at - before.lastIndexOf('\n')}`;
    }
    throw new ListFileError(`malformed JSON: ${msg}`, file, place);
  }
}

/**
 * Accepts what an administrator may serve: an official `consolidated.json`, the official CSV,
 * or a bundle made by the list script. Returns a bundle or throws a ListFileError.
 */
export function detectAndConvert(text: string, file: string, meta: { origin: string; today: string }): Bundle {
  if (text.trim().length === 0) throw new ListFileError('the file is empty', file);
  const trimmed = text.trimStart();
  let entries: Entry[];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const value = parseJsonText(text, file);
    if (value && typeof value === 'object' && 'format' in value && 'entries' in value) {
      const r = parseBundle(value);
      if (!r.ok) throw new ListFileError(r.error, file);
      return r.bundle;
    }
    entries = parseCslJson(value, file).entries;
  } else {
    entries = parseCslCsv(text, file).entries;
  }
  if (entries.length === 0) throw new ListFileError('no list entries found', file);
  const dates = entries.map((e) => e.startDate ?? '').filter(Boolean).sort();
  return makeBundle(entries, {
    dataDate: meta.today,
    origin: meta.origin,
    sources: [{ file, description: 'Consolidated Screening List download', date: dates.at(-1) ?? meta.today }],
  });
}

export { LIST_CODES };
