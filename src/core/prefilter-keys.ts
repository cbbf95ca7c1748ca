/**
 * The keys of the matcher's fast scan (prefilter.ts): how a word is hashed, the bit set of the
 * words and word pairs where a listed name may start, built from the trie when a matcher is
 * compiled or loaded, and the second look at a word that passes the scan's quick test.
 */
import { NAME_STOP_WORDS } from './legal-forms';
import * as normalize from './normalize';
import { FLAG_CAPS } from './trie';
import { HASH_MUL, MIX_ONE, MIX_PAIR, QUICK_SHIFT, QUICK_SIZE, WORD } from './scan-constants';

// Module-local copies (see matcher.ts).
const { CHAR_CLASS, LETTER_CASE } = normalize;

export const MIX_FREE = 0xc2b2ae35 | 0;
// The second hash of each key (a Bloom filter with two hashes, the second tested only after the first).
export const MIX_ONE_2 = 0x27d4eb2f | 0;
export const MIX_PAIR_2 = 0x94d049bb | 0;
export const SALT = 0x165667b1 | 0;

/** The scan's hash of a folded word (the steps of readBatch). */
export function scanHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, HASH_MUL) + word.charCodeAt(i)) | 0;
  return h;
}
export function oneKey(h: number, shift: number): number {
  return Math.imul(h, MIX_ONE) >>> shift;
}
export function pairKey(before: number, h: number, shift: number): number {
  return Math.imul(Math.imul(before, MIX_PAIR) ^ h, MIX_ONE) >>> shift;
}
export function oneKey2(h: number, shift: number): number {
  return Math.imul(h ^ SALT, MIX_ONE_2) >>> shift;
}
export function pairKey2(before: number, h: number, shift: number): number {
  return Math.imul(Math.imul(before, MIX_PAIR_2) ^ h ^ SALT, MIX_ONE_2) >>> shift;
}
/** The key of a root word whose child in the trie is the word "s" itself (not a possessive). */
export function sChildKey(root: number, shift: number): number {
  return Math.imul(root ^ SALT, MIX_FREE) >>> shift;
}
/** The key of a first edge (two words) where a name ends. */
export function pairEndKey(before: number, h: number, shift: number): number {
  return Math.imul(Math.imul(before, MIX_PAIR) ^ h ^ SALT, MIX_FREE) >>> shift;
}
/** The keys of the first three words of a name. */
export function tripleKey(first: number, second: number, h: number, shift: number): number {
  return Math.imul(Math.imul(Math.imul(first, MIX_PAIR) ^ second, MIX_PAIR_2) ^ h, MIX_ONE) >>> shift;
}
export function tripleKey2(first: number, second: number, h: number, shift: number): number {
  return Math.imul(Math.imul(Math.imul(first, MIX_PAIR_2) ^ second, MIX_PAIR) ^ h ^ SALT, MIX_ONE_2) >>> shift;
}
/**
 * The quick test's mark of a key whose mix is `z` (imul by MIX_ONE, as oneKey and pairKey): two
 * bits of the 32-bit word `z >>> QUICK_SHIFT` of the quick set, chosen by z's low ten bits. Two
 * bits in one word cost one load, like one bit, and let far fewer collisions through (second
 * looks per 10.9 M chars of real pages: 49 k, against 93 k with one bit).
 */
export function quickMask(z: number): number {
  return (1 << z) | (1 << (z >>> 5));
}
export function hasBit(bits: Int32Array, key: number): boolean {
  return (((bits[key >>> 5] as number) >> key) & 1) === 1;
}

/** The trie as the prefilter needs it: root edges, each node's children and whether names end there. */
export interface TrieView {
  vocab: readonly string[];
  edgeStart: ArrayLike<number>;
  edgeToken: ArrayLike<number>;
  edgeChild: ArrayLike<number>;
  termStart: ArrayLike<number>;
  termFlags: ArrayLike<number>;
}

/**
 * The trie as the scan reads it. The scan takes "&" for a plain break (it is a word of hundreds
 * of names, "AT&T", and of the "&" form the trie adds for every name with "and"), so its keys are
 * made as if no name had "&": an edge whose word is "&" stands for the edges after it, and a name
 * ending in "&" ends where the "&" starts. The full matcher still reads every "&".
 */
class ScanView {
  private readonly ampersand: number;

  constructor(private readonly trie: TrieView) {
    this.ampersand = trie.vocab.indexOf('&');
  }

