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
  /** Entries this mention refers to, most relevant first. Never empty. */
  entryIds: string[];
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
