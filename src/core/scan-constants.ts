/**
 * The numbers the page scanner's loops compare and compute with: character classes (the table
 * of them is built in normalize.ts), hash multipliers, and where the fast scan keeps its tables
 * (prefilter.ts). This file imports nothing, so that the bundler writes each value into the
 * code that reads it: esbuild inlines constants only from a file without imports. Left as names
 * in the bundle's shared scope, each one was read and checked again at every character (the
 * scan's hash multiplier alone cost about 4 ms per 10.9 M chars).
 */

/** Character classes (what each one covers: normalize.ts). */
export const SEPARATOR = 0;
export const WORD = 1;
export const IGNORABLE = 2;
export const APOSTROPHE = 3;
export const SINGLE = 4;
/** What "&" and "＆" fold to: a word of names (SINGLE) that the fast scan reads as a break. */
export const AMPERSAND = 0x26;
/** "s", the possessive ending ("Huawei's"). */
export const S_CHAR = 0x73;

/** FNV-1a's offset basis (0x811c9dc5 as a signed 32-bit integer): the full matcher's word hash. */
export const HASH_SEED = -2128831035;
/** FNV's prime: the multiplier of both the full matcher's hash and the fast scan's. */
export const HASH_MUL = 0x01000193;
/** The fast scan's mixes of a word's hash and of a pair's (0x9e3779b1 and 0x85ebca6b, signed). */
export const MIX_ONE = -1640531535;
export const MIX_PAIR = -2048144789;

/** Characters the fast scan reads per batch. */
export const BLOCK = 512;
/**
 * The fast scan's quick test: a set of 2 ** 15 32-bit words, the same size for any list (128 kB),
 * so that the shift below is a constant. A key whose mix is z (imul by MIX_ONE) has two bits in
 * the word z >>> QUICK_SHIFT, chosen by z's low ten bits: the mask at MASKS + (z & 1023).
 */
export const QUICK_SIZE = 1 << 15;
export const QUICK_SHIFT = 17;
/**
 * Where each table of the fast scan sits in Prefilter.mem: the character codes, then the batch's
 * words (for each word w that ends in it, its hash at WORDS + 2w and the index of the break after
 * it at WORDS + 2w + 1), the words that pass the quick test (HITS), the quick test's set (QUICK)
 * and its masks (MASKS).
 */
export const WORDS = 0x10000;
export const HITS = WORDS + 2 * (BLOCK + 1);
export const QUICK = HITS + BLOCK + 1;
export const MASKS = QUICK + QUICK_SIZE;
export const MEM_SIZE = MASKS + 1024;
/** Bits of the fast scan's character codes: the sign bit, so `v >>> 31` is 1 at a break; a word's code is below both. */
export const BREAK_BIT = 1 << 31;
export const SPECIAL_BIT = 1 << 30;
