/**
 * The embedded snapshot: how the raw files in data/raw/ join into one bundle. Pure: it takes
 * the files' text, so the list script reads them and the tests can hand in small ones.
 *
 * - Entity List and MEU: the 2026 name index is the membership. The 2023 CSL excerpt adds
 *   details (Federal Register notice, dates, licence terms, addresses, other names) to the
 *   members it names; its EL/MEU rows that meet no member were removed from the lists since
 *   2023 (or renamed beyond recognition) and are left out, counted in the report.
 * - The 2021 spyware rule adds reasons, dates and licence terms to its four EL members.
 * - SDN: the CSL excerpt's rows, plus the 2021 OFAC files' parties it lacks (same entity
 *   number → the CSL row wins, the older row only fills gaps).
 * - DPL: the CSL excerpt's rows and the DPL text file, one entry per name.
 * - The other nine lists come from the CSL excerpt alone.
 */
import type { Bundle, Entry, ListCode } from '../model';
import type { IsCommonWord } from './ambiguity';
import { newReport, type CleanReport } from './clean';
import { parseCslCsv } from './csl';
import { parseDplText } from './dpl';
import { ListFileError } from './errors';
import { finishEntries } from './finish';
import { parseJsonText } from './json-error';
import { parseKaist } from './kaist';
import { collapseSameName, enrich, joinDetails, nameKey, preferNewer } from './merge';
import { makeBundle } from './bundle';
import { parseSdnLegacy, type SdnLegacyFiles } from './sdn-legacy';
import { parseSpyware } from './spyware';

export const RAW_FILES = {
  kaist: 'bis_entity_list_names_kaist_2026-08.json',
  csl: 'csl_partial_2023-11.csv',
  spyware: 'el_additions_2021-11-04_spyware.json',
  sdnDir: 'ofac_sdn_2021-07',
  dpl: 'bis_denied_persons_2023-11.txt',
} as const;

export interface RawTexts {
  kaist: string;
  csl: string;
  spyware: string;
  sdn: SdnLegacyFiles;
  dpl: string;
}

export interface RawBuild {
  bundle: Bundle;
  /** One line per step: what was joined, added, skipped or dropped. */
  log: string[];
  report: CleanReport;
}

const SOURCES: Bundle['sources'] = [
  { file: RAW_FILES.kaist, description: 'BIS Entity List and Military End-User List: names, aliases, native-script names, countries', date: '2026-08-18' },
  { file: RAW_FILES.csl, description: 'Consolidated Screening List excerpt (official CSV layout), all 13 lists in part', date: '2023-11-16' },
  { file: RAW_FILES.dpl, description: 'BIS Denied Persons List (official tab-separated file)', date: '2023-11-16' },
  { file: RAW_FILES.spyware, description: 'Federal Register document 2021-24123: the four spyware-rule entities with their stated reasons', date: '2021-11-04' },
  { file: `${RAW_FILES.sdnDir}/`, description: 'OFAC SDN list, legacy CSV files', date: '2021-07-07' },
];

export function buildFromRaw(texts: RawTexts, isCommonWord: IsCommonWord, builtAt?: string): RawBuild {
  const log: string[] = [];
  const report = newReport();

  const csl = parseCslCsv(texts.csl, RAW_FILES.csl, true);
  for (const s of csl.skipped) log.push(`${RAW_FILES.csl} ${s.place}: skipped, ${s.reason}`);
  for (const e of csl.entries) e.provenance = [RAW_FILES.csl];
  const cslOf = (codes: readonly ListCode[]): Entry[] => csl.entries.filter((e) => (codes as readonly string[]).includes(e.list));

  const kaist = parseKaist(parseJsonText(texts.kaist, RAW_FILES.kaist), RAW_FILES.kaist);
  const members = collapseSameName(kaist.entries);
  log.push(`EL/MEU: ${kaist.rows.EL} EL and ${kaist.rows.MEU} MEU rows in the name index; ${members.folded} rows repeating a name of the same list merged → ${members.entries.length} entries`);
  const cslMembers = cslOf(['EL', 'MEU']);
  const join = joinDetails(members.entries, cslMembers);
  log.push(`EL/MEU: ${join.joined} of ${cslMembers.length} CSL rows joined by name or alias (details added to ${join.enriched} entries); ${join.unjoined.length} CSL rows match no 2026 member and are left out, e.g. ${join.unjoined.slice(0, 3).map((e) => `"${e.name}"`).join(', ')}`);

  const spyware = parseSpyware(parseJsonText(texts.spyware, RAW_FILES.spyware), RAW_FILES.spyware);
  for (const s of spyware) {
    const hit = members.entries.find((m) => m.list === 'EL' && nameKey(m.name) === nameKey(s.name));
    if (!hit) throw new ListFileError(`entity "${s.name}" is not in the Entity List name index`, RAW_FILES.spyware);
    enrich(hit, { ...s.fields, provenance: [RAW_FILES.spyware] });
  }
  log.push(`EL: reasons, dates, licence terms and FR document 2021-24123 added to ${spyware.map((s) => s.name).join(', ')}`);

  const sdnOld = parseSdnLegacy(texts.sdn, RAW_FILES.sdnDir);
  const sdnCsl = cslOf(['SDN']);
  const sdn = preferNewer(sdnCsl, sdnOld);
  log.push(`SDN: ${sdnCsl.length} from the CSL excerpt; ${sdnOld.length - sdn.added} of the ${sdnOld.length} OFAC 2021 rows share their entity number (CSL row kept), ${sdn.added} added`);

  const dplText = parseDplText(texts.dpl, RAW_FILES.dpl);
  const dplCsl = cslOf(['DPL']);
  const dpl = collapseSameName([...dplCsl, ...dplText]);
  log.push(`DPL: ${dplCsl.length} CSL rows and ${dplText.length} names from the DPL file (one row per address there) → ${dpl.entries.length} entries`);

  const others = csl.entries.filter((e) => !['EL', 'MEU', 'SDN', 'DPL'].includes(e.list));
  const all = [...members.entries, ...sdn.entries, ...dpl.entries, ...others];
  const entries = finishEntries(all, isCommonWord, report);

  // The name index, the DPL file and the CSL's BIS and State rows give no type.
  const untyped = entries.filter((e) => ['EL', 'MEU', 'DPL', 'UVL', 'ISN', 'DTC'].includes(e.list));
  const people = untyped.filter((e) => e.type === 'individual').length;
  log.push(`types: ${untyped.length} entries of lists without a type typed from the name: ${untyped.length - people} entities (the default), ${people} individuals (DPL names without an organisation word; elsewhere two to four capitalised words without one)`);

  const dataDate = SOURCES.map((s) => s.date ?? '').sort().at(-1) ?? '';
  const bundle = makeBundle(entries, { dataDate, origin: 'embedded snapshot', sources: SOURCES, ...(builtAt ? { builtAt } : {}) });
  return { bundle, log, report };
}
