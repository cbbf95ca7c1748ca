/**
 * Character folding and tokenising, shared by the list compiler and the page scanner so that a
 * name and the text it appears in are normalised the same way.
 *
 * Every UTF-16 code unit has a class in a table built once (two typed-array reads per
 * character in the scanner's loop, no regular expressions, no strings):
 * - WORD: a letter or digit, folded to lower case without diacritics ("É" → "e", "Ж" → "ж");
 * - SINGLE: an ideograph, kana or hangul syllable: a token on its own, so names in those scripts
 *   match without spaces; a traditional Chinese character is folded to its simplified form
 *   ("華為" is "华为"; table and provenance in han-variants.ts); also "&", a word of its own that names treat like "and" ("AT&T" is
 *   "at & t"; see compile.ts);
 * - IGNORABLE inside a word: soft hyphen, zero-width characters, combining marks;
 * - APOSTROPHE: ends a word; a lone "s" after it is a possessive ending ("Huawei's" is "Huawei");
 * - SEPARATOR: everything else: spaces incl. NBSP, line breaks, punctuation, hyphens ("Saito-Tech"
 *   is "Saito Tech"), and astral characters (surrogates; no listed name uses them).
 */
import { TRADITIONAL_TO_SIMPLIFIED } from './han-variants';
import { AMPERSAND, APOSTROPHE, HASH_MUL, HASH_SEED, IGNORABLE, SINGLE, WORD } from './scan-constants';

/** Class of each UTF-16 code unit. */
export const CHAR_CLASS = new Uint8Array(0x10000);
/** Folded code unit for WORD and SINGLE characters. */
export const FOLDED = new Uint16Array(0x10000);
/** Letter case of each code unit, for the capitalisation rule: 1 upper, 2 lower, 0 uncased. */
export const LETTER_CASE = new Uint8Array(0x10000);

function isSingleTokenScript(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || // kana
    (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0xac00 && c <= 0xd7af) || // hangul syllables
    (c >= 0xf900 && c <= 0xfaff) // CJK compatibility ideographs
  );
}

function isIgnorable(c: number, ch: string): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || /\p{M}/u.test(ch);
}

function buildTables(): void {
  const wordChar = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: SEPARATOR
    if (isSingleTokenScript(c)) {
      CHAR_CLASS[c] = SINGLE;
      FOLDED[c] = c;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (c === AMPERSAND || c === 0xff06) {
      CHAR_CLASS[c] = SINGLE; // "&", "＆"
      FOLDED[c] = AMPERSAND;
    } else if (c === 0x27 || c === 0x2019 || c === 0x2bc) CHAR_CLASS[c] = APOSTROPHE;
    else if (isIgnorable(c, ch)) CHAR_CLASS[c] = IGNORABLE;
    else if (c < 0x3000 && wordChar.test(ch)) {
      // NFD splits "é" into "e" + accent; a letter that does not split ("ø", "ł") keeps its own
      // lower-case form.
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      CHAR_CLASS[c] = WORD;
      FOLDED[c] = base.length === 1 ? base.charCodeAt(0) : ch.toLowerCase().charCodeAt(0);
      LETTER_CASE[c] = ch !== ch.toLowerCase() ? 1 : ch !== ch.toUpperCase() ? 2 : 0;
    } else if (c >= 0xff10 && c <= 0xff5a && wordChar.test(ch)) {
      CHAR_CLASS[c] = WORD; // full-width Latin letters and digits
      FOLDED[c] = ch.normalize('NFKC').toLowerCase().charCodeAt(0);
      LETTER_CASE[c] = ch !== ch.toLowerCase() ? 1 : ch !== ch.toUpperCase() ? 2 : 0;
    }
  }
  // Traditional → simplified: both the list's names and the page text go through this table, so
  // a name listed in either script is found in both (a merged pair of characters can only make
  // two names alike that differ in that character alone).
  for (let i = 0; i + 1 < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) {
    FOLDED[TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i)] = TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i + 1);
  }
}
buildTables();

/** 32-bit FNV-1a over folded code units: the scanner's word key (verified on every hit). */
export function hashStep(h: number, folded: number): number {
  return Math.imul(h ^ folded, HASH_MUL);
}
export function hashWord(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

/** Tokens of a text: folded word strings and their UTF-16 spans. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** The first character is not a lower-case letter (upper case, a digit, or an uncased script). */
  capitalised: boolean;
}

/**
 * Splits text into folded tokens. Used for names (at compile time), the look-up and tests; the
 * page scanner has its own allocation-free loop with the same rules (src/core/matcher.ts).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let word = '';
  let start = -1;
  let end = -1;
  let afterApostrophe = false;
  const flush = (): void => {
    if (start < 0) return;
    // "'s" after a word is a possessive, not a token.
    if (!(afterApostrophe && word === 's')) {
      out.push({ text: word, start, end, capitalised: LETTER_CASE[text.charCodeAt(start)] !== 2 });
    }
    word = '';
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const cls = CHAR_CLASS[c];
    if (cls === IGNORABLE) continue;
    if (cls === WORD) {
      if (start < 0) start = i;
      word += String.fromCharCode(FOLDED[c] as number);
      end = i + 1;
      continue;
    }
    const wasWord = start >= 0;
    flush();
    afterApostrophe = cls === APOSTROPHE && wasWord;
    if (cls === SINGLE) out.push({ text: String.fromCharCode(FOLDED[c] as number), start: i, end: i + 1, capitalised: true });
  }
  flush();
  return out;
}

/** The folded tokens of a name or text. */
export function foldedWords(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}

/** The normalised form of a name or text: folded tokens joined by single spaces. */
export function normalizeText(text: string): string {
  return foldedWords(text).join(' ');
}
