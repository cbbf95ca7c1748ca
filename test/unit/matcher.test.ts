import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileMatcher, findInDocument, loadMatcher, type Matcher } from '../../src/core/matcher';
import { hashWord } from '../../src/core/normalize';
import type { Bundle, Entry } from '../../src/core/model';

const bundle = JSON.parse(readFileSync(new URL('../fixtures/matcher/small-bundle.json', import.meta.url), 'utf8')) as Bundle;
const entries = bundle.entries;
const matcher = compileMatcher(entries);

/** [surface text, first entry id] of each mention of a whole document. */
function found(text: string, m: Matcher = matcher): [string, string][] {
  return findInDocument(m, text).map((x) => [text.slice(x.start, x.end), x.entryIds[0] ?? '']);
}

describe('names as written in running text', () => {
  it('finds names whatever their case, spacing and line breaks', () => {
    expect(found('Deals with NSO\n   GROUP and nso group and NSO\u00a0Group.')).toEqual([
      ['NSO\n   GROUP', 'EL-nso'], ['nso group', 'EL-nso'], ['NSO\u00a0Group', 'EL-nso'],
    ]);
  });
  it('finds a name without its legal form, and with it', () => {
    expect(found('Computer Security Initiative Consultancy said')).toEqual([['Computer Security Initiative Consultancy', 'EL-coseinc']]);
    expect(found('Computer Security Initiative Consultancy Pte. Ltd. said')).toEqual([
      ['Computer Security Initiative Consultancy Pte. Ltd', 'EL-coseinc'],
    ]);
    expect(found('the firm Elecon and OOO Elecon')).toEqual([['Elecon', 'EL-elecon'], ['OOO Elecon', 'EL-elecon']]);
  });
  it('finds aliases, with or without their legal form, and hyphenated', () => {
    expect(found('Saito Tech and Saito-Tech Ltd. and COSEINC')).toEqual([
      ['Saito Tech', 'EL-candiru'], ['Saito-Tech Ltd', 'EL-candiru'], ['COSEINC', 'EL-coseinc'],
    ]);
  });
  it('reads "&" and "and" as the same word', () => {
    expect(found('Smith & Wesson Trading and Smith and Wesson Trading LLC')).toEqual([
      ['Smith & Wesson Trading', 'EL-smith'], ['Smith and Wesson Trading LLC', 'EL-smith'],
    ]);
  });
  it('keeps possessive endings out of the span, with either apostrophe', () => {
    expect(found("Huawei's phones; NSO Group’s spyware")).toEqual([['Huawei', 'EL-huawei'], ['NSO Group', 'EL-nso']]);
  });
  it('matches diacritics in either direction', () => {
    expect(found('Skoda Export and ŠKODA EXPORT')).toEqual([['Skoda Export', 'EL-skoda'], ['ŠKODA EXPORT', 'EL-skoda']]);
  });
  it('ignores soft hyphens and zero-width characters inside a name', () => {
    const text = 'the firms Can\u00addiru and Hua\u200bwei';
    expect(found(text)).toEqual([['Can\u00addiru', 'EL-candiru'], ['Hua\u200bwei', 'EL-huawei']]);
  });
  it('does not match words that merely contain a name', () => {
    expect(found('Candirus, Huaweiish, NSOGroup and preCandiru')).toEqual([]);
  });
});

describe('overlaps and several entries', () => {
  it('prefers the most specific (longest) name', () => {
    expect(found('Huawei Cloud Berlin opened')).toEqual([['Huawei Cloud Berlin', 'EL-huawei-berlin']]);
    expect(found('the company Huawei Cloud opened')).toEqual([['Huawei', 'EL-huawei']]);
  });
  it('reports mentions leftmost first and never overlapping', () => {
    const mentions = matcher.find('Huawei Huawei Cloud Berlin Candiru');
    for (let i = 1; i < mentions.length; i++) expect(mentions[i]?.start).toBeGreaterThanOrEqual(mentions[i - 1]?.end ?? 0);
    expect(mentions).toHaveLength(3);
  });
  it('finds every name in a long run of listed words', () => {
    const text = 'Huawei Candiru '.repeat(500);
    const mentions = matcher.find(text);
    expect(mentions).toHaveLength(1000);
    expect(text.slice(mentions[999]?.start, mentions[999]?.end)).toBe('Candiru');
  });
  it('lists every entry with the same name, the Entity List first', () => {
    expect(matcher.find('JSC Positive Technologies')[0]?.entryIds).toEqual(['SDN-pt']);
    expect(matcher.find('Positive Technologies')[0]?.entryIds).toEqual(['EL-pt', 'SDN-pt']);
  });
  it('gives the listed name that matched', () => {
    expect(matcher.find('Saito Tech')[0]?.matchedName).toBe('Saito Tech Ltd.');
  });
});

