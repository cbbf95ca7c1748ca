/**
 * Real policy files, as an administrator writes them, for the enterprise tests. They are
 * machine-wide (every Chromium or Firefox started meanwhile reads them), so each one written
 * here is removed afterwards, and an administrator's own file at the same place is put back.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writePackages } from '../../../scripts/package';
import { CHROME_BUILD_DIR } from './chromium';
import { FIREFOX_BUILD_DIR } from './firefox';
import type { FixtureServer } from './server';

/** Chromium on Linux reads every JSON file in this folder at start, and watches it. */
export const CHROMIUM_POLICY_FILE = '/etc/chromium/policies/managed/listed-parties-test.json';
/** Firefox ESR on Linux reads this file at start. */
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';

export interface PolicyFile {
  /** Replaces the file's content (Chromium notices by itself; Firefox only at its next start). */
  write(content: unknown): void;
  /** Removes the file and restores whatever was there before. */
  remove(): void;
}

export function policyFile(path: string): PolicyFile {
  const backup = `${path}.listed-parties-backup`;
  let saved = false;
  let createdDirs: string | undefined;
  return {
    write(content) {
      if (!saved) {
        if (existsSync(path)) renameSync(path, backup);
        else if (!existsSync(dirname(path))) createdDirs = dirname(path);
        mkdirSync(dirname(path), { recursive: true });
        saved = true;
      }
      // Written whole and renamed into place, so a browser never reads half a file.
      writeFileSync(`${path}.tmp`, `${JSON.stringify(content, null, 2)}\n`);
      renameSync(`${path}.tmp`, path);
    },
    remove() {
      rmSync(path, { force: true });
      if (existsSync(backup)) renameSync(backup, path);
      else if (createdDirs) rmSync(createdDirs, { recursive: true, force: true });
      saved = false;
    },
  };
}

/** Chromium's `3rdparty` form: settings for one extension. */
export function chromiumPolicy(id: string, settings: unknown, forceInstallUrl?: string): unknown {
  return {
    ...(forceInstallUrl ? { ExtensionInstallForcelist: [`${id};${forceInstallUrl}`] } : {}),
    '3rdparty': { extensions: { [id]: settings } },
  };
}

/** Firefox's policies.json form (note the capital E of Extensions). */
export function firefoxPolicy(geckoId: string, settings: unknown): unknown {
  return { policies: { '3rdparty': { Extensions: { [geckoId]: settings } } } };
}

/**
 * Packs the built extension as an organisation would (`npm run package` with its own key) and
 * serves the CRX and update manifest under /deploy/. Returns the id the key gives and the update
 * manifest's address, the two halves of an ExtensionInstallForcelist item.
 */
export function serveSelfHostedCrx(server: FixtureServer): { id: string; updateUrl: string } {
  const work = mkdtempSync(join(tmpdir(), 'listed-parties-deploy-'));
  try {
    const keyFile = join(work, 'admin-key.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const base = server.url('/deploy/');
    const { files, crxId } = writePackages({
      outDir: join(work, 'out'),
      dirs: { chrome: CHROME_BUILD_DIR, firefox: FIREFOX_BUILD_DIR },
      crxKey: keyFile,
      updateBaseUrl: base,
    });
    if (!crxId) throw new Error('no CRX was made');
    for (const file of files.filter((f) => f.endsWith('.crx') || f.endsWith('.xml'))) {
      const body = readFileSync(file);
      const name = file.slice(file.lastIndexOf('/') + 1);
      const contentType = name.endsWith('.crx') ? 'application/x-chrome-extension' : 'text/xml';
      server.route(`/deploy/${name}`, () => ({ body, contentType }));
    }
    return { id: crxId, updateUrl: `${base}updates.xml` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
