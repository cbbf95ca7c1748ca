/** `npm run build-list` with --sign and --print-public-key, run as a child process on temporary files. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyDetached } from '../../../src/core/update/signature';
import { keyPair, LIST_FIXTURES, ROOT } from './helpers';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const buildList = (args: string[]) => spawnSync(TSX, [join(ROOT, 'scripts/build-list.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

describe('build-list --sign', () => {
  const dir = mkdtempSync(join(tmpdir(), 'build-list-sign-'));
  const key = keyPair();
  const keyFile = join(dir, 'key.pem');
  writeFileSync(keyFile, key.privatePem);
  const from = join(LIST_FIXTURES, 'consolidated-sample.json');
  const out = join(dir, 'bundle.json');

  it('writes OUT.sig, a signature of the exact bytes of OUT that the extension accepts', async () => {
    const r = buildList(['--from', from, '--out', out, '--sign', keyFile]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`signed: wrote ${out}.sig (public key ${key.publicKey})`);
    const signature = readFileSync(`${out}.sig`, 'utf8');
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    const bytes = new Uint8Array(readFileSync(out));
    expect(await verifyDetached(bytes, signature, key.publicKey)).toBe(true);
    expect(await verifyDetached(bytes, signature, keyPair().publicKey)).toBe(false);
  });

  it('prints the raw public key for the listPublicKey setting', () => {
    const r = buildList(['--print-public-key', keyFile]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${key.publicKey}\n`);
  });

  it('removes a signature left from an earlier file when writing without --sign', () => {
    const r = buildList(['--from', from, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`removed ${out}.sig: it signed the previous file`);
    expect(existsSync(`${out}.sig`)).toBe(false);
  });

  const badKeys: [string, string, RegExp][] = [
    ['a file that is not a key', 'This is not a key\n', /not a private key in PEM form/],
    ['a key of another kind', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), /an ec key, not an Ed25519 key/],
  ];
  for (const [label, text, message] of badKeys) {
    it(`refuses ${label}, and writes nothing`, () => {
      const before = readFileSync(out, 'utf8');
      const bad = join(dir, 'bad.pem');
      writeFileSync(bad, text);
      const r = buildList(['--from', from, '--out', out, '--sign', bad]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(readFileSync(out, 'utf8')).toBe(before);
      expect(existsSync(`${out}.sig`)).toBe(false);
    });
  }

  it('refuses a key file that does not exist', () => {
    const r = buildList(['--print-public-key', join(dir, 'nowhere.pem')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nowhere\.pem: no such file/);
  });
});
