/** The ready policy files administrators copy (docs/policies) agree with the schema and the reader. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANAGED_KEYS, readPolicy } from '../../src/core/policy';

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
