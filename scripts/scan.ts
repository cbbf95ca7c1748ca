/**
 * Prints the listed parties named in a text file, using the embedded bundle.
 *
 *   npm run scan -- [--json] [--all-types] FILE     (FILE may be - for standard input)
 *
 * Organisations only by default, as in the extension's default settings.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseBundle } from '../src/core/list/bundle';
import { compileMatcher, findInDocument } from '../src/core/matcher';
import type { Entry } from '../src/core/model';

const BUNDLE = new URL('../extension/data/bundle.json', import.meta.url);

function fail(message: string): never {
  console.error(`scan: ${message}`);
  process.exit(1);
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean', default: false }, 'all-types': { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) fail('usage: npm run scan -- [--json] [--all-types] FILE (or - for standard input)');
  let input: string;
  try {
    input = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch {
    fail(`cannot read ${file}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(BUNDLE, 'utf8'));
  } catch {
    fail('the list bundle extension/data/bundle.json is missing or not JSON: run `npm run build-list`');
  }
  const parsed = parseBundle(raw);
  if (!parsed.ok) fail(`the list bundle is not valid: ${parsed.error}`);
  const include = values['all-types'] ? undefined : (e: Entry) => e.type === 'entity';
  const matcher = compileMatcher(parsed.bundle.entries, { include });
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
  for (const m of mentions) console.log(`${m.start}-${m.end}\t${m.text}\t→ ${m.entity.name} [${m.entity.list}]${m.strength === 'context' ? ' (short form)' : ''}`);
  console.log(`${mentions.length} mention${mentions.length === 1 ? '' : 's'} of ${new Set(mentions.map((m) => m.entity.id)).size} listed part${mentions.length === 1 ? 'y' : 'ies'}`);
}

main();
