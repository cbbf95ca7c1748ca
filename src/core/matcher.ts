/**
 * The page matcher: one pass over the text turns words into vocabulary ids through a hash (no
 * strings built for words that occur in no listed name), then a walk of the word trie finds
 * leftmost-longest, non-overlapping mentions. A candidate is verified against the words of the
 * text before it is reported, so a hash collision can never make a false mention.
 */
import type { Entry } from './model';
import { resolveContext, strongIds, type Mention } from './mentions';
import { NAME_STOP_WORDS } from './legal-forms';
import { APOSTROPHE, CASE_TABLE, FOLD_TABLE, IGNORABLE, SEPARATOR, SINGLE_TOKEN_TABLE } from './normalize';
import {
  CONTEXT, EDGE_BASE, H1_SEED, H2_SEED, STRONG, compileTables, deserializeTables, keyOfWord, listRank,
  serializeTables, stepH1, stepH2, wordKey, type CompiledData, type PatternRef, type Tables,
} from './compile';

export interface MatcherOptions {
  /** Which entries to flag (lists and types on in the settings). */
  include?: (entry: Entry) => boolean;
}

export interface Matcher {
  /** Mentions in reading order; context mentions are not resolved yet (see findInDocument). */
  find(text: string): Mention[];
  readonly entryCount: number;
  entry(id: string): Entry | undefined;
  serialize(): CompiledData;
}

/** Reusable token buffers: grown as needed, never shrunk. */
class TokenBuffer {
  ids = new Int32Array(1024);
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  caps = new Uint8Array(1024);
  length = 0;
  push(id: number, start: number, end: number, cap: number): void {
    if (this.length === this.ids.length) this.grow();
    const n = this.length++;
    this.ids[n] = id;
    this.starts[n] = start;
    this.ends[n] = end;
    this.caps[n] = cap;
  }
  private grow(): void {
    const size = this.ids.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.ids = grow(this.ids, (n) => new Int32Array(n));
    this.starts = grow(this.starts, (n) => new Int32Array(n));
    this.ends = grow(this.ends, (n) => new Int32Array(n));
    this.caps = grow(this.caps, (n) => new Uint8Array(n));
  }
}

class TokenMatcher implements Matcher {
  private readonly wordIds = new Map<number, number>();
  private readonly byId: Map<string, number>;
  private readonly buf = new TokenBuffer();

  constructor(
    private readonly entries: readonly Entry[],
    private readonly tables: Tables,
  ) {
    tables.vocab.forEach((w, id) => this.wordIds.set(keyOfWord(w), id));
    this.byId = new Map(entries.map((e, i) => [e.id, i] as const));
  }

  get entryCount(): number {
    return this.entries.length;
  }

