/**
 * Marking of names that are risky to flag on their own. The name is kept; the mark tells the
 * matcher to flag it only in context (see AmbiguityReason in model.ts). Which words are
 * "common" is a predicate passed in: the list script builds it from a word-frequency list
 * (scripts/lib/common-words.ts), the background can build one from the embedded bundle
 * (`commonWordsFromBundle`), so this module stays pure and ships no word list.
 */
import type { AmbiguityReason, AmbiguousName, Bundle, Entry } from '../model';
import { NAME_STOP_WORDS, stripLegalForms } from '../legal-forms';
import { tokenize } from '../normalize';
import { note, type CleanReport } from './clean';

/**
 * Whether a word is ordinary English. `isNameWord`, where the word source knows it, tells
 * which common words are proper names ("China", "Russian"): a phrase with one is a name.
 */
export type IsCommonWord = ((word: string) => boolean) & {
  isNameWord?: (word: string) => boolean;
  /** Whether English uses the word at all, however rarely: "candiru" (the fish), not "huawei". */
  isKnownWord?: (word: string) => boolean;
};

/** Words that open the name of a government department: "Ministry of …", "Department of …". */
const DEPARTMENT_HEADS = new Set(['ministry', 'department', 'directorate', 'secretariat']);

/**
 * Class "generic government department": "Ministry of Defence", "Department of Energy": a
 * department of that name exists in nearly every country, and the name says which only when it
 * names the country ("Ministry of Defence of the Russian Federation", which keeps its own mark).
 * Marked as a common word: flagged only beside a strong mention of the listed department.
 * Needs isNameWord to tell a country or nationality apart; without it nothing is marked.
 */
function isGenericDepartment(tokens: readonly string[], isCommonWord: IsCommonWord): boolean {
  const isNameWord = isCommonWord.isNameWord;
  if (!isNameWord || tokens.length < 3 || !DEPARTMENT_HEADS.has(tokens[0] ?? '') || tokens[1] !== 'of') return false;
  return tokens.slice(1).every((t) => isCommonWord(t) && !isNameWord(t));
}

/** Words that close the name of an armed group, a party or a movement. */
const MOVEMENT_HEADS = new Set([
  'army', 'front', 'party', 'movement', 'brigade', 'brigades', 'forces', 'militia', 'resistance', 'battalion', 'battalions',
  'guard', 'guards', 'council', 'committee', 'league', 'alliance', 'union', 'organization', 'organisation',
]);

/**
 * Class "generic movement alias": an alias such as "People's Liberation Army", "External Security
 * Organization": ordinary words closed by the kind of body (MOVEMENT_HEADS), with no proper name
 * and no legal form in them, and no word of the party's own main name (small words and the head
 * aside: "Revolutionary Guard" of the Islamic Revolutionary Guard Corps stays a name). Armed
 * groups and parties in many countries share such names (China's army and Peru's Shining Path
 * under one of its aliases), so the alias says which only beside the party's own name. Marked as
 * a common word: flagged only beside a strong mention of the listed party. Main names are left
 * as listed. Needs isNameWord; without it nothing is marked this way.
 */
function isGenericMovementAlias(tokens: readonly string[], entry: Entry, isCommonWord: IsCommonWord): boolean {
  const isNameWord = isCommonWord.isNameWord;
  const head = tokens[tokens.length - 1] ?? '';
  if (!isNameWord || tokens.length < 2 || !MOVEMENT_HEADS.has(head) || stripLegalForms(tokens).length < tokens.length) return false;
  if (!tokens.every((t) => isCommonWord(t) && !isNameWord(t))) return false;
  const ownTokens = tokenize(entry.name).map((t) => t.text);
  if (ownTokens.join('') === tokens.join('')) return false; // the main name spelled apart ("SOUTHEAST" / "SOUTH-EAST")
  const own = new Set(ownTokens);
  return tokens.every((t) => t === head || NAME_STOP_WORDS.has(t) || !own.has(t));
}

/**
 * Class "truncated phrase": an alias that is only the first words of the entry's own name
 * without its legal form ("Silk Road" of "Silk Road Trading Company Ltd."), all of them ordinary
 * lower-case words. It is a short form of the full name, and as a phrase people capitalise it
 * for other things (the darknet market, the trade route), so it is marked as a derived short
 * form: flagged only beside a strong mention of the party. With a proper name in it ("China
 * Mobile" of "China Mobile Communications Group Co., Ltd.") it stays a name of its own.
 * Needs isNameWord; without it (commonWordsFromBundle) nothing is marked this way.
 */
