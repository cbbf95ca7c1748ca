import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { commonWordsFromBundle } from '../../../src/core/list/ambiguity';
import type { Bundle } from '../../../src/core/model';
import { decodeListText, fileNameOf, prepareUpdate, type UpdateInput } from '../../../src/core/update/index';
import { bundleOf, cslJson, entries, keyPair, LIST_FIXTURES, readFixture, UPDATE_FIXTURES, utf8 } from './helpers';

const NOW = Date.UTC(2026, 10, 29, 2, 0);
const URL_JSON = 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json';
const MIRROR = 'https://lists.example.org/screening/bundle.json';
const base = (over: Partial<UpdateInput>): UpdateInput => ({ bytes: new Uint8Array(), url: URL_JSON, now: NOW, maxLossShare: 0.2, ...over });
const errorOf = async (over: Partial<UpdateInput>): Promise<string> => {
  const r = await prepareUpdate(base(over));
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error;
};

describe('prepareUpdate: what a server may send', () => {
  it('converts the official consolidated.json', async () => {
    const r = await prepareUpdate(base({ bytes: utf8(readFixture(join(LIST_FIXTURES, 'consolidated-sample.json'))), contentType: 'application/json' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.kind).toBe('csl-json');
    expect(r.bundle.dataDate).toBe('2026-11-24');
    expect(r.bundle.counts).toEqual({ EL: 1, DPL: 1, SDN: 2 });
    expect(r.skipped).toBeGreaterThan(0);
    expect(r.signed).toBe(false);
    expect(r.origin).toBe(`Consolidated Screening List downloaded from ${URL_JSON}`);
    expect(r.bundle.origin).toBe(r.origin);
  });

  it('converts the official CSV, dated the day of the check, with or without a byte-order mark', async () => {
    const csv = readFixture(join(UPDATE_FIXTURES, 'consolidated-small.csv'));
    for (const text of [csv, `\ufeff${csv}`]) {
      const r = await prepareUpdate(base({ bytes: utf8(text), url: 'https://mirror.example/consolidated.csv', contentType: 'text/csv' }));
      expect(r.ok && r.kind).toBe('csl-csv');
      expect(r.ok && r.bundle.dataDate).toBe('2026-11-29');
      expect(r.ok && r.bundle.counts).toEqual({ EL: 3, SDN: 1, UVL: 1, DPL: 1 });
    }
  });

  it('reads a JSON file with a byte-order mark, and UTF-16 with its mark', async () => {
    const json = cslJson([{ source: 'EL', name: 'Harbour Optics Co., Ltd.' }]);
    expect((await prepareUpdate(base({ bytes: utf8(`\ufeff${json}`) }))).ok).toBe(true);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(json, 'utf16le'))]);
    expect((await prepareUpdate(base({ bytes: utf16 }))).ok).toBe(true);
  });

  it('takes a bundle made by the list script unchanged, naming where it came from', async () => {
    const hosted = bundleOf(entries('EL', 30), 'converted from consolidated.json');
    const r = await prepareUpdate(base({ bytes: utf8(JSON.stringify(hosted)), url: MIRROR }));
    expect(r.ok && r.kind).toBe('bundle');
    expect(r.ok && r.bundle.entries).toEqual(hosted.entries);
    expect(r.ok && r.origin).toBe(`converted from consolidated.json, downloaded from ${MIRROR}`);
  });

  const markup = '<script>alert("x")</script><img src=x onerror=alert(1)> Trading';
  it('drops markup from names of an official list (the build\'s cleaning step)', async () => {
    const r = await prepareUpdate(base({ bytes: utf8(cslJson([{ source: 'SDN', name: markup }])) }));
    expect(r.ok && r.bundle.entries[0]?.name).toBe('alert("x") Trading');
  });
  it('keeps a bundle\'s names as they are: markup stays inert text (the UI renders with textContent)', async () => {
    const hosted = bundleOf([{ ...entries('SDN', 1)[0]!, name: markup }]);
    const r = await prepareUpdate(base({ bytes: utf8(JSON.stringify(hosted)), url: MIRROR }));
    expect(r.ok && r.bundle.entries[0]?.name).toBe(markup);
  });

  it('marks ordinary-word names with the words it is given (as the embedded bundle would)', async () => {
    const embedded = bundleOf([{ ...entries('EL', 1)[0]!, name: 'Arsenal', ambiguous: [{ name: 'Arsenal', reason: 'common-word' }] }]);
    const bytes = utf8(cslJson([{ source: 'EL', name: 'Arsenal' }]));
    const marked = await prepareUpdate(base({ bytes, commonWords: commonWordsFromBundle(embedded) }));
    expect(marked.ok && marked.bundle.entries[0]?.ambiguous).toEqual([{ name: 'Arsenal', reason: 'common-word' }]);
    const plain = await prepareUpdate(base({ bytes }));
    expect(plain.ok && plain.bundle.entries[0]?.ambiguous).toBeUndefined();
  });
});

