/**
 * Compiles entries into the matcher's tables (trie.ts): which forms each name has, and how
 * strong each is, is decided here (addEntries): the name as listed; without a trailing
 * bracketed short name; without its legal form; and, when it ends in a generic word
 * ("NSO Group"), without that word, as a short form flagged only in context.
 */
import type { AmbiguityReason, Entry } from './model';
import { GENERIC_TAIL_WORDS, NAME_STOP_WORDS, stripLegalForms } from './legal-forms';
import { foldedWords } from './normalize';
import { CONTEXT, STRONG, TrieBuilder, type CompiledData } from './trie';

export { CONTEXT, STRONG, FLAG_ALONE, FLAG_CAPS, FLAG_CONTEXT, FLAG_CUE, FLAG_UPPER, entryIdsCheck, listRank, type CompiledData, type PatternRef } from './trie';

/**
 * A name reduced by dropping its legal form is weak when one word is left ("DENISE COMPANY" is
 * also a first name; "Kepler Corporation" a surname) or only letters are left ("B.S. Company"):
 * it is then flagged only beside a strong mention of the same party, and only when capitalised.
 */
function isWeakCore(tokens: readonly string[]): boolean {
  return tokens.length === 1 || tokens.join('').length <= 4 || tokens.every((t) => t.length <= 2);
}

/** Scripts written without spaces: their names are short and need no capitals. */
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

const norm = (name: string): string => foldedWords(name).join(' ');

/**
 * Class "acronym": one word of four to six letters that the source writes in capitals, where
 * either the word spells the initials of another name of the same entry ("MIRA" beside "Movement
 * for Islamic Reform in Arabia", "ISIS" beside "Islamic State of Iraq and Syria"), or it is an
 * alias of an entry whose main name the list writes in mixed case, so the capitals are a choice
 * ("MACS" beside "Middle East Automation & Controls Services"). Such a word written otherwise in
 * running text is another word or a name ("Isis" the goddess, Spanish "mira", "Macs"), so only
 * the form in capitals is strong; "Isis" is still flagged beside a strong mention of the party.
 * (Three letters or fewer are short acronyms, always context: rule 1.)
 */
function isAcronym(name: string, entry: Entry, mixedCase: boolean): boolean {
  const letters = name.trim();
  if (!/^\p{Lu}{4,6}$/u.test(letters)) return false;
  if (mixedCase && name !== entry.name) return true;
  const word = letters.toLowerCase();
  return [entry.name, ...(entry.aliases ?? [])].some((other) => {
    const tokens = foldedWords(other);
    if (tokens.length < 2) return false;
    const initials = (ts: string[]): string => ts.map((t) => t[0]).join('');
    return initials(tokens) === word || initials(tokens.filter((t) => !NAME_STOP_WORDS.has(t))) === word;
  });
}

/**
 * Class "listed short acronym": a party the list names by two or three capitals as its main name
 * ("DJI", "M23"), not as an alias beside a full name. That is the name a reader meets and
 * expects flagged, so unlike other short acronyms (context only, rule 1) it is strong where the
 * text writes it in capitals and it stands alone: not next to another capitalised word, where
 * it is part of another name ("DJI Opco", a stock index company). Anywhere else it is a context
 * form like any short acronym.
 */
function isListedAcronym(name: string, entry: Entry): boolean {
  const trimmed = name.trim();
  return name === entry.name && /^[\p{Lu}\p{N}]{2,3}$/u.test(trimmed) && /\p{Lu}/u.test(trimmed);
}

/**
 * Forms marked as ordinary words or phrases anywhere in the list. A form reached another way
 * (an alias without its legal form, "JSC POSITIVE TECHNOLOGIES" → "positive technologies") is
 * treated like the marked one.
 */
function commonFormsOf(entries: readonly Entry[]): Map<string, AmbiguityReason> {
  const out = new Map<string, AmbiguityReason>();
  for (const e of entries) {
    for (const a of e.ambiguous ?? []) if (a.reason === 'common-word' || a.reason === 'common-phrase') out.set(norm(a.name), a.reason);
  }
  return out;
}

