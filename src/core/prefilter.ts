/**
 * The matcher's fast path: a scan that skips text where no listed name can start, so the full
 * matcher (word look-ups, runs of listed words, the trie) only reads the few places that may
 * hold one.
 *
 * A name starts at a word of the trie's root. Either that word is a whole name ("Huawei"), or
 * the next word of the text is one of its children in the trie ("Islamic" "State"). So the scan
 * hashes every word and, at each word's end, tests two keys in a bit set built from the tables:
 * the word alone (root words that end a name), and the word with the word before it (the trie's
 * first edges). A whole name whose every reading needs capitals does not pass written in lower
 * case. About 2% of the words of real pages pass. The scan reads a batch of characters with no
 * branch that depends on the text (branching at every word boundary is what made the full loop
 * slow), keeping each word's hash and end, then tests the words of the batch.
 *
 * The test may let through words it need not (hash collisions), never the reverse. What the
 * scan does not model, it hands over to the full matcher at once (special characters): ignorable
 * characters inside words, and ideographs that are words of some name. "&" is a word of hundreds
 * of names but a plain break here: the keys are made as if names had none (prefilter-keys.ts), and
 * the full matcher starts early enough to read it (restartPoint). A possessive
 * "'s" is a word here but not in the full matcher ("Huawei's Technologies"), so a root word with
 * children followed by "s" passes too.
 */
import * as normalize from './normalize';
import * as keys from './prefilter-keys';
import type { TrieView } from './prefilter-keys';
import { isAmpersand } from './text-run';
import { BLOCK, BREAK_BIT, HASH_MUL, HITS, IGNORABLE, MASKS, MEM_SIZE, MIX_ONE, MIX_PAIR, QUICK, QUICK_SHIFT, SINGLE, SPECIAL_BIT, WORD, WORDS } from './scan-constants';

// Module-local copies of the tables, read in the scan's loops; numbers come from
// scan-constants.ts (see matcher.ts).
const { CHAR_CLASS, FOLDED } = normalize;
const { NONE, WHOLE_NAME, isFirstEdge, keyBits, quickMask, secondLook } = keys;

let tables: { code: Int32Array; singles: Uint16Array } | undefined;
/** Tables that do not depend on the list, built once. */
function sharedTables(): NonNullable<typeof tables> {
  if (tables) return tables;
  const code = new Int32Array(0x10000);
  const singles: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const cls = CHAR_CLASS[c];
    if (cls === WORD) code[c] = FOLDED[c] as number;
    else code[c] = cls === IGNORABLE ? BREAK_BIT | SPECIAL_BIT : BREAK_BIT;
    if (cls === SINGLE) singles.push(c);
  }
  tables = { code, singles: Uint16Array.from(singles) };
  return tables;
}

/**
 * Finds, in order, the places the full matcher must read. One per matcher; state is kept between
 * calls so that text scanned ahead of a candidate is not scanned again.
 */
export class Prefilter {
  /** The full set of keys, for the second look at a word that passes the quick test. */
  private readonly keys: keys.KeySet;
  /**
   * Every table the scan's loops read or write, in one array (offsets above). Per character, its
   * code: the folded code of a word character; BREAK_BIT for any other, with SPECIAL_BIT for
   * those left to the full matcher. One array, not four: in a loop that calls charCodeAt (which
   * has a loop of its own inside), V8 checks and reloads each typed array it touches on every
   * pass, so each array the loop touches costs a few instructions per character; one array
   * made the scan's loop about 15% faster than separate ones.
   */
  private readonly mem: Int32Array;
  /** Words in the batch; the first not yet tested. */
  private count = 0;
  private next = 0;
  /** Words of the batch that pass the quick test (their indices at HITS); the first not yet tested. */
  private hitCount = 0;
  private nextHit = 0;
  /** The hash of the last word of the batches before this one (0 at the start), and before that batch. */
  private lastWord = 0;
  private batchBefore = 0;
  /** Where the batch starts; whether it holds a special character; the first one not yet passed. */
  private batchStart = 0;
  private batchHasSpecial = false;
  private nextSpecial = -1;
  /**
   * Set with each candidate: where the word starts when only a name beginning at that very word
   * can be there; -1 when the full matcher must start earlier (restartPoint).
   */
  nameStart = -1;
  /**
   * Set with a nameStart: whether the keys show that no name goes on from that word to the word
   * after it (read by the scan, and separated from it by nothing the scan hands over), so a name
   * there can only be the word alone.
   */
  wordAlone = false;
  private text = '';
  /** Where the scan goes on; the hash of the word being read there (0 between words). */
  private pos = 0;
  private running = 0;
  private inWord = 0;

