import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { MANAGED_KEYS, applyPolicy, readPolicy, withoutLockedKeys, type ManagedValues } from '../../src/core/policy';
import { customEntriesToEntries } from '../../src/core/custom-entries';
import { LIMITS } from '../../src/core/policy-values';
import { parseBundle } from '../../src/core/list/bundle';
import { compileMatcher, findInDocument } from '../../src/core/matcher';
import { LIST_CODES } from '../../src/core/model';
import { defaults, validateSettings } from '../../src/shared/settings';

const ed25519 = generateKeyPairSync('ed25519');
const spkiDer = ed25519.publicKey.export({ type: 'spki', format: 'der' });
const rawKey = spkiDer.subarray(12).toString('base64');

const fullPolicy = {
  listUrl: 'https://lists.example.com/csl.json',
  listPublicKey: rawKey,
  updateIntervalHours: 12,
  lists: ['EL', 'SDN', 'MEU'],
  includeIndividuals: true,
  customEntries: [
    { name: 'Acme Widgets Ltd', aliases: ['Acme Widgets'], country: 'DE', reason: 'Internal audit finding 2026-14', url: 'https://intranet.example.com/parties/acme' },
    { name: 'Globex Trading' },
  ],
  excludedSites: ['intranet.example.com', '*.corp.example.com'],
  lockSettings: true,
};

function asBundle(entries: unknown[]) {
  return parseBundle({ format: 1, dataDate: '2026-01-01', builtAt: '2026-01-01T00:00:00Z', origin: 'test', sources: [], entries });
}