/**
 * Rule 5, class "activity or agent": in a name of three words or more (without its legal form),
 * a long word ending in "-ing" is also read ending in "-er", and the other way round, one word at
 * a time: "National Supercomputer Center" is written "National Supercomputing Center", and
 * "Manufacturing" and "Manufacturer" alternate the same way. The other words must all match, so
 * a variant that is no English word ("Helicopting") costs only memory.
 */
function endingVariants(tokens: readonly string[]): string[][] {
  if (tokens.length < 3) return [];
  const out: string[][] = [];
  tokens.forEach((t, i) => {
    if (t.length < 8) return;
    const swapped = t.endsWith('ing') ? `${t.slice(0, -3)}er` : t.endsWith('er') ? `${t.slice(0, -2)}ing` : undefined;
    if (swapped) out.push(tokens.map((x, j) => (j === i ? swapped : x)));
  });
  return out;
}

/**
 * Adds every form of every name (main name, aliases, native names) of the entries. The rules:
 *
 * 1. The name as listed is a strong form, except:
 *    - marked in the list as a common word, a short acronym or a derived short form → context;
 *    - marked as a common phrase ("Positive Technologies") → strong, but only when every word is
 *      capitalised or in capitals in the text (small words such as "of" aside);
 *    - three letters or fewer, or made only of one- and two-letter words → context, capitals;
 *    - a single word (Latin, Cyrillic, Greek…) → strong, but only with a capital ("Candiru", not
 *      the candiru fish). Class "one-word name": one word is often also something else with a
 *      capital (the Candiru catfish at the start of a sentence, the Soyuz spacecraft, the Kepler
 *      telescope, Ultron in a film title), so it is strong only with an organisation cue in the
 *      same line nearby ("the Israeli firm Candiru", "sanctions on Hikvision"; cues.ts) or a
 *      capital inside the word as the text writes it ("iFlytek"); else a context form, flagged
 *      once the page names the party strongly. Exception: the party's coined name, i.e. its main
 *      name or the short name the list brackets after it ("Huawei", "Sugon", "TALIBAN"), when
 *      the list build does not mark it as a word English knows ('known-word': "Candiru").
 *      Acronyms (below) have their own rules.
 *    The page matcher adds one rule: a name written all in lower case is a context form.
 * 2. Without its trailing bracketed short name, before a bracketed short name followed by a comma
 *    and the parent's name, and without its legal form (legal-forms.ts),
 *    the same rules apply, and the form is weak (context, capitals) when it is a single word of a
 *    name the list writes in capitals only ("DENISE COMPANY" → "Denise"), four letters or fewer,
 *    or only one- and two-letter words ("B.S. Company").
 * 3. A name ending in a generic word (GENERIC_TAIL_WORDS: Group, Holding(s), International,
 *    Technolog(y|ies)…) also gives the name without it ("NSO Group" → "NSO") as a context form;
 *    when that is one word of four letters or more that the list does not mark as ordinary, of
 *    a name written in mixed case ("Megvii Technology" → "Megvii"; not "Positive Technologies"
 *    → "Positive", nor "ISLAMIC GROUP" → "Islamic"), it is a one-word name under rule 1 (strong
 *    with an organisation cue nearby).
 * 4. A party the list names by a short acronym ("DJI") followed by a generic word ("DJI
 *    Technology") is a strong form: the acronym is then plainly the name of a company.
 * 5. A long word ending in "-ing" or "-er" of a name of three words or more is also read with
 *    the other ending (endingVariants).
 *
 * Context forms are flagged only where the same document names one of their entries strongly
 * (findInDocument). Forms marked anywhere in the list as common words or phrases count as marked
 * for every entry that reaches them.
 */
