/**
 * Compiles entries into the matcher's tables: the vocabulary (every word that occurs in a listed
 * name), and a word-level trie of every form of every name, flattened into arrays (CompiledData)
 * that the matcher reads directly and that can be stored as JSON and loaded without compiling.
 *
 * Which forms a name has, and how strong each is, is decided here (addEntries): the name as
 * listed; without a trailing bracketed short name; without its legal form; and, when it ends in
 * a generic word ("NSO Group"), without that word, as a short form flagged only in context.
 */
import { LIST_CODES, type AmbiguityReason, type Entry } from './model';
import { GENERIC_TAIL_WORDS, NAME_STOP_WORDS, stripLegalForms } from './legal-forms';
import { foldedWords } from './normalize';

export const STRONG = 0;
export const CONTEXT = 1;
/** Bits of CompiledData.termFlags. */
export const FLAG_CONTEXT = 1;
export const FLAG_CAPS = 2;
/** An acronym: strong only where the text writes it in capitals, else a context form. */
export const FLAG_UPPER = 4;
/** A listed short acronym: strong only standing alone, not inside a run of capitalised words. */
export const FLAG_ALONE = 8;

export interface PatternRef {
  /** Index into the matcher's entries. */
  entry: number;
  strength: typeof STRONG | typeof CONTEXT;
  /** Words of the name must be capitalised in the text (names made of common words, acronyms). */
  caps: boolean;
  /** An acronym (isAcronym): strong only when written in capitals in the text. */
  upper?: boolean;
  /** A listed short acronym (isListedAcronym): strong only when it stands alone in the text. */
  alone?: boolean;
  /** The name or alias as listed. */
  name: string;
}

/**
 * The compiled matcher as plain JSON-able arrays. The trie is stored compressed-row style:
 * node n's children are edgeToken/edgeChild[edgeStart[n] .. edgeStart[n + 1]) sorted by token,
 * and the names ending at node n are termEntry/termFlags/termName[termStart[n] .. termStart[n + 1]),
 * most relevant entry first. Node 0 is the root.
 */
export interface CompiledData {
  format: 1;
  /** The entries the tables were compiled from, to check loadMatcher is given the same ones. */
  entryCount: number;
  entryIdsCheck: string;
  vocab: string[];
  names: string[];
  edgeStart: number[];
  edgeToken: number[];
  edgeChild: number[];
  termStart: number[];
  termEntry: number[];
  termFlags: number[];
  termName: number[];
}

const LIST_RANK = new Map<string, number>([['CUSTOM', -1], ...LIST_CODES.map((c, i) => [c, i] as [string, number])]);
/** Entity List first, then the other lists in LIST_CODES order; an organisation's own entries before all. */
export function listRank(list: string): number {
  return LIST_RANK.get(list) ?? 99;
}

/** A cheap fingerprint of which entries, in which order, the tables index. */
export function entryIdsCheck(entries: readonly Entry[]): string {
  const pick = (i: number): string => entries[i]?.id ?? '';
  return [entries.length, pick(0), pick(entries.length >> 1), pick(entries.length - 1)].join('|');
}

/** Edge keys: node * EDGE_BASE + word id, so sorting keys orders edges by node, then word. */
const EDGE_BASE = 0x100000;

class TrieBuilder {
  readonly vocab: string[] = [];
  private readonly vocabIds = new Map<string, number>();
  /** One map for all edges: far fewer objects than a map per node. */
  private readonly edges = new Map<number, number>();
  private nodeCount = 1;
  readonly terminals = new Map<number, PatternRef[]>();

  private tokenId(word: string): number {
    let id = this.vocabIds.get(word);
    if (id === undefined) {
      id = this.vocab.length;
      this.vocab.push(word);
      this.vocabIds.set(word, id);
    }
    return id;
  }

  /** Adds a form of a name; a form with "and" or "&" is added with either ("Smith & Wesson"). */
  add(tokens: readonly string[], ref: PatternRef): void {
    if (tokens.includes('&') || tokens.includes('and')) {
      this.addOne(tokens.map((t) => (t === '&' ? 'and' : t)), ref);
      this.addOne(tokens.map((t) => (t === 'and' ? '&' : t)), { ...ref });
    } else this.addOne(tokens, ref);
  }

  private addOne(tokens: readonly string[], ref: PatternRef): void {
    let node = 0;
    for (const t of tokens) {
      const key = node * EDGE_BASE + this.tokenId(t);
      let child = this.edges.get(key);
      if (child === undefined) {
        child = this.nodeCount++;
        this.edges.set(key, child);
      }
      node = child;
    }
    const refs = this.terminals.get(node) ?? [];
    const same = refs.find((r) => r.entry === ref.entry);
    if (!same) refs.push(ref);
    // The stronger reading wins: strong over context, then one that needs no capitals.
    else if (ref.strength < same.strength || (ref.strength === same.strength && same.upper === true && ref.upper !== true)) Object.assign(same, ref);
    this.terminals.set(node, refs);
  }

