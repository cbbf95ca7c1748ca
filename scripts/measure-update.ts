/**
 * Measures how long a download the size of the official consolidated.json (20–30 MB) keeps a
 * worker busy in `prepareUpdate`, and the longest stretch in which it answers nothing.
 * Run: npx tsx scripts/measure-update.ts [MB]
 * The file is synthetic: the embedded bundle's entries written as official CSL records, repeated
 * with distinct ids and names until it reaches the size asked for (default 25 MB).
 * SAVE_TO=FILE also writes the synthetic file.
 *
 * Figures of 2026-11-29 (2 shared cores; 25.0 MB, 20,534 records → 20,534 entries):
 *   Node 20:          decode 100 ms, JSON.parse 220–260 ms, signature check 75–105 ms,
 *                     prepareUpdate 2.4–3.6 s (of which the build's finishEntries ≈ 2–2.7 s), heap ≈ 300–430 MB
 *   Chromium 156 page: decode 250 ms, JSON.parse 235 ms, signature 165 ms, prepareUpdate 2.1 s cold, 1.3 s warm
 *   Firefox ESR 153:   decode 600 ms, JSON.parse 110 ms, signature 290 ms, prepareUpdate 8.5 s cold, 3.9 s warm
 * JSON.parse is not the problem; the conversion's cleaning and ambiguity marking was one long
 * synchronous stretch. Since it pauses every 400 entries (2026-11-29, Node 20, busy machine):
 * prepareUpdate 1.5 s in all, its longest stretch without a pause 350–430 ms (reading the
 * official records and the final bundle check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { commonWordsFromBundle } from '../src/core/list/ambiguity';
import { parseBundle } from '../src/core/list/bundle';
import { LIST_NAMES, isListCode, type Bundle, type Entry } from '../src/core/model';
import { prepareUpdate } from '../src/core/update/index';
import { verifyDetached } from '../src/core/update/signature';
import { keyPair, ROOT } from '../test/unit/update/helpers';

const targetBytes = Number(process.argv[2] ?? 25) * 1e6;
const parsed = parseBundle(JSON.parse(readFileSync(join(ROOT, 'extension/data/bundle.json'), 'utf8')));
if (!parsed.ok) throw new Error(parsed.error);
const embedded: Bundle = parsed.bundle;

function record(e: Entry, copy: number): Record<string, unknown> {
  const tag = copy === 0 ? '' : ` ${copy.toString(36).toUpperCase()}`;
  return {
    id: `${e.id}-${copy}`, source: isListCode(e.list) ? LIST_NAMES[e.list] : e.listName, entity_number: null, type: e.type === 'individual' ? 'Individual' : 'Entity',
    programs: e.programs ?? [], name: `${e.name}${tag}`, title: e.title ?? null,
    addresses: (e.addresses ?? ['1 Example Street']).map((a, i) => ({ address: a, city: 'City', state: null, postal_code: '100000', country: e.countries?.[i] ?? 'CN' })),
    federal_register_notice: e.federalRegisterNotice ?? '89 FR 12345', start_date: e.startDate ?? '2024-02-20', end_date: null, standard_order: null,
    license_requirement: e.licenseRequirement ?? 'For all items subject to the EAR.', license_policy: e.licensePolicy ?? 'Presumption of denial.',
    call_sign: null, vessel_type: null, gross_tonnage: null, gross_registered_tonnage: null, vessel_flag: null, vessel_owner: null,
    remarks: e.remarks ?? null, source_list_url: 'https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list',
    alt_names: (e.aliases ?? []).map((a) => `${a}${tag}`), citizenships: [], dates_of_birth: [], nationalities: [], places_of_birth: [],
    source_information_url: 'https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern', ids: [],
  };
}

const parts: string[] = [];
let size = 0;
for (let copy = 0; size < targetBytes; copy++) {
  for (const e of embedded.entries) {
    const text = JSON.stringify(record(e, copy));
    parts.push(text);
    size += text.length + 1;
    if (size >= targetBytes) break;
  }
}
const json = `{"total":${parts.length},"sources_used":[{"source":"${LIST_NAMES.EL}","source_last_updated":"2026-11-20"}],"results":[\n${parts.join(',\n')}]}`;
const bytes = new TextEncoder().encode(json);
// SAVE_TO=/tmp/big.json keeps the synthetic file for other measurements.
if (process.env.SAVE_TO) writeFileSync(process.env.SAVE_TO, json);
const ms = (t0: number): string => `${(performance.now() - t0).toFixed(0)} ms`;

let t = performance.now();
const text = new TextDecoder().decode(bytes);
console.log(`file: ${(bytes.length / 1e6).toFixed(1)} MB, ${parts.length} records`);
console.log(`TextDecoder.decode: ${ms(t)}`);
t = performance.now();
JSON.parse(text);
console.log(`JSON.parse: ${ms(t)}`);
const commonWords = commonWordsFromBundle(embedded);
const key = keyPair();
const signature = key.signBase64(bytes);
t = performance.now();
console.log(`verifyDetached (${(bytes.length / 1e6).toFixed(1)} MB): ${await verifyDetached(bytes, signature, key.publicKey)} in ${ms(t)}`);
for (let run = 1; run <= 2; run++) {
  // A timer that should fire every millisecond: the longest gap between its runs is the longest
  // time a message to the worker would have waited.
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  t = performance.now();
  const r = await prepareUpdate({ bytes, url: 'https://data.trade.gov/consolidated.json', current: embedded, commonWords, maxLossShare: 0.2, now: Date.now() });
  clearInterval(ticker);
  longest = Math.max(longest, performance.now() - last);
  console.log(`prepareUpdate run ${run}: ${r.ok ? `${r.bundle.entries.length} entries` : r.error} in ${ms(t)}; longest stretch without a pause ${longest.toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}
