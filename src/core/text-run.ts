/**
 * The page matcher's view of the words it reads: the current run of listed words (Run), and how
 * a word or a span of the text is written (capitals, lower case, standing alone), for the rules
 * in compile.ts that depend on the writing; and where the full loop starts reading after the
 * fast scan (prefilter.ts) stops.
 */
import * as normalize from './normalize';
import { AMPERSAND, APOSTROPHE, IGNORABLE, SEPARATOR, SINGLE, WORD } from './scan-constants';

// Module-local copies (see matcher.ts).
const { CHAR_CLASS, FOLDED, LETTER_CASE } = normalize;

/** The current run of consecutive listed words: vocabulary ids, spans and capitalisation. */
export class Run {
  ids = new Int32Array(64);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  caps = new Uint8Array(64);
  length = 0;
  push(id: number, start: number, end: number, cap: number): void {
    if (this.length === this.ids.length) this.grow();
    const n = this.length++;
    this.ids[n] = id;
    this.starts[n] = start;
    this.ends[n] = end;
    this.caps[n] = cap;
  }
  private grow(): void {
    const size = this.ids.length * 2;
    const ids = new Int32Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const caps = new Uint8Array(size);
    ids.set(this.ids);
    starts.set(this.starts);
    ends.set(this.ends);
    caps.set(this.caps);
    Object.assign(this, { ids, starts, ends, caps });
  }
}

/**
 * Whether text[start, end) is not joined by a single space to a capitalised word on either side
 * ("DJI Opco"); punctuation, line breaks and lower-case words around it leave it alone.
 */
export function standsAlone(text: string, start: number, end: number): boolean {
  const capitalisedAt = (i: number): boolean => CHAR_CLASS[text.charCodeAt(i)] === WORD && LETTER_CASE[text.charCodeAt(i)] === 1;
  if (end + 1 < text.length && text.charCodeAt(end) === 32 && capitalisedAt(end + 1)) return false;
  if (start >= 2 && text.charCodeAt(start - 1) === 32 && CHAR_CLASS[text.charCodeAt(start - 2)] === WORD) {
    let i = start - 2;
    while (i > 0 && CHAR_CLASS[text.charCodeAt(i - 1)] === WORD) i--;
    if (capitalisedAt(i)) return false;
  }
  return true;
}

/** Bits of Run.caps: how a word of the text is written. */
export const CAPITALISED = 1;
export const ALL_CAPS = 2;

/**
 * A word counts as capitalised when it starts with anything but a lower-case letter, or has a
 * capital inside ("iFlytek", "eBay": brand names, not ordinary words); all capitals when it
 * has no lower-case letter ("ISIS", not "Isis").
 */
export function wordCase(firstNotLower: boolean, upper: number, lower: number): number {
  return (firstNotLower || upper > 0 ? CAPITALISED : 0) | (lower === 0 ? ALL_CAPS : 0);
}

/** Whether every word character of text[start, end) is a lower-case letter ("&" aside). */
export function allLowerCase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const cls = CHAR_CLASS[c];
    if ((cls === WORD || (cls === SINGLE && !isAmpersand(c))) && LETTER_CASE[c] !== 2) return false;
  }
  return true;
}

/**
 * Where the full matcher starts for a candidate at `at`: the start of the word before the one
 * that ends at (or holds) `at`, so that a name beginning one word earlier is read whole; never
 * before `floor`, where the full matcher last stopped with nothing pending. An ideograph between
 * the two words ends the search: it is no listed word (the scan would have stopped at it), so no
 * name spans it. An "&" is no such end: the scan reads it as a break (prefilter-keys.ts).
 */
export function restartPoint(text: string, at: number, floor: number): number {
  let i = at;
  while (i > floor && isInWord(CHAR_CLASS[text.charCodeAt(i - 1)] as number)) i--;
  while (i > floor) {
    const cls = CHAR_CLASS[text.charCodeAt(i - 1)] as number;
    if (isInWord(cls)) break;
    if (cls === SINGLE && !isAmpersand(text.charCodeAt(i - 1))) return i;
    i--;
  }
  while (i > floor && isInWord(CHAR_CLASS[text.charCodeAt(i - 1)] as number)) i--;
  return withAmpersandBefore(text, i, floor);
}

/**
 * Where the full matcher starts for a name the scan found beginning at the word at `start`: at
 * an "&" right before it (breaks between), if any, else at `start`. The scan does not see an "&",
 * and a name may begin with one (the trie holds "AG & Carlon" as "& carlon…", "AG" being a legal
 * form); never before `floor`.
 */
export function withAmpersandBefore(text: string, start: number, floor: number): number {
  let i = start;
  while (i > floor && isBreak(CHAR_CLASS[text.charCodeAt(i - 1)] as number)) i--;
  return i > floor && isAmpersand(text.charCodeAt(i - 1)) ? i - 1 : start;
}

/** "&" or "＆" (only they fold to it). */
export function isAmpersand(c: number): boolean {
  return FOLDED[c] === AMPERSAND;
}

function isInWord(cls: number): boolean {
  return cls === WORD || cls === IGNORABLE;
}

/** Punctuation, spaces, apostrophes: what stands between two words and is neither. */
function isBreak(cls: number): boolean {
  return cls === SEPARATOR || cls === APOSTROPHE;
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
