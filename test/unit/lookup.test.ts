import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { boundedDistance, createLookup } from '../../src/core/lookup';
import type { Bundle } from '../../src/core/model';

const bundle = JSON.parse(readFileSync(new URL('../fixtures/matcher/small-bundle.json', import.meta.url), 'utf8')) as Bundle;
const lookup = createLookup(bundle.entries);
const top = (query: string): string | undefined => lookup.search(query)[0]?.entry.id;

describe('look-up', () => {
  it('finds names whatever their case and diacritics', () => {
    expect(top('nso group')).toBe('EL-nso');
    expect(top('SKODA export')).toBe('EL-skoda');
    expect(top('Škoda')).toBe('EL-skoda');
  });
  it('answers as the user types: the last word may be a prefix', () => {
    expect(top('Cand')).toBe('EL-candiru');
    expect(top('Computer Secu')).toBe('EL-coseinc');
    expect(lookup.search('Computer Secu')[0]?.score).toBeLessThan(1);
  });
  it('forgives up to two typos in a long word, one in a short word, none in a very short one', () => {
    expect(top('Candriu')).toBe('EL-candiru'); // transposition
    expect(top('Positiv Tecnologies')).toBe('EL-pt');
    expect(top('Computr Securty Initiative')).toBe('EL-coseinc');
    expect(top('Hauwei')).toBe('EL-huawei');
    expect(top('NSX Group')).toBeUndefined();
  });
  it('ignores word order and missing or extra legal forms', () => {
    expect(top('Technologies Positive')).toBe('EL-pt');
    expect(top('Computer Security Initiative Consultancy')).toBe('EL-coseinc');
    expect(top('Saito Tech')).toBe('EL-candiru');
    expect(top('NSO Group Ltd')).toBe('EL-nso');
    expect(top('Pozitiv Teknolodzhiz')).toBe('SDN-pt');
  });
  it('finds a name by its bracketed part, and without it', () => {
    expect(top('Russian Technologies State Corporation')).toBe('EL-rostec');
    expect(top('Microelectronic Production Complex')).toBe('EL-mpk');
  });
  it('puts the Entity List first among equally good answers', () => {
    expect(lookup.search('Positive Technologies').map((r) => r.entry.id)).toEqual(['EL-pt', 'SDN-pt']);
  });
  it('returns the name or alias that matched', () => {
    const r = lookup.search('DF Associates')[0];
    expect(r?.entry.name).toBe('Candiru');
    expect(r?.matchedName).toBe('DF Associates Ltd.');
  });
  it('finds native-script names and reads "&" as "and"', () => {
    expect(top('华为')).toBe('EL-huawei');
    expect(top('Ростех')).toBe('EL-rostec');
    expect(top('Smith and Wesson')).toBe('EL-smith');
  });
  it('ranks the fuller match first, scores within 0..1, and honours the limit', () => {
    const results = lookup.search('Huawei');
    expect(results.map((r) => r.entry.id).slice(0, 2)).toEqual(['EL-huawei', 'EL-huawei-berlin']);
    for (const r of results) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(lookup.search('Huawei', 1)).toHaveLength(1);
  });
  it('gives nothing for an empty query or a word in no name', () => {
    expect(lookup.search('')).toEqual([]);
    expect(lookup.search(' ,. ')).toEqual([]);
    expect(lookup.search('Zyxwvut')).toEqual([]);
  });
  it('filters entries with include', () => {
    const dplOnly = createLookup(bundle.entries, { include: (e) => e.list === 'DPL' });
    expect(dplOnly.search('Pegasus').map((r) => r.entry.id)).toEqual(['DPL-pegasus']);
    expect(dplOnly.search('NSO Group')).toEqual([]);
  });
});

describe('bounded edit distance', () => {
  it('counts insertions, deletions, substitutions and transpositions, and stops past the bound', () => {
    expect(boundedDistance('candiru', 'candiru', 2)).toBe(0);
    expect(boundedDistance('candriu', 'candiru', 2)).toBe(1);
    expect(boundedDistance('cndiru', 'candiru', 2)).toBe(1);
    expect(boundedDistance('kandiro', 'candiru', 2)).toBe(2);
    expect(boundedDistance('xyz', 'candiru', 2)).toBe(3);
    expect(boundedDistance('abcdefgh', 'hgfedcba', 2)).toBe(3);
  });
});

describe('look-up on the embedded list', () => {
  const real = JSON.parse(readFileSync(new URL('../../extension/data/bundle.json', import.meta.url), 'utf8')) as Bundle;
  const realLookup = createLookup(real.entries);
  it('puts the party listed under the typed name before one that only carries it as an alias', () => {
    // "Positive Technologies" is its own Entity List entry, and also an a.k.a. of AO Pozitiv Teknolodzhiz.
    const [first] = realLookup.search('Technologies Positive');
    expect(first?.entry.name).toBe('Positive Technologies');
    expect(first?.matchedName).toBe('Positive Technologies');
  });
});
