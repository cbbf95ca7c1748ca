/** Shared paths and readers for the list tests. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RawTexts } from '../../../src/core/list/raw';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURES = join(ROOT, 'test/fixtures/lists');
export const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** A tiny stand-in for the word-frequency list. */
export const COMMON = new Set(['arsenal', 'positive', 'technologies', 'united', 'company', 'best', 'example', 'aviation', 'plant', 'and', 'of']);
export const isCommon = (w: string): boolean => COMMON.has(w.toLowerCase());

export function miniRaw(): RawTexts {
  const f = (n: string): string => fixture(`raw-mini/${n}`);
  return {
    kaist: f('kaist.json'),
    csl: f('csl.csv'),
    spyware: f('spyware.json'),
    dpl: f('dpl.txt'),
    sdn: { sdn: f('ofac_sdn/sdn.csv'), alt: f('ofac_sdn/alt.csv'), add: f('ofac_sdn/add.csv'), comments: f('ofac_sdn/sdn_comments.csv') },
  };
}
