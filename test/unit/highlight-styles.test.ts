/** The highlight styles are the same in the document (content.css) and in shadow roots. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HIGHLIGHT_CSS } from '../../src/content/highlight-css';

const ROOT = resolve(import.meta.dirname, '../..');

describe('highlight styles', () => {
  it('are the same in content.css and in the sheet adopted by shadow roots', () => {
    const css = readFileSync(join(ROOT, 'extension/content.css'), 'utf8');
    for (const rule of HIGHLIGHT_CSS.trim().split('\n')) expect(css).toContain(rule);
  });
});
