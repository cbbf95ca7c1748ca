import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zip } from '../../scripts/lib/zip';
import { crc32 } from '../../scripts/lib/crc32';

describe('zip writer', () => {
  it('writes archives a standard reader opens and verifies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    const file = join(dir, 'x.zip');
    writeFileSync(file, zip([{ name: 'manifest.json', data: Buffer.from('{"a":1}') }, { name: 'data/b.txt', data: Buffer.from('é'.repeat(5000)) }]));
    const out = execFileSync('python3', ['-c', `import zipfile,sys;z=zipfile.ZipFile(sys.argv[1]);assert z.testzip() is None;print(z.namelist(), z.read('data/b.txt').decode()=='é'*5000)`, file], { encoding: 'utf8' });
    expect(out.trim()).toBe("['manifest.json', 'data/b.txt'] True");
  });
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
  });
});
