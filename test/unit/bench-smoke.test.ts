/** `npm run bench` still runs and prints every row; its figures are not checked (no timing asserts). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm run bench -- --quick', () => {
  it('prints the throughput of the extension, its peers and the plain pass, and growth', () => {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/bench.ts', '--quick'], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    expect(r.status).toBe(0);
    for (const row of ['plain charCodeAt pass', 'extension matcher', 'modern-ahocorasick', 'one regular expression', 'extension ÷ faster peer', '1000 names']) {
      expect(r.stdout).toContain(row);
    }
  }, 180_000);
});
