import { describe, expect, it } from 'vitest';
import { cslJsonDataDate, listCodeOfSource, parseCslCsv, parseCslJson } from '../../../src/core/list/csl';
import { guessType, typeFromCsl } from '../../../src/core/list/entry-type';
import { LIST_CODES, LIST_NAMES } from '../../../src/core/model';
import { fixture } from './helpers';

describe('official consolidated.json', () => {
  const value = JSON.parse(fixture('consolidated-sample.json')) as unknown;
  const { entries, skipped } = parseCslJson(value, 'consolidated.json');

  it('turns each record into an entry with every field the record has, and nothing more', () => {
    expect(entries[0]).toEqual({
      id: 'EL-e1f00d',
      list: 'EL',
      listName: LIST_NAMES.EL,
      type: 'entity',
      name: 'Harbour Optics Co., Ltd. (HOC)',
      aliases: ['Harbour Optical Instruments', 'Pier Optics', 'Shenzhen Harbour Optics', 'and', 'HOC'],
      countries: ['CN', 'HK'],
      addresses: ['1 Harbour Road, Shenzhen, Guangdong, 518000, CN', 'Unit 5, Pier Street, Hong Kong, HK'],
      federalRegisterNotice: '89 FR 12345',
      startDate: '2024-02-20',
      licenseRequirement: 'For all items subject to the EAR. (See §744.11 of the EAR).',
      licensePolicy: 'Presumption of denial.',
      sourceListUrl: 'https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list',
      sourceInformationUrl: 'https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern',
    });
  });
  it('takes types from the type column and ids from the record id', () => {
    expect(entries.find((e) => e.id === 'SDN-7001')).toMatchObject({ type: 'vessel', programs: ['IRAN'], remarks: 'Vessel Registration Identification IMO 9000001.' });
    expect(entries.find((e) => e.id === 'SDN-8002')).toMatchObject({ type: 'individual', title: 'Financier', aliases: ['EXAMPLE, Umar'] });
    expect(entries.find((e) => e.id === 'DPL-d1a')).toMatchObject({ type: 'individual', endDate: '2033-02-01' });
  });
  it('skips records it cannot read, naming them', () => {
    expect(skipped).toEqual([{ place: 'results[5]', reason: 'unknown source list "A List Nobody Publishes"' }]);
  });
  it('reads the data date from sources_used', () => {
    expect(cslJsonDataDate(value)).toBe('2026-11-24');
    expect(cslJsonDataDate({ results: [] })).toBeUndefined();
  });
  it('refuses an object that is not a CSL file', () => {
    expect(() => parseCslJson({ weather: 'fine' }, 'w.json')).toThrow('w.json (top level): not a CSL file');
  });
});

describe('official CSL CSV', () => {
  const { entries, skipped } = parseCslCsv(fixture('raw-mini/csl.csv'), 'csl.csv', true);

  it('reads rows, splitting alias and address fields', () => {
    expect(entries[0]).toMatchObject({
      id: 'EL-c1',
      name: 'Fazal Rahim Farid',
      type: 'individual',
      aliases: ['Fazel Rahim Farid', 'Farid', 'Engineer Idris'],
      addresses: ['House 4, Street 9, Peshawar, PK'],
      countries: ['PK'],
      federalRegisterNotice: '76 FR 71867',
      startDate: '2011-11-21',
    });
    expect(entries.find((e) => e.list === 'UVL')?.name).toBe('Multiline\nName Co.'); // tidied later, in finishEntries
  });
  it('skips the repeated header and the cut-off last row, and says so', () => {
    expect(skipped).toEqual([
      { place: 'line 2', reason: 'the header line repeated' },
      { place: 'line 10', reason: 'row cut short (fewer fields than the header)' },
    ]);
    expect(entries.some((e) => e.name.startsWith('BERMUDEZ'))).toBe(false);
  });
  it('refuses a cut-off file unless told it is known to be cut', () => {
    expect(() => parseCslCsv(fixture('raw-mini/csl.csv'), 'csl.csv')).toThrow(/csl\.csv \(line 10\): a quoted field is never closed/);
  });
});

describe('list names and types', () => {
  it('knows every list by its CSL source name', () => {
    for (const code of LIST_CODES) expect(listCodeOfSource(LIST_NAMES[code])).toBe(code);
    expect(listCodeOfSource('Something else')).toBeUndefined();
  });
  it('guesses a type only where the source gives none', () => {
    expect(typeFromCsl('Aircraft', 'X', 'SDN')).toBe('aircraft');
    expect(typeFromCsl('', 'Fazal Rahim Farid', 'EL')).toBe('individual');
    expect(guessType('NSO Group', 'EL')).toBe('entity');
    expect(guessType('Candiru', 'EL')).toBe('entity');
    expect(guessType('AARON ABRAHAM VILLA', 'DPL')).toBe('individual');
    expect(guessType('ACME EXPORT CORP.', 'DPL')).toBe('entity');
  });
});
