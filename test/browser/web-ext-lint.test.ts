/** The Firefox build passes Mozilla's add-on linter (what addons.mozilla.org runs) with no errors. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './harness/server';

interface LintReport {
  summary: { errors: number; warnings: number };
  errors: { code: string; message: string; file?: string }[];
}

describe('web-ext lint', () => {
  it('reports no errors on dist/firefox', () => {
    let out: string;
    try {
      out = execFileSync(
        join(PROJECT_ROOT, 'node_modules/.bin/web-ext'),
        ['lint', '--source-dir', join(PROJECT_ROOT, 'dist/firefox'), '--output', 'json', '--no-config-discovery'],
        { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      );
    } catch (err) {
      // web-ext exits non-zero when it finds errors; the report is still on stdout.
      out = String((err as { stdout?: unknown }).stdout ?? '');
    }
    const report = JSON.parse(out) as LintReport;
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
