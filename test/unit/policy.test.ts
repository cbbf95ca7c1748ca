import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe('the ready policy files in docs/policies', () => {
  const dir = 'docs/policies';
  const CHROME_ID = 'bbfkmeefeddgdbldelfbiahcjfbplmai';
  const GECKO_ID = 'listed-parties@extension.local';
  const schema = JSON.parse(readFileSync('extension/managed_schema.json', 'utf8')) as { properties: Record<string, { type: string }> };
  const expectClean = (settings: unknown) => {
    const p = readPolicy(settings);
    expect(p.warnings).toEqual([]);
    expect(Object.keys(p.values).sort()).toEqual([...MANAGED_KEYS].sort());
    return p;
  };
  const reference = expectClean(JSON.parse(readFileSync(join(dir, 'managed-settings.json'), 'utf8')));

  it('every JSON file parses, and its extension settings pass readPolicy without warnings', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(['chrome-linux.json', 'edge-linux.json', 'firefox-policies.json', 'google-admin-console.json', 'managed-settings.json']);
    const read = (f: string): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'));
    for (const f of ['chrome-linux.json', 'edge-linux.json']) {
      const policy = read(f);
      expect(dig(policy, 'ExtensionInstallForcelist')).toEqual([`${CHROME_ID};https://extensions.example.com/listed-party-highlighter/updates.xml`]);
      expect(expectClean(dig(policy, '3rdparty', 'extensions', CHROME_ID)).values).toEqual(reference.values);
    }
    const firefox = read('firefox-policies.json');
    expect(dig(firefox, 'policies', 'ExtensionSettings', GECKO_ID)).toMatchObject({ installation_mode: 'force_installed', install_url: expect.stringMatching(/^https:\/\/.*\.xpi$/) });
    expect(expectClean(dig(firefox, 'policies', '3rdparty', 'Extensions', GECKO_ID)).values).toEqual(reference.values);
    // The Admin console wraps each value as {"Value": …}.
    const adminConsole = read('google-admin-console.json') as Record<string, unknown>;
    expect(expectClean(Object.fromEntries(Object.entries(adminConsole).map(([k, v]) => [k, dig(v, 'Value')]))).values).toEqual(reference.values);
  });

  it('the macOS profile and plist carry the same settings in the extension\'s own preference domain', () => {
    const plist = (f: string): unknown => JSON.parse(execFileSync('python3', ['-c', 'import plistlib,json,sys;print(json.dumps(plistlib.load(open(sys.argv[1],"rb"))))', join(dir, f)], { encoding: 'utf8' }));
    expect(expectClean(plist('macos-chrome-extension-settings.plist')).values).toEqual(reference.values);
    const profile = plist('macos-chrome.mobileconfig') as { PayloadContent: Record<string, unknown>[] };
    const chrome = profile.PayloadContent.find((p) => p.PayloadType === 'com.google.Chrome');
    expect(chrome?.ExtensionInstallForcelist).toEqual([`${CHROME_ID};https://extensions.example.com/listed-party-highlighter/updates.xml`]);
    const ext = profile.PayloadContent.find((p) => p.PayloadType === `com.google.Chrome.extensions.${CHROME_ID}`) ?? {};
    const settings = Object.fromEntries(Object.entries(ext).filter(([k]) => !k.startsWith('Payload')));
    expect(expectClean(settings).values).toEqual(reference.values);
  });

  it('the .reg files give the same settings once read as Chrome reads the registry against the schema', () => {
    for (const [file, vendor] of [['windows-chrome.reg', 'Google\\Chrome'], ['edge-windows.reg', 'Microsoft\\Edge']] as const) {
      const keys = parseReg(readFileSync(join(dir, file), 'utf8'));
      expect(keys.get(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}\\ExtensionInstallForcelist`)).toEqual({ 1: `${CHROME_ID};https://extensions.example.com/listed-party-highlighter/updates.xml` });
      const raw = keys.get(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}\\3rdparty\\extensions\\${CHROME_ID}\\policy`) ?? {};
      // Chrome converts by the schema: DWORDs to booleans or integers, JSON strings to lists and objects.
      const settings = Object.fromEntries(Object.entries(raw).map(([k, v]) => {
        const type = schema.properties[k]?.type;
        if (type === 'boolean') return [k, v !== 0];
        if (type === 'array' || type === 'object') return [k, JSON.parse(String(v))];
        return [k, v];
      }));
      expect(expectClean(settings).values).toEqual(reference.values);
    }
  });
});

/** A value deep inside parsed JSON, or undefined. */
function dig(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), value);
}

/** The subset of the .reg format the policy files use: keys, "name"="string" and "name"=dword:hex. */
function parseReg(text: string): Map<string, Record<string, string | number>> {
  const lines = text.split(/\r?\n/);
  expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
  const keys = new Map<string, Record<string, string | number>>();
  let current: Record<string, string | number> | undefined;
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const key = /^\[(.+)\]$/.exec(line);
    if (key?.[1]) {
      current = {};
      keys.set(key[1], current);
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (!value || !current) throw new Error(`not understood: ${line}`);
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    current[unescape(value[1] ?? '')] = value[3] !== undefined ? parseInt(value[3], 16) : unescape(value[2] ?? '');
  }
  return keys;
}
