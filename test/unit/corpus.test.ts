import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bundle, Entry } from '../../src/core/model';
import { EntryIndex, offsetProblems, resolveCorpus, type Corpus } from '../../scripts/lib/corpus';
import { cslBaseline, exactBaseline } from '../../scripts/lib/baselines';
import { addToTallies, f1, precision, recall, scoreDocument, type Group, type ScoredLabel, type Tally } from '../../scripts/lib/score';

const root = join(__dirname, '..', '..');
const corpus = JSON.parse(readFileSync(join(root, 'test', 'corpus', 'passages.json'), 'utf8')) as Corpus;

describe('labelled corpus', () => {
  it('has at least 40 passages and 150 labelled mentions', () => {
    expect(corpus.passages.length).toBeGreaterThanOrEqual(40);
    const mentions = corpus.passages.reduce((n, p) => n + p.mentions.length, 0);
    expect(mentions).toBeGreaterThanOrEqual(150);
  });

  it('every label span holds its surface text', () => {
    expect(offsetProblems(corpus)).toEqual([]);
  });

  it('every passage says where it came from, and ids are unique', () => {
    for (const p of corpus.passages) {
      expect(p.source.length, p.id).toBeGreaterThan(0);
      expect(p.url, p.id).toMatch(/^(https?:|file:)/);
    }
    expect(new Set(corpus.passages.map((p) => p.id)).size).toBe(corpus.passages.length);
  });

  it('every label names a real entry of the list bundle', () => {
    const bundle = JSON.parse(readFileSync(join(root, 'extension', 'data', 'bundle.json'), 'utf8')) as Bundle;
    const resolved = resolveCorpus(corpus, new EntryIndex(bundle.entries));
    for (const r of resolved) for (const l of r.labels) expect(l.ids.size, r.passage.id).toBeGreaterThan(0);
  });
});

describe('scoring', () => {
  const label = (start: number, end: number, kind: string, ...ids: string[]): ScoredLabel => ({ start, end, kind, ids: new Set(ids) });

  it('counts overlap hits, wrong entries, duplicates and misses', () => {
    const labels = [label(0, 6, 'alias', 'A'), label(10, 13, 'short-form', 'B'), label(20, 25, 'full-name', 'C')];
    const preds = [
      { start: 0, end: 20, entryIds: ['A'] }, // overlaps label 1: hit
      { start: 0, end: 6, entryIds: ['A'] }, // same party again: duplicate
      { start: 10, end: 13, entryIds: ['X'] }, // right place, wrong party: false flag (and a miss)
      { start: 40, end: 44, entryIds: ['Z'], strength: 'context' as const }, // no label: false flag
    ];
    const s = scoreDocument(labels, preds, 'overlap');
    expect(s.hits).toEqual([0, -1, -1]);
    expect(s.duplicates).toBe(1);
    expect(s.falsePositives).toEqual([2, 3]);

    const byKind = new Map<string, Tally>();
    const byGroup = new Map<Group | 'all', Tally>();
    addToTallies(labels, preds, s, byKind, byGroup);
    expect(byGroup.get('all')).toEqual({ tp: 1, fp: 2, fn: 2 });
    expect(byGroup.get('full')).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(byGroup.get('short')).toEqual({ tp: 0, fp: 2, fn: 1 });
    const all = byGroup.get('all') ?? { tp: 0, fp: 0, fn: 0 };
    expect(precision(all)).toBeCloseTo(1 / 3);
    expect(recall(all)).toBeCloseTo(1 / 3);
    expect(f1(all)).toBeCloseTo(1 / 3);
  });

  it('exact mode needs the same span', () => {
    const s = scoreDocument([label(0, 6, 'alias', 'A')], [{ start: 0, end: 20, entryIds: ['A'] }], 'exact');
    expect(s.hits).toEqual([-1]);
    expect(s.falsePositives).toEqual([0]);
  });
});

describe('baselines', () => {
  const entry = (id: string, name: string, aliases: string[] = []): Entry => ({ id, list: 'EL', listName: 'EL', type: 'entity', name, aliases });
  const entries = [entry('1', 'Computer Security Initiative Consultancy PTE. LTD.', ['COSEINC']), entry('2', 'NSO Group')];

  it('exact matching is case-insensitive on whole words only', () => {
    const run = exactBaseline(entries);
    expect(run('the nso group and Coseinc, not XCOSEINC')).toEqual([
      { start: 4, end: 13, entryIds: ['2'] },
      { start: 18, end: 25, entryIds: ['1'] },
    ]);
    expect(run('Computer Security Initiative Consultancy from Singapore')).toEqual([]);
  });

  it('CSL-style matching drops legal forms and punctuation', () => {
    const run = cslBaseline(entries);
    const found = run('Computer Security Initiative Consultancy from Singapore');
    expect(found).toEqual([{ start: 0, end: 40, entryIds: ['1'] }]);
  });
});
