import { describe, expect, it } from 'vitest';
import { commonWordsFromBundle, markAmbiguous } from '../../../src/core/list/ambiguity';
import { akaNames, cleanAliases, newReport, parentheticalShortNames, splitAliasField, tidyName } from '../../../src/core/list/clean';
import { finishEntries } from '../../../src/core/list/finish';
import type { Entry } from '../../../src/core/model';
import { isCommon } from './helpers';

const entry = (name: string, aliases?: string[]): Entry => ({ id: `EL-${name}`, list: 'EL', listName: 'Entity List', type: 'entity', name, ...(aliases ? { aliases } : {}) });

describe('alias splitting', () => {
  it('splits ;-separated fields and drops the "and" of a closing "…; and X"', () => {
    expect(splitAliasField('Fazel Rahim Farid; Farid; and Engineer Idris')).toEqual(['Fazel Rahim Farid', 'Farid', 'Engineer Idris']);
    expect(splitAliasField('Andromeda Systems')).toEqual(['Andromeda Systems']);
    expect(splitAliasField('')).toEqual([]);
  });
  it('splits a.k.a. and f.k.a. names, bracketed or not', () => {
    expect(akaNames('Yichang Testing Technology Research Institute a.k.a. Yichang Institute of Testing Technology')).toEqual([
      'Yichang Testing Technology Research Institute',
      'Yichang Institute of Testing Technology',
    ]);
    expect(akaNames('Thermal Processing Technology Research Institute, a.k.a., Hot Working Technology Research Institute.')).toEqual([
      'Thermal Processing Technology Research Institute',
      'Hot Working Technology Research Institute',
    ]);
    expect(akaNames('LTS Holding Limited (f.k.a. IPP-International Petroleum Products Ltd.)')).toEqual(['LTS Holding Limited', 'IPP-International Petroleum Products Ltd.']);
    expect(akaNames('PEARL (A.K.A. NEI-CHIEN CHU) LI')).toEqual(['PEARL LI', 'NEI-CHIEN CHU']);
    expect(akaNames('Southwest Institute of Nuclear Physics and Chemistry (a.k.a., China Academy of Engineering Physics (CAEP)\'s 902 Institute)')).toEqual([
      'Southwest Institute of Nuclear Physics and Chemistry',
      "China Academy of Engineering Physics (CAEP)'s 902 Institute",
    ]);
    expect(akaNames('Akademia Trading')).toEqual([]);
  });
  it('takes a trailing bracketed short name, not a place or a legal form', () => {
    expect(parentheticalShortNames('Huawei Technologies Co., Ltd. (Huawei)')).toEqual(['Huawei']);
    expect(parentheticalShortNames('Zhukovskiy Central Aerohydrodynamics Institute (TsAGI)')).toEqual(['TsAGI']);
    expect(parentheticalShortNames('BGI Tech Solutions (Hongkong) Co., Ltd')).toEqual([]);
    expect(parentheticalShortNames('Foo Trading (Shenzhen)')).toEqual([]);
    expect(parentheticalShortNames('Milandr (OOO)')).toEqual([]);
    expect(parentheticalShortNames('KIEV TRADING (KIEV)')).toEqual([]); // all capitals: no evidence either way
  });
});

