import { describe, expect, it } from 'vitest';
import { parseDplText } from '../../../src/core/list/dpl';
import { parseKaist } from '../../../src/core/list/kaist';
import { parseSdnLegacy } from '../../../src/core/list/sdn-legacy';
import { parseSpyware } from '../../../src/core/list/spyware';
import { miniRaw } from './helpers';

describe('Entity List name index', () => {
  const { entries, rows } = parseKaist(JSON.parse(miniRaw().kaist), 'kaist.json');
  it('keeps EL and MEU records only, with names, native names, aliases and countries', () => {
    expect(rows).toEqual({ EL: 6, MEU: 1 });
    expect(entries.find((e) => e.id === 'EL-rpl-a4')).toEqual({
      id: 'EL-rpl-a4', list: 'EL', listName: 'Entity List (EL) - Bureau of Industry and Security', type: 'entity',
      name: 'Huawei Technologies Co., Ltd. (Huawei)', aliases: ['Huawei Technology', 'Huawei'], nativeNames: ['华为'], countries: ['CN'], provenance: ['kaist.json'],
    });
    expect(entries.find((e) => e.list === 'MEU')?.name).toBe('Example Aviation Plant');
    expect(entries.some((e) => e.name === 'Not Ours')).toBe(false);
  });
  it('splits native names joined by a slash into names of their own', () => {
    const record = { list_id: 'us-bis-entity-list', kaist_id: 'x', name: 'Example Semiconductor Corporation', name_native: '样例半导体有限公司 / 样例' };
    expect(parseKaist({ records: [record] }, 'k.json').entries[0]?.nativeNames).toEqual(['样例半导体有限公司', '样例']);
  });
  it('names the record that breaks the format', () => {
    expect(() => parseKaist({ records: [{ list_id: 'us-bis-entity-list', kaist_id: 'x' }] }, 'k.json')).toThrow('k.json (records[0].name): a record has no name');
    expect(() => parseKaist([], 'k.json')).toThrow('k.json (top level)');
  });
});

describe('OFAC legacy SDN files', () => {
  const entries = parseSdnLegacy(miniRaw().sdn, 'sdn');
  it('joins names, other names, addresses and overflow remarks by entity number', () => {
    expect(entries.map((e) => [e.id, e.type])).toEqual([['SDN-31455', 'entity'], ['SDN-36', 'entity'], ['SDN-2674', 'individual']]);
    expect(entries[0]).toMatchObject({ programs: ['NPWMD', 'CYBER2'], aliases: ['JSC POSITIVE TECHNOLOGIES'], remarks: 'Website www.ptsecurity.ru.' });
    expect(entries[1]).toMatchObject({ addresses: ['Havana, Cuba'], aliases: ['AERO-CARIBBEAN'] });
    expect(entries[2]?.remarks).toBe('DOB 10 Dec 1948. Born in Safed.');
    expect(entries[1]?.title).toBeUndefined(); // "-0-" is empty, not a value
  });
  it('names the line of a broken row', () => {
    expect(() => parseSdnLegacy({ sdn: '12,"X",-0-\n', alt: '', add: '' }, 'sdn')).toThrow('sdn/sdn.csv (line 1): expected 12 fields, found 3');
  });
});

describe('Denied Persons List text file', () => {
  it('makes one entry per name, with every address', () => {
    const entries = parseDplText(miniRaw().dpl, 'dpl.txt');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      name: 'JOHN EXAMPLE', type: 'individual', startDate: '2020-01-01', endDate: '2030-01-01', federalRegisterNotice: '85 F.R. 100 1/5/20',
      addresses: ['1 Main St, Reno, NV, 89501, US', '2 Side St, Reno, NV, 89502, US'], countries: ['US'],
    });
    expect(entries[1]).toMatchObject({ name: 'ACME EXPORT CORP.', type: 'entity' });
    expect(entries[1]?.endDate).toBeUndefined();
  });
  it('names missing columns', () => {
    expect(() => parseDplText('"Name"\t"City"\n"X"\t"Y"\n', 'dpl.txt')).toThrow(/dpl\.txt \(line 1\): missing columns: Street_Address/);
  });
});

describe('2021-24123 spyware rule record', () => {
  it('gives reasons, dates, licence terms and the Federal Register document, with the unconfirmed citation noted', () => {
    const [nso] = parseSpyware(JSON.parse(miniRaw().spyware), 'spyware.json');
    expect(nso).toEqual({
      name: 'NSO Group',
      fields: {
        federalRegisterDocument: {
          documentNumber: '2021-24123', title: 'Addition of Certain Entities to the Entity List',
          url: 'https://www.federalregister.gov/documents/2021/11/04/2021-24123/addition-of-certain-entities-to-the-entity-list', publicationDate: '2021-11-04',
        },
        startDate: '2021-11-04',
        licenseRequirement: 'For all items subject to the EAR.',
        licensePolicy: 'Presumption of denial.',
        federalRegisterNotice: '86 FR 60759',
        remarks: 'Federal Register citation 86 FR 60759: Not confirmed by a primary source.',
        reason: { text: 'Developed and supplied spyware.', source: 'https://example.org/reason', basis: '15 CFR 744.11(b)' },
      },
    });
  });
  it('refuses another file', () => {
    expect(() => parseSpyware({ results: [] }, 's.json')).toThrow('s.json (top level)');
  });
});
