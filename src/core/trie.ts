/**
 * The matcher's tables: a word-level trie of every form of every name, built here and flattened
 * into plain arrays (CompiledData) that the matcher reads directly and that can be stored as
 * JSON and loaded without compiling. Which forms a name has, and the flags of each, are decided
 * by compile.ts.
 */
import { LIST_CODES, type Entry } from './model';

export const STRONG = 0;
export const CONTEXT = 1;
/** Bits of CompiledData.termFlags. */
export const FLAG_CONTEXT = 1;
export const FLAG_CAPS = 2;
/** An acronym: strong only where the text writes it in capitals, else a context form. */
export const FLAG_UPPER = 4;
/** A listed short acronym: strong only standing alone, not inside a run of capitalised words. */
export const FLAG_ALONE = 8;
/** A one-word name: strong only with an organisation cue nearby (cues.ts), else a context form. */
export const FLAG_CUE = 16;

/**
 * Whether a reading with these flags is only a context form where it was found: `upperOk`, the
 * text writes it in capitals; `alone`, it stands alone; `cued`, an organisation cue is near.
 */
export function contextOnly(flags: number, upperOk: boolean, alone: boolean, cued: boolean): boolean {
  return (
    (flags & FLAG_CONTEXT) !== 0 || (!upperOk && (flags & FLAG_UPPER) !== 0) || ((flags & FLAG_ALONE) !== 0 && !alone) || ((flags & FLAG_CUE) !== 0 && !cued)
  );
}

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
  /** A one-word name (rule "one-word name" in compile.ts): strong only with a cue nearby. */
  cue?: boolean;
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

/**
 * Whether `a` is a weaker reading of a name than `b` (same entry, same words): strong beats
 * context, then a reading that needs no capitals beats one that does, then one that needs no cue.
 */
function weaker(a: PatternRef, b: PatternRef): boolean {
  if (a.strength !== b.strength) return b.strength < a.strength;
  if ((a.upper === true) !== (b.upper === true)) return a.upper === true;
  return a.cue === true && b.cue !== true;
}

/** Edge keys: node * EDGE_BASE + word id, so sorting keys orders edges by node, then word. */
const EDGE_BASE = 0x100000;

export class TrieBuilder {
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
    else if (weaker(same, ref)) Object.assign(same, ref);
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
      // Same list: a form that stands on its own ("Huawei" of "… (Huawei)") comes before one that
      // needs a cue ("Huawei" of "Huawei International Co., Limited" without its generic words).
      const needsCue = (r: PatternRef): number => (r.cue === true ? 1 : 0);
      refs.sort((a, b) => rank(a) - rank(b) || needsCue(a) - needsCue(b) || viaAlias(a) - viaAlias(b) || a.entry - b.entry);
      for (const r of refs) {
        let n = nameIds.get(r.name);
        if (n === undefined) {
          n = d.names.length;
          d.names.push(r.name);
          nameIds.set(r.name, n);
        }
        d.termEntry.push(r.entry);
        d.termFlags.push((r.strength === CONTEXT ? FLAG_CONTEXT : 0) | (r.caps ? FLAG_CAPS : 0) | (r.upper === true ? FLAG_UPPER : 0) | (r.alone === true ? FLAG_ALONE : 0) | (r.cue === true ? FLAG_CUE : 0));
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
