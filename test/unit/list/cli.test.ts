/** `npm run build-list`, run as a user runs it: a child process on temporary files. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBundle } from '../../../src/core/list/bundle';
import { FIXTURES, ROOT } from './helpers';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const buildList = (args: string[]) =>
  spawnSync(TSX, [join(ROOT, 'scripts/build-list.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

describe('build-list --from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'build-list-'));
  const out = join(dir, 'bundle.json');

  it('converts an official consolidated.json and prints a report', () => {
    const r = buildList(['--from', join(FIXTURES, 'consolidated-sample.json'), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('an official consolidated.json');
    expect(r.stdout).toContain('consolidated-sample.json results[5]: skipped, unknown source list');
    expect(r.stdout).toMatch(/counts: EL 1, DPL 1, SDN 2; 4 entries/);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('\n'); // compact
    const parsed = parseBundle(JSON.parse(text));
    expect(parsed.ok && parsed.bundle.dataDate).toBe('2026-11-24');
  });

  it('converts a bundle back into the same bundle', () => {
    const again = join(dir, 'again.json');
    const r = buildList(['--from', out, '--out', again]);
    expect(r.status).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  const bad: [string, string, string, RegExp][] = [
    ['malformed JSON', 'bad.json', '{"results": [ {"name": ]}', /bad\.json \(line 1, column 24\): malformed JSON/],
    ['malformed CSV', 'cut.csv', '_id,source,name\n"1","Entity List (EL) - Bureau of Industry and Security","Foo', /cut\.csv \(line 2\): a quoted field is never closed/],
    ['missing columns', 'cols.csv', 'a,b\n1,2\n', /cols\.csv \(line 1\): missing columns: source, name/],
    ['an empty file', 'empty.json', '', /empty\.json: the file is empty/],
    ['a file that is not a list', 'other.json', '{"weather": "fine"}', /other\.json \(top level\): not a CSL file/],
    ['a list with no usable rows', 'rows.json', '{"results": [{"id": "1", "source": "Nobody"}]}', /rows\.json \(results\[0\]\): no list entries found/],
    ['a broken bundle', 'b.json', '{"format": 1, "entries": [], "dataDate": "x"}', /b\.json: not a valid bundle: dataDate/],
  ];
  for (const [label, name, body, message] of bad) {
    it(`refuses ${label}: names the file and place, exits non-zero, leaves the output untouched`, () => {
      const before = readFileSync(out, 'utf8');
      const input = join(dir, name);
      writeFileSync(input, body);
      const r = buildList(['--from', input, '--out', out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toBe(before);
    });
  }

  it('refuses a file that does not exist', () => {
    const r = buildList(['--from', join(dir, 'nowhere.json'), '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nowhere\.json: no such file/);
  });
});

describe('build-list from data/raw', () => {
  it('rebuilds the committed embedded bundle exactly, apart from the build time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-list-raw-'));
    const out = join(dir, 'bundle.json');
    const r = buildList(['--out', out]);
    expect(r.status).toBe(0);
    for (const heading of ['cleaned (plainly wrong):', 'marked ambiguous (flagged only in context):', 'short-acronym:', 'common-word:', 'EL/MEU:', 'SDN:', 'DPL:']) {
      expect(r.stdout).toContain(heading);
    }
    const strip = (text: string): unknown => ({ ...(JSON.parse(text) as Record<string, unknown>), builtAt: '' });
    expect(strip(readFileSync(out, 'utf8'))).toEqual(strip(readFileSync(join(ROOT, 'extension/data/bundle.json'), 'utf8')));
  }, 120_000);
});