  flatten(entries: readonly Entry[]): CompiledData {
    const d: CompiledData = {
      format: 1, entryCount: entries.length, entryIdsCheck: entryIdsCheck(entries), vocab: this.vocab, names: [],
      edgeStart: [], edgeToken: [], edgeChild: [], termStart: [], termEntry: [], termFlags: [], termName: [],
    };
    const nameIds = new Map<string, number>();
    const rank = (r: PatternRef): number => listRank(entries[r.entry]?.list ?? '');
    this.flattenEdges(d);
    for (let node = 0; node < this.nodeCount; node++) {
      d.termStart.push(d.termEntry.length);
      const refs = this.terminals.get(node);
      if (!refs) continue;
      // Same list: the entry whose main name this is comes before entries reached through an alias.
      const viaAlias = (r: PatternRef): number => (entries[r.entry]?.name === r.name ? 0 : 1);
      refs.sort((a, b) => rank(a) - rank(b) || viaAlias(a) - viaAlias(b) || a.entry - b.entry);
      for (const r of refs) {
        let n = nameIds.get(r.name);
        if (n === undefined) {
          n = d.names.length;
          d.names.push(r.name);
          nameIds.set(r.name, n);
        }
        d.termEntry.push(r.entry);
        d.termFlags.push((r.strength === CONTEXT ? FLAG_CONTEXT : 0) | (r.caps ? FLAG_CAPS : 0) | (r.upper === true ? FLAG_UPPER : 0) | (r.alone === true ? FLAG_ALONE : 0));
        d.termName.push(n);
      }
    }
    d.termStart.push(d.termEntry.length);
    return d;
  }

  /** Edges grouped by node (a counting sort), each node's edges sorted by word id. */
  private flattenEdges(d: CompiledData): void {
    const start = new Array<number>(this.nodeCount + 1).fill(0);
    for (const key of this.edges.keys()) {
      const slot = Math.floor(key / EDGE_BASE) + 1;
      start[slot] = (start[slot] as number) + 1;
    }
    for (let n = 0; n < this.nodeCount; n++) start[n + 1] = (start[n + 1] as number) + (start[n] as number);
    const fill = start.slice();
    const token = new Array<number>(this.edges.size).fill(0);
    const child = new Array<number>(this.edges.size).fill(0);
    for (const [key, to] of this.edges) {
      const node = Math.floor(key / EDGE_BASE);
      const at = fill[node] as number;
      fill[node] = at + 1;
      token[at] = key - node * EDGE_BASE;
      child[at] = to;
    }
    for (let n = 0; n < this.nodeCount; n++) {
      const from = start[n] as number;
      const to = start[n + 1] as number;
      if (to - from < 2) continue;
      const order = token.slice(from, to).map((t, i) => [t, child[from + i] as number] as const).sort((a, b) => a[0] - b[0]);
      order.forEach(([t, c], i) => {
        token[from + i] = t;
        child[from + i] = c;
      });
    }
    Object.assign(d, { edgeStart: start, edgeToken: token, edgeChild: child });
  }
}

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
 * Adds every form of every name (main name, aliases, native names) of the entries. The rules:
 *
 * 1. The name as listed is a strong form, except:
 *    - marked in the list as a common word, a short acronym or a derived short form → context;
 *    - marked as a common phrase ("Positive Technologies") → strong, but only when every word is
 *      capitalised or in capitals in the text (small words such as "of" aside);
 *    - three letters or fewer, or made only of one- and two-letter words → context, capitals;
 *    - a single word (Latin, Cyrillic, Greek…) → strong, but only with a capital ("Candiru", not
 *      the candiru fish).
 *    The page matcher adds one rule: a name written all in lower case is a context form.
 * 2. Without its trailing bracketed short name, before a bracketed short name followed by a comma
 *    and the parent's name, and without its legal form (legal-forms.ts),
 *    the same rules apply, and the form is weak (context, capitals) when it is a single word of a
 *    name the list writes in capitals only ("DENISE COMPANY" → "Denise"), four letters or fewer,
 *    or only one- and two-letter words ("B.S. Company").
 * 3. A name ending in a generic word (GENERIC_TAIL_WORDS: Group, Holding(s), International,
 *    Technolog(y|ies)…) also gives the name without it ("NSO Group" → "NSO") as a context form.
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
    const add = (tokens: string[], name: string, weakIfShort: boolean): void => {
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
      tables.add(tokens, { entry: index, strength, caps, upper, alone: listedAcronym, name });
    };
    for (const name of [entry.name, ...(entry.aliases ?? []), ...(entry.nativeNames ?? [])]) {
      const tokens = foldedWords(name);
      if (tokens.length === 0) continue;
      add(tokens, name, false);
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
      const last = core[core.length - 1];
      if (core.length >= 2 && last !== undefined && GENERIC_TAIL_WORDS.has(last)) {
        // "NSO Group" → "NSO": the same party once the full name has been seen.
        tables.add(core.slice(0, -1), { entry: index, strength: CONTEXT, caps: true, name });
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