describe('strong and context-only forms', () => {
  it('needs capitals for a name made of common words', () => {
    expect(found('Positive Technologies was listed; POSITIVE TECHNOLOGIES too')).toEqual([
      ['Positive Technologies', 'EL-pt'], ['POSITIVE TECHNOLOGIES', 'EL-pt'],
    ]);
    expect(found('we invest in positive technologies for health')).toEqual([]);
  });
  it('flags a short form only once the full name is in the document', () => {
    expect(matcher.find('NSO said no.').map((m) => m.strength)).toEqual(['context']);
    expect(found('NSO said no.')).toEqual([]);
    expect(found('NSO said no. NSO Group sells Pegasus.')).toEqual([['NSO', 'EL-nso'], ['NSO Group', 'EL-nso']]);
  });
  it('flags names marked ambiguous only in context', () => {
    expect(found('Arsenal won the match')).toEqual([]);
    expect(found('the MPK plant')).toEqual([]);
    expect(found('Microelectronic Production Complex (MPK) and MPK again')).toEqual([
      ['Microelectronic Production Complex (MPK', 'EL-mpk'], ['MPK', 'EL-mpk'],
    ]);
  });
  it('reads a name written all in lower case as a context mention', () => {
    expect(matcher.find('talks with nso group')[0]?.strength).toBe('context');
    expect(found('talks with nso group')).toEqual([]);
    expect(found('NSO Group said: nso group is innocent')).toEqual([['NSO Group', 'EL-nso'], ['nso group', 'EL-nso']]);
    expect(found('iFlytek? no: Computer security initiative consultancy')).toEqual([
      ['Computer security initiative consultancy', 'EL-coseinc'],
    ]);
  });
  it('needs a capital for a one-word name', () => {
    expect(found('the candiru is a fish; Candiru is a company')).toEqual([['Candiru', 'EL-candiru']]);
  });
  it('flags a one-word name on its own only with an organisation cue in the same line nearby', () => {
    expect(found('Candiru are South American catfish.')).toEqual([]);
    expect(found('The Israeli firm Candiru sold spyware.')).toEqual([['Candiru', 'EL-candiru']]);
    expect(found('Candiru customers\nwere hacked by the firm')).toEqual([]); // the cue is on another line
    expect(found('Huawei launches a smartphone; Рособоронэкспорт')).toEqual([['Huawei', 'EL-huawei']]);
    // The party's coined name (main name, or the short name bracketed after it) needs no cue,
    // unless the list marks it as a word English knows ("Candiru" here).
    expect(found('Huawei said so')).toEqual([['Huawei', 'EL-huawei']]);
    // Without a cue it waits for a strong mention of the party, like a short form.
    expect(found('Candiru said so. Saito Tech Ltd. agreed.')).toEqual([['Candiru', 'EL-candiru'], ['Saito Tech Ltd', 'EL-candiru']]);
    // A capital inside the word as written ("iFlytek") marks a coined brand name (here an alias).
    const brand = compileMatcher([{ id: 'EL-x', list: 'EL', listName: 'Entity List', type: 'entity', name: 'Anhui Example Information Co.', aliases: ['IFLYTEK'] } as Entry]);
    expect(found('iFlytek said', brand)).toEqual([['iFlytek', 'EL-x']]);
    expect(found('Iflytek said', brand)).toEqual([]);
  });
  it('reads each mention by how it is written, not by how the same name was read before', () => {
    // The matcher keeps what it worked out per name and way of writing; these would share a
    // reading if any of the writing (cue, capitals, case) were left out of its key.
    const strengths = (text: string): string[] => matcher.find(text).map((m) => `${text.slice(m.start, m.end)}:${m.strength}`);
    expect(strengths('Candiru said so.\nThe firm Candiru sold spyware.')).toEqual(['Candiru:context', 'Candiru:strong']);
    expect(strengths('The firm Candiru sold spyware.\nCandiru said so.')).toEqual(['Candiru:strong', 'Candiru:context']);
    expect(strengths('nso group, then NSO Group, then nso group')).toEqual(['nso group:context', 'NSO Group:strong', 'nso group:context']);
    expect(strengths('nso Group, then nso group')).toEqual(['nso Group:strong', 'nso group:context']);
    expect(strengths('Positive Technologies, positive technologies')).toEqual(['Positive Technologies:strong']);
    // One name, two parties: one needs capitals there (a listed acronym with a company word
    // after it), the other not (its own two-word name).
    const twoParties = compileMatcher([
      { id: 'EL-a', list: 'EL', listName: 'Entity List', type: 'entity', name: 'DJI', aliases: ['SZ DJI Technology Co., Ltd.'] } as Entry,
      { id: 'EL-b', list: 'EL', listName: 'Entity List', type: 'entity', name: 'DJI Technology' } as Entry,
    ]);
    const ids = (text: string): string[] => twoParties.find(text).map((m) => `${text.slice(m.start, m.end)}:${m.entryIds.join('+')}`);
    expect(ids('DJI technology; DJI Technology')).toEqual(['DJI technology:EL-b', 'DJI Technology:EL-a+EL-b']);
    expect(ids('DJI Technology; DJI technology')).toEqual(['DJI Technology:EL-a+EL-b', 'DJI technology:EL-b']);
  });
});

