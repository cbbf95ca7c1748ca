/**
 * Makes the extension's list bundle.
 *
 *   npm run build-list                              data/raw/* → extension/data/bundle.json
 *   npm run build-list -- --from FILE [--out FILE]  an official CSL download (consolidated.json or
 *                                                   CSV) or a bundle → a bundle
 *
 * Prints a report of what was cleaned and what was marked ambiguous. On bad input it names the
 * file and the place, exits non-zero, and leaves the existing output untouched.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Bundle, Entry } from '../src/core/model';
import { cleanAliases, markAmbiguous, newReport, type CleanReport } from '../src/core/list/clean';
import { parseCslCsv } from '../src/core/list/csl';
import { ListFileError } from '../src/core/list/errors';
import { detectAndConvert, makeBundle, parseJsonText } from '../src/core/list/bundle';
import { joinDetails, nameKey, preferNewer, enrich } from '../src/core/list/merge';
import { parseDplText, parseKaist, parseSdnLegacy, parseSpyware } from '../src/core/list/sources';
import { loadCommonWords } from './lib/common-words';

const RAW = 'data/raw';
const read = (f: string): string => readFileSync(join(RAW, f), 'utf8');

/** Cleans aliases, marks ambiguous names, makes ids unique; fills the report. */
export function finish(entries: Entry[], report: CleanReport, isCommon: (w: string) => boolean): Entry[] {
  const ids = new Set<string>();
  for (const e of entries) {
    const aliases = cleanAliases(e.name, e.aliases ?? [], report);
    if (aliases.length) e.aliases = aliases;
    else delete e.aliases;
    const marks = markAmbiguous(e, isCommon, report);
    if (marks.length) e.ambiguous = marks;
    let id = e.id;
    for (let n = 2; ids.has(id); n++) id = `${e.id}~${n}`;
    e.id = id;
    ids.add(id);
  }
  return entries;
}

function fromRaw(report: CleanReport, log: string[]): { entries: Entry[]; bundleMeta: Pick<Bundle, 'dataDate' | 'origin' | 'sources'> } {
  const csl = parseCslCsv(read('csl_partial_2023-11.csv'), 'csl_partial_2023-11.csv', true);
  for (const s of csl.skipped) log.push(`csl_partial_2023-11.csv ${s.place}: skipped, ${s.reason}`);
  for (const e of csl.entries) e.provenance = ['csl_partial_2023-11.csv'];
  const cslBy = (codes: string[]): Entry[] => csl.entries.filter((e) => codes.includes(e.list));

  // Entity List and MEU: membership from the 2026 name index, details from the 2023 CSL rows.
  const members = parseKaist(parseJsonText(read('bis_entity_list_names_kaist_2026-08.json'), 'kaist'), 'bis_entity_list_names_kaist_2026-08.json');
  const join = joinDetails(members, cslBy(['EL', 'MEU']));
  log.push(`EL/MEU: ${members.length} members from the 2026 name index; ${join.joined} CSL rows joined for details; ${join.unjoined.length} CSL EL/MEU rows from 2023 not in the 2026 index, left out (removed since, or renamed)`);

  const spyware = parseSpyware(parseJsonText(read('el_additions_2021-11-04_spyware.json'), 'spyware'), 'el_additions_2021-11-04_spyware.json');
  for (const s of spyware) {
    const hit = members.find((m) => m.list === 'EL' && nameKey(m.name) === nameKey(s.name));
    if (!hit) throw new ListFileError(`spyware-rule entity "${s.name}" is not in the Entity List index`, 'el_additions_2021-11-04_spyware.json');
    enrich(hit, { ...s.fields, provenance: ['el_additions_2021-11-04_spyware.json'] });
  }
  log.push(`spyware rule 2021-24123: reasons and dates added to ${spyware.length} Entity List entries`);

  const sdnDir = 'ofac_sdn_2021-07';
  const sdnOld = parseSdnLegacy({ sdn: read(`${sdnDir}/sdn.csv`), alt: read(`${sdnDir}/alt.csv`), add: read(`${sdnDir}/add.csv`), comments: read(`${sdnDir}/sdn_comments.csv`) }, sdnDir);
  const sdn = preferNewer(cslBy(['SDN']), sdnOld);
  log.push(`SDN: ${cslBy(['SDN']).length} from the 2023 CSL, ${sdn.added} more from the 2021 OFAC files`);

  const dplOld = parseDplText(read('bis_denied_persons_2023-11.txt'), 'bis_denied_persons_2023-11.txt');
  const dplCsl = cslBy(['DPL']);
  const dplKeys = new Set(dplCsl.map((e) => nameKey(e.name)));
  const dplExtra = dplOld.filter((e) => !dplKeys.has(nameKey(e.name)));
  log.push(`DPL: ${dplCsl.length} from the 2023 CSL, ${dplExtra.length} more from the DPL text file`);

  const rest = csl.entries.filter((e) => !['EL', 'MEU', 'SDN', 'DPL'].includes(e.list));
  const entries = finish([...members, ...sdn.entries, ...dplCsl, ...dplExtra, ...rest], report, loadCommonWords());
  const untyped = entries.filter((e) => ['EL', 'MEU', 'DPL', 'UVL', 'ISN', 'DTC'].includes(e.list));
  log.push(`types: ${untyped.length} entries of lists without a type column typed by name (${untyped.filter((e) => e.type === 'individual').length} as individuals)`);
  return {
    entries,
    bundleMeta: {
      dataDate: '2026-08-18',
      origin: 'embedded snapshot',
      sources: [
        { file: 'bis_entity_list_names_kaist_2026-08.json', description: 'BIS Entity List and Military End-User List names, aliases and countries', date: '2026-08-18' },
        { file: 'csl_partial_2023-11.csv', description: 'Consolidated Screening List excerpt (official CSV layout), all 13 lists in part', date: '2023-11-16' },
        { file: 'el_additions_2021-11-04_spyware.json', description: 'Federal Register 2021-24123: NSO Group, Candiru, Positive Technologies, COSEINC, with stated reasons', date: '2021-11-04' },
        { file: 'ofac_sdn_2021-07/', description: 'OFAC SDN list, legacy CSV files', date: '2021-07-07' },
        { file: 'bis_denied_persons_2023-11.txt', description: 'BIS Denied Persons List', date: '2023-11-16' },
      ],
    },
  };
}