describe('prepareUpdate: refusals, in plain words', () => {
  const good = cslJson([{ source: 'EL', name: 'Harbour Optics' }, { source: 'SDN', name: 'Blue Sea Shipping' }]);

  it('an empty download, and a list without entries', async () => {
    expect(await errorOf({ bytes: new Uint8Array() })).toBe('the downloaded file is empty');
    expect(await errorOf({ bytes: utf8('  \n') })).toBe('consolidated.json: the file is empty');
    expect(await errorOf({ bytes: utf8('{"results": []}') })).toBe('consolidated.json: no list entries found');
  });

  it('truncated JSON, naming the place', async () => {
    const error = await errorOf({ bytes: utf8(good.slice(0, good.length - 40)) });
    expect(error).toMatch(/^consolidated\.json \(cut short at the end, line 1\): malformed JSON/);
  });

  it('a web page served instead of the list, by content or by its type', async () => {
    const page = '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Please sign in</body></html>';
    expect(await errorOf({ bytes: utf8(page), contentType: 'application/octet-stream' })).toBe('the server sent a web page instead of a list (often a login, error or "moved" page)');
    expect(await errorOf({ bytes: utf8(good), contentType: 'text/html; charset=utf-8' })).toContain('web page');
    expect(await errorOf({ bytes: utf8('<?xml version="1.0"?><list/>') })).toBe('the file is XML or HTML, not a list (JSON or CSV)');
  });

  it('JSON that is not a list, and a CSV without the list columns', async () => {
    expect(await errorOf({ bytes: utf8('{"weather": "fine"}') })).toContain('not a CSL file');
    expect(await errorOf({ bytes: utf8('a,b\n1,2\n'), url: 'https://x.example/l.csv' })).toBe('l.csv (line 1): missing columns: source, name');
  });

  it('compressed, binary and non-UTF-8 files', async () => {
    expect(await errorOf({ bytes: new Uint8Array([0x1f, 0x8b, 8, 0, 0]) })).toContain('compressed (gzip)');
    expect(await errorOf({ bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0]) })).toContain('ZIP archive');
    expect(await errorOf({ bytes: new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]) })).toBe('the file is not UTF-8 text');
    expect(await errorOf({ bytes: new Uint8Array([0x7b, 0, 0x7d]) })).toBe('the file is binary, not a text list');
  });

  it('a list that loses too much against the one in use', async () => {
    const current = bundleOf([...entries('EL', 50), ...entries('SDN', 50)]);
    expect(await errorOf({ bytes: utf8(good), current })).toBe('the new list has 2 entries, 98% fewer than the 100 in use (more than the 20% allowed); it may be cut short');
    expect((await prepareUpdate(base({ bytes: utf8(good), current, maxLossShare: 1 }))).ok).toBe(true);
  });

  it('one source list missing, unless told to compare only the total', async () => {
    const current = bundleOf([...entries('EL', 10), ...entries('SDN', 10)]);
    const noSdn = cslJson([...entries('EL', 20)].map((e) => ({ source: 'EL' as const, name: e.name })));
    expect(await errorOf({ bytes: utf8(noSdn), current })).toBe('the new list has no SDN entries, while the list in use has 10; that source list seems to be missing from the download');
    expect((await prepareUpdate(base({ bytes: utf8(noSdn), current, comparePerList: false }))).ok).toBe(true);
  });

  it('never throws, whatever it is given', async () => {
    const r = await prepareUpdate({ bytes: null, url: 42, now: Number.NaN } as unknown as UpdateInput);
    expect(r.ok).toBe(false);
  });
});

