import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zip } from '../../scripts/lib/zip';
import { crc32 } from '../../scripts/lib/crc32';
import { manifestFor } from '../../scripts/build';
import { contentCss } from '../../src/content/highlight-css';
import { PACKAGE_NAME, extensionIdFromKey, findChromium, updateManifest, writePackages } from '../../scripts/package';

/** Names and contents of a zip, read by Python's zipfile (an independent reader), CRCs checked. */
function readZip(file: string): Record<string, string> {
  const script = 'import zipfile,sys,json;z=zipfile.ZipFile(sys.argv[1]);assert z.testzip() is None;print(json.dumps({n: z.read(n).decode("utf-8","replace") for n in z.namelist()}))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Record<string, string>;
}

/** Minimal protobuf reader: field number → list of length-delimited values (all CRX3 needs). */
function protoFields(buf: Buffer): Map<number, Buffer[]> {
  const out = new Map<number, Buffer[]>();
  let i = 0;
  const varint = (): number => {
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      const b = buf[i++] ?? 0;
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
    }
  };
  while (i < buf.length) {
    const tag = varint();
    if ((tag & 7) !== 2) throw new Error(`unexpected wire type ${tag & 7}`);
    const len = varint();
    const field = Math.floor(tag / 8);
    out.set(field, [...(out.get(field) ?? []), buf.subarray(i, i + len)]);
    i += len;
  }
  return out;
}

describe('zip writer', () => {
  it('writes archives a standard reader opens and verifies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    const file = join(dir, 'x.zip');
    writeFileSync(file, zip([{ name: 'manifest.json', data: Buffer.from('{"a":1}') }, { name: 'data/b.txt', data: Buffer.from('é'.repeat(5000)) }]));
    expect(readZip(file)).toEqual({ 'manifest.json': '{"a":1}', 'data/b.txt': 'é'.repeat(5000) });
  });
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
  });
});

const SCRIPTS = ['background.js', 'content.js', 'popup.js', 'options.js'];

describe('packages', () => {
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const root = mkdtempSync(join(tmpdir(), 'package-test-'));
  const out = join(root, 'artifacts');
  const keyFile = join(root, 'admin-key.pem');
  const dirs = { chrome: join(root, 'chrome'), firefox: join(root, 'firefox') };
  let written: ReturnType<typeof writePackages>;
  const chromium = findChromium();

  beforeAll(() => {
    // Unpacked builds as scripts/build.ts lays them out, with stand-in scripts and no list data:
    // the packaging is under test here, not esbuild (and dist/ is left alone).
    for (const browser of ['chrome', 'firefox'] as const) {
      cpSync('extension', dirs[browser], { recursive: true, filter: (src) => !src.startsWith(join('extension', 'data')) });
      writeFileSync(join(dirs[browser], 'manifest.json'), JSON.stringify(manifestFor(browser)));
      writeFileSync(join(dirs[browser], 'content.css'), contentCss(browser));
      for (const script of SCRIPTS) writeFileSync(join(dirs[browser], script), '"use strict";\n');
    }
    writeFileSync(keyFile, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    written = writePackages({ outDir: out, dirs, crxKey: chromium ? keyFile : undefined, updateBaseUrl: 'https://extensions.example.com/lph' });
  }, 120_000);

  it('store zips carry every file, the version from package.json, and no `key` for Chrome', () => {
    const chrome = readZip(join(out, `${PACKAGE_NAME}-${version}-chrome.zip`));
    expect(Object.keys(chrome)).toEqual(expect.arrayContaining([...SCRIPTS, 'manifest.json', 'managed_schema.json', 'icons/icon-128.png', '_locales/en/messages.json']));
    expect(Object.keys(chrome)).toHaveLength(readdirSync(dirs.chrome, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).length);
    const chromeManifest = JSON.parse(chrome['manifest.json'] ?? '{}') as Record<string, unknown>;
    expect(chromeManifest.version).toBe(version);
    expect(chromeManifest).not.toHaveProperty('key');
    expect(chromeManifest).toHaveProperty('storage.managed_schema', 'managed_schema.json');

    const firefox = readZip(join(out, `${PACKAGE_NAME}-${version}-firefox.zip`));
    const firefoxManifest = JSON.parse(firefox['manifest.json'] ?? '{}') as Record<string, unknown>;
    expect(firefoxManifest.version).toBe(version);
    expect(firefoxManifest).toHaveProperty(['browser_specific_settings', 'gecko', 'id'], 'listed-parties@extension.local');
  });

  it('derives the id Chrome gives the manifest key of unpacked builds', () => {
    // The manifest `key` is the public key; Chrome's id is the same hash of it.
    const key = manifestFor('chrome').key as string;
    const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
    expect([...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('')).toBe('bbfkmeefeddgdbldelfbiahcjfbplmai');
    const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(extensionIdFromKey(pem)).toMatch(/^[a-p]{32}$/);
  });

  it('writes a gupdate manifest naming the id, version and CRX address', () => {
    const xml = updateManifest('abcdefghijklmnopabcdefghijklmnop', '1.2.3', "https://x.example.com/a.crx?v=1&b='2'");
    expect(xml).toContain("<app appid='abcdefghijklmnopabcdefghijklmnop'>");
    expect(xml).toContain("codebase='https://x.example.com/a.crx?v=1&amp;b=&apos;2&apos;' version='1.2.3'");
  });

  it.runIf(chromium)('signs a CRX3 with the administrator key, and updates.xml names its id', () => {
    const id = extensionIdFromKey(readFileSync(keyFile, 'utf8'));
    expect(written.crxId).toBe(id);
    const crx = readFileSync(join(out, `${PACKAGE_NAME}-${version}.crx`));
    expect(crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
    expect(crx.readUInt32LE(4)).toBe(3);
    const headerSize = crx.readUInt32LE(8);
    const header = protoFields(crx.subarray(12, 12 + headerSize));
    // The CRX's own id (signed header data, field 1 of field 10000) is the one we print.
    const signedData = protoFields(header.get(10000)?.[0] ?? Buffer.alloc(0));
    const crxId = [...(signedData.get(1)?.[0] ?? Buffer.alloc(0)).toString('hex')].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
    expect(crxId).toBe(id);
    // Signed with the administrator's key (field 2: SHA-256 with RSA proofs; field 1 of a proof: the public key).
    const publicKeys = (header.get(2) ?? []).map((proof) => protoFields(proof).get(1)?.[0]?.toString('base64'));
    expect(publicKeys).toContain(createPublicKey(readFileSync(keyFile, 'utf8')).export({ type: 'spki', format: 'der' }).toString('base64'));

    // The archive inside: no fixed `key`, and update_url pointing at the update manifest.
    const inner = join(root, 'inner.zip');
    writeFileSync(inner, crx.subarray(12 + headerSize));
    const manifest = JSON.parse(readZip(inner)['manifest.json'] ?? '{}') as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('key');
    expect(manifest.update_url).toBe('https://extensions.example.com/lph/updates.xml');

    const xml = readFileSync(join(out, 'updates.xml'), 'utf8');
    expect(xml).toContain(`<app appid='${id}'>`);
    expect(xml).toContain(`codebase='https://extensions.example.com/lph/${PACKAGE_NAME}-${version}.crx' version='${version}'`);
  });
});
