/**
 * Per-mention scoring of a matcher against labelled text. Pure: no I/O.
 *
 * A prediction is correct when it overlaps a label's span (or, in `exact` mode, has the same
 * span) and one of its entry ids is among the label's acceptable ids. Each label is satisfied by
 * at most one prediction. Extra predictions on a label that is already satisfied and that point
 * at the same party are duplicates: counted separately, neither right nor wrong, because the
 * reader sees one highlight there either way.
 */

/** Label kinds that count as "full names and aliases" for the targets. */
export const FULL_KINDS = ['full-name', 'alias', 'legal-form-variant', 'native-script', 'spelling-variant'] as const;
/** Label kinds that count as "short forms and acronyms in context". */
export const SHORT_KINDS = ['short-form', 'acronym'] as const;
/** Parties that are listed but absent from the data: reported, never scored. */
export const UNSCORED_KINDS = ['not-in-data'] as const;

export type Group = 'full' | 'short';

export interface ScoredLabel {
  start: number;
  end: number;
  kind: string;
  /** Every entry id that stands for the labelled party (the entry and its duplicates). */
  ids: ReadonlySet<string>;
}

export interface Prediction {
  start: number;
  end: number;
  entryIds: readonly string[];
  /** `context` predictions are short forms; anything else counts as a full name. */
  strength?: 'strong' | 'context';
}

export type MatchMode = 'overlap' | 'exact';

export interface DocumentScore {
  /** Per label: the prediction that satisfied it, or -1. */
  hits: number[];
  /** Indexes of predictions that are wrong (no label, or a label of another party). */
  falsePositives: number[];
  duplicates: number;
}

export function groupOfKind(kind: string): Group | undefined {
  if ((FULL_KINDS as readonly string[]).includes(kind)) return 'full';
  if ((SHORT_KINDS as readonly string[]).includes(kind)) return 'short';
  return undefined;
}

function spansMeet(a: { start: number; end: number }, b: { start: number; end: number }, mode: MatchMode): boolean {
  return mode === 'exact' ? a.start === b.start && a.end === b.end : a.start < b.end && b.start < a.end;
}

function pointsAt(p: Prediction, label: ScoredLabel): boolean {
  return p.entryIds.some((id) => label.ids.has(id));
}

export function scoreDocument(labels: readonly ScoredLabel[], predictions: readonly Prediction[], mode: MatchMode): DocumentScore {
  const hits = labels.map(() => -1);
  const used = new Set<number>();
  // Labels in text order, predictions in text order: a greedy pass is exact for
  // non-overlapping labels, which is what the corpus holds.
  labels.forEach((label, li) => {
    const pi = predictions.findIndex((p, i) => !used.has(i) && spansMeet(p, label, mode) && pointsAt(p, label));
    if (pi >= 0) {
      hits[li] = pi;
      used.add(pi);
    }
  });
  const falsePositives: number[] = [];
  let duplicates = 0;
  predictions.forEach((p, pi) => {
    if (used.has(pi)) return;
    const dup = labels.some((l, li) => hits[li] !== -1 && spansMeet(p, l, 'overlap') && pointsAt(p, l));
    if (dup) duplicates += 1;
    else falsePositives.push(pi);
  });
  return { hits, falsePositives, duplicates };
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

export function precision(t: Tally): number {
  return t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
}
export function recall(t: Tally): number {
  return t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
}
export function f1(t: Tally): number {
  const p = precision(t);
  const r = recall(t);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/**
 * Adds one document's outcome to per-kind and per-group tallies. A false positive is charged to
 * the group of the label it overlaps, else to the group its strength implies (a context-only
 * mention is a short form; everything else a full name), so that precision per group is defined.
 */
export function addToTallies(
  labels: readonly ScoredLabel[],
  predictions: readonly Prediction[],
  score: DocumentScore,
  byKind: Map<string, Tally>,
  byGroup: Map<Group | 'all', Tally>,
): void {
  const bump = (map: Map<string, Tally>, key: string, field: keyof Tally) => {
    const t = map.get(key) ?? emptyTally();
    t[field] += 1;
    map.set(key, t);
  };
  const groups = byGroup as Map<string, Tally>;
  labels.forEach((label, li) => {
    const field = score.hits[li] === -1 ? 'fn' : 'tp';
    bump(byKind, label.kind, field);
    const g = groupOfKind(label.kind);
    if (g) bump(groups, g, field);
    bump(groups, 'all', field);
  });
  for (const pi of score.falsePositives) {
    const p = predictions[pi];
    if (!p) continue;
    const over = labels.find((l) => spansMeet(p, l, 'overlap'));
    const g = over ? groupOfKind(over.kind) : p.strength === 'context' ? 'short' : 'full';
    if (over) bump(byKind, over.kind, 'fp');
    else bump(byKind, '(no label)', 'fp');
    bump(groups, g ?? 'full', 'fp');
    bump(groups, 'all', 'fp');
  }
}
