/**
 * The last step for every entry, whichever source it came from: names tidied, aliases cleaned,
 * risky names marked, ids made unique. The list script and the conversion of downloads both end
 * here, so the extension treats an embedded and a downloaded list alike.
 */
import type { Entry } from '../model';
import { markAmbiguous, type IsCommonWord } from './ambiguity';
import { cleanAliases, note, tidyName, type CleanReport } from './clean';
import { personNameWords, refineGuessedType } from './entry-type';
import { runToEnd, type Steps } from '../steps';

/** Entries finished between two pauses: about 20–50 ms of work on a slow machine. */
const ENTRIES_PER_STEP = 400;

function tidyList(values: string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  const out = [...new Set(values.map(tidyName).filter((v) => v.length > 0))];
  return out.length > 0 ? out : undefined;
}

function setOrDelete<K extends 'aliases' | 'nativeNames' | 'addresses' | 'countries' | 'programs'>(e: Entry, key: K, value: string[] | undefined): void {
  if (value && value.length > 0) e[key] = value;
  else delete e[key];
}

/** Cleans and marks `entries` in place and returns them. */
export function finishEntries(entries: Entry[], isCommonWord: IsCommonWord, report: CleanReport): Entry[] {
  return runToEnd(finishEntriesInSteps(entries, isCommonWord, report));
}

/** The same, yielding every few hundred entries (see ../steps.ts). */
export function* finishEntriesInSteps(entries: Entry[], isCommonWord: IsCommonWord, report: CleanReport): Steps<Entry[]> {
  const ids = new Set<string>();
  const personWords = personNameWords(entries);
  const ordinary = (w: string): boolean => isCommonWord(w) && !(isCommonWord.isNameWord?.(w) ?? false);
  let done = 0;
  for (const e of entries) {
    if (++done % ENTRIES_PER_STEP === 0) yield;
    const name = tidyName(e.name);
    if (name !== e.name) note(report.cleaned, 'whitespace, markup or encoding tidied', e.name);
    e.name = name;
    setOrDelete(e, 'aliases', cleanAliases(e.name, e.aliases ?? [], report));
    setOrDelete(e, 'nativeNames', tidyList(e.nativeNames));
    setOrDelete(e, 'addresses', tidyList(e.addresses));
    setOrDelete(e, 'countries', tidyList(e.countries));
    setOrDelete(e, 'programs', tidyList(e.programs));
    const type = refineGuessedType(e, personWords, ordinary);
    if (type !== e.type) note(report.cleaned, 'guessed person taken for an organisation', e.name);
    e.type = type;
    const marks = markAmbiguous(e, isCommonWord, report);
    if (marks.length) e.ambiguous = marks;
    else delete e.ambiguous;
    // Two parties of one list can share a source id only through a source's own slip; the
    // suffix keeps both, and is the same for the same input.
    let id = e.id;
    for (let n = 2; ids.has(id); n++) id = `${e.id}~${n}`;
    if (id !== e.id) note(report.cleaned, 'repeated id given a suffix', e.id);
    e.id = id;
    ids.add(id);
  }
  return entries;
}