describe('prepareUpdate with a pinned signing key', () => {
  const key = keyPair();
  const hosted: Bundle = bundleOf(entries('SDN', 20), 'converted from consolidated.json');
  const bytes = utf8(JSON.stringify(hosted));
  const signature = `${key.signBase64(bytes)}\n`;

  it('accepts a bundle with a valid detached signature', async () => {
    const r = await prepareUpdate(base({ bytes, url: MIRROR, publicKey: key.publicKey, signature }));
    expect(r.ok && r.signed).toBe(true);
    expect(r.ok && r.origin).toBe(`converted from consolidated.json, downloaded from ${MIRROR} (signature checked)`);
  });

  it('refuses a missing signature, naming where it was expected', async () => {
    expect(await errorOf({ bytes, url: MIRROR, publicKey: key.publicKey })).toBe(`a signing key is set, but the list has no signature (expected at ${MIRROR}.sig)`);
    expect(await errorOf({ bytes, url: MIRROR, publicKey: key.publicKey, signature: ' ' })).toContain('has no signature');
  });

  it('refuses a wrong signature, a wrong key and tampered bytes', async () => {
    const mismatch = "the list's signature does not match the signing key that is set (signed with another key, or the file was changed)";
    const other = keyPair();
    expect(await errorOf({ bytes, publicKey: key.publicKey, signature: other.signBase64(bytes) })).toBe(mismatch);
    expect(await errorOf({ bytes, publicKey: other.publicKey, signature })).toBe(mismatch);
    expect(await errorOf({ bytes, publicKey: key.publicKey, signature: 'garbage' })).toBe(mismatch);
    const tampered = utf8(JSON.stringify({ ...hosted, entries: hosted.entries.slice(1) }));
    expect(await errorOf({ bytes: tampered, publicKey: key.publicKey, signature })).toBe(mismatch);
  });

  it('refuses a signed list older than the list in use (no rollback), and takes one of the same date', async () => {
    const current: Bundle = { ...hosted, dataDate: '2026-12-01' };
    expect(await errorOf({ bytes, url: MIRROR, publicKey: key.publicKey, signature, current })).toBe(
      `the signed list is dated ${hosted.dataDate}, older than the list in use (2026-12-01); an older signed list is not accepted`,
    );
    const sameDay = await prepareUpdate(base({ bytes, url: MIRROR, publicKey: key.publicKey, signature, current: { ...hosted } }));
    expect(sameDay.ok).toBe(true);
  });

  it('refuses a signed official list: with a key, only bundles from the list script are taken', async () => {
    const csl = utf8(cslJson([{ source: 'EL', name: 'Harbour Optics' }]));
    expect(await errorOf({ bytes: csl, publicKey: key.publicKey, signature: key.signBase64(csl) })).toContain('only signed bundles made by the list script are accepted');
  });
});

describe('helpers', () => {
  it('fileNameOf takes the last path segment', () => {
    expect(fileNameOf(URL_JSON)).toBe('consolidated.json');
    expect(fileNameOf('https://x.example/')).toBe('downloaded list');
    expect(fileNameOf('nonsense')).toBe('downloaded list');
  });
  it('decodeListText drops a UTF-8 byte-order mark', () => {
    expect(decodeListText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ ok: true, text: 'A' });
  });
});
