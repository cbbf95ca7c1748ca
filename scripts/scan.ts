/**
 * Prints the listed parties named in a text file, using the embedded list bundle.
 *
 *   npm run scan -- [--json] [--all-types] [--bundle FILE] FILE     (FILE may be - for standard input)
 *
 * Flags what the extension flags with its default settings: every list, organisations only
 * (--all-types adds people, vessels and aircraft). With --json, prints exactly one JSON object:
 * {"mentions":[{"start","end","text","entity":{"id","name","list"},"entities","strength","matchedName"}]}
 * with UTF-16 offsets, so text === input.slice(start, end).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseBundle } from '../src/core/list/bundle';
import { compileMatcher, findInDocument } from '../src/core/matcher';
import type { Entry } from '../src/core/model';
import { includeFor } from '../src/core/selection';
import { defaults } from '../src/shared/settings';

const DEFAULT_BUNDLE = new URL('../extension/data/bundle.json', import.meta.url);
const USAGE = 'usage: npm run scan -- [--json] [--all-types] [--bundle FILE] FILE (or - for standard input)';

function fail(message: string): never {
  console.error(`scan: ${message}`);
  process.exit(1);
}

function readBundle(path: URL | string): Entry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    fail(`the list bundle ${String(path)} is missing: run \`npm run build-list\``);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    fail(`the list bundle ${String(path)} is not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = parseBundle(raw);
  if (!parsed.ok) fail(`the list bundle ${String(path)} is not valid: ${parsed.error}`);
  return parsed.bundle.entries;
}

function main(): void {
  let args;
  try {
    args = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        'all-types': { type: 'boolean', default: false },
        bundle: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
  const { values, positionals } = args;
  const file = positionals[0];
  if (!file || positionals.length > 1) fail(USAGE);
  let input: string;
  try {
    input = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch {
    fail(`cannot read ${file}`);
  }
  const entries = readBundle(values.bundle ?? DEFAULT_BUNDLE);
  const all = values['all-types'];
  const include = includeFor({
    ...defaults,
    includeIndividuals: all || defaults.includeIndividuals,
    includeVessels: all || defaults.includeVessels,
    includeAircraft: all || defaults.includeAircraft,
  });
  const matcher = compileMatcher(entries, { include });
  const mentions = findInDocument(matcher, input).map((m) => {
    const e = matcher.entry(m.entryIds[0] ?? '') as Entry;
    return {
      start: m.start,
      end: m.end,
      text: input.slice(m.start, m.end),
      entity: { id: e.id, name: e.name, list: e.list },
      entities: m.entryIds,
      strength: m.strength,
      matchedName: m.matchedName,
    };
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ mentions })}\n`);
    return;
  }
  for (const m of mentions) {
    const more = m.entities.length > 1 ? ` (+${m.entities.length - 1} more)` : '';
    const short = m.strength === 'context' ? ' (short form)' : '';
    console.log(`${m.start}-${m.end}\t${JSON.stringify(m.text)}\t→ ${m.entity.name} [${m.entity.list}]${more}${short}`);
  }
  const parties = new Set(mentions.map((m) => m.entity.id)).size;
  console.log(`${mentions.length} mention${mentions.length === 1 ? '' : 's'} of ${parties} listed part${parties === 1 ? 'y' : 'ies'}`);
}

main();
