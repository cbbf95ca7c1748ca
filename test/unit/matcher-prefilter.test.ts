/**
 * The matcher's fast scan (src/core/prefilter.ts) only decides where the full matcher reads; it
 * must never change what is found. Every case here is held to the full loop over the whole text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { compileMatcher, findInDocument, type Matcher } from '../../src/core/matcher';
import { Prefilter } from '../../src/core/prefilter';
import type { Bundle, Entry } from '../../src/core/model';
import type { Mention } from '../../src/core/mentions';

const bundle = JSON.parse(readFileSync(new URL('../fixtures/matcher/small-bundle.json', import.meta.url), 'utf8')) as Bundle;
const extra: Entry[] = [
  { id: 'EL-ai', list: 'EL', listName: 'Entity List', type: 'entity', name: 'Academy of Intelligence' },
  { id: 'EL-dji', list: 'EL', listName: 'Entity List', type: 'entity', name: 'DJI' },
  { id: 'EL-new', list: 'EL', listName: 'Entity List', type: 'entity', name: 'New Horizon Trading Co., Ltd.' },
  { id: 'EL-s', list: 'EL', listName: 'Entity List', type: 'entity', name: 'S Group Holdings' },
  { id: 'EL-zh', list: 'EL', listName: 'Entity List', type: 'entity', name: '中国电子科技集团公司' },
  { id: 'EL-ru', list: 'EL', listName: 'Entity List', type: 'entity', name: 'Ёлка Электроника' },
  { id: 'EL-qs', list: 'EL', listName: 'Entity List', type: 'entity', name: 'Qortex S Trading' }, // "s" as a word of a name
  // "&" first once the legal form "AG" is taken off, inside, and last: the scan reads "&" as a break.
  { id: 'EL-agc', list: 'EL', listName: 'Entity List', type: 'entity', name: 'AG & CARLON, S.A. DE C.V.' },
  { id: 'EL-agv', list: 'EL', listName: 'Entity List', type: 'entity', name: 'AG & Vortexa' },
  { id: 'EL-abg', list: 'EL', listName: 'Entity List', type: 'entity', name: 'Alpha Beta & Gamma Works' },
  { id: 'EL-bo', list: 'EL', listName: 'Entity List', type: 'entity', name: 'Beta Omega &' },
  // A name alone that another name goes on from through "&" only.
  { id: 'EL-zx', list: 'EL', listName: 'Entity List', type: 'entity', name: 'Zorvex' },
  { id: 'EL-zxa', list: 'EL', listName: 'Entity List', type: 'entity', name: 'Zorvex &' },
  { id: 'EL-st', list: 'EL', listName: 'Entity List', type: 'entity', name: 'S Technologies' }, // "S" alone, in context
];
const entries = [...bundle.entries, ...extra];
const matcher = compileMatcher(entries);

/** The reference: the full loop over every character (TrieMatcher.findByFullScan). */
function reference(m: Matcher, text: string): Mention[] {
  return (m as unknown as { findByFullScan(text: string): Mention[] }).findByFullScan(text);
}
function expectSameAsReference(text: string, m: Matcher = matcher): Mention[] {
  const fast = m.find(text);
  expect(fast).toEqual(reference(m, text));
  return fast;
}
const spans = (text: string, mentions: Mention[]): string[] => mentions.map((x) => text.slice(x.start, x.end));

