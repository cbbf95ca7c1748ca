/**
 * Two naive matchers the extension must beat, both over the same entries:
 * 1. exact: every name, alias and native-script name, case-insensitive, whole words.
 * 2. csl: names reduced the way screening tools reduce them (case, diacritics, punctuation,
 *    stop words and legal forms removed), then matched as exact token sequences.
 * Both pick the longest match at each position and never overlap. Pure.
 */
import { namesOf, type Entry } from '../../src/core/model';
import type { Prediction } from './score';

const WORD = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD.test(ch);

/** Lower-cases without changing length, so offsets stay valid. */
function foldSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    const low = ch.toLowerCase();
    out += low.length === ch.length ? low : ch;
  }
  return out;
}

export function exactBaseline(entries: readonly Entry[]): (text: string) => Prediction[] {
  const byName = new Map<string, Set<string>>();
  for (const e of entries) {
    for (const n of namesOf(e)) {
      const key = foldSameLength(n.trim());
      if (key.length < 2) continue;
      let ids = byName.get(key);
      if (!ids) byName.set(key, (ids = new Set()));
      ids.add(e.id);
    }
  }
  // Candidates by first character keep the scan cheap enough for whole pages.
  const byFirst = new Map<string, string[]>();
  for (const key of byName.keys()) {
    const c = key[0] ?? '';
    const list = byFirst.get(c) ?? [];
    list.push(key);
    byFirst.set(c, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return (text) => {
    const folded = foldSameLength(text);
    const out: Prediction[] = [];
    let i = 0;
    while (i < folded.length) {
      const c = folded[i] ?? '';
      let matched = 0;
      if (!isWordChar(folded[i - 1]) || !WORD.test(c)) {
        for (const key of byFirst.get(c) ?? []) {
          if (!folded.startsWith(key, i)) continue;
          const end = i + key.length;
          const needsBoundary = isWordChar(key[key.length - 1]);
          if (needsBoundary && isWordChar(folded[end])) continue;
          if (WORD.test(c) && isWordChar(folded[i - 1])) continue;
          out.push({ start: i, end, entryIds: [...(byName.get(key) ?? [])] });
          matched = key.length;
          break;
        }
      }
      i += matched || 1;
    }
    return out;
  };
}

const STOP_WORDS = new Set(['the', 'of', 'and', 'a', 'an', 'for', 'in', 'on', 'at', 'to', 'de', 'du', 'la', 'le', 'des']);
const LEGAL_FORMS = new Set([
  'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'pte', 'pvt',
  'private', 'sa', 'ag', 'gmbh', 'bv', 'nv', 'jsc', 'ojsc', 'pjsc', 'cjsc', 'ao', 'oao', 'ooo', 'zao', 'pao',
  'fzc', 'fze', 'fzco', 'lp', 'llp', 'srl', 'spa', 'sarl', 'kft', 'zrt', 'ad', 'sdn', 'bhd', 'tbk', 'as', 'ab', 'oy',
]);

interface Token {
  norm: string;
  start: number;
  end: number;
}

/** Tokens of a text after CSL-style reduction, with their offsets in the original text. */
export function cslTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const norm = m[0].normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (STOP_WORDS.has(norm) || LEGAL_FORMS.has(norm)) continue;
    out.push({ norm, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function cslBaseline(entries: readonly Entry[]): (text: string) => Prediction[] {
  const byKey = new Map<string, Set<string>>();
  const lengthsByFirst = new Map<string, Set<number>>();
  for (const e of entries) {
    for (const n of namesOf(e)) {
      const toks = cslTokens(n).map((t) => t.norm);
      const first = toks[0];
      if (first === undefined) continue;
      const key = toks.join(' ');
      let ids = byKey.get(key);
      if (!ids) byKey.set(key, (ids = new Set()));
      ids.add(e.id);
      const lens = lengthsByFirst.get(first) ?? new Set<number>();
      lens.add(toks.length);
      lengthsByFirst.set(first, lens);
    }
  }
  return (text) => {
    const toks = cslTokens(text);
    const out: Prediction[] = [];
    let i = 0;
    while (i < toks.length) {
      const first = toks[i];
      const lens = first ? [...(lengthsByFirst.get(first.norm) ?? [])].sort((a, b) => b - a) : [];
      let taken = 0;
      for (const len of lens) {
        const run = toks.slice(i, i + len);
        if (run.length < len) continue;
        const ids = byKey.get(run.map((t) => t.norm).join(' '));
        const last = run[run.length - 1];
        if (ids && first && last) {
          out.push({ start: first.start, end: last.end, entryIds: [...ids] });
          taken = len;
          break;
        }
      }
      i += taken || 1;
    }
    return out;
  };
}
