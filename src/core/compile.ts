/**
 * Compiles entries into the matcher's tables: a vocabulary of every word that occurs in a listed
 * name (keyed by a 53-bit hash, so the page scanner never builds strings), and a word-level trie
 * whose terminal nodes point at the entries that carry that name.
 */
import { LIST_CODES, type AmbiguityReason, type Entry } from './model';
import { GENERIC_TAIL_WORDS, stripLegalForms } from './legal-forms';
import { tokenize } from './normalize';

export const STRONG = 0;
export const CONTEXT = 1;

export interface PatternRef {
  /** Index into the matcher's entries. */
  entry: number;
  strength: typeof STRONG | typeof CONTEXT;
  /** Words of the name must be capitalised in the text (names made of common words, acronyms). */
  caps: boolean;
  /** The name or alias as listed. */
  name: string;
}

/** Serialisable tables; `entries` are kept beside them, in the same order. */
export interface CompiledData {
  vocab: string[];
  /** Flattened [key, child] pairs; key = node * EDGE_BASE + token id. */
  edges: number[];
  /** Flattened [node, entry, strength, caps, nameIndex] tuples. */
  terminals: number[];
  names: string[];
}

export const EDGE_BASE = 0x100000;

/** Two 32-bit FNV-1a style hashes folded into one safe integer (53 bits). */
export function wordKey(h1: number, h2: number): number {
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}
export const H1_SEED = 0x811c9dc5;
export const H2_SEED = 0x2a3b4c5d;
export function stepH1(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
export function stepH2(h: number, c: number): number {
  return Math.imul(h + c, 0x5bd1e995) ^ (h >>> 15);
}
export function keyOfWord(word: string): number {
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  for (let i = 0; i < word.length; i++) {
    h1 = stepH1(h1, word.charCodeAt(i));
    h2 = stepH2(h2, word.charCodeAt(i));
  }
  return wordKey(h1, h2);
}

const LIST_RANK = new Map<string, number>([['CUSTOM', -1], ...LIST_CODES.map((c, i) => [c, i] as [string, number])]);
export function listRank(list: string): number {
  return LIST_RANK.get(list) ?? 99;
}

export class Tables {
  readonly vocab: string[] = [];
  readonly vocabIds = new Map<string, number>();
  readonly edges = new Map<number, number>();
  readonly terminals = new Map<number, PatternRef[]>();
  nodeCount = 1;

  tokenId(word: string): number {
    let id = this.vocabIds.get(word);
    if (id === undefined) {
      id = this.vocab.length;
      this.vocab.push(word);
      this.vocabIds.set(word, id);
    }
    return id;
  }

  add(tokens: readonly string[], ref: PatternRef): void {
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
    else if (ref.strength < same.strength) Object.assign(same, ref); // the stronger reading wins
    this.terminals.set(node, refs);
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

const norm = (name: string): string => tokenize(name).map((t) => t.text).join(' ');

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

/** Adds every form of every name of the entries: as listed, without legal forms, and short forms. */
export function compileTables(entries: readonly Entry[]): Tables {
  const tables = new Tables();
  const common = commonFormsOf(entries);
  entries.forEach((entry, index) => {
    const marks = new Map((entry.ambiguous ?? []).map((a) => [norm(a.name), a.reason] as const));
    const add = (tokens: string[], name: string, weakIfShort: boolean): void => {
      const form = tokens.join(' ');
      const reason = marks.get(form) ?? common.get(form);
      const cjk = CJK.test(form);
      const tooShort = !cjk && (weakIfShort ? isWeakCore(tokens) : form.replace(/ /g, '').length <= 3 || tokens.every((t) => t.length <= 2));
      const contextOnly = tooShort || reason === 'common-word' || reason === 'short-acronym' || reason === 'derived-short-form';
      // One-word names are written capitalised when they name a party ("Abris", not "abris").
      const caps = contextOnly || reason !== undefined || (tokens.length === 1 && !cjk);
      tables.add(tokens, { entry: index, strength: contextOnly ? CONTEXT : STRONG, caps, name });
    };
    // OFAC and others write names in capitals only: there, a word left alone by dropping the
    // legal form ("DENISE COMPANY") may be anything. Mixed-case names show a proper name.
    const mixedCase = /\p{Ll}/u.test(entry.name);
    for (const name of [entry.name, ...(entry.aliases ?? []), ...(entry.nativeNames ?? [])]) {
      const tokens = tokenize(name).map((t) => t.text);
      if (tokens.length === 0) continue;
      add(tokens, name, false);
      // "Huawei Technologies Co., Ltd. (Huawei)": the short name in brackets is an alias already;
      // without it, the legal form before it becomes the end of the name and can be dropped.
      const unbracketed = tokenize(name.replace(/\s*\([^()]*\)[\s.]*$/, '')).map((t) => t.text);
      const core = stripLegalForms(unbracketed.length > 0 ? unbracketed : tokens);
      if (unbracketed.length > 0 && unbracketed.length < tokens.length) add(unbracketed, name, !mixedCase);
      if (core.length < tokens.length && core.length > 0) add(core, name, !mixedCase || core.length > 1);
      const last = core[core.length - 1];
      if (core.length >= 2 && last !== undefined && GENERIC_TAIL_WORDS.has(last)) {
        // "NSO Group" → "NSO": the same party once the full name has been seen.
        tables.add(core.slice(0, -1), { entry: index, strength: CONTEXT, caps: true, name });
      }
    }
  });
  return tables;
}

export function serializeTables(t: Tables): CompiledData {
  const names: string[] = [];
  const nameIds = new Map<string, number>();
  const terminals: number[] = [];
  for (const [node, refs] of t.terminals) {
    for (const r of refs) {
      let n = nameIds.get(r.name);
      if (n === undefined) {
        n = names.length;
        names.push(r.name);
        nameIds.set(r.name, n);
      }
      terminals.push(node, r.entry, r.strength, r.caps ? 1 : 0, n);
    }
  }
  return { vocab: t.vocab, edges: [...t.edges].flat(), terminals, names };
}

export function deserializeTables(d: CompiledData): Tables {
  const t = new Tables();
  d.vocab.forEach((w) => t.tokenId(w));
  for (let i = 0; i < d.edges.length; i += 2) t.edges.set(d.edges[i] ?? 0, d.edges[i + 1] ?? 0);
  t.nodeCount = t.edges.size + 1;
  for (let i = 0; i < d.terminals.length; i += 5) {
    const node = d.terminals[i] ?? 0;
    const refs = t.terminals.get(node) ?? [];
    refs.push({ entry: d.terminals[i + 1] ?? 0, strength: d.terminals[i + 2] === CONTEXT ? CONTEXT : STRONG, caps: d.terminals[i + 3] === 1, name: d.names[d.terminals[i + 4] ?? 0] ?? '' });
    t.terminals.set(node, refs);
  }
  return t;
}