describe('readPolicy', () => {
  it('accepts a complete, valid policy without warnings', () => {
    const p = readPolicy(fullPolicy);
    expect(p.warnings).toEqual([]);
    expect(p.locked).toBe(true);
    expect(p.managed).toBe(true);
    expect(p.values).toEqual({ ...fullPolicy, customEntries: [
      { name: 'Acme Widgets Ltd', aliases: ['Acme Widgets'], country: 'DE', reason: 'Internal audit finding 2026-14', url: 'https://intranet.example.com/parties/acme' },
      { name: 'Globex Trading', aliases: [] },
    ] });
  });

  it('reads nothing from an absent or empty policy, and warns about a non-object one', () => {
    expect(readPolicy(undefined)).toEqual({ values: {}, warnings: [], locked: false, managed: false });
    expect(readPolicy({})).toEqual({ values: {}, warnings: [], locked: false, managed: false });
    for (const raw of ['x', 3, [1, 2], true]) {
      const p = readPolicy(raw);
      expect(p.values).toEqual({});
      expect(p.warnings).toHaveLength(1);
    }
  });

  it('ignores wrong types key by key and keeps the valid keys', () => {
    const p = readPolicy({
      listUrl: 'ftp://lists.example.com/x', updateIntervalHours: '24', includeIndividuals: 'yes',
      lockSettings: 1, lists: 'EL', excludedSites: { a: 1 }, customEntries: 'Acme', listPublicKey: 'not a key',
      highlightStyle: 'outline', lizts: ['EL'],
      paused: undefined,
    });
    expect(p.values).toEqual({});
    const keys = p.warnings.map((w) => w.split(/[:[.]/)[0]);
    expect(keys.sort()).toEqual(['customEntries', 'excludedSites', 'highlightStyle', 'includeIndividuals', 'listPublicKey', 'listUrl', 'lists', 'lizts', 'lockSettings', 'paused', 'updateIntervalHours'].sort());
    expect(p.warnings).toContain('lizts: unknown key, ignored');
    expect(p.warnings).toContain('highlightStyle: unknown key, ignored');

    const mixed = readPolicy({ updateIntervalHours: -3, includeIndividuals: true, listUrl: 'https://ok.example.com/l.json' });
    expect(mixed.values).toEqual({ includeIndividuals: true, listUrl: 'https://ok.example.com/l.json' });
    expect(mixed.warnings).toEqual([expect.stringMatching(/^updateIntervalHours: /)]);
    expect(mixed.locked).toBe(false);
  });

  it('drops unknown list codes one by one and accepts codes in any case', () => {
    const p = readPolicy({ lists: ['EL', 'XYZ', 7, 'sdn', 'EL'] });
    expect(p.values.lists).toEqual(['EL', 'SDN']);
    expect(p.warnings).toEqual([expect.stringMatching(/^lists\[1\]: "XYZ" is not a list code/), expect.stringMatching(/^lists\[2\]: number is not/)]);
    expect(readPolicy({ lists: [] }).values.lists).toEqual([]);
  });

  it('drops bad site patterns one by one', () => {
    const p = readPolicy({ excludedSites: ['Intranet.Example.com', 'https://x.example.com/path', '*.corp.example.com', '', 'a b.com', null] });
    expect(p.values.excludedSites).toEqual(['intranet.example.com', '*.corp.example.com']);
    expect(p.warnings.map((w) => w.match(/^excludedSites\[(\d+)\]/)?.[1])).toEqual(['1', '3', '4', '5']);
  });

  it('caps huge arrays with one warning, and counts warnings beyond a few', () => {
    const sites = Array.from({ length: LIMITS.excludedSites + 500 }, (_, i) => `host${i}.example.com`);
    const p = readPolicy({ excludedSites: sites });
    expect(p.values.excludedSites).toHaveLength(LIMITS.excludedSites);
    expect(p.warnings).toEqual([`excludedSites: only the first ${LIMITS.excludedSites} of ${sites.length} items are used`]);

    const bad = readPolicy({ lists: Array.from({ length: 60 }, () => 'NOPE') });
    expect(bad.values.lists).toEqual([]);
    expect(bad.warnings).toHaveLength(LIMITS.warningsPerKey + 1);
    expect(bad.warnings.at(-1)).toBe(`lists: ${60 - LIMITS.warningsPerKey} more problems not shown`);
  });

  it('drops bad custom entries individually, naming the index, and keeps the good ones', () => {
    const p = readPolicy({
      customEntries: [
        { name: 'Good One', aliases: ['G1'] },
        'just a name',
        { aliases: ['no name'] },
        { name: 'Bad Country', country: 'Germany' },
        { name: 'Bad Url', url: 'javascript:alert(1)' },
        { name: 'Bad Aliases', aliases: 'x' },
        { name: '  good   one ' },
        { name: 'Blank Fields', country: '', reason: '', url: '', note: 'kept, with a warning' },
        { name: 'x'.repeat(LIMITS.nameLength + 1) },
      ],
    });
    expect(p.values.customEntries).toEqual([{ name: 'Good One', aliases: ['G1'] }, { name: 'Blank Fields', aliases: [] }]);
    const indices = p.warnings.map((w) => w.match(/^customEntries\[(\d+)\]/)?.[1]);
    expect(indices).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(p.warnings.find((w) => w.startsWith('customEntries[6]'))).toMatch(/same name as customEntries\[0\]/);
    expect(p.warnings.find((w) => w.startsWith('customEntries[7]'))).toMatch(/note: unknown field/);
  });

  it('accepts the Ed25519 key raw, as SPKI base64 or as PEM, and stores the raw form', () => {
    const pem = ed25519.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    for (const form of [rawKey, spkiDer.toString('base64'), pem]) {
      const p = readPolicy({ listPublicKey: form });
      expect(p.warnings).toEqual([]);
      expect(p.values.listPublicKey).toBe(rawKey);
    }
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(readPolicy({ listPublicKey: rsa }).warnings).toEqual([expect.stringMatching(/^listPublicKey: /)]);
  });
});

describe('applyPolicy', () => {
  const policy = readPolicy({ ...fullPolicy, lockSettings: false });

  it('without lockSettings, managed values are defaults the user may change', () => {
    const { effective, lockedKeys } = applyPolicy({}, policy);
    expect(lockedKeys).toEqual([]);
    expect(effective).toEqual({
      ...defaults, listUrl: fullPolicy.listUrl, listPublicKey: rawKey, updateIntervalHours: 12, lists: ['EL', 'SDN', 'MEU'],
      includeIndividuals: true, excludedSites: fullPolicy.excludedSites,
    });
    const chosen = applyPolicy({ includeIndividuals: false, lists: ['DPL'], paused: true }, policy).effective;
    expect(chosen).toMatchObject({ includeIndividuals: false, lists: ['DPL'], paused: true, updateIntervalHours: 12 });
  });

  it('with lockSettings, managed values win and their keys are locked; other keys stay the user\'s', () => {
    const locked = readPolicy({ lists: ['EL'], includeIndividuals: false, lockSettings: true });
    const { effective, lockedKeys } = applyPolicy({ lists: ['SDN'], includeIndividuals: true, highlightStyle: 'outline' }, locked);
    expect(effective).toEqual({ ...defaults, lists: ['EL'], includeIndividuals: false, highlightStyle: 'outline' });
    expect(lockedKeys.sort()).toEqual(['includeIndividuals', 'lists']);
  });

  it('ignores invalid user values rather than letting them through', () => {
    const { effective } = applyPolicy({ updateIntervalHours: -1 } as never, { values: {}, locked: false });
    expect(effective).toEqual(defaults);
  });

  it('withoutLockedKeys drops locked keys from a change, with a warning each', () => {
    const r = withoutLockedKeys({ lists: ['SDN'], paused: true }, ['lists', 'excludedSites']);
    expect(r.patch).toEqual({ paused: true });
    expect(r.warnings).toEqual(['lists: set by your organisation; it cannot be changed here']);
  });
});

describe('customEntriesToEntries', () => {
  const values = readPolicy(fullPolicy).values;
  const entries = customEntriesToEntries(values.customEntries ?? []);

  it('makes valid entries of the organisation\'s list', () => {
    const parsed = asBundle(entries);
    expect(parsed.ok).toBe(true);
    expect(entries[0]).toEqual({
      id: expect.stringMatching(/^CUSTOM-[0-9a-f]{16}$/), list: 'CUSTOM', listName: "Your organisation's list", type: 'entity',
      name: 'Acme Widgets Ltd', aliases: ['Acme Widgets'], countries: ['DE'],
      reason: { text: 'Internal audit finding 2026-14', source: 'https://intranet.example.com/parties/acme' },
      url: 'https://intranet.example.com/parties/acme',
    });
    expect(entries[1]).toEqual({ id: expect.stringMatching(/^CUSTOM-/), list: 'CUSTOM', listName: "Your organisation's list", type: 'entity', name: 'Globex Trading' });
  });

  it('keeps ids stable when the policy is reordered or re-cased, and distinct for duplicates', () => {
    const again = customEntriesToEntries([{ name: 'globex  TRADING', aliases: [] }, { name: 'Acme Widgets Ltd', aliases: [] }]);
    expect(again[0]?.id).toBe(entries[1]?.id);
    expect(again[1]?.id).toBe(entries[0]?.id);
    const twice = customEntriesToEntries([{ name: 'Same', aliases: [] }, { name: 'same', aliases: [] }]);
    expect(new Set(twice.map((e) => e.id)).size).toBe(2);
  });

  it('is flagged in page text like a listed party', () => {
    const matcher = compileMatcher(entries);
    const found = findInDocument(matcher, 'We met Acme Widgets at the fair, then Globex Trading.');
    expect(found.map((m) => m.entryIds[0])).toEqual([entries[0]?.id, entries[1]?.id]);
  });
});

describe('readPolicy against random and hostile policies', () => {
  const hostile = fc.oneof(
    fc.anything({ withBigInt: false, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true }),
    fc.array(fc.anything(), { maxLength: 30 }),
    fc.array(fc.record({
      name: fc.oneof(fc.string(), fc.anything()),
      aliases: fc.oneof(fc.array(fc.string()), fc.anything()),
      country: fc.string({ maxLength: 3 }),
      reason: fc.oneof(fc.string(), fc.anything()),
      url: fc.oneof(fc.webUrl(), fc.string()),
    }, { requiredKeys: [] }), { maxLength: 20 }),
    fc.array(fc.oneof(fc.constantFrom(...LIST_CODES), fc.domain(), fc.string()), { maxLength: 20 }),
    fc.string({ maxLength: 50 }),
  );
  const policyKeys = fc.oneof(fc.constantFrom(...MANAGED_KEYS, '__proto__', 'constructor', 'toString'), fc.string({ maxLength: 12 }));

  it('never throws, and what it keeps is always valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(policyKeys, hostile, { maxKeys: 10 }), hostile), (raw) => {
        const p = readPolicy(raw);
        expect(Array.isArray(p.warnings)).toBe(true);
        assertValid(p.values);
        const { effective } = applyPolicy({}, p);
        expect(validateSettings(effective).warnings).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('valid keys survive beside invalid ones', () => {
    const validValues = fc.record(
      {
        listUrl: fc.webUrl({ validSchemes: ['https'] }),
        updateIntervalHours: fc.integer({ min: 0, max: 8760 }),
        lists: fc.uniqueArray(fc.constantFrom(...LIST_CODES)),
        includeIndividuals: fc.boolean(),
        excludedSites: fc.uniqueArray(fc.domain().map((d) => d.toLowerCase())),
        lockSettings: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    const invalid = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(MANAGED_KEYS as readonly string[]).includes(k)), fc.anything(), { maxKeys: 5 });
    fc.assert(
      fc.property(validValues, invalid, (valid, junk) => {
        const p = readPolicy({ ...junk, ...valid });
        for (const [k, v] of Object.entries(valid)) expect((p.values as Record<string, unknown>)[k]).toEqual(v);
        expect(p.warnings).toHaveLength(Object.keys(junk).filter((k) => !Object.hasOwn(valid, k)).length);
      }),
      { numRuns: 1000 },
    );
  });
});

function assertValid(values: ManagedValues): void {
  const { customEntries, lockSettings, ...settings } = values;
  expect(validateSettings(settings).warnings).toEqual([]);
  if (lockSettings !== undefined) expect(typeof lockSettings).toBe('boolean');
  if (customEntries) expect(asBundle(customEntriesToEntries(customEntries)).ok).toBe(true);
}
