/**
 * What the matcher reports, and how mentions that are flagged only in context are resolved.
 * Pure: no browser APIs.
 */

/**
 * `strong`: the text names the party unambiguously (a full name or a distinctive alias).
 * `context`: an ambiguous form (short acronym, common word, or a short form such as "NSO"
 * derived from "NSO Group"); it is flagged only where the same document also holds a strong
 * mention of one of its entries.
 */
export type MentionStrength = 'strong' | 'context';

export interface Mention {
  /** UTF-16 offsets into the scanned text; `text.slice(start, end)` is the mention. */
  start: number;
  end: number;
  /** Entries this mention refers to, most relevant first. Never empty. Shared between mentions of the same reading, so never changed. */
  entryIds: readonly string[];
  strength: MentionStrength;
  /** The name or alias of the first entry that matched, as listed. */
  matchedName: string;
}

/**
 * Keeps strong mentions, and context mentions whose entries have a strong mention in `seen`
 * (the ids seen strongly anywhere in the same document). Context mentions are narrowed to the
 * entries that were seen.
 */
export function resolveContext(mentions: readonly Mention[], seen: ReadonlySet<string>): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    if (m.strength === 'strong') {
      out.push(m);
      continue;
    }
    const ids = m.entryIds.filter((id) => seen.has(id));
    if (ids.length > 0) out.push({ ...m, entryIds: ids });
  }
  return out;
}

/** The ids of every entry named strongly in these mentions. */
export function strongIds(mentions: Iterable<Mention>, into: Set<string> = new Set()): Set<string> {
  for (const m of mentions) {
    if (m.strength === 'strong') for (const id of m.entryIds) into.add(id);
  }
  return into;
}

/** "(PT)" right after a name: an abbreviation the text itself defines for that party. */
const DEFINITION = /^\s*\(\s*([\p{Lu}][\p{L}\p{N}&]{1,7})\s*\)/u;

/** Whether text[at] starts or ends a word (a letter or digit there and none beyond). */
function isWordChar(text: string, at: number): boolean {
  return at >= 0 && at < text.length && /[\p{L}\p{N}]/u.test(text[at] as string);
}

/**
 * Short forms the text defines: a strong mention followed by a bracketed abbreviation of two or
 * more capitals ("Positive Technologies (PT)") makes every later whole-word use of exactly that
 * abbreviation, case and all, a context mention of the same entries, and the definition itself
 * one. Context, so that it shows only beside the strong mention, like other short forms. Uses
 * that overlap a mention already found are left to it. Returns all mentions in text order.
 */
export function withDefinedAbbreviations(text: string, mentions: Mention[]): Mention[] {
  const added: Mention[] = [];
  for (const m of mentions) {
    if (m.strength !== 'strong') continue;
    const def = DEFINITION.exec(text.slice(m.end, m.end + 16));
    const abbr = def?.[1];
    if (!abbr || (abbr.match(/\p{Lu}/gu) ?? []).length < 2) continue;
    const from = m.end + text.slice(m.end).indexOf(abbr);
    for (let at = from; at >= 0; at = text.indexOf(abbr, at + abbr.length)) {
      const end = at + abbr.length;
      if (isWordChar(text, at - 1) || isWordChar(text, end)) continue;
      const overlaps = (x: Mention) => x.start < end && at < x.end;
      if (mentions.some(overlaps) || added.some(overlaps)) continue;
      added.push({ start: at, end, entryIds: m.entryIds, strength: 'context', matchedName: abbr });
    }
  }
  return added.length === 0 ? mentions : [...mentions, ...added].sort((a, b) => a.start - b.start);
}
