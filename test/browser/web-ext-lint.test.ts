/** The Firefox build passes Mozilla's add-on linter with no errors. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './harness';

describe('web-ext lint', () => {
  it('reports no errors on dist/firefox', () => {
    let out: string;
    try {
      out = execFileSync(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', join(ROOT, 'dist/firefox'), '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
    } catch (err) {
      out = String((err as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(out) as { summary: { errors: number }; errors: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