describe('scripts and offsets', () => {
  it('finds names in their own script, with or without their legal form', () => {
    expect(found('据报道，华为技术有限公司和华为技术')).toEqual([['华为技术有限公司', 'EL-huawei'], ['华为技术', 'EL-huawei']]);
    expect(found('корпорация Ростех и Государственная корпорация Ростех')).toEqual([
      ['Государственная корпорация Ростех', 'EL-rostec'],
    ]);
  });
  it('finds a name listed in simplified Chinese written in traditional characters', () => {
    expect(found('據報道，華為技術有限公司')).toEqual([['華為技術有限公司', 'EL-huawei']]);
  });
  it('gives UTF-16 offsets that slice the input exactly, after astral characters', () => {
    const text = '😀 𝒳 Candiru 😀 Škoda Export 🇺🇸 华为技术';
    const mentions = findInDocument(matcher, text);
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Candiru', 'Škoda Export', '华为技术']);
    expect(mentions[0]?.start).toBe(text.indexOf('Candiru'));
  });
});

describe('hash collisions', () => {
  /** Two different words with the same 32-bit hash, found by a birthday search. */
  function collidingWords(): [string, string] {
    const seen = new Map<number, string>();
    for (let i = 0; ; i++) {
      const w = `q${i.toString(36)}`;
      const h = hashWord(w);
      const other = seen.get(h);
      if (other !== undefined) return [other, w];
      seen.set(h, w);
    }
  }
  it('never takes a word for a listed word that only shares its hash', () => {
    const [listed, other] = collidingWords();
    expect(listed).not.toBe(other);
    expect(hashWord(listed)).toBe(hashWord(other));
    const cap = (w: string): string => w[0]?.toUpperCase() + w.slice(1);
    const m = compileMatcher([{ id: 'EL-x', list: 'EL', listName: 'Entity List', type: 'entity', name: `${cap(listed)} Systems` }]);
    expect(found(`${cap(other)} Systems`, m)).toEqual([]);
    expect(found(`${cap(listed)} Systems`, m)).toEqual([[`${cap(listed)} Systems`, 'EL-x']]);
  }, 30_000); // the collision search is pure computation: slow on a shared, busy machine
});

describe('options and serialisation', () => {
  it('filters entries with include', () => {
    const only = compileMatcher(entries, { include: (e: Entry) => e.list === 'SDN' && e.type === 'entity' });
    expect(only.entryCount).toBe(1);
    expect(only.find('Positive Technologies NSO Group')[0]?.entryIds).toEqual(['SDN-pt']);
    expect(only.entry('EL-nso')).toBeUndefined();
    expect(only.entry('SDN-pt')?.name).toBe('AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ');
  });
  it('round-trips through JSON', () => {
    const again = loadMatcher(JSON.parse(JSON.stringify(matcher.serialize())), entries);
    const text = 'NSO Group, Candiru, Huawei Cloud Berlin, 华为技术, Smith & Wesson Trading, NSO';
    expect(again.find(text)).toEqual(matcher.find(text));
    expect(again.find(text).length).toBeGreaterThan(4);
  });
  it('refuses tables compiled from other entries', () => {
    expect(() => loadMatcher(matcher.serialize(), entries.slice(1))).toThrow(/does not belong/);
  });
});
