/**
 * The popup's search over the whole list. It forgives what people get wrong when they type a
 * name: case and diacritics, word order, missing legal forms, and typos of up to two edits per
 * word; the last word may be a prefix (the box answers as the user types).
 */
import type { Entry } from './model';
import { stripLegalForms } from './legal-forms';
import { tokenize } from './normalize';
import type { MatcherOptions } from './matcher';

export interface LookupResult {
  entry: Entry;
  /** The name or alias that matched. */
  matchedName: string;
  /** 0..1, higher is better. */
  score: number;
}

interface IndexedName {
  entry: number;
  name: string;
  words: string[];
}

/** Edit distance with transpositions, giving up once it exceeds `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** How well one typed word fits one word of a name: 1 exact, less for prefixes and typos, 0 none. */
function wordScore(q: string, w: string, isLast: boolean): number {
  if (q === w) return 1;
  if (isLast && q.length >= 2 && w.startsWith(q)) return 0.9;
  const allowed = q.length <= 3 ? 0 : q.length <= 5 ? 1 : 2;
  if (allowed === 0) return 0;
  const d = boundedDistance(q, w, allowed);
  if (d <= allowed) return 0.85 - 0.15 * d;
  if (isLast && w.length > q.length) {
    const dp = boundedDistance(q, w.slice(0, q.length), 1);
    if (dp <= 1 && q.length >= 4) return 0.6;
  }
  return 0;
}

export function createLookup(entries: readonly Entry[], options?: MatcherOptions): { search(query: string, limit?: number): LookupResult[] } {
  const kept = options?.include ? entries.filter(options.include) : [...entries];
  const index: IndexedName[] = [];
  kept.forEach((e, i) => {
    for (const name of [e.name, ...(e.aliases ?? []), ...(e.nativeNames ?? [])]) {
      const words = stripLegalForms(tokenize(name).map((t) => t.text));
      if (words.length) index.push({ entry: i, name, words });
    }
  });

  function search(query: string, limit = 20): LookupResult[] {
    const q = stripLegalForms(tokenize(query).map((t) => t.text));
    if (q.length === 0) return [];
    const best = new Map<number, LookupResult>();
    for (const item of index) {
      let total = 0;
      for (let i = 0; i < q.length; i++) {
        const qw = q[i] as string;
        let top = 0;
        for (const w of item.words) {
          const s = wordScore(qw, w, i === q.length - 1);
          if (s > top) top = s;
          if (top === 1) break;
        }
        if (top === 0) {
          total = -1;
          break;
        }
        total += top;
      }
      if (total <= 0) continue;
      // Covering more of the name ranks higher: "Huawei" finds the parent before its affiliates.
      const coverage = q.length / Math.max(q.length, item.words.length);
      const score = (total / q.length) * (0.75 + 0.25 * coverage);
      const prev = best.get(item.entry);
      if (!prev || score > prev.score) best.set(item.entry, { entry: kept[item.entry] as Entry, matchedName: item.name, score });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.entry.name.length - b.entry.name.length).slice(0, limit);
  }

  return { search };
}