function isTruncatedPhrase(tokens: readonly string[], entry: Entry, isCommonWord: IsCommonWord): boolean {
  const isNameWord = isCommonWord.isNameWord;
  if (!isNameWord) return false;
  const main = stripLegalForms(tokenize(entry.name).map((t) => t.text));
  if (tokens.length === 0 || tokens.length >= main.length || !tokens.every((t, i) => main[i] === t)) return false;
  return tokens.every((t) => isCommonWord(t) && !isNameWord(t));
}

/**
 * Marks, per name of the entry (main name and aliases):
 * - `short-acronym`: three letters or digits or fewer ("MOD", "MPK"): too many other meanings;
 * - `common-word`: one word that ordinary English uses ("Arsenal", "Pegasus", "Best");
 * - `common-phrase`: several words, each common ("Positive Technologies"): the matcher flags it
 *   only when it is written as a name (capitalised), not as a phrase.
 * A name that is made of common words once its legal form is dropped ("APEX Ltd." → "APEX") is
 * also marked under that shorter form, because the matcher finds names without legal forms.
 * The main name is marked too when it is risky: the matcher then flags it only beside a strong
 * mention of the same entry, which is the honest choice for such a name.
 */
export function markAmbiguous(entry: Entry, isCommonWord: IsCommonWord, report: CleanReport): AmbiguousName[] {
  const marks: AmbiguousName[] = [];
  const add = (name: string, reason: AmbiguityReason, kind: string, example: string): void => {
    if (marks.some((m) => m.name.toLowerCase() === name.toLowerCase())) return;
    marks.push({ name, reason });
    note(report.ambiguous, kind, example);
  };
  for (const name of [entry.name, ...(entry.aliases ?? [])]) {
    const letters = name.replace(/[^\p{L}\p{N}]/gu, '');
    const words = name.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
    const tokens = tokenize(name).map((t) => t.text);
    if (letters.length > 0 && letters.length <= 3) add(name, 'short-acronym', 'short-acronym', name);
    else if (name !== entry.name && isTruncatedPhrase(tokens, entry, isCommonWord)) {
      add(name, 'derived-short-form', 'ordinary words that shorten the listed name', name);
    } else if (isGenericDepartment(tokens, isCommonWord)) add(name, 'common-word', 'generic government department', name);
    else if (name !== entry.name && isGenericMovementAlias(tokens, entry, isCommonWord)) add(name, 'common-word', 'generic movement alias', name);
    else if (words.length > 0 && words.every(isCommonWord)) {
      const reason = words.length === 1 ? 'common-word' : 'common-phrase';
      add(name, reason, reason, name);
    }
    // Class "known word": one word that is not common, but that English knows ("Candiru", a
    // catfish). A main name or listed short name of one word counts on its own as the party's
    // coined name (compile.ts, rule 1) unless marked so: then it needs an organisation cue.
    if (tokens.length === 1 && isCommonWord.isKnownWord?.(tokens[0] ?? '') === true) add(name, 'known-word', 'known word', name);
    const core = stripLegalForms(tokens);
    if (core.length > 0 && core.length < tokens.length && core.every(isCommonWord)) {
      const reason = core.length === 1 ? 'common-word' : 'common-phrase';
      add(core.join(' '), reason, `${reason} once the legal form is dropped`, name);
    }
  }
  return marks;
}

/**
 * A predicate for converting downloads in the extension, where the word-frequency list is not
 * shipped: the words of every name the embedded bundle marked as a common word or phrase. It
 * knows the ordinary words that occur in list names today; a new name made of ordinary words
 * no listed name used before is not marked until the embedded snapshot is rebuilt.
 */
export function commonWordsFromBundle(bundle: Pick<Bundle, 'entries'>): IsCommonWord {
  const words = new Set<string>();
  const known = new Set<string>();
  for (const e of bundle.entries) {
    for (const a of e.ambiguous ?? []) {
      if (a.reason === 'known-word') for (const t of tokenize(a.name)) known.add(t.text);
      if (a.reason !== 'common-word' && a.reason !== 'common-phrase') continue;
      for (const t of tokenize(a.name)) words.add(t.text);
    }
  }
  const all = (set: Set<string>) => (word: string) => {
    const folded = tokenize(word);
    return folded.length > 0 && folded.every((t) => set.has(t.text));
  };
  return Object.assign(all(words), { isKnownWord: all(known) });
}