  /** Calls `visit` with each edge out of `node` as the scan sees it: its word id and child. */
  eachEdge(node: number, visit: (token: number, child: number) => void): void {
    const { edgeStart, edgeToken, edgeChild } = this.trie;
    for (let e = edgeStart[node] as number; e < (edgeStart[node + 1] as number); e++) {
      const token = edgeToken[e] as number;
      if (token === this.ampersand) this.eachEdge(edgeChild[e] as number, visit);
      else visit(token, edgeChild[e] as number);
    }
  }

  /** Whether names end at `node` as the scan sees it (ENDS), and one of them needs no capitals (LOWER_CASE_OK). */
  ending(node: number): number {
    const { edgeStart, edgeToken, edgeChild, termStart, termFlags } = this.trie;
    let out = 0;
    for (let t = termStart[node] as number; t < (termStart[node + 1] as number); t++) {
      out |= ENDS | (((termFlags[t] as number) & FLAG_CAPS) === 0 ? LOWER_CASE_OK : 0);
    }
    // Edges are sorted by word id, and "&" comes early in the vocabulary: a look at the first few.
    for (let e = edgeStart[node] as number; e < (edgeStart[node + 1] as number) && (edgeToken[e] as number) <= this.ampersand; e++) {
      if (edgeToken[e] === this.ampersand) out |= this.ending(edgeChild[e] as number);
    }
    return out;
  }
}
const ENDS = 1;
const LOWER_CASE_OK = 2;

/** The keys of words and word pairs where a name may start, as a bit set of 2 ** (32 - shift) bits. */
export function keyBits(trie: TrieView): { bits: Int32Array; shift: number; quick: Int32Array } {
  const { vocab } = trie;
  const view = new ScanView(trie);
  const hashes = vocab.map(scanHash);
  const possessive = scanHash('s');
  // Two passes over the root's edges: count the keys to size the bit set, then set them.
  let keys = 0;
  const eachKey = (
    one: (word: number, lowerCaseOk: boolean) => void,
    pair: (before: number, word: number, edge: boolean) => void,
    next: (first: number, second: number, ends: boolean, third: readonly number[]) => void,
  ): void => {
    view.eachEdge(0, (token, node) => {
      const word = hashes[token] as number;
      const ending = view.ending(node);
      // Whole names, and whether they may be found written in lower case (see Prefilter.passes).
      if ((ending & ENDS) !== 0) one(word, NAME_STOP_WORDS.has(vocab[token] as string) || (ending & LOWER_CASE_OK) !== 0);
      let hasSecond = false;
      view.eachEdge(node, (secondToken, node2) => {
        hasSecond = true;
        const second = hashes[secondToken] as number;
        pair(word, second, true);
        const thirds: number[] = [];
        view.eachEdge(node2, (thirdToken) => thirds.push(hashes[thirdToken] as number));
        next(word, second, (view.ending(node2) & ENDS) !== 0, thirds);
      });
      if (hasSecond) pair(word, possessive, false);
    });
  };
  eachKey(
    () => keys++,
    (_, word, edge) => (keys += edge && word === possessive ? 2 : 1),
    (_a, _b, ends, thirds) => (keys += thirds.length + (ends ? 1 : 0)),
  );
  // At most 2 ** 21 bits (256 kB), few enough to stay in cache beside the full matcher's tables.
  // Each key sets two bits; passes() tests both, so the full matcher is rarely called for a
  // collision of the scan's first test (`quick` below).
  let log2 = 16;
  while (log2 < 21 && 2 ** log2 < keys * 256) log2++;
  const shift = 32 - log2;
  const bits = new Int32Array(2 ** (log2 - 5));
  // The scan's first test of every word: the first key of each word and pair only, two bits
  // each in one 32-bit word (quickMask): 2 ** 20 bits, half the largest set above, for any list.
  const quick = new Int32Array(QUICK_SIZE);
  const mark = (z: number): void => {
    quick[z >>> QUICK_SHIFT] = (quick[z >>> QUICK_SHIFT] as number) | quickMask(z);
  };
  const set = (key: number): void => {
    bits[key >>> 5] = (bits[key >>> 5] as number) | (1 << (key & 31));
  };
  eachKey(
    (word, lowerCaseOk) => {
      set(oneKey(word, shift));
      mark(Math.imul(word, MIX_ONE));
      set(oneKey2(word, shift));
      if (lowerCaseOk) set(Math.imul(word, MIX_FREE) >>> shift);
    },
    (before, word, edge) => {
      set(pairKey(before, word, shift));
      mark(Math.imul(Math.imul(before, MIX_PAIR) ^ word, MIX_ONE));
      set(pairKey2(before, word, shift));
      // A pair (root, "s") is also set for the possessive: this tells the two apart.
      if (edge && word === possessive) set(sChildKey(before, shift));
    },
    (first, second, ends, thirds) => {
      if (ends) set(pairEndKey(first, second, shift));
      for (const third of thirds) {
        set(tripleKey(first, second, third, shift));
        set(tripleKey2(first, second, third, shift));
      }
    },
  );
  return { bits, shift, quick };
}

