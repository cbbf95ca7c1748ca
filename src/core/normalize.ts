/**
 * Character folding and tokenising, shared by the list compiler and the page scanner so that a
 * name and the text it appears in are normalised the same way.
 *
 * Every UTF-16 code unit has a class in a table built once:
 * - a word character, folded to lower case without diacritics ("É" → "e", "Ж" → "ж");
 * - an ideograph, kana or hangul syllable: a token on its own, so names in those scripts match
 *   without spaces;
 * - ignorable inside a word (soft hyphen, zero-width characters, combining marks);
 * - an apostrophe (possessives: "Huawei's" is "Huawei");
 * - a separator (everything else: spaces, line breaks, punctuation, hyphens).
 */

export const SEPARATOR = 0;
export const IGNORABLE = 0xffff;
export const APOSTROPHE = 0xfffe;
const FOLD = new Uint16Array(0x10000);
/** Letter case, for the capitalisation rule: 1 upper case, 2 lower case, 0 uncased. */
const CASE = new Uint8Array(0x10000);
const SINGLE = new Uint8Array(0x10000);

function isSingleTokenScript(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || // kana
    (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0xac00 && c <= 0xd7af) || // hangul syllables
    (c >= 0xf900 && c <= 0xfaff) // CJK compatibility ideographs
  );
}

function buildTables(): void {
  const wordChar = /[\p{L}\p{N}]/u;
  const mark = /\p{M}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      FOLD[c] = SEPARATOR; // astral characters: not in listed names
      continue;
    }
    if (isSingleTokenScript(c)) {
      FOLD[c] = c;
      SINGLE[c] = 1;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (c === 0x27 || c === 0x2019 || c === 0x2bc) FOLD[c] = APOSTROPHE;
    else if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || mark.test(ch)) FOLD[c] = IGNORABLE;
    else if (c < 0x3000 && wordChar.test(ch)) {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      FOLD[c] = base.length === 1 ? base.charCodeAt(0) : ch.toLowerCase().charCodeAt(0);
      CASE[c] = ch !== ch.toLowerCase() ? 1 : ch !== ch.toUpperCase() ? 2 : 0;
    } else if (c >= 0xff10 && c <= 0xff5a && wordChar.test(ch)) {
      FOLD[c] = ch.normalize('NFKC').toLowerCase().charCodeAt(0); // full-width Latin and digits
    } else FOLD[c] = SEPARATOR;
  }
}
buildTables();

export function foldCode(c: number): number {
  return FOLD[c] ?? SEPARATOR;
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
 * Splits text into folded tokens. Used for names (at compile time) and for verification of
 * candidate matches; the page scanner has its own allocation-free loop with the same rules.
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
      out.push({ text: word, start, end, capitalised: CASE[text.charCodeAt(start)] !== 2 });
    }
    word = '';
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = FOLD[c] ?? SEPARATOR;
    if (f === IGNORABLE) continue;
    if (f === SEPARATOR || f === APOSTROPHE) {
      const wasWord = start >= 0;
      flush();
      afterApostrophe = f === APOSTROPHE && wasWord;
      continue;
    }
    if (SINGLE[c]) {
      flush();
      out.push({ text: String.fromCharCode(f), start: i, end: i + 1, capitalised: true });
      afterApostrophe = false;
      continue;
    }
    if (start < 0) start = i;
    word += String.fromCharCode(f);
    end = i + 1;
  }
  flush();
  return out;
}

/** The normalised form of a name or text: folded tokens joined by single spaces. */
export function normalizeText(text: string): string {
  return tokenize(text)
    .map((t) => t.text)
    .join(' ');
}

export { FOLD as FOLD_TABLE, SINGLE as SINGLE_TOKEN_TABLE, CASE as CASE_TABLE };
