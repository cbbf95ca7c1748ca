import { describe, expect, it } from 'vitest';
import { detectAndConvert, makeBundle, parseBundle } from '../../../src/core/list/bundle';
import type { Bundle } from '../../../src/core/model';
import { fixture, isCommon } from './helpers';

const good = (): Bundle =>
  makeBundle(
    [
      { id: 'EL-1', list: 'EL', listName: 'Entity List (EL) - Bureau of Industry and Security', type: 'entity', name: 'NSO Group', countries: ['IL'], startDate: '2021-11-04', reason: { text: 'r', source: 'https://example.org' }, federalRegisterDocument: { documentNumber: '2021-24123' }, ambiguous: [{ name: 'NSO', reason: 'derived-short-form' }] },
      { id: 'CUSTOM-1', list: 'CUSTOM', listName: 'Our list', type: 'individual', name: 'Jane Doe' },
    ],
    { dataDate: '2026-08-18', origin: 'test', sources: [{ file: 'x', description: 'y', date: '2026-08-18' }], builtAt: '2026-11-28T00:00:00.000Z' },
  );

describe('parseBundle', () => {
  it('accepts a good bundle and recomputes its counts', () => {
    const r = parseBundle({ ...JSON.parse(JSON.stringify(good())), counts: { EL: 7 } });
    expect(r.ok).toBe(true);
    expect(r.ok && r.bundle.counts).toEqual({ EL: 1 });
  });
  const cases: [string, (b: Record<string, unknown> & { entries: Record<string, unknown>[] }) => unknown, string][] = [
    ['not an object', () => [], 'a bundle must be a JSON object'],
    ['another format', (b) => ({ ...b, format: 2 }), 'format: unsupported bundle format 2'],
    ['a bad data date', (b) => ({ ...b, dataDate: '18/08/2026' }), 'dataDate: must be YYYY-MM-DD'],
    ['no origin', (b) => ({ ...b, origin: '' }), 'origin: missing or empty'],
    ['bad sources', (b) => ({ ...b, sources: [{ file: 1 }] }), 'sources[0]: needs file and description'],
    ['bad counts', (b) => ({ ...b, counts: { XX: 1 } }), 'counts.XX: not a list code with a count'],
    ['no entries', (b) => ({ ...b, entries: {} }), 'entries: must be a list'],
    ['an unknown list', (b) => ({ ...b, entries: [{ ...b.entries[0], list: 'ZZ' }] }), 'entries[0].list: unknown list "ZZ"'],
    ['an unknown type', (b) => ({ ...b, entries: [{ ...b.entries[0], type: 'company' }] }), 'entries[0].type: unknown type "company"'],
    ['an empty name', (b) => ({ ...b, entries: [b.entries[0], { ...b.entries[1], name: ' ' }] }), 'entries[1].name: missing or empty'],
    ['a country that is not ISO-2', (b) => ({ ...b, entries: [{ ...b.entries[0], countries: ['Israel'] }] }), 'entries[0].countries[0]: not an ISO 3166 alpha-2 code'],
    ['a date in another form', (b) => ({ ...b, entries: [{ ...b.entries[0], startDate: 'Nov 4, 2021' }] }), 'entries[0].startDate: not a YYYY-MM-DD date'],
    ['aliases that are not text', (b) => ({ ...b, entries: [{ ...b.entries[0], aliases: ['a', 3] }] }), 'entries[0].aliases[1]: not text'],
    ['an unknown ambiguity reason', (b) => ({ ...b, entries: [{ ...b.entries[0], ambiguous: [{ name: 'x', reason: 'feeling' }] }] }), 'entries[0].ambiguous[0]: needs a name and a known reason'],
    ['a reason without a source', (b) => ({ ...b, entries: [{ ...b.entries[0], reason: { text: 'r' } }] }), 'entries[0].reason: needs text and source'],
    ['a document without a number', (b) => ({ ...b, entries: [{ ...b.entries[0], federalRegisterDocument: { url: 'u' } }] }), 'entries[0].federalRegisterDocument.documentNumber: missing'],
    ['a repeated id', (b) => ({ ...b, entries: [b.entries[0], b.entries[0]] }), 'entries[1].id: duplicate id EL-1'],
  ];
  for (const [label, spoil, error] of cases) {
    it(`rejects ${label}, naming the place`, () => {
      const b = JSON.parse(JSON.stringify(good())) as Record<string, unknown> & { entries: Record<string, unknown>[] };
      const r = parseBundle(spoil(b));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toContain(error);
    });
  }
});

