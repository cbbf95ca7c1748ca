/**
 * What a name found in the text stands for: which of its terms (one per entry and form) count
 * where it was found, and whether the mention is strong or only a context mention. The matcher
 * (matcher.ts) finds where names are; this reads the term tables for each one it reports, a few
 * per thousand characters. What a name stands for depends only on its trie node and on how it is
 * written, so each reading is worked out once and kept (`readings`): on real pages most mentions
 * are the same few ambiguous words ("New", "United") again and again, and building each one's
 * entries afresh cost about a twentieth of the whole scan.
 */
import type { Entry } from './model';
import type { Mention } from './mentions';
import { FLAG_ALONE, FLAG_CAPS, FLAG_CUE, contextOnly } from './trie';
import { hasInnerCapital, hasOrganisationCue } from './cues';
import { standsAlone } from './text-run';

/** The matcher's term tables: the terms of trie node n are termStart[n] .. termStart[n + 1] - 1. */
export interface TermTables {
  termStart: Int32Array;
  termEntry: Int32Array;
  termFlags: Uint8Array;
  termName: Int32Array;
  names: readonly string[];
  entries: readonly Entry[];
  /** Readings already worked out, by trie node and writing (the key in mentionOf). Mentions share their entryIds arrays. */
  readings: Map<number, Reading>;
}

/** What a name found at one trie node, written one way, stands for. */
interface Reading {
  entryIds: readonly string[];
  strength: 'strong' | 'context';
  matchedName: string;
}

/** Whether a name ending at `node` may be reported (names that need capitals need them). */
export function hasPassingTerm(tables: TermTables, node: number, capsOk: boolean): boolean {
  const last = tables.termStart[node + 1] as number;
  for (let t = tables.termStart[node] as number; t < last; t++) {
    if (capsOk || ((tables.termFlags[t] as number) & FLAG_CAPS) === 0) return true;
  }
  return false;
}

/**
 * The entries of a name: strong readings if any, else context ones; most relevant first.
 * Written all in lower case ("nso group"), a name is only a context mention: running text
 * writes a party's name with a capital, and lower case is how ordinary phrases look. An
 * acronym (FLAG_UPPER) not written in capitals ("Isis", "Macs") is only a context mention too.
 */
export function mentionOf(
  tables: TermTables,
  text: string,
  place: { start: number; end: number; node: number },
  writing: { capsOk: boolean; upperOk: boolean; cased: boolean },
): Mention {
  const { termStart, termFlags } = tables;
  const { start, end, node } = place;
  const { capsOk, upperOk, cased } = writing;
  const first = termStart[node] as number;
  const last = termStart[node + 1] as number;
  let anyFlags = 0;
  for (let t = first; t < last; t++) anyFlags |= termFlags[t] as number;
  // Worked out only for the few names that need them.
  const alone = (anyFlags & FLAG_ALONE) !== 0 && standsAlone(text, start, end);
  const cued = (anyFlags & FLAG_CUE) !== 0 && (hasInnerCapital(text, start, end) || hasOrganisationCue(text, start, end));
  const key = node * 32 + (capsOk ? 1 : 0) + (upperOk ? 2 : 0) + (alone ? 4 : 0) + (cued ? 8 : 0) + (cased ? 16 : 0);
  let reading = tables.readings.get(key);
  if (reading === undefined) {
    reading = readingOf(tables, node, { capsOk, upperOk, cased, alone, cued });
    tables.readings.set(key, reading);
  }
  return { start, end, entryIds: reading.entryIds, strength: reading.strength, matchedName: reading.matchedName };
}

function readingOf(tables: TermTables, node: number, writing: { capsOk: boolean; upperOk: boolean; cased: boolean; alone: boolean; cued: boolean }): Reading {
  const { termStart, termFlags, termEntry, termName } = tables;
  const { capsOk, upperOk, cased, alone, cued } = writing;
  const first = termStart[node] as number;
  const last = termStart[node + 1] as number;
  let strong = false;
  for (let t = first; t < last; t++) {
    const flags = termFlags[t] as number;
    if (cased && (capsOk || (flags & FLAG_CAPS) === 0) && !contextOnly(flags, upperOk, alone, cued)) strong = true;
  }
  const entryIds: string[] = [];
  let matchedName = '';
  for (let t = first; t < last; t++) {
    const flags = termFlags[t] as number;
    if (!capsOk && (flags & FLAG_CAPS) !== 0) continue;
    if (strong && contextOnly(flags, upperOk, alone, cued)) continue;
    if (entryIds.length === 0) matchedName = tables.names[termName[t] as number] ?? '';
    entryIds.push((tables.entries[termEntry[t] as number] as Entry).id);
  }
  return { entryIds, strength: strong ? 'strong' : 'context', matchedName };
}
