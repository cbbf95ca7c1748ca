/**
 * The matcher's fast path: a scan that skips text where no listed name can start, so the full
 * matcher (word look-ups, runs of listed words, the trie) only reads the few places that may
 * hold one.
 *
 * A name starts at a word of the trie's root. Either that word is a whole name ("Huawei"), or
 * the next word of the text is one of its children in the trie ("Islamic" "State"). So the scan
 * hashes every word as it reads it and, at each word's end, tests two keys in a bit set built
 * from the tables: the word alone (root words that end a name), and the word with the word
 * before it (the trie's first edges). About 1.5% of the words of real pages pass; everything
 * else costs a few arithmetic operations per character and no branch that depends on the text,
 * because branching at every word boundary is what made the full loop slow.
 *
 * The test may let through words it need not (hash collisions), never the reverse. What the
 * scan does not model, it hands over to the full matcher at once (SPECIAL characters): ignorable
 * characters inside words, and ideographs or "&" that are words of some name. A possessive
 * "'s" is a word here but not in the full matcher ("Huawei's Technologies"), so a root word with
 * children followed by "s" passes too.
 */
import { APOSTROPHE, CHAR_CLASS, FOLDED, IGNORABLE, LETTER_CASE, SINGLE, WORD } from './normalize';
import { NAME_STOP_WORDS } from './legal-forms';
import { FLAG_CAPS } from './trie';

const HASH_MUL = 0x01000193;
const MIX_ONE = 0x9e3779b1 | 0;
const MIX_PAIR = 0x85ebca6b | 0;
const MIX_FREE = 0xc2b2ae35 | 0;
/** What Prefilter.passes finds. */
const NONE = 0;
const PAIR = 1;
const WHOLE_NAME = 2;
/** Characters read per batch of the scan. */
const BLOCK = 512;

