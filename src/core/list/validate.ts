/**
 * The strict check every bundle passes before the extension uses it (embedded, downloaded or
 * hosted by an organisation). Problems are named by their JSON path ("entries[12].countries[0]").
 * Fields the model does not know are left alone, so an additive field in a newer bundle does
 * not stop an older extension; a field the model knows must have the model's shape.
 */
import { ENTRY_TYPES, LIST_CODES, isListCode, type Bundle, type Entry, type ListCode } from '../model';

const AMBIGUITY_REASONS: readonly string[] = ['common-word', 'common-phrase', 'short-acronym', 'derived-short-form', 'known-word'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO2 = /^[A-Z]{2}$/;

const isStr = (v: unknown): v is string => typeof v === 'string';
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

const OPTIONAL_TEXT = ['federalRegisterNotice', 'licenseRequirement', 'licensePolicy', 'remarks', 'title', 'sourceListUrl', 'sourceInformationUrl', 'url'] as const;
const OPTIONAL_TEXT_LISTS = ['aliases', 'nativeNames', 'addresses', 'programs', 'provenance'] as const;

/** The first problem of `v` as an entry, with its path, or undefined. */
function entryProblem(v: unknown, at: string): string | undefined {
  if (!isObj(v)) return `${at}: not an object`;
  if (!isStr(v.id) || !v.id) return `${at}.id: missing or empty`;
  if (!(isListCode(v.list) || v.list === 'CUSTOM')) return `${at}.list: unknown list ${JSON.stringify(v.list)}`;
  if (!isStr(v.listName) || !v.listName) return `${at}.listName: missing or empty`;
  if (!(ENTRY_TYPES as readonly unknown[]).includes(v.type)) return `${at}.type: unknown type ${JSON.stringify(v.type)}`;
  if (!isStr(v.name) || !v.name.trim()) return `${at}.name: missing or empty`;
  for (const k of OPTIONAL_TEXT) if (v[k] !== undefined && !isStr(v[k])) return `${at}.${k}: not text`;
  for (const k of ['startDate', 'endDate'] as const) {
    if (v[k] !== undefined && !(isStr(v[k]) && ISO_DATE.test(v[k]))) return `${at}.${k}: not a YYYY-MM-DD date`;
  }
  for (const k of [...OPTIONAL_TEXT_LISTS, 'countries'] as const) {
    const list = v[k];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return `${at}.${k}: not a list`;
    const bad = list.findIndex((s) => !isStr(s) || !s.trim() || (k === 'countries' && !ISO2.test(s)));
    if (bad >= 0) return `${at}.${k}[${bad}]: ${k === 'countries' ? 'not an ISO 3166 alpha-2 code' : 'not text'}`;
  }
  if (v.ambiguous !== undefined) {
    if (!Array.isArray(v.ambiguous)) return `${at}.ambiguous: not a list`;
    const bad = v.ambiguous.findIndex((a) => !isObj(a) || !isStr(a.name) || !AMBIGUITY_REASONS.includes(a.reason as string));
    if (bad >= 0) return `${at}.ambiguous[${bad}]: needs a name and a known reason`;
  }
  if (v.reason !== undefined) {
    const r = v.reason;
    if (!isObj(r) || !isStr(r.text) || !isStr(r.source) || (r.basis !== undefined && !isStr(r.basis))) {
      return `${at}.reason: needs text and source (and basis, if any, as text)`;
    }
  }
  if (v.federalRegisterDocument !== undefined) {
    const d = v.federalRegisterDocument;
    if (!isObj(d) || !isStr(d.documentNumber) || !d.documentNumber) return `${at}.federalRegisterDocument.documentNumber: missing`;
    for (const k of ['title', 'url', 'publicationDate'] as const) if (d[k] !== undefined && !isStr(d[k])) return `${at}.federalRegisterDocument.${k}: not text`;
  }
  return undefined;
}

export function countsOf(entries: readonly Entry[]): Partial<Record<ListCode, number>> {
  const counts: Partial<Record<ListCode, number>> = {};
  for (const e of entries) if (isListCode(e.list)) counts[e.list] = (counts[e.list] ?? 0) + 1;
  return counts;
}

export type BundleResult = { ok: true; bundle: Bundle } | { ok: false; error: string };

/**
 * Checks that `raw` is a complete, well-formed bundle and returns it. `counts`, when present,
 * must be well-formed; it is always recomputed from the entries, so it never disagrees with
 * them. Never throws.
 */
export function parseBundle(raw: unknown): BundleResult {
  const fail = (error: string): BundleResult => ({ ok: false, error });
  if (!isObj(raw)) return fail('a bundle must be a JSON object');
  if (raw.format !== 1) return fail(`format: unsupported bundle format ${JSON.stringify(raw.format)}`);
  if (!isStr(raw.dataDate) || !ISO_DATE.test(raw.dataDate)) return fail('dataDate: must be YYYY-MM-DD');
  if (!isStr(raw.builtAt)) return fail('builtAt: must be text (an ISO timestamp)');
  if (!isStr(raw.origin) || !raw.origin) return fail('origin: missing or empty');
  if (!Array.isArray(raw.sources)) return fail('sources: must be a list');
  const badSource = raw.sources.findIndex((s) => !isObj(s) || !isStr(s.file) || !isStr(s.description) || (s.date !== undefined && !isStr(s.date)));
  if (badSource >= 0) return fail(`sources[${badSource}]: needs file and description (and date, if any, as text)`);
  if (raw.counts !== undefined && !isObj(raw.counts)) return fail('counts: must be an object');
  for (const [k, n] of Object.entries(raw.counts ?? {})) {
    if (!(LIST_CODES as readonly string[]).includes(k) || !Number.isInteger(n) || (n as number) < 0) return fail(`counts.${k}: not a list code with a count`);
  }
  if (!Array.isArray(raw.entries)) return fail('entries: must be a list');
  const ids = new Set<string>();
  for (let i = 0; i < raw.entries.length; i++) {
    const problem = entryProblem(raw.entries[i], `entries[${i}]`);
    if (problem) return fail(problem);
    const id = (raw.entries[i] as Entry).id;
    if (ids.has(id)) return fail(`entries[${i}].id: duplicate id ${id}`);
    ids.add(id);
  }
  const entries = raw.entries as Entry[];
  return { ok: true, bundle: { ...(raw as unknown as Bundle), counts: countsOf(entries) } };
}
