/**
 * Shared pieces of reading a hand-written policy: caps against hostile or mistaken values, and
 * warnings in plain words collected per key.
 */

/** Caps against hostile or mistaken policies: far above any real use, far below trouble. */
export const LIMITS = {
  lists: 100,
  excludedSites: 1000,
  customEntries: 5000,
  aliases: 100,
  nameLength: 300,
  reasonLength: 2000,
  urlLength: 2048,
  /** Warnings kept per key; the rest are counted in one line. */
  warningsPerKey: 20,
};

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
export const show = (v: unknown): string => {
  const text = typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v;
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
};
export const cleanText = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Collects warnings for one key, keeping the first few and counting the rest. */
export class KeyWarnings {
  private readonly lines: string[] = [];
  private extra = 0;
  add(line: string): void {
    if (this.lines.length < LIMITS.warningsPerKey) this.lines.push(line);
    else this.extra += 1;
  }
  flushInto(out: string[], key: string): void {
    out.push(...this.lines);
    if (this.extra > 0) out.push(`${key}: ${this.extra} more problems not shown`);
  }
}

/** An array value, capped to `max` items with a warning; undefined (and a warning) when not an array. */
export function cappedArray(key: string, v: unknown, max: number, what: string, warn: KeyWarnings): unknown[] | undefined {
  if (!Array.isArray(v)) {
    warn.add(`${key}: must be a list of ${what}, not ${show(v)}`);
    return undefined;
  }
  if (v.length > max) warn.add(`${key}: only the first ${max} of ${v.length} items are used`);
  return v.slice(0, max);
}