  entry(id: string): Entry | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.entries[i];
  }

  serialize(): CompiledData {
    return serializeTables(this.tables);
  }

  /** Pass 1: words → vocabulary ids (-1 for words in no name), with spans and capitalisation. */
  private tokenizeInto(text: string): TokenBuffer {
    const buf = this.buf;
    buf.length = 0;
    let start = -1;
    let end = 0;
    let h1 = H1_SEED;
    let h2 = H2_SEED;
    let len = 0;
    let first = 0;
    let afterApostrophe = false;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 32;
      const f = FOLD_TABLE[c] as number;
      if (f === IGNORABLE) continue;
      const single = SINGLE_TOKEN_TABLE[c] === 1;
      if (f !== SEPARATOR && f !== APOSTROPHE && !single) {
        if (start < 0) {
          start = i;
          first = f;
          h1 = H1_SEED;
          h2 = H2_SEED;
          len = 0;
        }
        h1 = stepH1(h1, f);
        h2 = stepH2(h2, f);
        len++;
        end = i + 1;
        continue;
      }
      if (start >= 0) {
        // A lone "s" after an apostrophe is a possessive ending, not a word.
        if (!(afterApostrophe && len === 1 && first === 115)) {
          const id = this.wordIds.get(wordKey(h1, h2)) ?? -1;
          buf.push(id, start, end, CASE_TABLE[text.charCodeAt(start)] === 2 ? 0 : 1);
        }
        start = -1;
        afterApostrophe = f === APOSTROPHE;
      } else afterApostrophe = false;
      if (single) {
        const id = this.wordIds.get(wordKey(stepH1(H1_SEED, f), stepH2(H2_SEED, f))) ?? -1;
        buf.push(id, i, i + 1, 1);
      }
    }
    return buf;
  }

  find(text: string): Mention[] {
    const buf = this.tokenizeInto(text);
    const { edges, terminals, vocab } = this.tables;
    const out: Mention[] = [];
    for (let k = 0; k < buf.length; k++) {
      if ((buf.ids[k] as number) < 0) continue;
      let node = 0;
      let bestEnd = -1;
      let bestRefs: PatternRef[] = [];
      for (let j = k; j < buf.length; j++) {
        const id = buf.ids[j] as number;
        if (id < 0) break;
        const child = edges.get(node * EDGE_BASE + id);
        if (child === undefined) break;
        node = child;
        const refs = terminals.get(node);
        if (!refs) continue;
        const passing = refs.filter((r) => !r.caps || this.capitalised(buf, k, j));
        if (passing.length > 0) {
          bestEnd = j;
          bestRefs = passing;
        }
      }
      if (bestEnd < 0 || !this.verify(text, buf, k, bestEnd, vocab)) continue;
      out.push(this.mention(buf, k, bestEnd, bestRefs));
      k = bestEnd;
    }
    return out;
  }

  /** Words that need capitals (not small words such as "of") start with one. */
  private capitalised(buf: TokenBuffer, k: number, j: number): boolean {
    for (let t = k; t <= j; t++) {
      if (buf.caps[t] === 1) continue;
      if (!NAME_STOP_WORDS.has(this.tables.vocab[buf.ids[t] as number] ?? '')) return false;
    }
    return true;
  }

  /** Re-folds the words of the candidate and compares them with the vocabulary (hash collisions). */
  private verify(text: string, buf: TokenBuffer, k: number, j: number, vocab: string[]): boolean {
    for (let t = k; t <= j; t++) {
      let word = '';
      for (let i = buf.starts[t] as number; i < (buf.ends[t] as number); i++) {
        const f = FOLD_TABLE[text.charCodeAt(i)] as number;
        if (f !== IGNORABLE) word += String.fromCharCode(f);
      }
      if (word !== vocab[buf.ids[t] as number]) return false;
    }
    return true;
  }

  private mention(buf: TokenBuffer, k: number, j: number, refs: PatternRef[]): Mention {
    const strong = refs.filter((r) => r.strength === STRONG);
    const chosen = (strong.length > 0 ? strong : refs)
      .map((r) => ({ r, e: this.entries[r.entry] as Entry }))
      .sort((a, b) => listRank(a.e.list) - listRank(b.e.list) || a.r.entry - b.r.entry);
    const firstRef = chosen[0]?.r;
    return {
      start: buf.starts[k] as number,
      end: buf.ends[j] as number,
      entryIds: chosen.map((c) => c.e.id),
      strength: strong.length > 0 ? 'strong' : 'context',
      matchedName: firstRef?.name ?? '',
    };
  }
}

function included(entries: readonly Entry[], options?: MatcherOptions): Entry[] {
  return options?.include ? entries.filter(options.include) : [...entries];
}

export function compileMatcher(entries: readonly Entry[], options?: MatcherOptions): Matcher {
  const kept = included(entries, options);
  return new TokenMatcher(kept, compileTables(kept));
}

/** Rebuilds a matcher from serialised tables and the same entries, filtered the same way. */
export function loadMatcher(data: CompiledData, entries: readonly Entry[], options?: MatcherOptions): Matcher {
  return new TokenMatcher(included(entries, options), deserializeTables(data));
}

/** Mentions of a whole document: context mentions kept only where their party is named strongly. */
export function findInDocument(matcher: Matcher, text: string): Mention[] {
  const mentions = matcher.find(text);
  return resolveContext(mentions, strongIds(mentions));
}

export { CONTEXT, STRONG };
