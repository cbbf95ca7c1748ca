/**
 * The popup's search over the whole list. It forgives what people get wrong when they type a
 * name: case and diacritics, word order, missing legal forms, and typos of up to two edits per
 * word; the last word may be a prefix (the box answers as the user types).
 *
 * Every name is indexed by its distinct words (legal forms dropped). A query word is first matched
 * against the distinct words only (exact, prefix by binary search in the sorted words, typos by a
 * bounded edit distance behind a cheap letter-set filter), and only names holding a matching word
 * for every query word are scored. That keeps a keystroke in the low milliseconds on ~40,000 names.
 */
import type { Entry } from './model';
import { stripLegalForms } from './legal-forms';
import { foldedWords } from './normalize';
import type { MatcherOptions } from './matcher';
import { listRank } from './compile';
import { boundedDistance, letterMask, popcount } from './edit-distance';

export { boundedDistance } from './edit-distance';

export interface LookupResult {
  entry: Entry;
  /** The name or alias that matched. */
  matchedName: string;
  /** 0..1, higher is better. */
  score: number;
}

export interface Lookup {
  search(query: string, limit?: number): LookupResult[];
}

interface IndexedName {
  entry: number;
  name: string;
  /** Number of words of the name (without legal forms). */
  wordCount: number;
}

/** Typos allowed in a typed word of this length: none for short words, where they match anything. */
/** Folded words without legal forms; "&" is read as "and". */
function wordsOf(text: string): string[] {
  return stripLegalForms(foldedWords(text)).map((w) => (w === '&' ? 'and' : w));
}

/**
 * The word lists a listed name is indexed under: as listed, and without a trailing bracketed
 * part ("Huawei Technologies Co., Ltd. (Huawei)" is also "Huawei Technologies").
 */
function nameForms(name: string): string[][] {
  const full = wordsOf(name);
  const unbracketed = wordsOf(name.replace(/\s*\([^()]*\)[\s.]*$/, ''));
  return unbracketed.length > 0 && unbracketed.length < full.length ? [full, unbracketed] : [full];
}

/**
 * Ties are broken by list (the Entity List first), then by whether the query matched the entry's
 * own name rather than an alias (a party listed under the typed name beats another party that
 * carries it as an a.k.a.), then by how many names the entry has (a party's main entry usually
 * lists its aliases; a bare duplicate does not), then by shorter name.
 */
function compareResults(a: LookupResult, b: LookupResult): number {
  const names = (e: Entry): number => (e.aliases?.length ?? 0) + (e.nativeNames?.length ?? 0);
  const byAlias = (r: LookupResult): number => (r.matchedName === r.entry.name ? 0 : 1);
  return (
    b.score - a.score ||
    listRank(a.entry.list) - listRank(b.entry.list) ||
    byAlias(a) - byAlias(b) ||
    names(b.entry) - names(a.entry) ||
    a.entry.name.length - b.entry.name.length
  );
}

function allowedEdits(length: number): number {
  return length <= 3 ? 0 : length <= 5 ? 1 : 2;
}

class WordIndex {
  readonly words: string[] = [];
  readonly masks: number[] = [];
  /** Names holding each word. */
  readonly postings: number[][] = [];
  private readonly ids = new Map<string, number>();
  /** Word ids sorted by their text, for prefix ranges. */
  private sorted: number[] = [];

  add(word: string, item: number): void {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.masks.push(letterMask(word));
      this.postings.push([]);
    }
    const list = this.postings[id] as number[];
    if (list[list.length - 1] !== item) list.push(item);
  }

  finish(): void {
    this.sorted = this.words.map((_, i) => i).sort((a, b) => ((this.words[a] as string) < (this.words[b] as string) ? -1 : 1));
  }

  id(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** Ids of words that start with `prefix` (and are longer than it). */
  withPrefix(prefix: string): number[] {
    const { sorted, words } = this;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((words[sorted[mid] as number] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length; i++) {
      const id = sorted[i] as number;
      const w = words[id] as string;
      if (!w.startsWith(prefix)) break;
      if (w.length > prefix.length) out.push(id);
    }
    return out;
  }
}

/**
 * How well a typed word fits the words of the index: word id → score (1 exact, 0.9 a prefix of
 * the last word, 0.85 - 0.15 per typo, 0.6 a prefix with one typo of the last word).
 */
function candidatesFor(index: WordIndex, q: string, isLast: boolean): Map<number, number> {
  const out = new Map<number, number>();
  const put = (id: number, s: number): void => {
    if (s > (out.get(id) ?? 0)) out.set(id, s);
  };
  const exact = index.id(q);
  if (exact !== undefined) put(exact, 1);
  if (isLast && q.length >= 2) for (const id of index.withPrefix(q)) put(id, 0.9);
  const allowed = allowedEdits(q.length);
  if (allowed === 0) return out;
  const qMask = letterMask(q);
  const prefixTypos = isLast && q.length >= 4;
  index.words.forEach((w, id) => {
    if (w === q) return;
    const diff = w.length - q.length;
    // Each edit changes at most two letters of the letter set: a cheap way to skip most words.
    if (Math.abs(diff) <= allowed && popcount(qMask ^ (index.masks[id] as number)) <= 2 * allowed) {
      const d = boundedDistance(q, w, allowed);
      if (d <= allowed) {
        put(id, 0.85 - 0.15 * d);
        return;
      }
    }
    if (prefixTypos && diff > 0 && boundedDistance(q, w.slice(0, q.length), 1) <= 1) put(id, 0.6);
  });
  return out;
}

export function createLookup(entries: readonly Entry[], options?: MatcherOptions): Lookup {
  const kept = options?.include ? entries.filter(options.include) : [...entries];
  const items: IndexedName[] = [];
  const index = new WordIndex();
  kept.forEach((e, entry) => {
    for (const name of [e.name, ...(e.aliases ?? []), ...(e.nativeNames ?? [])]) {
      for (const words of nameForms(name)) {
        if (words.length === 0) continue;
        const item = items.length;
        items.push({ entry, name, wordCount: words.length });
        for (const w of words) index.add(w, item);
      }
    }
  });
  index.finish();

  function search(query: string, limit = 20): LookupResult[] {
    const q = wordsOf(query);
    if (q.length === 0) return [];
    // Sum of each query word's best score per name; a name must match every query word.
    let totals = new Map<number, number>();
    for (let i = 0; i < q.length; i++) {
      const best = new Map<number, number>();
      for (const [word, s] of candidatesFor(index, q[i] as string, i === q.length - 1)) {
        for (const item of index.postings[word] as number[]) {
          if (i > 0 && !totals.has(item)) continue;
          if (s > (best.get(item) ?? 0)) best.set(item, s);
        }
      }
      const next = new Map<number, number>();
      for (const [item, s] of best) next.set(item, (totals.get(item) ?? 0) + s);
      totals = next;
      if (totals.size === 0) return [];
    }
    const results = new Map<number, LookupResult>(); // by entry index
    for (const [i, total] of totals) {
      const item = items[i] as IndexedName;
      // Covering more of the name ranks higher: "Huawei" finds the parent before its affiliates.
      const coverage = q.length / Math.max(q.length, item.wordCount);
      const score = (total / q.length) * (0.75 + 0.25 * coverage);
      const prev = results.get(item.entry);
      if (!prev || score > prev.score) results.set(item.entry, { entry: kept[item.entry] as Entry, matchedName: item.name, score });
    }
    return [...results]
      .sort(([ea, a], [eb, b]) => compareResults(a, b) || ea - eb)
      .slice(0, limit)
      .map(([, r]) => r);
  }

  return { search };
}
