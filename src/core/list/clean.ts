/**
 * Cleaning of names as the raw lists give them. Cleaning removes only what is plainly wrong
 * (split artefacts, duplicates, stray markup, notes that are not names); the listed name itself
 * is always kept as written. Every change is counted for the build report.
 */

/** Counts and a few examples per kind of change, for the build report. */
export interface Tally {
  counts: Map<string, number>;
  examples: Map<string, string[]>;
}

export interface CleanReport {
  cleaned: Tally;
  ambiguous: Tally;
}

export function newReport(): CleanReport {
  return { cleaned: { counts: new Map(), examples: new Map() }, ambiguous: { counts: new Map(), examples: new Map() } };
}

export function note(tally: Tally, kind: string, example: string): void {
  tally.counts.set(kind, (tally.counts.get(kind) ?? 0) + 1);
  const list = tally.examples.get(kind) ?? [];
  if (list.length < 5 && !list.includes(example)) list.push(example);
  tally.examples.set(kind, list);
}

/**
 * Collapses whitespace, drops control and direction characters and stray markup, and repairs
 * the encoding artefact of the CSL excerpt, where curly quotes became "?" ("(CAEP)?s",
 * "?Almaz-Antey?"); '' when nothing is left.
 */
export function tidyName(raw: string): string {
  return raw
    .replace(/<[^>]{0,200}>/g, ' ') // markup never belongs in a listed name
    .replace(/\s+/g, ' ') // line breaks inside a field are spaces, before control characters go
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/(?<=[\p{L})])\?(?=s\b)/gu, "'") // "China?s": a lost apostrophe
    .replace(/(?<=^|\s)\?([\p{L}\p{N}][^?\s]*)\?(?=\s|$)/gu, "'$1'") // "JSC ?Almaz-Antey? MSDB": lost quotes
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits a `;`-separated alias field. The Entity List writes the last of several aliases as
 * "…; and X": that "and" belongs to the sentence, not the name.
 */
export function splitAliasField(field: string | undefined): string[] {
  if (!field) return [];
  const parts = field.split(/\s*;\s*/).filter((a) => a.trim().length > 0);
  const last = parts.length - 1;
  if (last > 0) parts[last] = (parts[last] ?? '').replace(/^and\s+/, '');
  return parts;
}

const AKA = /\b[af]\.\s?k\.\s?a\.?,?/i;

/**
 * The names inside an "a.k.a."/"f.k.a." name: "X, a.k.a. Y" gives X and Y; "X (f.k.a., Y)" and
 * "PEARL (A.K.A. NEI-CHIEN CHU) LI" give the name without the bracket and the name inside it.
 * [] when the text has no such marker.
 */
export function akaNames(name: string): string[] {
  const m = AKA.exec(name);
  if (!m) return [];
  const open = name.lastIndexOf('(', m.index);
  const bracketed = open >= 0 && name.slice(open + 1, m.index).trim() === '';
  if (bracketed) {
    let depth = 0;
    let close = -1;
    for (let i = open; i < name.length && close < 0; i++) {
      if (name[i] === '(') depth++;
      else if (name[i] === ')' && --depth === 0) close = i;
    }
    const inner = name.slice(m.index + m[0].length, close < 0 ? undefined : close);
    const outer = `${name.slice(0, open)} ${close < 0 ? '' : name.slice(close + 1)}`;
    return [outer, inner, ...akaNames(inner)].map(trimName).filter((s) => s.length > 1 && !AKA.test(s));
  }
  return [name.slice(0, m.index), name.slice(m.index + m[0].length)]
    .map(trimName)
    .flatMap((s) => (AKA.test(s) ? akaNames(s) : [s]))
    .filter((s) => s.length > 1);
}

/** Trims the separators a split leaves at either end ("X, " or "Y."), but not a "Ltd." */
function trimName(s: string): string {
  const t = tidyName(s).replace(/^[\s,;:]+|[\s,;:]+$/g, '');
  return /\b(ltd|co|inc|corp|s\.a|l\.l\.c|jsc)\.$/i.test(t) ? t : t.replace(/\.$/, '');
}

/**
 * Parenthetical short names: "Huawei Technologies Co., Ltd. (Huawei)" gives "Huawei". Only a
 * trailing bracket counts, and only when it reads as a short name of this party: words of the
 * name itself, or an acronym-like form ("TsAGI", "GosNIImash", "MPK"). "(Hongkong)" or
 * "(Shenzhen)" after a name says where the party is, not what it is called.
 */
export function parentheticalShortNames(name: string): string[] {
  const m = /\(([^()]{2,60})\)[\s.,;]*$/.exec(name);
  const inner = m?.[1]?.trim();
  if (!m || !inner) return [];
  if (/^(ooo|ao|zao|oao|pao|jsc|llc|ltd|inc|pte|fze)$/i.test(inner)) return [];
  if (AKA.test(inner)) return [];
  // In a name written all in capitals (as OFAC writes them) a trailing "(KIEV)" cannot be told
  // from a short name; only mixed-case names give that evidence.
  if (!/\p{Ll}/u.test(name)) return [];
  const before = name.slice(0, m.index).toLowerCase();
  const wordOfName = inner.split(/\s+/).every((w) => before.includes(w.toLowerCase()));
  const acronymLike = /^\S+$/.test(inner) && /\p{Lu}.*\p{Lu}/u.test(inner);
  return wordOfName || acronymLike ? [inner] : [];
}

const JUNK_ALIASES = new Set(['and', 'or', 'the', 'a.k.a.', 'aka', 'f.k.a.', 'fka', '-', 'n/a', 'none']);

/**
 * The entry's aliases, cleaned: tidied; "a.k.a." names split; "and X" artefacts, junk, notes in
 * brackets ("(all of preceding located in or near Mianyang, …)") and duplicates dropped; the main
 * name removed from its own aliases. The main name's own a.k.a. parts become aliases.
 */
export function cleanAliases(name: string, aliases: readonly string[], report: CleanReport): string[] {
  const tally = report.cleaned;
  const seen = new Set([name.toLowerCase()]);
  const out: string[] = [];
  const fromName = akaNames(name);
  if (fromName.length > 0) note(tally, 'a.k.a. parts of the main name added as aliases', name);
  const queue = [...aliases, ...fromName];
  for (const raw of queue) {
    let alias = tidyName(raw);
    if (alias !== raw.trim()) note(tally, 'whitespace, markup or encoding tidied', raw);
    if (/^and\s+\S/.test(alias)) {
      note(tally, '"and X" split artefact: "and" dropped', `${name}: "${alias}"`);
      alias = alias.slice(4);
    }
    if (alias.length === 0) continue;
    if (JUNK_ALIASES.has(alias.toLowerCase())) {
      note(tally, 'split artefact alias dropped', `${name}: "${alias}"`);
      continue;
    }
    if (/^\(.*\)$/.test(alias)) {
      note(tally, 'bracketed note dropped (not a name)', `${name}: "${alias}"`);
      continue;
    }
    const parts = akaNames(alias);
    if (parts.length > 0) {
      note(tally, 'a.k.a. alias split', alias);
      queue.push(...parts);
      continue;
    }
    if (seen.has(alias.toLowerCase())) {
      note(tally, alias.toLowerCase() === name.toLowerCase() ? 'alias equal to the name dropped' : 'duplicate alias dropped', `${name}: "${alias}"`);
      continue;
    }
    seen.add(alias.toLowerCase());
    out.push(alias);
  }
  return out;
}