describe('cleaning', () => {
  it('tidies whitespace, markup and the lost quotes of the CSL excerpt', () => {
    expect(tidyName('  Lugansk  People?s\nRepublic ')).toBe("Lugansk People's Republic");
    expect(tidyName('JSC ?Almaz-Antey? MSDB')).toBe("JSC 'Almaz-Antey' MSDB");
    expect(tidyName('Acme <b>Trading</b>\u200b')).toBe('Acme Trading');
    expect(tidyName('Who? Me?')).toBe('Who? Me?');
  });
  it('drops what is plainly wrong and counts it', () => {
    const report = newReport();
    const out = cleanAliases('Chinese Academy of Engineering Physics', [
      'and', ' Ninth  Academy ', 'Ninth Academy', 'and Southwest Computing Center', '(all of preceding located in or near Mianyang)',
      'chinese academy of engineering physics', 'Alpha Institute a.k.a. Beta Institute', '',
    ], report);
    expect(out).toEqual(['Ninth Academy', 'Southwest Computing Center', 'Alpha Institute', 'Beta Institute']);
    const counts = Object.fromEntries(report.cleaned.counts);
    expect(counts).toMatchObject({
      'split artefact alias dropped': 1,
      'duplicate alias dropped': 1,
      '"and X" split artefact: "and" dropped': 1,
      'bracketed note dropped (not a name)': 1,
      'alias equal to the name dropped': 1,
      'a.k.a. alias split': 1,
    });
  });
  it('adds the a.k.a. parts of a main name as aliases, keeping the name as listed', () => {
    const [e] = finishEntries([entry('Chitron Electronics Company Ltd., a.k.a. Chi-Chung Electronics Company Ltd.')], () => false, newReport());
    expect(e?.name).toBe('Chitron Electronics Company Ltd., a.k.a. Chi-Chung Electronics Company Ltd.');
    expect(e?.aliases).toEqual(['Chitron Electronics Company Ltd.', 'Chi-Chung Electronics Company Ltd.']);
  });
  it('gives repeated ids a suffix and leaves absent fields absent', () => {
    const out = finishEntries([entry('Alpha'), entry('Alpha', [])], () => false, newReport());
    expect(out.map((e) => e.id)).toEqual(['EL-Alpha', 'EL-Alpha~2']);
    expect('aliases' in (out[1] as object)).toBe(false);
    expect('ambiguous' in (out[0] as object)).toBe(false);
  });
});

describe('ambiguity marks', () => {
  it('marks short acronyms, common words and phrases, also without the legal form', () => {
    const report = newReport();
    const marks = markAmbiguous(entry('Positive Technologies', ['MOD', 'Arsenal', 'UNITED COMPANY OJSC', 'Candiru Ltd.', 'Ministry of Defense']), isCommon, report);
    expect(marks).toEqual([
      { name: 'Positive Technologies', reason: 'common-phrase' },
      { name: 'MOD', reason: 'short-acronym' },
      { name: 'Arsenal', reason: 'common-word' },
      { name: 'united', reason: 'common-word' },
    ]);
    expect(report.ambiguous.counts.get('short-acronym')).toBe(1);
    expect(report.ambiguous.counts.get('common-word once the legal form is dropped')).toBe(1);
  });
  it('leaves distinctive names unmarked', () => {
    expect(markAmbiguous(entry('NSO Group', ['Candiru', 'COSEINC']), isCommon, newReport())).toEqual([]);
  });
  it('can judge downloads by the words the embedded bundle marked', () => {
    const embedded = { entries: [{ ...entry('Arsenal'), ambiguous: [{ name: 'Positive Technologies', reason: 'common-phrase' as const }, { name: 'MPK', reason: 'short-acronym' as const }] }] };
    const common = commonWordsFromBundle(embedded);
    expect(common('Positive')).toBe(true);
    expect(common('technologies')).toBe(true);
    expect(common('MPK')).toBe(false);
    expect(common('Huawei')).toBe(false);
  });
  it('marks a one-word name that English knows, however rarely, and carries the mark to downloads', () => {
    const isCommon = Object.assign((w: string) => w.toLowerCase() === 'arsenal', { isKnownWord: (w: string) => ['candiru', 'arsenal'].includes(w.toLowerCase()) });
    expect(markAmbiguous(entry('Candiru', ['Huawei']), isCommon, newReport())).toEqual([{ name: 'Candiru', reason: 'known-word' }]);
    expect(markAmbiguous(entry('Arsenal'), isCommon, newReport())).toEqual([{ name: 'Arsenal', reason: 'common-word' }]);
    const fromBundle = commonWordsFromBundle({ entries: [{ ...entry('Candiru'), ambiguous: [{ name: 'Candiru', reason: 'known-word' as const }] }] });
    expect(fromBundle.isKnownWord?.('candiru')).toBe(true);
    expect(fromBundle.isKnownWord?.('Huawei')).toBe(false);
    expect(fromBundle('candiru')).toBe(false);
  });
});
