/**
 * Property-based tests of the list readers: whatever an administrator's server or a broken
 * download hands them, they answer with a valid bundle or a clear error, and never throw past
 * their boundary. Fixed seeds, so a failure is reproducible; fast-check prints the smallest
 * input that breaks a property.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { detectAndConvert, makeBundle, parseBundle } from '../../src/core/list/bundle';
import { CSL_COLUMNS, parseCslCsv, parseCslJson } from '../../src/core/list/csl';
import { parseDelimited } from '../../src/core/list/csv';
import { ListFileError } from '../../src/core/list/errors';
import { jsonErrorOffset, parseJsonText } from '../../src/core/list/json-error';
import { ENTRY_TYPES, LIST_CODES, LIST_NAMES, type Bundle } from '../../src/core/model';

// Thousands of cases per property: more than the default 5 s when the whole suite runs at once.
vi.setConfig({ testTimeout: 120_000 });

const RUNS = { seed: 20261129, numRuns: 3000 };

/** Text with the characters that trouble parsers: quotes, delimiters, line ends, BOM, control. */
const trickyChar = fc.constantFrom('"', ',', '\n', '\r', '\t', ';', '\\', '{', '}', '[', ']', ':', '\uFEFF', '\u001a', '\u0000', '\u202E', '\u200B', ' ', 'a', '1', 'é', '<', '>');
const trickyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(trickyChar, { maxLength: 40 }).map((cs) => cs.join('')),
);

/** Every converted bundle must pass the same strict check as a bundle read from disk. */
function expectValidBundle(bundle: Bundle): void {
  const again = parseBundle(JSON.parse(JSON.stringify(bundle)));
  expect(again.ok ? 'valid' : again.error).toBe('valid');
}

function expectClearFailure(outcome: { ok: false; error: string; file: string }, file: string): void {
  expect(outcome.error.trim().length).toBeGreaterThan(0);
  expect(outcome.file).toBe(file);
}

/** A CSL-like CSV: a header of official (and odd) columns, rows of awkward fields. */
const sourceName = fc.oneof(fc.constantFrom(...Object.values(LIST_NAMES)), fc.constantFrom('Entity List (EL)', '(SDN)', 'source'), trickyText);
const csvField = (column: string): fc.Arbitrary<string> =>
  column === 'source' ? sourceName : column === 'start_date' ? fc.oneof(fc.constant('2021-11-04'), trickyText) : trickyText;
