/**
 * Cleaning of names as the raw lists give them, and marking of names that are risky to flag on
 * their own. Cleaning removes what is plainly wrong; marking keeps the name but says why it
 * may only be flagged in context. Both are counted for the build report.
 */
import type { AmbiguousName, Entry } from '../model';
import { stripLegalForms } from '../legal-forms';
import { tokenize } from '../normalize';

export interface CleanReport {
  cleaned: Map<string, number>;
  cleanedExamples: Map<string, string[]>;
  ambiguous: Map<string, number>;
  ambiguousExamples: Map<string, string[]>;
}

export function newReport(): CleanReport {
  return { cleaned: new Map(), cleanedExamples: new Map(), ambiguous: new Map(), ambiguousExamples: new Map() };
}

function note(counts: Map<string, number>, examples: Map<string, string[]>, kind: string, example: string): void {
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const list = examples.get(kind) ?? [];
  if (list.length < 6 && !list.includes(example)) list.push(example);
  examples.set(kind, list);
}

/** Collapses whitespace, drops control characters and stray markup; '' when nothing is left. */
export function tidyName(raw: string): string {
  return raw
    .replace(/<[^>]{0,200}>/g, ' ') // markup never belongs in a listed name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a `; `-separated alias field; "…; and X" artefacts lose their "and". */
export function splitAliasField(field: string | undefined): string[] {
  if (!field) return [];
  return field
    .split(/\s*;\s*/)
    .map((a) => a.replace(/^and\s+/i, ''))
    .filter((a) => a.length > 0);
}

/**
 * Parenthetical short names: "Huawei Technologies Co., Ltd. (Huawei)" gives "Huawei". Only a
 * trailing parenthesis counts, and only when it reads as a short name of this party: a word of
 * the name itself, or an acronym-like form ("TsAGI", "GosNIImash", "MPK"). "(Hongkong)" or
 * "(Shenzhen)" after a name says where the party is, not what it is called.
 */
export function parentheticalShortNames(name: string): string[] {
  const m = /\(([^()]{2,60})\)[\s.,;]*$/.exec(name);
  const inner = m?.[1]?.trim();
  if (!m || !inner) return [];
  if (/^(ooo|ao|zao|oao|pao|jsc|llc|ltd|inc|pte|fze)$/i.test(inner)) return [];
  if (/^(a\.?k\.?a\.?|f\.?k\.?a\.?)\b/i.test(inner)) return [];
  // In a name written all in capitals (as OFAC writes them) a trailing "(KIEV)" cannot be told
  // from a short name; only mixed-case names give that evidence.
  if (!/\p{Ll}/u.test(name)) return [];
  const before = name.slice(0, m.index).toLowerCase();
  const wordOfName = inner.split(/\s+/).every((w) => before.includes(w.toLowerCase()));
  const acronymLike = /^\S+$/.test(inner) && /\p{Lu}.*\p{Lu}/u.test(inner);
  return wordOfName || acronymLike ? [inner] : [];
}

const JUNK_ALIASES = new Set(['and', 'or', 'the', 'a.k.a.', 'aka', 'f.k.a.', 'fka', '-', 'n/a', 'none']);

/**
 * Returns the entry's aliases cleaned: tidied, junk and duplicates removed, the main name
 * removed from its own aliases.
 */
export function cleanAliases(name: string, aliases: readonly string[], report: CleanReport): string[] {
  const seen = new Set([name.toLowerCase()]);
  const out: string[] = [];
  for (const raw of aliases) {
    const alias = tidyName(raw);
    if (alias !== raw.trim()) note(report.cleaned, report.cleanedExamples, 'whitespace or markup tidied', raw);
    if (alias.length === 0) continue;
    if (JUNK_ALIASES.has(alias.toLowerCase())) {
      note(report.cleaned, report.cleanedExamples, 'split artefact alias dropped', `${name}: "${alias}"`);
      continue;
    }
    if (seen.has(alias.toLowerCase())) {
      note(report.cleaned, report.cleanedExamples, 'duplicate alias dropped', `${name}: "${alias}"`);
      continue;
    }
    seen.add(alias.toLowerCase());
    out.push(alias);
  }
  return out;
}

/**
 * Marks names that would flag ordinary text if matched alone:
 * - `short-acronym`: three letters or fewer ("MOD", "MPK"): too many unrelated meanings;
 * - `common-word`: a single word that ordinary English text uses ("Arsenal", "Pegasus", "Best");
 * - `common-phrase`: several words, each common ("Positive Technologies"): flagged only when
 *   capitalised as a name is. `isCommonWord` decides, from a word-frequency list at build time.
 * A main name that is the entry's only distinctive name is still marked: the matcher then flags it
 * only beside a strong mention of the same entry, which is the honest choice for such a name.
 */
export function markAmbiguous(entry: Entry, isCommonWord: (word: string) => boolean, report: CleanReport): AmbiguousName[] {
  const marks: AmbiguousName[] = [];
  for (const name of [entry.name, ...(entry.aliases ?? [])]) {
    const letters = name.replace(/[^\p{L}\p{N}]/gu, '');
    const words = name.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
    if (letters.length > 0 && letters.length <= 3) {
      marks.push({ name, reason: 'short-acronym' });
      note(report.ambiguous, report.ambiguousExamples, 'short-acronym', name);
    } else if (words.length === 1 && words.every((w) => isCommonWord(w))) {
      marks.push({ name, reason: 'common-word' });
      note(report.ambiguous, report.ambiguousExamples, 'common-word', name);
    } else if (words.length > 1 && words.every((w) => isCommonWord(w))) {
      // "Positive Technologies": flagged when written as a name (capitalised), not as a phrase.
      marks.push({ name, reason: 'common-phrase' });
      note(report.ambiguous, report.ambiguousExamples, 'common-phrase', name);
    }
    // "UNITED COMPANY OJSC" is also written "United Company"; the matcher drops legal forms, so a
    // name that is one common word without them is marked under that word.
    const tokens = tokenize(name).map((t) => t.text);
    const core = stripLegalForms(tokens);
    if (core.length < tokens.length && core.every((w) => isCommonWord(w))) {
      const reason = core.length === 1 ? 'common-word' : 'common-phrase';
      marks.push({ name: core.join(' '), reason });
      note(report.ambiguous, report.ambiguousExamples, `${reason} once legal forms are dropped`, name);
    }
  }
  return marks;
}
