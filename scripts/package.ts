/**
 * Packages in artifacts/, after a fresh build of both browsers:
 *
 *   listed-party-highlighter-<version>-chrome.zip    for the Chrome Web Store and Edge Add-ons
 *                                                    (no `key` field: the store assigns the id)
 *   listed-party-highlighter-<version>-firefox.zip   for addons.mozilla.org (listed, or unlisted
 *                                                    to get a signed .xpi an organisation hosts)
 *
 * For an organisation that hosts the Chrome/Edge extension itself, with its own signing key:
 *
 *   npm run package -- --crx-key admin-key.pem --update-base-url https://extensions.example.com/lph/
 *
 * also writes listed-party-highlighter-<version>.crx (signed with that key by Chromium's
 * packer) and updates.xml (the update manifest pointing at the .crx under that URL), and prints
 * the extension id the key gives. CRX_KEY=FILE works like --crx-key. --no-build packages
 * dist/ as it is. See docs/DEPLOYING.md.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BROWSERS, buildBrowser, type Browser } from './build';
import { filesUnder, zip } from './lib/zip';

export const PACKAGE_NAME = 'listed-party-highlighter';

type Json = Record<string, unknown>;

function packageVersion(): string {
  return (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
}

/**
 * The store package of an unpacked build. The Chrome Web Store refuses a manifest with `key`
 * (it signs with its own), so the zipped Chrome manifest goes without it.
 */
export function storeZip(dir: string, browser: Browser): Buffer {
  const entries = filesUnder(dir).map((e) => {
    if (e.name !== 'manifest.json' || browser !== 'chrome') return e;
    const manifest = JSON.parse(e.data.toString('utf8')) as Json;
    delete manifest.key;
    return { name: e.name, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) };
  });
  return zip(entries);
}

/** The signing key, checked: CRX signatures are RSA (a PKCS#1 or PKCS#8 PEM file both do). */
function rsaKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error('the CRX key must be a private key in PEM form (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048)');
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`the CRX key must be an RSA key, not ${key.asymmetricKeyType ?? 'this kind of key'}`);
  return key;
}

/** Chrome's id for a signing key: SHA-256 of the DER public key, first 32 hex digits, 0-f as a-p. */
export function extensionIdFromKey(privateKeyPem: string): string {
  const der = createPublicKey(rsaKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

function xmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The gupdate manifest Chrome and Edge poll for a self-hosted extension. */
export function updateManifest(id: string, version: string, crxUrl: string): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${xmlAttr(id)}'>`,
    `    <updatecheck codebase='${xmlAttr(crxUrl)}' version='${xmlAttr(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/**
 * Signs an unpacked Chrome build into a CRX with Chromium's own packer. Works on a copy: the
 * manifest's `key` (the fixed id of unpacked builds) is removed, since a CRX's id comes from
 * the key that signs it, and `update_url` is set so installed copies update from the same place.
 */
export function packCrx(dir: string, privateKeyPem: string, updateUrl: string): Buffer {
  const chromium = findChromium();
  if (!chromium) throw new Error('a CRX needs Chromium or Chrome to sign it: install chromium, or set CHROMIUM=/path/to/chrome');
  const work = mkdtempSync(join(tmpdir(), 'lph-crx-'));
  try {
    // Chromium's packer takes PKCS#8 only; older OpenSSL writes PKCS#1 ("BEGIN RSA PRIVATE KEY").
    const keyFile = join(work, 'key.pem');
    writeFileSync(keyFile, rsaKey(privateKeyPem).export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const copy = join(work, PACKAGE_NAME);
    cpSync(dir, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Json;
    delete manifest.key;
    manifest.update_url = updateUrl;
    writeFileSync(join(copy, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    execFileSync(
      chromium,
      ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(work, 'profile')}`, `--pack-extension=${copy}`, `--pack-extension-key=${keyFile}`],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const crxFile = `${copy}.crx`;
    if (!existsSync(crxFile)) throw new Error(`${chromium} did not write a CRX`);
    return readFileSync(crxFile);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface PackageOptions {
  outDir: string;
  /** Unpacked builds, per browser. */
  dirs: Record<Browser, string>;
  crxKey?: string;
  updateBaseUrl?: string;
}

/** Writes every package; returns the files written (and the CRX id, when there is a CRX). */
export function writePackages(opts: PackageOptions): { files: string[]; crxId?: string } {
  const version = packageVersion();
  mkdirSync(opts.outDir, { recursive: true });
  const files: string[] = [];
  for (const browser of BROWSERS) {
    const file = join(opts.outDir, `${PACKAGE_NAME}-${version}-${browser}.zip`);
    writeFileSync(file, storeZip(opts.dirs[browser], browser));
    files.push(file);
  }
  if (!opts.crxKey) return { files };
  if (!opts.updateBaseUrl) throw new Error('--crx-key needs --update-base-url: the address the .crx and updates.xml will be served from');
  const base = opts.updateBaseUrl.endsWith('/') ? opts.updateBaseUrl : `${opts.updateBaseUrl}/`;
  if (!/^https?:\/\//.test(base)) throw new Error(`--update-base-url must be an http or https URL, not "${opts.updateBaseUrl}"`);
  const crxName = `${PACKAGE_NAME}-${version}.crx`;
  const keyPem = readFileSync(opts.crxKey, 'utf8');
  const crxId = extensionIdFromKey(keyPem);
  const crxFile = join(opts.outDir, crxName);
  writeFileSync(crxFile, packCrx(opts.dirs.chrome, keyPem, `${base}updates.xml`));
  const manifestFile = join(opts.outDir, 'updates.xml');
  writeFileSync(manifestFile, updateManifest(crxId, version, `${base}${crxName}`));
  files.push(crxFile, manifestFile);
  return { files, crxId };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'crx-key': { type: 'string' },
      'update-base-url': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string', default: 'artifacts' },
    },
    strict: true,
  });
  const crxKey = values['crx-key'] ?? (process.env.CRX_KEY || undefined);
  if (crxKey && !existsSync(crxKey)) throw new Error(`no key file at ${crxKey}`);
  const dirs = { chrome: join('dist', 'chrome'), firefox: join('dist', 'firefox') };
  for (const browser of BROWSERS) {
    if (!values['no-build']) await buildBrowser(browser, false);
    else if (!existsSync(join(dirs[browser], 'manifest.json'))) throw new Error(`${dirs[browser]} is not built: run npm run build`);
  }
  const { files, crxId } = writePackages({ outDir: values.out, dirs, crxKey, updateBaseUrl: values['update-base-url'] });
  for (const f of files) console.log(`wrote ${f}`);
  if (crxId) {
    console.log(`extension id for this key: ${crxId}`);
    console.log(`force-install with: ${crxId};${values['update-base-url']?.replace(/\/?$/, '/')}updates.xml`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(`package: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