function printReport(bundle: Bundle, report: CleanReport, log: string[], out: string, bytes: number): void {
  for (const l of log) console.log(l);
  console.log('cleaned (plainly wrong):');
  for (const [kind, n] of report.cleaned) console.log(`  ${kind}: ${n}  e.g. ${(report.cleanedExamples.get(kind) ?? []).join(' | ')}`);
  console.log('marked ambiguous (flagged only in context):');
  for (const [kind, n] of report.ambiguous) console.log(`  ${kind}: ${n}  e.g. ${(report.ambiguousExamples.get(kind) ?? []).join(' | ')}`);
  console.log(`counts: ${Object.entries(bundle.counts).map(([k, v]) => `${k} ${v}`).join(', ')}; ${bundle.entries.length} entries`);
  console.log(`wrote ${out} (${(bytes / 1e6).toFixed(2)} MB), data date ${bundle.dataDate}`);
}

/** Writes beside the target, then renames: a failure never leaves a half-written bundle. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

function main(): void {
  const { values } = parseArgs({ options: { from: { type: 'string' }, out: { type: 'string' } }, strict: true });
  const out = values.out ?? 'extension/data/bundle.json';
  const report = newReport();
  const log: string[] = [];
  let bundle: Bundle;
  if (values.from) {
    const file = values.from;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ListFileError('cannot read the file', file);
    }
    bundle = detectAndConvert(text, basename(file), { origin: `converted from ${basename(file)}`, today: new Date().toISOString().slice(0, 10) });
    bundle.entries = finish(bundle.entries, report, loadCommonWords());
  } else {
    const { entries, bundleMeta } = fromRaw(report, log);
    bundle = makeBundle(entries, bundleMeta);
  }
  const text = JSON.stringify(bundle);
  writeAtomically(out, text);
  printReport(bundle, report, log, out, Buffer.byteLength(text));
}

try {
  main();
} catch (err) {
  console.error(`build-list: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