describe('the fast scan finds what the full loop finds', () => {
  it('names that begin with a letter outside ASCII', () => {
    const text = 'Škoda Export, (ŠKODA EXPORT) and Ёлка Электроника';
    expect(spans(text, expectSameAsReference(text))).toEqual(['Škoda Export', 'ŠKODA EXPORT', 'Ёлка Электроника']);
  });
  it('names in Chinese without spaces, in simplified and traditional characters', () => {
    const text = '据报道华为技术有限公司与中國電子科技集團公司合作';
    expect(spans(text, expectSameAsReference(text))).toEqual(['华为技术有限公司', '中國電子科技集團公司']);
  });
  it('names right after punctuation, digits and other scripts', () => {
    const text = '—Candiru;(Huawei Cloud Berlin)\u201cNSO Group\u201d 2024:Arsenal ДаCandiru 华为Candiru';
    expect(spans(text, expectSameAsReference(text))).toEqual(['Candiru', 'Huawei Cloud Berlin', 'NSO Group', 'Arsenal', 'Candiru']);
  });
  it('names across a possessive, an ignorable character and "&"', () => {
    const text = "Computer's Security Initiative Consultancy, NSO's Group, Hua\u00adwei's phones, Smith &Wesson Trading, Smith＆Wesson Trading, Positive Te\u0301chnologies";
    const mentions = expectSameAsReference(text);
    expect(spans(text, mentions)[0]).toBe("Computer's Security Initiative Consultancy");
    expect(mentions.length).toBeGreaterThan(3);
  });
  it('names with "&" at their start, inside and at their end, which the scan reads as a break', () => {
    // Words in no name between the mentions, so the full matcher hands back before each one.
    const text = 'AG & CARLON, S.A. DE C.V. said; ag&Carlon S.A. de C.V. said (& Carlon, S.A. de C.V.) said AG & Vortexa said & Vortexa said Alpha Beta & Gamma Works said Alpha Beta＆Gamma Works said Alpha Beta and Gamma Works; said Beta Omega & Co; said Beta Omega &';
    expect(spans(text, expectSameAsReference(text))).toEqual([
      'AG & CARLON, S.A. DE C.V',
      'ag&Carlon S.A. de C.V',
      '& Carlon, S.A. de C.V',
      'AG & Vortexa',
      '& Vortexa',
      'Alpha Beta & Gamma Works',
      'Alpha Beta＆Gamma Works',
      'Alpha Beta and Gamma Works',
      'Beta Omega &',
      'Beta Omega &',
    ]);
  });
  it('a one-word name followed by a word no name goes on to, read without the full loop unless "&" may follow', () => {
    const text = 'said Zorvex & Kline said; Zorvex Kline said; Zorvex, then Zorvex&Kline said; Zorvex &';
    expect(spans(text, expectSameAsReference(text))).toEqual(['Zorvex &', 'Zorvex', 'Zorvex', 'Zorvex&', 'Zorvex &']);
    // A lone "S" after an apostrophe is a possessive ending, not the name "S" (of "S Technologies").
    const possessive = "APPLE'S KLINE said, IT'S done, S Kline";
    expect(spans(possessive, expectSameAsReference(possessive))).toEqual(['S']);
    const other = 'New Horizon Trading said; the New York office, Candiru Kline; candiru kline, CANDIRU said';
    expect(spans(other, expectSameAsReference(other))).toContain('Candiru');
  });
  it('a possessive "\'s" the scan steps over only when no name goes on after it', () => {
    const texts = [
      "it's also Huawei's Technologies and NSO's Group, Computer's Security Initiative Consultancy",
      "Smith's & Wesson Trading; S Group Holdings' s Group Holdings; the world's s Group Holdings",
      "Huawei's's Technologies, Huawei’s Cloud Berlin, Huawei's\nCloud Berlin, Huawei's",
      "Qortex's Trading, Qortex S Trading, qortex s trading",
    ];
    for (const text of texts) expect(expectSameAsReference(text).length).toBeGreaterThan(1);
    // Across the scan's batch of 512 characters: the word after "'s" not read yet.
    for (let pad = 490; pad < 520; pad++) expectSameAsReference(`${'x'.repeat(pad)} Computer's Security Initiative Consultancy`);
  });
  it('the first two words of a name the scan passes over when the third goes on to none', () => {
    const text = "New Horizon's Trading Co., Ltd.; the Academy of Sciences; Academy of Intelligence, academy of intelligence; New Horizon said; Huawei Cloud Berlin";
    expect(spans(text, expectSameAsReference(text))).toContain('Academy of Intelligence');
    // The third word not in the batch yet, or a possessive after the second: left to the full loop.
    for (let pad = 495; pad < 515; pad++) expectSameAsReference(`${'x'.repeat(pad)} Academy of Intelligence; New Horizon's Trading Co., Ltd.`);
  });
  it('a name whose first word ends one batch of the scan and whose next word starts the next', () => {
    // Neither word is a name alone; only the pair is, so the scan must carry the word before
    // from one batch of 512 characters to the next.
    for (let at = 490; at <= 520; at++) {
      const text = `${'x'.repeat(at - 9)} said: Positive Technologies was listed.`;
      expect(spans(text, expectSameAsReference(text))).toEqual(['Positive Technologies']);
    }
  });
  it('a name at the very start and the very end of the text', () => {
    for (const text of ['Candiru', 'Candiru said', 'said Candiru', 'NSO Group', 'x NSO Group', '华为', "Huawei's"]) expectSameAsReference(text);
  });
  it('a page of text that holds no name passes the scan without a stop at every word', () => {
    const filter = new Prefilter(matcher.serialize());
    const text = 'The cat sat on the mat while the dog slept by the door of a very quiet house. '.repeat(20);
    filter.reset(text);
    let stops = 0;
    for (let from = 0; ; stops++) {
      const at = filter.nextCandidate(from);
      if (at < 0) break;
      from = at + 1;
    }
    expect(stops).toBeLessThan(20); // 340 words; only a few may pass by hash collision
    expect(matcher.find(text)).toEqual([]);
  });
  it('the same mentions on random text made of name words, common words, scripts and punctuation', () => {
    const nameWords = entries.flatMap((e) => [e.name, ...(e.aliases ?? [])]).flatMap((n) => n.split(/\s+/));
    const word = fc.oneof(
      fc.constantFrom(...nameWords),
      fc.constantFrom(...nameWords).map((w) => w.toLowerCase()),
      fc.constantFrom(...nameWords).map((w) => w.toUpperCase()),
      fc.constantFrom('the', 'of', 'and', 'a', 's', 'new', 'said', 'group', 'Group', 'Co', 'Ltd', '2024', 'iPhone'),
      fc.constantFrom('华', '为', '技', '術', '中', '國', '电', '的', '是', '＆', '&', 'Ёлка', 'Ё', 'é', '\u0301', '😀'),
      fc.string({ maxLength: 4 }),
    );
    const names = entries.flatMap((e) => [e.name, ...(e.aliases ?? [])]).map((n) => n.split(/\s+/));
    const gap = fc.constantFrom('', ' ', '  ', ', ', '\n', '-', "'", "'s ", '’s ', '(', ') ', '.', '\u00ad', '\u200b', '\u00a0', '—');
    // A whole name, its words joined by any gap ("Computer's Security …", "Saito-Tech").
    const name = fc.constantFrom(...names).chain((ws) => fc.array(gap, { minLength: ws.length, maxLength: ws.length }).map((gs) => ws.map((w, i) => w + gs[i]).join('')));
    const part = fc.oneof(fc.tuple(word, gap).map(([w, g]) => w + g), name);
    const text = fc.array(part, { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(matcher.find(t)).toEqual(reference(matcher, t));
      }),
      { numRuns: 3000 },
    );
    // Texts longer than the scan's batch of 512 characters: candidates across batches, and the
    // full matcher reading past the end of what the scan has read.
    const long = fc.array(part, { minLength: 100, maxLength: 400 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(long, (t) => {
        expect(matcher.find(t)).toEqual(reference(matcher, t));
      }),
      { numRuns: 300 },
    );
  });
  it('whole documents: context mentions resolved the same way', () => {
    const text = 'NSO said. NSO Group said. Positive Technologies (PT) and later PT. Huawei, Huawei Cloud Berlin.';
    expectSameAsReference(text);
    expect(findInDocument(matcher, text).length).toBeGreaterThan(3);
  });
});
