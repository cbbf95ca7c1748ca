import { describe, expect, it } from 'vitest';
import { collapseSameName, joinDetails, nameKey, preferNewer } from '../../../src/core/list/merge';
import { buildFromRaw } from '../../../src/core/list/raw';
import { parseBundle } from '../../../src/core/list/bundle';
import type { Entry } from '../../../src/core/model';
import { isCommon, miniRaw } from './helpers';

const e = (id: string, name: string, more: Partial<Entry> = {}): Entry => ({ id, list: 'EL', listName: 'EL', type: 'entity', name, ...more });

describe('merging rules', () => {
  it('joins on names that differ only in case, punctuation and spacing', () => {
    expect(nameKey('Computer Security Initiative Consultancy PTE. LTD.')).toBe(nameKey('computer security initiative consultancy pte ltd'));
    expect(nameKey('Société Générale')).toBe(nameKey('Societe  Generale'));
  });
  it('adds details to the member a name or alias meets, never overwriting, and returns the rest', () => {
    const member = e('EL-1', 'Orbit FZE', { aliases: ['Orbit General Trading'], countries: ['AE'] });
    const stats = joinDetails([member], [
      e('EL-c2', 'Orbit Trading LLC', { aliases: ['Orbit General Trading'], countries: ['AE', 'OM'], startDate: '2016-06-22' }),
      e('EL-c3', 'Gone Away Ltd.'),
    ]);
    expect(stats).toMatchObject({ joined: 1, enriched: 1 });
    expect(stats.unjoined.map((u) => u.id)).toEqual(['EL-c3']);
    expect(member).toMatchObject({ id: 'EL-1', name: 'Orbit FZE', countries: ['AE', 'OM'], startDate: '2016-06-22' });
  });
  it('prefers the newer entry of the same id and adds the older ones it lacks', () => {
    const { entries, added } = preferNewer([e('SDN-1', 'NEW', { remarks: 'new' })], [e('SDN-1', 'OLD', { remarks: 'old', title: 't' }), e('SDN-2', 'OTHER')]);
    expect(added).toBe(1);
    expect(entries[0]).toMatchObject({ name: 'NEW', remarks: 'new', title: 't' });
  });
  it('folds same-name rows of name-keyed lists only', () => {
    const rows = [e('EL-1', 'Arsenal', { countries: ['RU'] }), e('EL-2', 'ARSENAL', { countries: ['BY'] }), { ...e('SDN-3', 'X'), list: 'SDN' as const }, { ...e('SDN-4', 'X'), list: 'SDN' as const }];
    const { entries, folded } = collapseSameName(rows);
    expect(folded).toBe(1);
    expect(entries.map((x) => x.id)).toEqual(['EL-1', 'SDN-3', 'SDN-4']);
    expect(entries[0]?.countries).toEqual(['RU', 'BY']);
  });
});

describe('the embedded snapshot from raw files', () => {
  const { bundle, log, report } = buildFromRaw(miniRaw(), isCommon, '2026-11-28T00:00:00.000Z');
  const byName = (name: string, list = 'EL'): Entry | undefined => bundle.entries.find((x) => x.name === name && x.list === list);

  it('makes a valid bundle dated by its newest source', () => {
    expect(parseBundle(JSON.parse(JSON.stringify(bundle))).ok).toBe(true);
    expect(bundle).toMatchObject({ format: 1, dataDate: '2026-08-18', origin: 'embedded snapshot', builtAt: '2026-11-28T00:00:00.000Z' });
    expect(bundle.counts).toEqual({ EL: 5, MEU: 1, SDN: 3, DPL: 2, UVL: 1 }); // SDN 11476 is the cut-off row
  });
  it('keeps the name index as EL membership, adds CSL details to joined members, leaves out the rest', () => {
    expect(byName('Fazal Rahim Farid')).toMatchObject({
      id: 'EL-rpl-a1', federalRegisterNotice: '76 FR 71867', startDate: '2011-11-21', aliases: ['Farid', 'Fazel Rahim Farid', 'Engineer Idris'],
      provenance: ['bis_entity_list_names_kaist_2026-08.json', 'csl_partial_2023-11.csv'],
    });
    expect(byName('Orbit FZE')?.licensePolicy).toBe('Case-by-case review.');
    expect(byName('Gone Away Ltd.')).toBeUndefined();
    expect(log.join('\n')).toContain('2 of 3 CSL rows joined');
    expect(byName('Arsenal')?.countries).toEqual(['RU', 'BY']);
  });
  it('adds the spyware rule to its EL entry only', () => {
    const nso = byName('NSO Group');
    expect(nso?.reason?.basis).toBe('15 CFR 744.11(b)');
    expect(nso?.federalRegisterDocument?.documentNumber).toBe('2021-24123');
    expect(nso?.remarks).toMatch(/86 FR 60759: Not confirmed/);
    expect(bundle.entries.filter((x) => x.reason)).toHaveLength(1);
  });
  it('dedupes SDN by entity number, the CSL row first, and adds the older rows it lacks', () => {
    const pt = bundle.entries.filter((x) => x.id === 'SDN-31455');
    expect(pt).toHaveLength(1);
    expect(pt[0]).toMatchObject({ programs: ['CYBER2', 'RUSSIA-EO14024', 'NPWMD'], addresses: ['d. 23A, Moscow, RU'] });
    expect(bundle.entries.find((x) => x.id === 'SDN-36')?.name).toBe('AEROCARIBBEAN AIRLINES');
  });
  it('merges DPL rows by name and cleans and marks every entry', () => {
    expect(byName('JOHN EXAMPLE', 'DPL')?.addresses).toEqual(['1 Main St, Reno, NV, 89501, US', '2 Side St, Reno, NV, 89502, US']);
    expect(byName('Multiline Name Co.', 'UVL')).toBeDefined();
    expect(byName('Arsenal')?.aliases).toEqual(['M/S ARSENAL']);
    expect(byName('Arsenal')?.ambiguous).toEqual([{ name: 'Arsenal', reason: 'common-word' }]);
    expect(report.cleaned.counts.get('bracketed note dropped (not a name)')).toBe(1);
  });
  it('names the raw file that breaks', () => {
    expect(() => buildFromRaw({ ...miniRaw(), kaist: '{"records": [' }, isCommon)).toThrow(/bis_entity_list_names_kaist_2026-08\.json \(cut short at the end, line 1\)/);
  });
});
