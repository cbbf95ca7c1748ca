/** The list script, run as a user runs it (the scan command has its own file, scan.test.ts). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HIGHLIGHT_CSS } from '../../src/content/highlight-css';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = (script: string, args: string[], input?: string) =>
  spawnSync(TSX, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: 60_000 });

describe('npm run build-list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'build-list-'));
  const out = join(dir, 'bundle.json');
  it('converts an official consolidated.json', () => {
    const r = run('build-list.ts', ['--from', join(ROOT, 'test/fixtures/lists/consolidated-small.json'), '--out', out]);
    expect(r.status).toBe(0);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { entries: { name: string }[]; counts: Record<string, number> };
    expect(bundle.counts).toEqual({ EL: 1, SDN: 2 });
  });
  for (const [label, name, body, place] of [
    ['malformed JSON', 'bad.json', '{"results": [ {"name": ]}', /bad\.json \(line 1, column \d+\)/],
    ['a cut-off CSV', 'cut.csv', 'source,name\n"Entity List (EL) - Bureau of Industry and Security","Foo', /cut\.csv \(line 2\)/],
    ['missing columns', 'cols.csv', 'a,b\n1,2\n', /cols\.csv \(line 1\): missing columns: source, name/],
    ['an empty file', 'empty.json', '', /empty\.json: the file is empty/],
    ['a file that is not a list', 'other.json', '{"weather": "fine"}', /other\.json \(top level\): not a CSL file/],
  ] as const) {
    it(`refuses ${label}, naming the file and place, and leaves the bundle untouched`, () => {
      const before = readFileSync(out, 'utf8');
      const input = join(dir, name);
      writeFileSync(input, body);
      const r = run('build-list.ts', ['--from', input, '--out', out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(place);
      expect(readFileSync(out, 'utf8')).toBe(before);
    });
  }
});

describe('highlight styles', () => {
  it('are the same in content.css and in the sheet adopted by shadow roots', () => {
    const css = readFileSync(join(ROOT, 'extension/content.css'), 'utf8');
    for (const rule of HIGHLIGHT_CSS.trim().split('\n')) expect(css).toContain(rule);
  });
});