/** The scan's hash of a folded word: a polynomial, so the scan can take it out of a running hash. */
export function scanHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, HASH_MUL) + word.charCodeAt(i)) | 0;
  return h;
}
function oneKey(h: number, shift: number): number {
  return Math.imul(h, MIX_ONE) >>> shift;
}
function pairKey(before: number, h: number, shift: number): number {
  return Math.imul(Math.imul(before, MIX_PAIR) ^ h, MIX_ONE) >>> shift;
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

/** The keys of words and word pairs where a name may start, as a bit set of 2 ** (32 - shift) bits. */
function keyBits(trie: TrieView): { bits: Int32Array; shift: number } {
  const { vocab, edgeStart, edgeToken, edgeChild, termStart, termFlags } = trie;
  const hashes = vocab.map(scanHash);
  const possessive = scanHash('s');
  const ones: number[] = [];
  /** Whole names that may be found written in lower case (see Prefilter.passes). */
  const lowerCaseOnes: number[] = [];
  const pairs: [number, number][] = [];
  for (let e = edgeStart[0] as number; e < (edgeStart[1] as number); e++) {
    const word = hashes[edgeToken[e] as number] as number;
    const node = edgeChild[e] as number;
    if ((termStart[node + 1] as number) > (termStart[node] as number)) ones.push(word);
    let lowerCaseOk = NAME_STOP_WORDS.has(vocab[edgeToken[e] as number] as string);
    for (let t = termStart[node] as number; t < (termStart[node + 1] as number); t++) lowerCaseOk ||= ((termFlags[t] as number) & FLAG_CAPS) === 0;
    if (lowerCaseOk) lowerCaseOnes.push(word);
    const first = edgeStart[node] as number;
    const last = edgeStart[node + 1] as number;
    for (let f = first; f < last; f++) pairs.push([word, hashes[edgeToken[f] as number] as number]);
    if (last > first) pairs.push([word, possessive]);
  }
  // About 256 bits per key (at most 1 MB): each word is tested twice, so <1% of words pass by collision.
  let log2 = 16;
  while (log2 < 23 && 2 ** log2 < (ones.length + pairs.length) * 256) log2++;
  const shift = 32 - log2;
  const bits = new Int32Array(2 ** (log2 - 5));
  const set = (key: number): void => {
    bits[key >>> 5] = (bits[key >>> 5] as number) | (1 << (key & 31));
  };
  for (const h of ones) set(oneKey(h, shift));
  for (const h of lowerCaseOnes) set(Math.imul(h, MIX_FREE) >>> shift);
  for (const [before, h] of pairs) set(pairKey(before, h, shift));
  return { bits, shift };
}

/**
 * Finds, in order, the places the full matcher must read. One per matcher; state is kept between
 * calls so that text scanned ahead of a candidate is not scanned again.
 */
export class Prefilter {
  /** Folded character for word characters, 0 for all others. */
  private readonly code = new Uint16Array(0x10000);
  /** 1 where a word ends: any character but a word character. */
  private readonly isBreak = new Uint8Array(0x10000);
  /** 1 for the characters the scan leaves to the full matcher (they are breaks too). */
  private readonly special = new Uint8Array(0x10000);
  private readonly bits: Int32Array;
  private readonly shift: number;
  /** HASH_MUL ** k, for k up to the longest listed word + 1 (masked beyond: no listed word is that long). */
  private readonly powers: Int32Array;
  private readonly powerMask: number;
  // The batch: running hash before each break, and the break's index.
  private readonly hashAt = new Int32Array(BLOCK + 1);
  private readonly breakAt = new Int32Array(BLOCK + 1);
  /** Whether the batch holds a special character, and the index of the first special break from `next` on. */
  private batchHasSpecial = false;
  /**
   * Set with each candidate: where the word starts when only a name beginning at that very word
   * can be there; -1 when the full matcher must start earlier (restartPoint).
   */
  nameStart = -1;
  private nextSpecial = 0;
  private count = 0;
  private next = 0;
  private text = '';
  /** Where the scan goes on, and the running hash there. */
  private pos = 0;
  private running = 0;
  /** The last break tested: its running hash and index; and the hash of the last word. */
  private lastHash = 0;
  private lastBreak = -1;
  private before = 0;

  constructor(trie: TrieView) {
    ({ bits: this.bits, shift: this.shift } = keyBits(trie));
    const singles = new Set(trie.vocab.filter((w) => w.length === 1).map((w) => w.charCodeAt(0)));
    for (let c = 0; c < 0x10000; c++) {
      const cls = CHAR_CLASS[c];
      if (cls === WORD) this.code[c] = FOLDED[c] as number; // never 0
      else this.isBreak[c] = 1;
      if (cls === IGNORABLE || (cls === SINGLE && singles.has(FOLDED[c] as number))) this.special[c] = 1;
    }
    const longest = trie.vocab.reduce((m, w) => Math.max(m, w.length), 0);
    let size = 64;
    while (size < longest + 2) size *= 2;
    this.powers = new Int32Array(size);
    this.powerMask = size - 1;
    for (let k = 0, p = 1; k < size; k++, p = Math.imul(p, HASH_MUL)) this.powers[k] = p;
  }

  /** Starts on a new text. */
  reset(text: string): void {
    this.text = text;
    this.restart(0);
  }

  private restart(from: number): void {
    this.pos = from;
    this.running = 0;
    this.lastHash = 0;
    this.lastBreak = from - 1;
    this.before = 0;
    this.count = 0;
    this.next = 0;
    this.batchHasSpecial = false;
    this.nextSpecial = 0;
  }

  /**
   * The first place at or after `from` that the full matcher must read: the index of the break
   * right after a word that passes (the text's length after the last word), or of a special
   * character; -1 if there is none. `from` must follow a break, and grow from call to call; the
   * full matcher must have left no run of listed words pending before it.
   */
  nextCandidate(from: number): number {
    if (from > this.pos) this.restart(from);
    else {
      // Skip what the full matcher read; it left nothing pending, so the word before is no name's start.
      while (this.next < this.count && (this.breakAt[this.next] as number) < from) {
        this.lastHash = this.hashAt[this.next] as number;
        this.lastBreak = this.breakAt[this.next++] as number;
        this.before = 0;
      }
    }
    for (;;) {
      const at = this.testBatch();
      if (at >= 0 || this.pos > this.text.length) return at;
      this.readBatch();
    }
  }

  /** Reads up to BLOCK characters: the running hash and index at each break (and at the end). */
  private readBatch(): void {
    const { text, code, isBreak, special, hashAt, breakAt } = this;
    const n = text.length;
    const stop = Math.min(n, this.pos + BLOCK);
    let h = this.running;
    let k = 0;
    let specials = 0;
    for (let i = this.pos; i < stop; i++) {
      const c = text.charCodeAt(i);
      hashAt[k] = h;
      breakAt[k] = i;
      k += isBreak[c] as number;
      specials |= special[c] as number; // found again below, rarely: no branch per character
      h = (Math.imul(h, HASH_MUL) + (code[c] as number)) | 0;
    }
    if (stop === n) {
      // The end of the text ends the last word.
      hashAt[k] = h;
      breakAt[k++] = n;
    }
    this.running = h;
    this.pos = stop === n ? n + 1 : stop;
    this.count = k;
    this.next = 0;
    this.batchHasSpecial = specials !== 0;
    this.nextSpecial = this.findSpecial(0);
  }

  /** The index of the first break from `from` on that is a special character (`count` if none). */
  private findSpecial(from: number): number {
    if (!this.batchHasSpecial) return this.count;
    for (let j = from; j < this.count; j++) {
      // "| 0": past the end of the text (the last break), NaN reads character 0, no special one.
      if (this.special[this.text.charCodeAt(this.breakAt[j] as number) | 0] === 1) return j;
    }
    return this.count;
  }

  /** Tests the words ending at the batch's breaks; the first candidate, or -1. */
  private testBatch(): number {
    const { bits, shift, powers, powerMask, hashAt, breakAt, count } = this;
    let { lastHash, lastBreak, before } = this;
    let j = this.next;
    if (this.nextSpecial < j) this.nextSpecial = this.findSpecial(j);
    const limit = this.nextSpecial;
    let next = count;
    let found = -1;
    for (; j < limit; j++) {
      const at = breakAt[j] as number;
      const end = hashAt[j] as number;
      // The word between the two breaks: its hash is the running hash less the part before it.
      const length = at - lastBreak - 1;
      const word = (end - Math.imul(lastHash, powers[(length + 1) & powerMask] as number)) | 0;
      const isWord = (-length) >> 31; // all ones unless two breaks follow each other
      // oneKey and pairKey, written out: this loop runs once per word of the page.
      const one = (Math.imul(word, MIX_ONE) >>> shift) & isWord;
      const two = (Math.imul(Math.imul(before, MIX_PAIR) ^ word, MIX_ONE) >>> shift) & isWord;
      const start = lastBreak + 1;
      lastHash = end;
      lastBreak = at;
      if ((((bits[one >>> 5] as number) >> one) | ((bits[two >>> 5] as number) >> two)) & isWord & 1) {
        const reading = this.passes(word, two, start, at);
        if (reading !== NONE) {
          found = at;
          next = j + 1;
          this.nameStart = reading === WHOLE_NAME ? start : -1;
          break;
        }
      }
      before ^= (before ^ word) & isWord;
    }
    if (found < 0 && limit < count) {
      found = breakAt[limit] as number; // left in the batch: the next call passes it like any break the full matcher read
      next = limit;
      this.nameStart = -1;
    }
    this.lastHash = lastHash;
    this.lastBreak = lastBreak;
    this.before = before;
    this.next = next;
    return found;
  }

  /**
   * Second look at a word that passed the quick test: a first edge of the trie passes; a whole
   * name passes unless every reading of it needs capitals and the text writes the word in lower
   * case ("new", "world": about a quarter of all stops on real pages), the rule matchRun applies.
   * NONE, PAIR (a name may start at the word before), or WHOLE_NAME (only at this word: the pair
   * test says no name spans the two).
   */
  private passes(word: number, pair: number, start: number, end: number): number {
    const { bits, text } = this;
    if ((((bits[pair >>> 5] as number) >> pair) & 1) === 1) return PAIR;
    const free = Math.imul(word, MIX_FREE) >>> this.shift;
    if ((((bits[free >>> 5] as number) >> free) & 1) === 1) return WHOLE_NAME;
    if (LETTER_CASE[text.charCodeAt(start)] !== 2) return WHOLE_NAME;
    for (let i = start + 1; i < end; i++) if (LETTER_CASE[text.charCodeAt(i)] === 1) return WHOLE_NAME;
    return NONE;
  }
}

/**
 * Where the full matcher starts for a candidate at `at`: the start of the word before the one
 * that ends at (or holds) `at`, so that a name beginning one word earlier is read whole; never
 * before `floor`, where the full matcher last stopped with nothing pending. An ideograph between
 * the two words ends the search: it is no listed word (the scan would have stopped at it), so no
 * name spans it.
 */
export function restartPoint(text: string, at: number, floor: number): number {
  let i = at;
  while (i > floor && isInWord(CHAR_CLASS[text.charCodeAt(i - 1)] as number)) i--;
  while (i > floor) {
    const cls = CHAR_CLASS[text.charCodeAt(i - 1)] as number;
    if (isInWord(cls)) break;
    if (cls === SINGLE) return i;
    i--;
  }
  while (i > floor && isInWord(CHAR_CLASS[text.charCodeAt(i - 1)] as number)) i--;
  return i;
}

function isInWord(cls: number): boolean {
  return cls === WORD || cls === IGNORABLE;
}

/**
 * Whether a word starting at `start` follows a word and an apostrophe (ignorable characters
 * aside), as the full matcher's loop would have it had it read the text before `start`.
 */
export function followsApostrophe(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && CHAR_CLASS[text.charCodeAt(i)] === IGNORABLE) i--;
  if (i < 0 || CHAR_CLASS[text.charCodeAt(i)] !== APOSTROPHE) return false;
  i--;
  while (i >= 0 && CHAR_CLASS[text.charCodeAt(i)] === IGNORABLE) i--;
  return i >= 0 && CHAR_CLASS[text.charCodeAt(i)] === WORD;
}
