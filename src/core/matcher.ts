/**
 * The page matcher. A fast scan (prefilter.ts) finds the few places where a name may start; from
 * each, the full loop folds each character through a table, hashes each word as it is read and
 * looks the hash up in the vocabulary of listed names (verified character by character, so a
 * hash collision can never make a false mention). Words in no listed name break any sequence; a
 * run of listed words is walked through the word trie for leftmost-longest, non-overlapping
 * mentions. Nothing is allocated per word, only per mention.
 */
import type { Entry } from './model';
import { resolveContext, strongIds, withDefinedAbbreviations, type Mention } from './mentions';
import { NAME_STOP_WORDS } from './legal-forms';
import * as normalize from './normalize';
import { compileData, entryIdsCheck, type CompiledData } from './compile';
import { WordTable } from './word-table';
import { WordTrie } from './word-trie';
import { ALL_CAPS, CAPITALISED, Run, allLowerCase, followsApostrophe, restartPoint, withAmpersandBefore, wordCase } from './text-run';
import { Prefilter } from './prefilter';
import { APOSTROPHE, HASH_SEED, IGNORABLE, SINGLE, S_CHAR, WORD } from './scan-constants';
import { hasPassingTerm, mentionOf, type TermTables } from './name-reading';

export { CONTEXT, STRONG, type CompiledData } from './compile';

export interface MatcherOptions {
  /** Which entries to flag (lists and types on in the settings). */
  include?: (entry: Entry) => boolean;
}

export interface Matcher {
  /** Mentions in reading order; context mentions are not resolved yet (see findInDocument). */
  find(text: string): Mention[];
  readonly entryCount: number;
  entry(id: string): Entry | undefined;
  /** The compiled tables, JSON-able; loadMatcher(data, entries) rebuilds the matcher. */
  serialize(): CompiledData;
}

// Module-local copies of the tables: an imported binding may be read through an accessor in
// some module formats (tsx, CommonJS interop), which costs more than the rest of the loop.
// Numbers come from scan-constants.ts, written into the shipped code by the bundler; run from
// the source files (tsx), they are imported bindings read at every use, and the matcher is
// about a sixth slower there, which only scripts run that way see.
const { CHAR_CLASS, FOLDED, LETTER_CASE, hashStep } = normalize;

class TrieMatcher implements Matcher {
  private readonly words: WordTable;
  private readonly trie: WordTrie;
  /** Small words that need no capital inside a name ("Institute of Physics"), by word id. */
  private readonly stopWord: Uint8Array;
  private readonly termStart: Int32Array;
  private readonly termEntry: Int32Array;
  private readonly termFlags: Uint8Array;
  private readonly termName: Int32Array;
  private readonly byId: Map<string, number>;
  /** What a found name stands for (name-reading.ts). */
  private readonly terms: TermTables;
  private readonly run = new Run();
  /** Where names may start (prefilter.ts), derived from the tables on load. */
  private readonly filter: Prefilter;
  private readonly vocab: string[];
  private readonly names: string[];
  private readonly entriesCheck: string;

  /** Keeps only typed arrays of `data`: the plain arrays are dropped with it. */
  constructor(
    private readonly entries: readonly Entry[],
    data: CompiledData,
  ) {
    this.vocab = data.vocab;
    this.names = data.names;
    this.entriesCheck = data.entryIdsCheck;
    this.words = new WordTable(data.vocab);
    this.trie = new WordTrie(data);
    this.termStart = Int32Array.from(data.termStart);
    this.termEntry = Int32Array.from(data.termEntry);
    this.termFlags = Uint8Array.from(data.termFlags);
    this.termName = Int32Array.from(data.termName);
    this.stopWord = Uint8Array.from(data.vocab, (w) => (NAME_STOP_WORDS.has(w) ? 1 : 0));
    this.byId = new Map(entries.map((e, i) => [e.id, i] as const));
    this.terms = { termStart: this.termStart, termEntry: this.termEntry, termFlags: this.termFlags, termName: this.termName, names: this.names, entries, readings: new Map() };
    const { edgeStart, edgeToken, edgeChild } = this.trie;
    this.filter = new Prefilter({ vocab: data.vocab, edgeStart, edgeToken, edgeChild, termStart: this.termStart, termFlags: this.termFlags });
  }

  get entryCount(): number {
    return this.entries.length;
  }

