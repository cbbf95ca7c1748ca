import { describe, expect, it } from 'vitest';
import { LIST_CODES } from '../../src/core/model';
import {
  LIST_INFO,
  countryName,
  federalRegisterCitations,
  federalRegisterLink,
  formatCount,
  formatDate,
  listFullName,
  safeHttpUrl,
} from '../../src/shared/list-info';

describe('federalRegisterLink', () => {
  it('links a plain citation to the govinfo link service', () => {
    expect(federalRegisterLink('86 FR 60759')).toBe('https://www.govinfo.gov/link/fr/86/60759');
  });

  it('accepts the spellings found in the CSL', () => {
    expect(federalRegisterLink('76 F.R. 12318')).toBe('https://www.govinfo.gov/link/fr/76/12318');
    expect(federalRegisterLink('88 F.R.30078')).toBe('https://www.govinfo.gov/link/fr/88/30078');
    expect(federalRegisterLink('81.F.R. 22575 4/18/2016')).toBe('https://www.govinfo.gov/link/fr/81/22575');
    expect(federalRegisterLink('75 Fed. Reg. 28,404')).toBe('https://www.govinfo.gov/link/fr/75/28404');
  });

  it('gives nothing for text that is not a citation, or for several citations', () => {
    expect(federalRegisterLink('Vol. 81, No. 50, 03/15/2016')).toBeUndefined();
    expect(federalRegisterLink('')).toBeUndefined();
    expect(federalRegisterLink('63 FR 64322; 65 FR 14444')).toBeUndefined();
  });
});

describe('federalRegisterCitations', () => {
  it('picks every citation out of a notice field, in order', () => {
    const found = federalRegisterCitations('66 FR 24267, 77 FR 58006 (no. 182); 84 FR 40241');
    expect(found.map((c) => [c.text, c.volume, c.page])).toEqual([
      ['66 FR 24267', 66, 24267],
      ['77 FR 58006', 77, 58006],
      ['84 FR 40241', 84, 40241],
    ]);
    expect(found[2]?.url).toBe('https://www.govinfo.gov/link/fr/84/40241');
  });

  it('does not take dates for citations', () => {
    const found = federalRegisterCitations('73 FR 54503 (9/22/08), 76 FR 50407 (08/15/2011)');
    expect(found.map((c) => c.page)).toEqual([54503, 50407]);
  });
});

describe('formatDate', () => {
  it('writes ISO dates out in words', () => {
    expect(formatDate('2021-11-04')).toBe('November 4, 2021');
    expect(formatDate('2023-11')).toBe('November 2023');
    expect(formatDate('2026-08-01T10:00:00.000Z')).toBe('August 1, 2026');
  });

  it('returns what it cannot read unchanged, and nothing for nothing', () => {
    expect(formatDate('sometime in 2019')).toBe('sometime in 2019');
    expect(formatDate('2021-02-30')).toBe('2021-02-30');
    expect(formatDate(undefined)).toBe('');
  });
});

describe('countryName', () => {
  it('names a country from its ISO code', () => {
    expect(countryName('IL')).toBe('Israel');
    expect(countryName('ru')).toBe('Russia');
  });

  it('keeps codes it cannot read', () => {
    expect(countryName('Israel')).toBe('Israel');
    expect(countryName('')).toBe('');
  });
});

describe('safeHttpUrl', () => {
  it('keeps http and https links only', () => {
    expect(safeHttpUrl('https://www.bis.doc.gov/x')).toBe('https://www.bis.doc.gov/x');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,hi')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });
});

describe('list descriptions', () => {
  it('describe every list code and the organisation list', () => {
    for (const code of [...LIST_CODES, 'CUSTOM' as const]) {
      const info = LIST_INFO[code];
      expect(info.meaning.length).toBeGreaterThan(40);
      expect(info.short.length).toBeGreaterThan(0);
    }
  });

  it('prefer the name from the data, falling back to the CSL name', () => {
    expect(listFullName('EL')).toBe('Entity List (EL) - Bureau of Industry and Security');
    expect(listFullName('CUSTOM', 'Acme restricted parties')).toBe('Acme restricted parties');
    expect(listFullName('CUSTOM', '')).toBe("Your organisation's list");
  });

  it('format counts with thousands separators', () => {
    expect(formatCount(3420)).toBe('3,420');
  });
});
