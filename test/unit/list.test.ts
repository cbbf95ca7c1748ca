import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectAndConvert, parseBundle } from '../../src/core/list/bundle';
import { parseCslCsv, parseCslJson, listCodeOfSource, guessType } from '../../src/core/list/csl';
import { cleanAliases, markAmbiguous, newReport, parentheticalShortNames, splitAliasField } from '../../src/core/list/clean';
import { parseDelimited } from '../../src/core/list/csv';
import { ListFileError } from '../../src/core/list/errors';
import type { Entry } from '../../src/core/model';

const json = readFileSync(new URL('../fixtures/lists/consolidated-small.json', import.meta.url), 'utf8');
const HEADER = '_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids';
const ROW = '"x1","Entity List (EL) - Bureau of Industry and Security","","","","Example Optics Co., Ltd. (EOC)","","1 Harbour Road, Shenzhen, CN","89 FR 12345","2024-02-20","","","For all items subject to the EAR.","Presumption of denial.","","","","","","","","https://example.gov/el","Example Optical Instruments; and Shenzhen Example Optics","","","","","",""';

describe('official CSL conversion', () => {
  it('reads consolidated.json results into entries with every field the data has', () => {
    const { entries, skipped } = parseCslJson(JSON.parse(json), 'consolidated.json');
    expect(skipped).toEqual([]);
    const el = entries[0] as Entry;
    expect(el).toMatchObject({
      id: 'EL-a1b2c3', list: 'EL', type: 'entity', name: 'Example Optics Co., Ltd.',
      federalRegisterNotice: '89 FR 12345', startDate: '2024-02-20', licensePolicy: 'Presumption of denial.',
      countries: ['CN'], addresses: ['1 Harbour Road, Shenzhen, 518000, CN'],
      aliases: ['Example Optical Instruments', 'EOC', 'Shenzhen Example Optics'],
    });
    expect(el.reason).toBeUndefined(); // never invented
    expect(entries[2]).toMatchObject({ list: 'SDN', type: 'individual', name: 'DOE, John' });
  });
  it('reads the official CSV, skipping a repeated header and a cut-off row', () => {
    const text = `${HEADER}\n${HEADER}\n${ROW}\n"x2","Entity List (EL) - Bureau`;
    const { entries, skipped } = parseCslCsv(text, 'csl.csv', true);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.aliases).toEqual(['Example Optical Instruments', 'Shenzhen Example Optics', 'EOC']);
    expect(skipped).toEqual([]);
  });
  it('names the file and line of a CSV that breaks off inside quotes', () => {
    expect(() => parseCslCsv(`${HEADER}\n${ROW}\n"x2","Entity`, 'csl.csv')).toThrow(/csl\.csv \(line 3\)/);
  });
  it('names missing columns', () => {
    expect(() => parseCslCsv('a,b\n1,2', 'bad.csv')).toThrow(/missing columns: source, name/);
  });
  it('knows every list by its CSL source name', () => {
    expect(listCodeOfSource('Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department')).toBe('MBS');
    expect(listCodeOfSource('Military End User (MEU) List - Bureau of Industry and Security')).toBe('MEU');
    expect(listCodeOfSource('Something else')).toBeUndefined();
  });
  it('guesses types where the source gives none', () => {
    expect(guessType('Fazal Rahim Farid', 'EL')).toBe('individual');
    expect(guessType('NSO Group', 'EL')).toBe('entity');
    expect(guessType('Candiru', 'EL')).toBe('entity');
    expect(guessType('AARON ABRAHAM VILLA', 'DPL')).toBe('individual');
  });
});

describe('cleaning and ambiguity', () => {
  it('splits alias fields and drops "and" artefacts', () => {
    expect(splitAliasField('Fazel Rahim Farid; Farid; and Engineer Idris')).toEqual(['Fazel Rahim Farid', 'Farid', 'Engineer Idris']);
    const report = newReport();
    expect(cleanAliases('X', ['and', ' Y ', 'Y', 'X'], report)).toEqual(['Y']);
    expect(report.cleaned.get('split artefact alias dropped')).toBe(1);
  });
  it('takes trailing parenthetical short names, not places', () => {
    expect(parentheticalShortNames('Huawei Technologies Co., Ltd. (Huawei)')).toEqual(['Huawei']);
    expect(parentheticalShortNames('Zhukovskiy Central Aerohydrodynamics Institute (TsAGI)')).toEqual(['TsAGI']);
    expect(parentheticalShortNames('BGI Tech Solutions (Hongkong) Co., Ltd')).toEqual([]);
    expect(parentheticalShortNames('Foo Trading (Shenzhen)')).toEqual([]);
  });
  it('marks short acronyms, common words and common phrases', () => {
    const common = (w: string): boolean => ['arsenal', 'positive', 'technologies', 'united'].includes(w.toLowerCase());
    const e: Entry = { id: '1', list: 'EL', listName: '', type: 'entity', name: 'Positive Technologies', aliases: ['MOD', 'Arsenal', 'UNITED COMPANY OJSC'] };
    expect(markAmbiguous(e, common, newReport())).toEqual([
      { name: 'Positive Technologies', reason: 'common-phrase' },
      { name: 'MOD', reason: 'short-acronym' },
      { name: 'Arsenal', reason: 'common-word' },
      { name: 'united', reason: 'common-word' },
    ]);
  });
});

describe('bundles', () => {
  it('accepts a converted bundle and rejects bad shapes with the place', () => {
    const bundle = detectAndConvert(json, 'consolidated.json', { origin: 'test', today: '2026-11-28' });
    expect(parseBundle(JSON.parse(JSON.stringify(bundle))).ok).toBe(true);
    expect(parseBundle({ ...bundle, entries: [{ id: 'x' }] })).toEqual({ ok: false, error: 'entries[0]: unknown list "undefined"' });
    expect(parseBundle({ ...bundle, format: 2 }).ok).toBe(false);
    expect(parseBundle([]).ok).toBe(false);
    const dup = { ...bundle, entries: [bundle.entries[0], bundle.entries[0]] };
    expect(parseBundle(dup)).toMatchObject({ ok: false, error: expect.stringContaining('duplicate id') });
  });
  it('names the line and column of a JSON syntax error', () => {
    expect(() => detectAndConvert('{\n "results": [x]}', 'bad.json', { origin: 't', today: '2026-11-28' })).toThrow(/bad\.json \(line 2, column \d+\)/);
  });
  it('refuses empty files, malformed JSON and files that are not lists', () => {
    const meta = { origin: 't', today: '2026-11-28' };
    expect(() => detectAndConvert('  ', 'empty.json', meta)).toThrow(ListFileError);
    expect(() => detectAndConvert('{"results": [', 'cut.json', meta)).toThrow(/cut\.json \(cut short at the end, line 1\): malformed JSON/);
    expect(() => detectAndConvert('{"hello": 1}', 'other.json', meta)).toThrow(/not a CSL file/);
    expect(() => detectAndConvert('{"results": []}', 'none.json', meta)).toThrow(/no list entries/);
  });
  it('reads quoted tab-separated files with line numbers', () => {
    expect(parseDelimited('"a"\t"b"\n"c\nd"\t"e"\n', 'f', '\t')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c\nd', 'e'] },
    ]);
  });
});