  constructor(trie: TrieView) {
    const { bits, shift, quick } = keyBits(trie);
    this.keys = { bits, shift };
    const shared = sharedTables();
    this.mem = new Int32Array(MEM_SIZE);
    this.mem.set(shared.code, 0);
    this.mem.set(quick, QUICK);
    for (let z = 0; z < 1024; z++) this.mem[MASKS + z] = quickMask(z);
    const listed = new Uint8Array(0x10000); // one-character words of the list
    for (const w of trie.vocab) if (w.length === 1) listed[w.charCodeAt(0)] = 1;
    // "&" stays a plain break: the keys treat it as one (prefilter-keys.ts).
    for (const c of shared.singles) if (listed[FOLDED[c] as number] === 1 && !isAmpersand(c)) this.mem[c] = BREAK_BIT | SPECIAL_BIT;
  }

  /** Starts on a new text. */
  reset(text: string): void {
    this.text = text;
    this.restart(0);
  }

  private restart(from: number): void {
    this.pos = from;
    this.running = 0;
    this.inWord = 0;
    this.lastWord = 0;
    this.count = 0;
    this.next = 0;
    this.hitCount = 0;
    this.nextHit = 0;
    this.batchHasSpecial = false;
    this.nextSpecial = -1;
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
      // Skip what the full matcher read.
      while (this.next < this.count && this.endOf(this.next) < from) this.next++;
      if (this.nextSpecial >= 0 && this.nextSpecial < from) this.nextSpecial = this.findSpecial(from);
    }
    for (;;) {
      const at = this.testBatch();
      if (at >= 0 || this.pos > this.text.length) return at;
      this.readBatch();
    }
  }

  /** Reads up to BLOCK characters: the hash of each word that ends, and where. */
  private readBatch(): void {
    const { text, mem } = this;
    const n = text.length;
    const stop = Math.min(n, this.pos + BLOCK);
    // Decided before the loop, and used after it without a branch: V8 may optimise this method
    // while its loop runs, before any text has ended, and a test first met after the loop then
    // threw the optimised code away at the end of every text in some processes (about 25% slower
    // from then on).
    const atEnd = stop === n ? 1 : 0;
    let h = this.running;
    let inWord = this.inWord;
    let k = WORDS;
    let specials = 0;
    // No branch on the text: the hash and index are written at every character, and kept (k
    // moves on) only where a word ends.
    for (let i = this.pos; i < stop; i++) {
      const v = mem[text.charCodeAt(i)] as number;
      const brk = v >>> 31;
      mem[k] = h;
      mem[k + 1] = i;
      k += (brk & inWord) << 1;
      inWord = brk ^ 1;
      h = (Math.imul(h, HASH_MUL) + v) & (brk - 1); // a break clears it, whatever it holds
      specials |= v; // found again below, rarely
    }
    // The end of the text ends the last word. Written in any case: when not counted it lies past
    // the batch's words, in room kept for it.
    mem[k] = h;
    mem[k + 1] = n;
    k += (atEnd & inWord) << 1;
    this.batchStart = this.pos;
    this.running = h;
    this.inWord = inWord;
    this.pos = stop + atEnd;
    this.count = (k - WORDS) >> 1;
    this.next = 0;
    this.batchHasSpecial = (specials & SPECIAL_BIT) !== 0;
    this.nextSpecial = this.findSpecial(this.batchStart);
    this.flagWords();
  }

  /**
   * The quick test of every word of the batch (its first key alone, and with the word before),
   * noting those that pass. No branch on the outcome: about one word in twenty passes, at random,
   * and a branch there cost the scan more than the test itself.
   */
  private flagWords(): void {
    const mem = this.mem;
    // Locals: the constants are outside V8's small integers, and read through the module they
    // would be converted from floating point at every use.
    const mixOne = MIX_ONE | 0;
    const mixPair = MIX_PAIR | 0;
    const count = this.count;
    let before = this.lastWord;
    this.batchBefore = before;
    let m = HITS;
    for (let j = 0; j < count; j++) {
      const word = mem[WORDS + 2 * j] as number;
      // The mixes of oneKey and pairKey written out, and quickMask read from its table (shifts by
      // a variable amount all need one register on x86, and spilled the loop's values to memory):
      // this runs once per word of the page.
      const one = Math.imul(word, mixOne);
      const two = Math.imul(Math.imul(before, mixPair) ^ word, mixOne);
      // Each is 0 when both of its bits are set; (x | -x) >>> 31 is 1 for any other x.
      const missOne = ~(mem[QUICK + (one >>> QUICK_SHIFT)] as number) & (mem[MASKS + (one & 1023)] as number);
      const missTwo = ~(mem[QUICK + (two >>> QUICK_SHIFT)] as number) & (mem[MASKS + (two & 1023)] as number);
      mem[m] = j;
      m += (((missOne | -missOne) & (missTwo | -missTwo)) >>> 31) ^ 1;
      before = word;
    }
    this.lastWord = before;
    this.hitCount = m - HITS;
    this.nextHit = 0;
  }

  /** The first special character of the batch at or after `from`; -1 if none. */
  private findSpecial(from: number): number {
    if (!this.batchHasSpecial) return -1;
    const stop = Math.min(this.pos, this.text.length);
    for (let i = Math.max(from, this.batchStart); i < stop; i++) if (((this.mem[this.text.charCodeAt(i)] as number) & SPECIAL_BIT) !== 0) return i;
    return -1;
  }

  /** Tests the words ending in the batch, up to its next special character; the first candidate, or -1. */
  private testBatch(): number {
    const mem = this.mem;
    const special = this.nextSpecial;
    // A word that ends at the special character is left to the full matcher with it.
    let last = this.count;
    if (special >= 0) {
      last = this.next;
      while (last < this.count && this.endOf(last) < special) last++;
    }
    let h = this.nextHit;
    while (h < this.hitCount && (mem[HITS + h] as number) < this.next) h++;
    for (; h < this.hitCount; h++) {
      const j = mem[HITS + h] as number;
      if (j >= last) break;
      const word = this.hashOf(j);
      const before = j > 0 ? this.hashOf(j - 1) : this.batchBefore;
      const at = this.endOf(j);
      const hasAfter = j + 1 < last;
      const reading = secondLook(this.keys, this.text, word, before, hasAfter ? this.hashOf(j + 1) : 0, hasAfter, at);
      if (reading !== NONE) {
        this.nameStart = reading === WHOLE_NAME ? this.wordStart(at) : -1;
        this.wordAlone = reading === WHOLE_NAME && hasAfter && !isFirstEdge(this.keys, word, this.hashOf(j + 1));
        this.next = j + 1;
        this.nextHit = h + 1;
        return at;
      }
    }
    this.nextHit = h;
    this.next = last;
    if (special >= 0) {
      this.nameStart = -1;
      return special; // passed on the next call, like any break the full matcher read
    }
    return -1;
  }

  /** The hash of the batch's word j, and the index of the break after it. */
  private hashOf(j: number): number {
    return this.mem[WORDS + 2 * j] as number;
  }
  private endOf(j: number): number {
    return this.mem[WORDS + 2 * j + 1] as number;
  }

  /** Where the word that ends at `end` starts. */
  private wordStart(end: number): number {
    let i = end;
    while (i > 0 && CHAR_CLASS[this.text.charCodeAt(i - 1)] === WORD) i--;
    return i;
  }
}