/** The full set of keys (keyBits): 2 ** (32 - shift) bits. */
export interface KeySet {
  bits: Int32Array;
  shift: number;
}

/** What secondLook finds: nothing, a name that may start at the word before, or one at this word only. */
export const NONE = 0;
export const PAIR = 1;
export const WHOLE_NAME = 2;

/** The scan's hash of the word "s": after an apostrophe, a possessive ending the full matcher skips. */
const S_HASH = scanHash('s');

/**
 * Second look at a word that passed the quick test, with the second hash of each key (so a
 * collision of the first rarely costs a call to the full matcher): a first edge of the trie
 * passes; a whole name passes unless every reading of it needs capitals and the text writes the
 * word in lower case ("new", "world": about a quarter of all stops on real pages), the rule
 * matchRun applies. PAIR: a name may start at the word before; WHOLE_NAME: only at this word
 * (the pair test says no name spans the two).
 *
 * The word is known by its hash (`word`), the hashes of the words around it (`after` when the
 * scan has read it: `hasAfter`), and the index of the break after it (`end`). Arguments one by
 * one, not an object: this runs for about 3% of a page's words, and an object per call was
 * garbage the scan made for nothing.
 */
export function secondLook(set: KeySet, text: string, word: number, before: number, after: number, hasAfter: boolean, end: number): number {
  const { bits, shift } = set;
  if (isFirstEdge(set, before, word) && !lonePossessive(set, word, before, after, hasAfter) && !deadEndPair(set, word, before, after, hasAfter)) return PAIR;
  if (!hasBit(bits, oneKey(word, shift)) || !hasBit(bits, oneKey2(word, shift))) return NONE;
  if (hasBit(bits, Math.imul(word, MIX_FREE) >>> shift)) return WHOLE_NAME;
  // Written in lower case: every letter but the first not a capital, the first a small letter.
  let i = end - 1;
  for (; i > 0 && CHAR_CLASS[text.charCodeAt(i - 1)] === WORD; i--) if (LETTER_CASE[text.charCodeAt(i)] === 1) return WHOLE_NAME;
  return LETTER_CASE[text.charCodeAt(i)] === 2 ? NONE : WHOLE_NAME;
}

/**
 * Whether a pair (root word, "s") passed only as a possessive ("it's", "world's") that no name
 * goes on from: the full matcher skips the "s", so the word after it (if the scan has read it)
 * must be a first edge from the root, unless "s" itself is one.
 */
function lonePossessive(set: KeySet, word: number, before: number, after: number, hasAfter: boolean): boolean {
  if (word !== S_HASH || !hasAfter) return false;
  if (hasBit(set.bits, sChildKey(before, set.shift))) return false;
  return !isFirstEdge(set, before, after);
}

/** Whether some name may begin with the two words `first` `second` (both keys of the pair are set). */
export function isFirstEdge({ bits, shift }: KeySet, first: number, second: number): boolean {
  return hasBit(bits, pairKey(first, second, shift)) && hasBit(bits, pairKey2(first, second, shift));
}

/**
 * Whether a first edge (`before`, `word`) ends no name and the word after it (if read) is no
 * third word of a name beginning so ("the world said"). A possessive "s" on either side is left
 * to lonePossessive and the full matcher.
 */
function deadEndPair({ bits, shift }: KeySet, word: number, before: number, after: number, hasAfter: boolean): boolean {
  if (!hasAfter || word === S_HASH) return false;
  if (hasBit(bits, pairEndKey(before, word, shift))) return false;
  if (after === S_HASH) return false;
  return !(hasBit(bits, tripleKey(before, word, after, shift)) && hasBit(bits, tripleKey2(before, word, after, shift)));
}