describe('detectAndConvert', () => {
  it('converts an official consolidated.json into a cleaned, marked bundle', () => {
    const r = detectAndConvert(fixture('consolidated-sample.json'), 'consolidated.json', { isCommonWord: isCommon, today: '2026-11-28' });
    if (!r.ok) throw new Error(r.error);
    expect(r.kind).toBe('csl-json');
    expect(r.bundle).toMatchObject({ dataDate: '2026-11-24', origin: 'converted from consolidated.json', counts: { EL: 1, DPL: 1, SDN: 2 } });
    expect(r.skipped).toHaveLength(1);
    const el = r.bundle.entries[0];
    expect(el?.aliases).toEqual(['Harbour Optical Instruments', 'Pier Optics', 'Shenzhen Harbour Optics', 'HOC']);
    expect(el?.ambiguous).toEqual([{ name: 'HOC', reason: 'short-acronym' }]);
    expect(el?.provenance).toEqual(['consolidated.json']);
    const dpl = r.bundle.entries.find((e) => e.list === 'DPL');
    expect(dpl?.addresses).toHaveLength(2); // two rows of one person
    expect(parseBundle(JSON.parse(JSON.stringify(r.bundle))).ok).toBe(true);
  });
  it('converts the official CSV, dated by the day of the conversion', () => {
    const text = fixture('raw-mini/csl.csv').split('\n').filter((l, i) => i !== 1 && !l.startsWith('"s9"')).join('\n');
    const r = detectAndConvert(text, 'csl.csv', { today: '2026-11-28' });
    expect(r.ok && r.kind).toBe('csl-csv');
    expect(r.ok && r.bundle.dataDate).toBe('2026-11-28');
    expect(r.ok && r.bundle.entries.map((e) => e.name)).toContain('Multiline Name Co.');
  });
  it('passes a bundle through its check', () => {
    const r = detectAndConvert(JSON.stringify(good()), 'bundle.json');
    expect(r.ok && r.kind).toBe('bundle');
    const bad = detectAndConvert(JSON.stringify({ ...good(), dataDate: 'soon' }), 'bundle.json');
    expect(bad).toMatchObject({ ok: false, file: 'bundle.json', error: 'bundle.json: not a valid bundle: dataDate: must be YYYY-MM-DD' });
  });
  it('returns an error naming the file and the place for bad input', () => {
    expect(detectAndConvert('', 'e.json')).toMatchObject({ ok: false, error: 'e.json: the file is empty' });
    expect(detectAndConvert('{\n "results": [x]}', 'bad.json')).toMatchObject({ ok: false, place: 'line 2, column 14' });
    expect(detectAndConvert('{"results": [', 'cut.json')).toMatchObject({ ok: false, place: 'cut short at the end, line 1' });
    expect(detectAndConvert('{"weather": "fine"}', 'w.json')).toMatchObject({ ok: false, error: expect.stringContaining('not a CSL file') });
    expect(detectAndConvert('{"results": [{"name": "X"}]}', 'n.json')).toMatchObject({ ok: false, place: 'results[0]', error: expect.stringContaining('no list entries found (first skipped: no source list)') });
    expect(detectAndConvert('a,b\n1,2\n', 'cols.csv')).toMatchObject({ ok: false, place: 'line 1', error: 'cols.csv (line 1): missing columns: source, name' });
    expect(detectAndConvert('_id,source,name\n"1","Entity List (EL) - Bureau', 'cut.csv')).toMatchObject({ ok: false, place: 'line 2' });
  });
});