  entry(id: string): Entry | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.entries[i];
  }

  serialize(): CompiledData {
    const { edgeStart, edgeToken, edgeChild } = this.trie;
    return {
      format: 1, entryCount: this.entries.length, entryIdsCheck: this.entriesCheck, vocab: this.vocab, names: this.names,
      edgeStart: Array.from(edgeStart), edgeToken: Array.from(edgeToken), edgeChild: Array.from(edgeChild),
      termStart: Array.from(this.termStart), termEntry: Array.from(this.termEntry), termFlags: Array.from(this.termFlags),
      termName: Array.from(this.termName),
    };
  }

  find(text: string): Mention[] {
    const out: Mention[] = [];
    const filter = this.filter;
    filter.reset(text);
    this.run.length = 0;
    // The fast scan finds where a name may start; the full loop reads from there until no run of
    // listed words is pending, then hands back. Between two such places nothing can match.
    for (let from = 0; from <= text.length; ) {
      const at = filter.nextCandidate(from);
      if (at < 0) break;
      if (filter.nameStart < 0) {
        from = this.readFrom(text, restartPoint(text, at, from), at, out);
        continue;
      }
      const start = withAmpersandBefore(text, filter.nameStart, from);
      // A word no name goes on from to the next word: the name, if any, is the word alone, and the
      // full loop, which would read on through the next word, is not needed. About half of all
      // candidates on real pages ("New", "United", "World": short forms of listed names, found as
      // context mentions). A lone "s" after an apostrophe is no word to the full loop.
      if (filter.wordAlone && start === filter.nameStart && !followsApostrophe(text, start)) {
        from = this.readWord(text, start, at, out);
      } else from = this.readFrom(text, start, at, out);
    }
    return out.length === 0 ? out : withDefinedAbbreviations(text, out);
  }

  /** The full loop over the whole text, without the fast scan: the reference the tests hold find() to. */
  findByFullScan(text: string): Mention[] {
    const out: Mention[] = [];
    this.run.length = 0;
    this.readFrom(text, 0, text.length, out);
    return out.length === 0 ? out : withDefinedAbbreviations(text, out);
  }

  /**
   * The full matcher, from `from` (not inside a word): folds and hashes each word, looks it up
   * and matches runs of listed words. Returns where the fast scan may go on: right after the
   * first break at or after `reach` with no run pending (past the end when the text is done).
   */
  private readFrom(text: string, from: number, reach: number, out: Mention[]): number {
    const run = this.run;
    const words = this.words;
    let start = -1;
    let end = 0;
    let h = HASH_SEED;
    let len = 0;
    let first = 0;
    let upper = 0;
    let lower = 0;
    let afterApostrophe = followsApostrophe(text, from);
    const n = text.length;
    for (let i = from; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 32;
      const cls = CHAR_CLASS[c] as number;
      if (cls === WORD) {
        const f = FOLDED[c] as number;
        if (start < 0) {
          start = i;
          h = HASH_SEED;
          len = 0;
          first = f;
          upper = 0;
          lower = 0;
        }
        const letterCase = LETTER_CASE[c] as number;
        if (letterCase === 1) upper++;
        else if (letterCase === 2) lower++;
        h = hashStep(h, f);
        len++;
        end = i + 1;
        continue;
      }
      if (cls === IGNORABLE) continue;
      if (start >= 0) {
        // A lone "s" after an apostrophe is a possessive ending: neither a word nor a break.
        if (!(afterApostrophe && len === 1 && first === S_CHAR)) {
          const id = words.find(text, start, end, h, len);
          if (id >= 0) run.push(id, start, end, wordCase(LETTER_CASE[text.charCodeAt(start)] !== 2, upper, lower));
          else if (run.length > 0) this.matchRun(text, out);
        }
        start = -1;
        afterApostrophe = cls === APOSTROPHE;
      } else afterApostrophe = false;
      if (cls === SINGLE) {
        const id = words.find(text, i, i + 1, hashStep(HASH_SEED, FOLDED[c] as number), 1);
        if (id >= 0) run.push(id, i, i + 1, CAPITALISED | ALL_CAPS);
        else if (run.length > 0) this.matchRun(text, out);
      }
      // Hands back at a break with nothing pending; not inside ideographic text, where listed
      // characters come every few characters and handing back would only mean coming back.
      if (run.length === 0 && i >= reach && !(i + 1 < n && CHAR_CLASS[text.charCodeAt(i + 1)] === SINGLE)) return i + 1;
    }
    if (run.length > 0) this.matchRun(text, out);
    return n + 1;
  }

  /**
   * The mention of the word text[start, end) alone, if it is a whole name, where no name goes on
   * from it to the next word (see find): what readFrom and matchRun would find there, without
   * reading on. A word some name goes on from through "&" is left to readFrom.
   */
  private readWord(text: string, start: number, end: number, out: Mention[]): number {
    let h = HASH_SEED;
    let upper = 0;
    let lower = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      const letterCase = LETTER_CASE[c] as number;
      if (letterCase === 1) upper++;
      else if (letterCase === 2) lower++;
      h = hashStep(h, FOLDED[c] as number);
    }
    const id = this.words.find(text, start, end, h, end - start);
    if (id < 0) return end + 1;
    const node = this.trie.rootChild[id] as number;
    if (node === 0) return end + 1;
    // The scan takes "&" for a plain break, so the keys cannot rule out a name going on through one.
    if (this.trie.ampersandNext[node] === 1) return this.readFrom(text, start, end, out);
    const stop = this.stopWord[id] === 1;
    const caps = wordCase(LETTER_CASE[text.charCodeAt(start)] !== 2, upper, lower);
    const capsOk = (caps & CAPITALISED) !== 0 || stop;
    if (hasPassingTerm(this.terms, node, capsOk)) this.report(text, { start, end, node }, capsOk, (caps & ALL_CAPS) !== 0 || stop, out);
    return end + 1;
  }

  private report(text: string, place: { start: number; end: number; node: number }, capsOk: boolean, upperOk: boolean, out: Mention[]): void {
    out.push(mentionOf(this.terms, text, place, { capsOk, upperOk, cased: !allLowerCase(text, place.start, place.end) }));
  }

  /** Leftmost-longest mentions within the current run of listed words; empties the run. */
  private matchRun(text: string, out: Mention[]): void {
    const run = this.run;
    const trie = this.trie;
    const { ids, caps } = run;
    for (let k = 0; k < run.length; k++) {
      let node = trie.child(0, ids[k] as number);
      let bestEnd = -1;
      let bestNode = 0;
      let bestCapsOk = false;
      let bestUpperOk = false;
      let capsOk = true;
      let upperOk = true;
      for (let j = k; node !== 0; ) {
        const stop = this.stopWord[ids[j] as number] === 1;
        capsOk &&= ((caps[j] as number) & CAPITALISED) !== 0 || stop;
        upperOk &&= ((caps[j] as number) & ALL_CAPS) !== 0 || stop;
        if (hasPassingTerm(this.terms, node, capsOk)) {
          bestEnd = j;
          bestNode = node;
          bestCapsOk = capsOk;
          bestUpperOk = upperOk;
        }
        if (++j >= run.length) break;
        node = trie.child(node, ids[j] as number);
      }
      if (bestEnd < 0) continue;
      this.report(text, { start: run.starts[k] as number, end: run.ends[bestEnd] as number, node: bestNode }, bestCapsOk, bestUpperOk, out);
      k = bestEnd;
    }
    run.length = 0;
  }
}

function included(entries: readonly Entry[], options?: MatcherOptions): Entry[] {
  return options?.include ? entries.filter(options.include) : [...entries];
}

export function compileMatcher(entries: readonly Entry[], options?: MatcherOptions): Matcher {
  const kept = included(entries, options);
  return new TrieMatcher(kept, compileData(kept));
}

/**
 * Rebuilds a matcher from serialised tables and the same entries, filtered the same way.
 * Throws when the entries are not the ones the tables were compiled from.
 */
export function loadMatcher(data: CompiledData, entries: readonly Entry[], options?: MatcherOptions): Matcher {
  const kept = included(entries, options);
  if (data.format !== 1 || data.entryCount !== kept.length || data.entryIdsCheck !== entryIdsCheck(kept)) {
    throw new Error('The compiled matcher does not belong to these entries; compile it again.');
  }
  return new TrieMatcher(kept, data);
}

/** Mentions of a whole document: context mentions kept only where their party is named strongly. */
export function findInDocument(matcher: Matcher, text: string): Mention[] {
  const mentions = matcher.find(text);
  return resolveContext(mentions, strongIds(mentions));
}
