/**
 * The extension's list bundle: making one, validating one (every bundle the extension loads,
 * embedded or downloaded, passes `parseBundle`), and converting any accepted input file.
 */
import type { Bundle, Entry } from '../model';
import type { IsCommonWord } from './ambiguity';
import { newReport, type CleanReport } from './clean';
import { cslJsonDataDate, parseCslCsv, parseCslJson, type ConvertResult } from './csl';
import { ListFileError } from './errors';
import { finishEntriesInSteps } from './finish';
import { runToEnd, runWithPauses, type Steps } from '../steps';
import { parseJsonText } from './json-error';
import { collapseSameName } from './merge';
import { countsOf, parseBundle } from './validate';

export { parseJsonText };
export { countsOf, parseBundle, type BundleResult } from './validate';

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

export interface ConvertOptions {
  /** Written into the bundle's `origin`; defaults to "converted from <file>". */
  origin?: string;
  /** Ordinary words, for ambiguity marks; see ambiguity.ts. Without it only short acronyms are marked. */
  isCommonWord?: IsCommonWord;
  /** The day of the conversion (YYYY-MM-DD), the data date when the file states none. */
  today?: string;
}

export type ConvertOutcome =
  | { ok: true; bundle: Bundle; kind: 'bundle' | 'csl-json' | 'csl-csv'; skipped: { place: string; reason: string }[]; report: CleanReport }
  | { ok: false; error: string; reason: string; file: string; place?: string };

/**
 * Accepts what an administrator may serve: an official `consolidated.json`, the official CSV,
 * or a bundle made by the list script, and returns a checked bundle or an error that names the
 * file and the place. Never throws for bad input.
 */
export function detectAndConvert(text: string, fileName = 'downloaded list', options: ConvertOptions = {}): ConvertOutcome {
  try {
    return runToEnd(convert(text, fileName, options));
  } catch (err) {
    return failureOf(err);
  }
}

/**
 * The same conversion, pausing with `pause()` every few hundred entries: the background uses it
 * so that a 25 MB download does not hold the worker for seconds in one stretch.
 */
export async function detectAndConvertWithPauses(text: string, fileName: string, options: ConvertOptions, pause: () => Promise<void>): Promise<ConvertOutcome> {
  try {
    return await runWithPauses(convert(text, fileName, options), pause);
  } catch (err) {
    return failureOf(err);
  }
}

/** A ListFileError as an outcome; anything else is a bug and is thrown on. */
function failureOf(err: unknown): ConvertOutcome {
  if (err instanceof ListFileError) return { ok: false, error: err.message, reason: err.reason, file: err.file, ...(err.place ? { place: err.place } : {}) };
  throw err;
}

function* convert(text: string, file: string, options: ConvertOptions): Steps<ConvertOutcome> {
  if (text.trim().length === 0) throw new ListFileError('the file is empty', file);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const trimmed = text.trimStart();
  let parsed: ConvertResult;
  let dataDate = today;
  let kind: 'csl-json' | 'csl-csv';
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const value = parseJsonText(text, file);
    if (value && typeof value === 'object' && 'format' in value && 'entries' in value) {
      const r = parseBundle(value);
      if (!r.ok) throw new ListFileError(`not a valid bundle: ${r.error}`, file);
      return { ok: true, bundle: r.bundle, kind: 'bundle', skipped: [], report: newReport() };
    }
    parsed = parseCslJson(value, file);
    dataDate = cslJsonDataDate(value) ?? today;
    kind = 'csl-json';
  } else {
    parsed = parseCslCsv(text, file);
    kind = 'csl-csv';
  }
  if (parsed.entries.length === 0) {
    const first = parsed.skipped[0];
    throw new ListFileError(`no list entries found${first ? ` (first skipped: ${first.reason})` : ''}`, file, first?.place);
  }
  for (const e of parsed.entries) e.provenance = [file];
  const report = newReport();
  yield; // parsing is done: a pause before the long part
  const finished = yield* finishEntriesInSteps(collapseSameName(parsed.entries).entries, options.isCommonWord ?? (() => false), report);
  // A name made only of control, direction or markup characters is empty once tidied: such a
  // record names nobody and would make the bundle invalid, so it is skipped like any bad row.
  const entries = finished.filter((e) => e.name.length > 0);
  const skipped = [
    ...parsed.skipped,
    ...finished.filter((e) => e.name.length === 0).map((e) => ({ place: `entry ${e.id}`, reason: 'the name is empty once control characters and markup are removed' })),
  ];
  if (entries.length === 0) throw new ListFileError('no list entries found (every name was empty once tidied)', file, skipped[0]?.place);
  const bundle = makeBundle(entries, {
    dataDate,
    origin: options.origin ?? `converted from ${file}`,
    sources: [{ file, description: 'Consolidated Screening List (official download)', date: dataDate }],
  });
  // The same check the extension applies to every bundle it loads: a conversion never hands on
  // a bundle that would be refused later.
  const checked = parseBundle(bundle);
  if (!checked.ok) throw new ListFileError(`the converted list is not a valid bundle: ${checked.error}`, file);
  return { ok: true, bundle: checked.bundle, kind, skipped, report };
}
