/** Small bundles, CSL texts and keys for the update tests. */
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeBundle } from '../../../src/core/list/bundle';
import { LIST_NAMES, type Bundle, type Entry, type ListCode } from '../../../src/core/model';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const LIST_FIXTURES = join(ROOT, 'test/fixtures/lists');
export const UPDATE_FIXTURES = join(ROOT, 'test/fixtures/update');
export const readFixture = (path: string): string => readFileSync(path, 'utf8');
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** `n` entries of list `code`, with ids unique across calls by `tag`. */
export function entries(code: ListCode, n: number, tag = 'e'): Entry[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${code}-${tag}${i}`, list: code, listName: LIST_NAMES[code], type: 'entity' as const, name: `${code} Trading ${tag}${i} Ltd` }));
}

export function bundleOf(list: Entry[], origin = 'test'): Bundle {
  return makeBundle(list, { dataDate: '2026-11-01', origin, sources: [{ file: 't', description: 'test' }], builtAt: '2026-11-01T00:00:00.000Z' });
}

/** A consolidated.json in the official shape, one record per given name. */
export function cslJson(records: { source: ListCode; name: string; id?: string }[]): string {
  return JSON.stringify({
    total: records.length,
    sources_used: [{ source: LIST_NAMES.EL, source_last_updated: '2026-11-20' }],
    results: records.map((r, i) => ({ id: r.id ?? `r${i}`, source: LIST_NAMES[r.source], name: r.name, alt_names: [], addresses: [] })),
  });
}

/** A fresh Ed25519 key pair: the raw public key in base64, and a signer giving base64. */
export function keyPair(): { publicKey: string; privatePem: string; signBase64: (bytes: Uint8Array) => string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    publicKey: spki.subarray(spki.length - 32).toString('base64'),
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    signBase64: (bytes) => sign(null, bytes, privateKey).toString('base64'),
  };
}