function addEntries(tables: TrieBuilder, entries: readonly Entry[]): void {
  const common = commonFormsOf(entries);
  entries.forEach((entry, index) => {
    const marks = new Map((entry.ambiguous ?? []).map((a) => [norm(a.name), a.reason] as const));
    // OFAC and others write names in capitals only: there, a word left alone by dropping the
    // legal form ("DENISE COMPANY") may be anything. Mixed-case names show a proper name.
    const mixedCase = /\p{Ll}/u.test(entry.name);
    const isMarked = (tokens: string[]): boolean => marks.has(tokens.join(' ')) || common.has(tokens.join(' '));
    // The party's own names: the main name and the short name the list brackets after it.
    const ownShort = /\(([^()]+)\)\s*$/u.exec(entry.name)?.[1]?.trim();
    const add = (tokens: string[], name: string, weakIfShort: boolean, asListed = false): void => {
      const form = tokens.join(' ');
      const reason = marks.get(form) ?? common.get(form);
      const cjk = CJK.test(form);
      const tooShort = !cjk && (weakIfShort ? isWeakCore(tokens) : form.replace(/ /g, '').length <= 3 || tokens.every((t) => t.length <= 2));
      const contextOnly = tooShort || reason === 'common-word' || reason === 'short-acronym' || reason === 'derived-short-form';
      // One-word names are written capitalised when they name a party ("Abris", not "abris").
      const caps = contextOnly || reason !== undefined || (tokens.length === 1 && !cjk);
      const listedAcronym = tokens.length === 1 && isListedAcronym(name, entry);
      const upper = listedAcronym || (tokens.length === 1 && !contextOnly && isAcronym(name, entry, mixedCase));
      const strength = contextOnly && !listedAcronym ? CONTEXT : STRONG;
      const coined = asListed && (name === entry.name || name === ownShort) && reason === undefined;
      const cue = strength === STRONG && !upper && tokens.length === 1 && !cjk && !coined;
      tables.add(tokens, { entry: index, strength, caps, upper, alone: listedAcronym, cue, name });
    };
    for (const name of [entry.name, ...(entry.aliases ?? []), ...(entry.nativeNames ?? [])]) {
      const tokens = foldedWords(name);
      if (tokens.length === 0) continue;
      add(tokens, name, false, true);
      if (isListedAcronym(name, entry)) {
        // "Shenzhen DJI Technology Co Ltd": the listed acronym with a generic company word after
        // it is the party under a fuller name (rule 4).
        for (const tail of GENERIC_TAIL_WORDS) tables.add([...tokens, tail], { entry: index, strength: STRONG, caps: true, name });
      }
      // "Huawei Technologies Co., Ltd. (Huawei)": the short name in brackets is an alias already;
      // without it, the legal form before it becomes the end of the name and can be dropped.
      const unbracketed = foldedWords(name.replace(/\s*\([^()]*\)[\s.]*$/, ''));
      const core = stripLegalForms(unbracketed.length > 0 ? unbracketed : tokens);
      if (unbracketed.length > 0 && unbracketed.length < tokens.length) add(unbracketed, name, !mixedCase);
      // "A.A. Kharkevich Institute … Problems (IITP), Russian Academy of Sciences (RAS)": the
      // short name in brackets closes the party's own name; what follows the comma is its parent.
      const ownName = /^(.+?)\s*\([^()]*\)\s*,/u.exec(name)?.[1];
      const own = ownName ? foldedWords(ownName) : [];
      if (own.length >= 2) add(own, name, !mixedCase);
      if (core.length < tokens.length && core.length > 0) add(core, name, !mixedCase || core.length > 1);
      for (const variant of endingVariants(core)) add(variant, name, true);
      const last = core[core.length - 1];
      if (core.length >= 2 && last !== undefined && GENERIC_TAIL_WORDS.has(last)) {
        // "NSO Group" → "NSO": the same party once the full name has been seen. A brand of one
        // word of four letters or more ("Megvii Technology" → "Megvii") is a one-word name: strong
        // with an organisation cue nearby, unless the list marks it as ordinary words or writes
        // the name in capitals only ("ISLAMIC GROUP": the word left may be anything).
        const short = core.slice(0, -1);
        const brand = mixedCase && short.length === 1 && (short[0] as string).length >= 4 && !CJK.test(short[0] as string) && !isMarked(core);
        tables.add(short, { entry: index, strength: brand ? STRONG : CONTEXT, caps: true, cue: brand, name });
      }
    }
  });
}

/** Compiles the entries (already filtered) into the matcher's tables. */
export function compileData(entries: readonly Entry[]): CompiledData {
  const builder = new TrieBuilder();
  addEntries(builder, entries);
  return builder.flatten(entries);
}
