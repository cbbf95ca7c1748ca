/**
 * The labelled corpus (test/corpus/passages.json): its shape, an offset check, and the
 * resolution of labels (listed name + list) to the ids of the bundle in use. Labels name
 * parties, not ids, because ids change whenever the list is rebuilt.
 */
import type { Entry } from '../../src/core/model';
import { UNSCORED_KINDS, type ScoredLabel } from './score';

export interface CorpusMention {
  start: number;
  end: number;
  /** The surface text, kept so a reader can check the offsets by eye. */
  text: string;
  entry: string;
  list: string;
  kind: string;
  /** Other entries that are the same party (e.g. the same company listed twice). */
  same?: { entry: string; list: string }[];
}

export interface CorpusPassage {
  id: string;
  source: string;
  url: string;
  retrieved: string;
  published?: string;
  text: string;
  mentions: CorpusMention[];
  negatives?: { start: number; end: number; text: string; note: string }[];
  note?: string;
}

export interface Corpus {
  passages: CorpusPassage[];
}

/** Problems with offsets: a label whose span does not hold its surface text. */
export function offsetProblems(corpus: Corpus): string[] {
  const out: string[] = [];
  for (const p of corpus.passages) {
    for (const m of [...p.mentions, ...(p.negatives ?? [])]) {
      const got = p.text.slice(m.start, m.end);
      if (m.start < 0 || m.end > p.text.length || m.start >= m.end) out.push(`${p.id}: bad span ${m.start}-${m.end}`);
      else if (got !== m.text) out.push(`${p.id}: ${m.start}-${m.end} holds ${JSON.stringify(got)}, label says ${JSON.stringify(m.text)}`);
    }
  }
  return out;
}

/** Case, punctuation and spacing do not distinguish two spellings of a listed name. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Drops a trailing "(…)" short name, as a list builder may move it into the aliases. */
const withoutParenthetical = (name: string) => name.replace(/\s*\([^()]*\)\s*$/, '');

export class EntryIndex {
  private readonly byMain = new Map<string, Entry[]>();
  private readonly byAny = new Map<string, Entry[]>();

  constructor(entries: readonly Entry[]) {
    for (const e of entries) {
      const push = (map: Map<string, Entry[]>, key: string) => {
        const list = map.get(key) ?? [];
        if (!list.includes(e)) list.push(e);
        map.set(key, list);
      };
      push(this.byMain, nameKey(e.name));
      push(this.byMain, nameKey(withoutParenthetical(e.name)));
      for (const n of [e.name, ...(e.aliases ?? [])]) push(this.byAny, nameKey(n));
    }
  }

  /** Ids of the entries of `list` named `name`: main names first, then aliases. */
  resolve(name: string, list: string): string[] {
    for (const key of [nameKey(name), nameKey(withoutParenthetical(name))]) {
      const main = (this.byMain.get(key) ?? []).filter((e) => e.list === list);
      if (main.length > 0) return main.map((e) => e.id);
    }
    const any = (this.byAny.get(nameKey(name)) ?? []).filter((e) => e.list === list);
    return any.map((e) => e.id);
  }
}

export interface ResolvedPassage {
  passage: CorpusPassage;
  labels: ScoredLabel[];
  unscored: CorpusMention[];
}

/** Resolves every label; throws listing every label that names no entry of the bundle. */
export function resolveCorpus(corpus: Corpus, index: EntryIndex): ResolvedPassage[] {
  const missing: string[] = [];
  const out = corpus.passages.map((passage) => {
    const labels: ScoredLabel[] = [];
    const unscored: CorpusMention[] = [];
    for (const m of passage.mentions) {
      if ((UNSCORED_KINDS as readonly string[]).includes(m.kind)) {
        unscored.push(m);
        continue;
      }
      const ids = new Set(index.resolve(m.entry, m.list));
      if (ids.size === 0) missing.push(`${passage.id}: "${m.entry}" (${m.list})`);
      for (const s of m.same ?? []) for (const id of index.resolve(s.entry, s.list)) ids.add(id);
      labels.push({ start: m.start, end: m.end, kind: m.kind, ids });
    }
    return { passage, labels, unscored };
  });
  if (missing.length > 0) {
    throw new Error(`labels that name no entry of the bundle:\n  ${[...new Set(missing)].join('\n  ')}`);
  }
  return out;
}
