import { describe, expect, it } from 'vitest';
import { createPublicKey } from 'node:crypto';
import { base64ToBytes, signatureUrlFor, verifyDetached } from '../../../src/core/update/signature';
import { keyPair, utf8 } from './helpers';

describe('verifyDetached', () => {
  const key = keyPair();
  const bytes = utf8('{"format":1,"entries":[]}');
  const signature = key.signBase64(bytes);

  it('accepts the signature of the exact bytes under the right key', async () => {
    expect(await verifyDetached(bytes, signature, key.publicKey)).toBe(true);
  });
  it('accepts a signature file with a trailing newline and a key in SPKI PEM form', async () => {
    const pem = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(key.publicKey, 'base64')]), format: 'der', type: 'spki' })
      .export({ format: 'pem', type: 'spki' })
      .toString();
    expect(await verifyDetached(bytes, `${signature}\n`, pem)).toBe(true);
  });
  it('refuses tampered bytes: one byte changed, one byte added', async () => {
    const changed = bytes.slice();
    changed[3] = (changed[3] ?? 0) ^ 1;
    expect(await verifyDetached(changed, signature, key.publicKey)).toBe(false);
    expect(await verifyDetached(utf8('{"format":1,"entries":[]} '), signature, key.publicKey)).toBe(false);
  });
  it('refuses another key and another signature', async () => {
    const other = keyPair();
    expect(await verifyDetached(bytes, signature, other.publicKey)).toBe(false);
    expect(await verifyDetached(bytes, other.signBase64(bytes), key.publicKey)).toBe(false);
  });
  it('returns false, never throws, for malformed signatures and keys', async () => {
    const cases: [string, string][] = [
      ['', key.publicKey],
      ['not base64 at all!', key.publicKey],
      [signature.slice(0, 40), key.publicKey], // too short
      [Buffer.alloc(64).toString('base64'), key.publicKey], // all zero
      [signature, ''],
      [signature, 'AAAA'],
      [signature, Buffer.alloc(32, 0xff).toString('base64')], // not a point on the curve
    ];
    for (const [sig, pub] of cases) expect(await verifyDetached(bytes, sig, pub)).toBe(false);
  });
});

describe('base64ToBytes and signatureUrlFor', () => {
  it('decodes strict base64 and refuses the rest', () => {
    expect([...(base64ToBytes('AQID\n') ?? [])]).toEqual([1, 2, 3]);
    expect(base64ToBytes('AQI')).toBeUndefined();
    expect(base64ToBytes('AQ-D')).toBeUndefined();
    expect(base64ToBytes('')).toBeUndefined();
  });
  it('puts .sig at the end of the path, keeping a query', () => {
    expect(signatureUrlFor('https://lists.example.org/csl/bundle.json')).toBe('https://lists.example.org/csl/bundle.json.sig');
    expect(signatureUrlFor('https://lists.example.org/bundle.json?token=a')).toBe('https://lists.example.org/bundle.json.sig?token=a');
    expect(signatureUrlFor('not a url')).toBe('not a url.sig');
  });
});
