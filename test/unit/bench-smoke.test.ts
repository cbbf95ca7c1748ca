/**
 * `npm run bench -- --quick` still runs every part (matcher in Node, the extension in Chromium,
 * mark.js, the dynamic page) and prints figures and a verdict per target. The figures themselves
 * are not checked: benchmarks never become timed assertions.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const NUMBER = String.raw`-?\d+(?:\.\d+)?`;

describe('npm run bench -- --quick', () => {
  it('prints every figure and a PASS or FAIL for each target', () => {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/bench.ts', '--quick'], { cwd: ROOT, encoding: 'utf8', timeout: 280_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout;
    for (const row of ['plain charCodeAt pass', 'extension matcher', 'modern-ahocorasick', 'one regular expression', 'extension ÷ faster peer', '1000 names', '100000 chars']) {
      expect(out).toContain(row);
    }
    // Ready time inside the real worker, and the loaded tables find what the compiled matcher finds.
    expect(out).toMatch(new RegExp(`matcher compiled +${NUMBER} ms;`));
    expect(out).toMatch(new RegExp(`loaded from them +${NUMBER} ms \\(same mentions: yes\\)`));
    expect(out).toMatch(new RegExp(`first 'match' in +${NUMBER} ms`));
    expect(out).toMatch(new RegExp(`worker heap after the pages below: JS ${NUMBER} MB`));
    // One row per page with the extension's figures, and mark.js on the same pages.
    expect(out).toMatch(new RegExp(`synthetic-0\\.2MB\\.html +\\d+k( +(?:${NUMBER}|—)){8} +\\d+ +JS ${NUMBER} MB, buffers ${NUMBER} MB`));
    expect(out).toMatch(new RegExp(`TBT in CPU time .*synthetic-0\\.2MB ${NUMBER}→${NUMBER} ms`));
    expect(out).toMatch(/highlighted by mark\.js mark\(\), 100 names/);
    expect(out).toMatch(new RegExp(`main-thread task time: +${NUMBER} ms without, +${NUMBER} ms with`));
    expect(out).toMatch(/worker task time +\d+ ms/);
    const verdicts = out.split('\n').filter((line) => /^ {2}(PASS|FAIL) {2}/.test(line));
    expect(verdicts).toHaveLength(9);
  }, 300_000);
});