const quote = (field: string): string => (/[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
const cslCsv = fc
  .tuple(
    fc.shuffledSubarray([...CSL_COLUMNS, 'extra'], { minLength: 1 }),
    fc.boolean(),
    fc.constantFrom('\n', '\r\n'),
  )
  .chain(([columns, forceRequired, eol]) => {
    const header = forceRequired ? [...new Set(['source', 'name', ...columns])] : columns;
    const row = fc.tuple(...header.map(csvField)).map((fields) => fields.map(quote).join(','));
    return fc.tuple(fc.constant(header.join(',')), fc.array(row, { maxLength: 8 }), fc.constant(eol), fc.boolean());
  })
  .map(([header, rows, eol, cutEnd]) => {
    const text = [header, ...rows].join(eol);
    return cutEnd ? text.slice(0, Math.max(1, text.length - 7)) : text;
  });

/** A consolidated.json-like value: a `results` array of records, well-formed or not. */
const cslRecord = fc.oneof(
  fc.record(
    {
      source: sourceName,
      name: fc.oneof(trickyText, fc.anything()),
      alt_names: fc.oneof(fc.array(trickyText, { maxLength: 4 }), trickyText, fc.anything()),
      addresses: fc.oneof(
        fc.array(fc.record({ address: trickyText, city: trickyText, country: fc.oneof(fc.constantFrom('CN', 'RU', 'IL'), trickyText) }, { requiredKeys: [] }), { maxLength: 3 }),
        fc.anything(),
      ),
      start_date: fc.oneof(fc.constant('2019-05-16'), trickyText, fc.integer()),
      _id: fc.oneof(trickyText, fc.integer()),
      type: fc.oneof(fc.constantFrom('Entity', 'Individual', 'Vessel', 'Aircraft'), trickyText),
      programs: fc.oneof(fc.array(trickyText, { maxLength: 3 }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);
const cslJsonValue = fc.oneof(
  fc.record({ results: fc.array(cslRecord, { maxLength: 8 }), sources_used: fc.anything() }, { requiredKeys: ['results'] }),
  fc.anything(),
);

/** A well-formed bundle entry, and bundles made of them. */
const nonBlank = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
const entry = fc.record(
  {
    id: nonBlank,
    list: fc.constantFrom(...LIST_CODES, 'CUSTOM' as const),
    listName: nonBlank,
    type: fc.constantFrom(...ENTRY_TYPES),
    name: nonBlank,
    aliases: fc.array(nonBlank, { maxLength: 3 }),
    countries: fc.array(fc.constantFrom('CN', 'RU', 'IL', 'SG'), { maxLength: 2 }),
    startDate: fc.constant('2021-11-04'),
    remarks: fc.string(),
  },
  { requiredKeys: ['id', 'list', 'listName', 'type', 'name'] },
);
const validBundle = fc
  .uniqueArray(entry, { selector: (e) => e.id, maxLength: 6 })
  .map((entries) => makeBundle(entries, { dataDate: '2026-08-18', origin: 'fuzz', sources: [{ file: 'f', description: 'd' }], builtAt: '2026-11-29T00:00:00Z' }));

/** Replaces the value at one path of a JSON value with another value. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const [step = 0, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const i = step % value.length;
    const copy = [...value];
    copy[i] = mutate(copy[i], rest, replacement);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[step % keys.length] as string;
  return { ...(value as Record<string, unknown>), [key]: mutate((value as Record<string, unknown>)[key], rest, replacement) };
}
const mutatedBundle = fc
  .tuple(validBundle, fc.array(fc.nat(), { maxLength: 4 }), fc.oneof(fc.anything(), trickyText, fc.constant(undefined)))
  .map(([bundle, path, replacement]) => mutate(JSON.parse(JSON.stringify(bundle)), path, replacement));

describe('parseBundle', () => {
  it('accepts every well-formed bundle, and recomputes its counts', () => {
    fc.assert(
      fc.property(validBundle, (bundle) => {
        const result = parseBundle(JSON.parse(JSON.stringify({ ...bundle, counts: {} })));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.bundle.counts).toEqual(bundle.counts);
      }),
      RUNS,
    );
  });

  it('never throws on damaged bundles or arbitrary values; a failure names the place', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedBundle, fc.anything()), (raw) => {
        const result = parseBundle(raw);
        if (result.ok) expectValidBundle(result.bundle);
        else expect(result.error).toMatch(/^(a bundle|format|dataDate|builtAt|origin|sources|counts|entries)/);
      }),
      RUNS,
    );
  });
});

describe('detectAndConvert', () => {
  const convert = (text: string): ReturnType<typeof detectAndConvert> => detectAndConvert(text, 'fuzz.txt', { today: '2026-11-29' });
  /** How many generated inputs converted: the generators must reach the success path too. */
  let converted = 0;
  const check = (text: string): void => {
    const outcome = convert(text);
    if (outcome.ok) {
      converted += 1;
      expectValidBundle(outcome.bundle);
    } else expectClearFailure(outcome, 'fuzz.txt');
  };

  it('never throws on arbitrary text, and answers a valid bundle or a clear error', () => {
    fc.assert(fc.property(fc.oneof(trickyText, fc.string({ unit: 'binary', maxLength: 400 })), check), RUNS);
  });

  it('never throws on CSL-shaped CSV, cut short or not', () => {
    converted = 0;
    fc.assert(fc.property(cslCsv, check), RUNS);
    expect(converted).toBeGreaterThan(RUNS.numRuns / 20);
  });

  it('never throws on consolidated.json-shaped values', () => {
    converted = 0;
    fc.assert(fc.property(cslJsonValue, (value) => check(JSON.stringify(value) ?? 'undefined')), RUNS);
    expect(converted).toBeGreaterThan(RUNS.numRuns / 20);
  });

  it('never throws on damaged bundles sent as JSON, cut anywhere', () => {
    fc.assert(
      fc.property(mutatedBundle, fc.nat(), (raw, cut) => {
        const text = JSON.stringify(raw) ?? '';
        check(text);
        check(text.slice(0, text.length === 0 ? 0 : cut % text.length));
      }),
      RUNS,
    );
  });

  it('converts a real-looking CSV row into the entry it describes', () => {
    const text = `source,name,alt_names,start_date\n"${LIST_NAMES.EL}","Example Widgets Co., Ltd.",EW Co,2021-11-04\n`;
    const outcome = convert(text);
    expect(outcome.ok && outcome.bundle.entries.map((e) => [e.list, e.name])).toEqual([['EL', 'Example Widgets Co., Ltd.']]);
  });
});

describe('the readers under detectAndConvert', () => {
  /** These may throw, but only a ListFileError, which detectAndConvert turns into an outcome. */
  function throwsOnlyListFileErrors(run: () => unknown): void {
    try {
      run();
    } catch (err) {
      expect(err).toBeInstanceOf(ListFileError);
      expect((err as ListFileError).message.length).toBeGreaterThan(0);
    }
  }

  it('parseDelimited: every row has a line number; only ListFileError escapes', () => {
    fc.assert(
      fc.property(trickyText, fc.constantFrom(',', '\t', '|'), fc.boolean(), (text, delimiter, tolerate) =>
        throwsOnlyListFileErrors(() => {
          for (const row of parseDelimited(text, 'f.csv', delimiter, tolerate)) expect(row.line).toBeGreaterThanOrEqual(1);
        }),
      ),
      RUNS,
    );
  });

  it('parseCslCsv and parseCslJson: entries or skipped rows with a place; only ListFileError escapes', () => {
    fc.assert(
      fc.property(cslCsv, cslJsonValue, (csv, json) => {
        throwsOnlyListFileErrors(() => {
          const r = parseCslCsv(csv, 'f.csv');
          for (const s of r.skipped) expect(s.place).toMatch(/^line \d+$/);
        });
        throwsOnlyListFileErrors(() => {
          const r = parseCslJson(json, 'f.json');
          for (const s of r.skipped) expect(s.place).toMatch(/^results\[\d+\]$/);
        });
      }),
      RUNS,
    );
  });

  it('parseJsonText: reads valid JSON as JSON.parse does, names a place for invalid JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), trickyText), (text) => {
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          expect(jsonErrorOffset(text)).toBeGreaterThanOrEqual(-1);
          throwsOnlyListFileErrors(() => parseJsonText(text, 'f.json'));
          expect(() => parseJsonText(text, 'f.json')).toThrow(ListFileError);
          return;
        }
        expect(parseJsonText(text, 'f.json')).toEqual(expected);
      }),
      RUNS,
    );
  });
});
