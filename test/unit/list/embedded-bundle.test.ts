/** The bundle the extension ships: valid, and holding the parties the product is built around. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBundle } from '../../../src/core/list/bundle';
import type { Entry } from '../../../src/core/model';
import { ROOT } from './helpers';

const result = parseBundle(JSON.parse(readFileSync(join(ROOT, 'extension/data/bundle.json'), 'utf8')));
if (!result.ok) throw new Error(`extension/data/bundle.json: ${result.error}`);
const { bundle } = result;
const find = (name: string, list: string): Entry => {
  const hits = bundle.entries.filter((e) => e.name === name && e.list === list);
  expect(hits, `${list} ${name}`).toHaveLength(1);
  return hits[0] as Entry;
};

describe('the embedded bundle', () => {
  it('is the snapshot of 2026-08-18 with all 13 lists', () => {
    expect(bundle).toMatchObject({ format: 1, dataDate: '2026-08-18', origin: 'embedded snapshot' });
    expect(Object.keys(bundle.counts).sort()).toEqual(['CAP', 'CMIC', 'DPL', 'DTC', 'EL', 'FSE', 'ISN', 'MBS', 'MEU', 'PLC', 'SDN', 'SSI', 'UVL']);
    expect(bundle.counts.EL).toBeGreaterThan(3000);
    expect(bundle.sources.map((s) => s.file)).toContain('bis_entity_list_names_kaist_2026-08.json');
  });

  const spyware: [string, string[]][] = [
    ['NSO Group', []],
    ['Candiru', ['Candiru Ltd.', 'DF Associates Ltd.', 'Grindavik Solutions Ltd.', 'Taveta Ltd.', 'Saito Tech Ltd.', 'Greenwick Solutions', 'Tabatha Ltd.']],
    ['Positive Technologies', []],
    ['Computer Security Initiative Consultancy PTE. LTD.', ['COSEINC']],
  ];
  for (const [name, aliases] of spyware) {
    it(`has ${name} on the Entity List with the 2021-24123 rule's fields`, () => {
      const e = find(name, 'EL');
      expect(e.aliases ?? []).toEqual(expect.arrayContaining(aliases));
      expect(e).toMatchObject({
        startDate: '2021-11-04',
        federalRegisterNotice: '86 FR 60759',
        licenseRequirement: 'For all items subject to the EAR.',
        licensePolicy: 'Presumption of denial.',
        federalRegisterDocument: { documentNumber: '2021-24123', url: expect.stringContaining('federalregister.gov') },
        reason: { text: expect.any(String), source: expect.stringMatching(/^https:/) },
      });
      expect(e.remarks).toMatch(/86 FR 60759: Not confirmed/);
      expect(e.provenance).toContain('el_additions_2021-11-04_spyware.json');
    });
  }

  it('has Positive Technologies on the SDN list too, with its OFAC details', () => {
    const sdn = find('AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ', 'SDN');
    expect(sdn).toMatchObject({ id: 'SDN-31455', type: 'entity', aliases: expect.arrayContaining(['JSC POSITIVE TECHNOLOGIES']), programs: expect.arrayContaining(['CYBER2']) });
    expect(sdn.reason).toBeUndefined();
  });

  it('has Huawei Technologies with the short name "Huawei" and its native name', () => {
    const huawei = find('Huawei Technologies Co., Ltd. (Huawei)', 'EL');
    expect(huawei.aliases).toContain('Huawei');
    expect(huawei.nativeNames).toEqual(['华为']);
    expect(huawei.countries).toEqual(['CN']);
    expect(huawei.reason).toBeUndefined(); // no source states one
  });

  it('gives a stated reason only to the four spyware-rule entities', () => {
    expect(bundle.entries.filter((e) => e.reason).map((e) => e.name).sort()).toEqual(spyware.map(([n]) => n).sort());
  });

  it('carries no split artefacts or bracketed notes as aliases', () => {
    const bad = bundle.entries.flatMap((e) => (e.aliases ?? []).filter((a) => /^(and\s|\(.*\)$)/i.test(a) || a === e.name || /\b[af]\.k\.a\./i.test(a)));
    expect(bad).toEqual([]);
  });
});
