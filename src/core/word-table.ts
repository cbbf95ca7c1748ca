/**
 * The vocabulary of listed names as an open-addressing hash table over typed arrays: the page
 * scanner hashes each word while it reads it and asks this table for the word's id without
 * building a string. Every hash hit is checked character by character against the stored word,
 * so two words that share a hash can never be taken for each other.
 */
import * as normalize from './normalize';
import { IGNORABLE } from './scan-constants';

// Module-local copies, read in the scanner's inner loop (see matcher.ts).
const { CHAR_CLASS, FOLDED, hashWord } = normalize;

export class WordTable {
  private readonly mask: number;
  private readonly slotHash: Int32Array;
  /** Word id + 1 (0 marks an empty slot). */
  private readonly slotId: Int32Array;
  /** All words' code units, back to back; word i is pool[offsets[i] .. offsets[i + 1]). */
  private readonly pool: Uint16Array;
  private readonly offsets: Int32Array;

  constructor(words: readonly string[]) {
    let size = 16;
    while (size < words.length * 3) size *= 2; // load factor ≤ 1/3: short probe chains
    this.mask = size - 1;
    this.slotHash = new Int32Array(size);
    this.slotId = new Int32Array(size);
    this.offsets = new Int32Array(words.length + 1);
    let total = 0;
    words.forEach((w, i) => {
      this.offsets[i] = total;
      total += w.length;
    });
    this.offsets[words.length] = total;
    this.pool = new Uint16Array(total);
    words.forEach((w, id) => {
      const at = this.offsets[id] as number;
      for (let k = 0; k < w.length; k++) this.pool[at + k] = w.charCodeAt(k);
      const h = hashWord(w);
      let slot = h & this.mask;
      while (this.slotId[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slotHash[slot] = h;
      this.slotId[slot] = id + 1;
    });
  }

  /**
   * The id of the word written at text[start, end) (folded, ignorable characters skipped), whose
   * hash is `h` and folded length `len`; -1 when it is in no listed name.
   */
  find(text: string, start: number, end: number, h: number, len: number): number {
    const { mask, slotHash, slotId, pool, offsets } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const idPlus = slotId[slot] as number;
      if (idPlus === 0) return -1;
      if (slotHash[slot] !== h) continue;
      const id = idPlus - 1;
      let p = offsets[id] as number;
      if ((offsets[id + 1] as number) - p !== len) continue;
      let same = true;
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (CHAR_CLASS[c] === IGNORABLE) continue;
        if (FOLDED[c] !== pool[p++]) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }
}
