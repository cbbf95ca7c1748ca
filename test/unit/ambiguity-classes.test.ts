/**
 * The classes of ambiguous names decided in compile.ts, list/ambiguity.ts and list/entry-type.ts:
 * acronyms written otherwise, camel-case brands, ordinary phrases that shorten a listed name,
 * and organisations that a name-only guess took for people.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, findInDocument } from '../../src/core/matcher';
import type { Entry, EntryList } from '../../src/core/model';
import { markAmbiguous, type IsCommonWord } from '../../src/core/list/ambiguity';
import { newReport } from '../../src/core/list/clean';
import { refineGuessedType } from '../../src/core/list/entry-type';

function entry(id: string, name: string, aliases: string[] = [], list: EntryList = 'SDN'): Entry {
  return { id, list, listName: list, type: 'entity', name, ...(aliases.length ? { aliases } : {}) };
}

const entries: Entry[] = [
  entry('mira', 'MOVEMENT FOR ISLAMIC REFORM IN ARABIA', ['MIRA']),
  entry('macs', 'Middle East Automation & Controls Services', ['MACS'], 'EL'),
  entry('iflytek', 'IFLYTEK', [], 'EL'),
];
const matcher = compileMatcher(entries);
const found = (text: string): [string, string, string][] =>
  findInDocument(matcher, text).map((m) => [text.slice(m.start, m.end), m.entryIds[0] ?? '', m.strength]);

describe('acronyms (four to six capitals: initials of another name, or beside a mixed-case name)', () => {
  it('are flagged on their own when written in capitals', () => {
    expect(found('Statement by MIRA today')).toEqual([['MIRA', 'mira', 'strong']]);
    expect(found('MACS supplied the parts')).toEqual([['MACS', 'macs', 'strong']]);
  });
  it('are not flagged when written as an ordinary word', () => {
    expect(found('Reproduciendo: Mira esto')).toEqual([]);
    expect(found('Kaufberatung: Alle Macs im Vergleich')).toEqual([]);
  });
  it('are read by how each one is written, in any order within one text', () => {
    const raw = (text: string) => matcher.find(text).map((m) => [text.slice(m.start, m.end), m.strength]);
    expect(raw('Mira esto; MIRA said')).toEqual([['Mira', 'context'], ['MIRA', 'strong']]);
    expect(raw('MIRA said; Mira esto')).toEqual([['MIRA', 'strong'], ['Mira', 'context']]);
  });
  it('written otherwise, are still flagged beside a strong mention of the party', () => {
    expect(found('The Movement for Islamic Reform in Arabia (Mira) said')).toEqual([
      ['Movement for Islamic Reform in Arabia', 'mira', 'strong'],
      ['Mira', 'mira', 'context'],
    ]);
  });
});

describe('capitalisation', () => {
  it('takes a word with a capital inside for a name ("iFlytek")', () => {
    expect(found('AI firms such as iFlytek and IFLYTEK')).toEqual([
      ['iFlytek', 'iflytek', 'strong'],
      ['IFLYTEK', 'iflytek', 'strong'],
    ]);
  });
  it('still leaves a one-word name in lower case alone', () => {
    expect(found('the word iflytek in lower case')).toEqual([]);
  });
});

describe('ordinary phrases that shorten the listed name', () => {
  const common = new Set(['silk', 'road', 'trading', 'china', 'mobile', 'communications', 'group']);
  const names = new Set(['china']);
  const isCommon: IsCommonWord = Object.assign((w: string) => common.has(w.toLowerCase()), {
    isNameWord: (w: string) => names.has(w.toLowerCase()),
  });
  const reasonOf = (e: Entry, alias: string) =>
    markAmbiguous(e, isCommon, newReport()).find((m) => m.name.toLowerCase() === alias.toLowerCase())?.reason;

  it('are marked as derived short forms, flagged only in context', () => {
    const e = entry('silk', 'Silk Road Trading Company Ltd.', ['Silk Road'], 'EL');
    expect(reasonOf(e, 'Silk Road')).toBe('derived-short-form');
    e.ambiguous = markAmbiguous(e, isCommon, newReport());
    const m = compileMatcher([e]);
    expect(findInDocument(m, 'since the launch of Silk Road, the market').length).toBe(0);
    expect(findInDocument(m, 'Silk Road Trading Company Ltd. (Silk Road) said').map((x) => x.strength)).toEqual(['strong', 'context']);
  });
  it('stay names when a word is a proper name ("China Mobile")', () => {
    const e = entry('cm', 'China Mobile Communications Group Co., Ltd.', ['China Mobile'], 'EL');
    expect(reasonOf(e, 'China Mobile')).toBe('common-phrase');
  });
  it('do not touch an alias that is the whole name without its legal form', () => {
    const e = entry('silk', 'Silk Road Trading Company Ltd.', ['Silk Road Trading'], 'EL');
    expect(reasonOf(e, 'Silk Road Trading')).toBe('common-phrase');
  });
});

describe('second look at names guessed to be people', () => {
  const person = (name: string, aliases: string[] = []): Entry => ({ ...entry('p', name, aliases, 'EL'), type: 'individual' });
  const personWords = new Set(['mark', 'stanislav', 'alexey']);
  const ordinary = (w: string) => ['civil', 'aircraft', 'cloud', 'bolt', 'shipyard'].includes(w);

  it('takes names with an ordinary word, and no personal name, for organisations', () => {
    expect(refineGuessedType(person('Sukhoi Civil Aircraft'), personWords, ordinary)).toBe('entity');
    expect(refineGuessedType(person('Nerpa Shipyard'), personWords, ordinary)).toBe('entity');
  });
  it('takes a name whose alias names an organisation for one', () => {
    expect(refineGuessedType(person('Sunway Microelectronics', ['Chengdu Sunway Technology']), personWords, ordinary)).toBe('entity');
  });
  it('keeps people: a known personal name, or an initial', () => {
    expect(refineGuessedType(person('Stanislav Bolt'), personWords, ordinary)).toBe('individual');
    expect(refineGuessedType(person('Mark Gofman', ['Gofman Trading Company']), personWords, ordinary)).toBe('individual');
    expect(refineGuessedType(person('Aristeidis A. Pappas'), personWords, ordinary)).toBe('individual');
  });
  it('leaves types the source gave alone', () => {
    const sdn: Entry = { ...person('Civil Aircraft Person'), list: 'SDN' };
    expect(refineGuessedType(sdn, personWords, ordinary)).toBe('individual');
  });
});

describe('a party the list names by a short acronym ("DJI")', () => {
  const m = compileMatcher([entry('dji', 'DJI', ['SZ DJI Technology Co., Ltd.'], 'EL')]);
  const strengths = (text: string) => findInDocument(m, text).map((x) => [text.slice(x.start, x.end), x.strength]);
  it('is flagged in capitals, standing alone', () => {
    expect(strengths('SMIC and DJI join Huawei; drone maker DJI, which')).toEqual([['DJI', 'strong'], ['DJI', 'strong']]);
  });
  it('is read by where each one stands, in any order within one text', () => {
    const raw = (text: string) => m.find(text).map((x) => [text.slice(x.start, x.end), x.strength]);
    expect(raw('DJI Opco index; drone maker DJI, which')).toEqual([['DJI', 'context'], ['DJI', 'strong']]);
    expect(raw('drone maker DJI, which; DJI Opco index')).toEqual([['DJI', 'strong'], ['DJI', 'context']]);
  });
  it('is not flagged inside another name, nor written otherwise', () => {
    expect(strengths('DJI Opco index; Dow Jones DJI; the dji file')).toEqual([]);
  });
  it('is flagged with a generic company word after it, whatever stands before', () => {
    expect(strengths('drone producer Shenzhen DJI Technology Co Ltd.')).toEqual([['DJI Technology', 'strong']]);
    expect(strengths('Shenzhen DJI Innovations')).toEqual([]);
  });
});

describe('a one-word brand before a generic word ("Megvii Technology")', () => {
  const m = compileMatcher([entry('megvii', 'Megvii Technology', [], 'EL'), entry('ig', 'ISLAMIC GROUP')]);
  const strengths = (text: string) => findInDocument(m, text).map((x) => [text.slice(x.start, x.end), x.strength]);
  it('is a one-word name: strong with an organisation cue nearby, else waiting for the full name', () => {
    expect(strengths('the AI firm Megvii said')).toEqual([['Megvii', 'strong']]);
    expect(strengths('Megvii said')).toEqual([]);
    expect(strengths('Megvii Technology said.\nMegvii agreed.')).toEqual([['Megvii Technology', 'strong'], ['Megvii', 'context']]);
  });
  it('is no brand in a name the list writes in capitals only, or marked as an ordinary word', () => {
    expect(strengths('militants put up an Islamic flag')).toEqual([]);
    const nova = { ...entry('nova', 'Nova Technologies', [], 'EL'), ambiguous: [{ name: 'Nova Technologies', reason: 'common-phrase' as const }] };
    expect(findInDocument(compileMatcher([nova]), 'the firm Nova said')).toEqual([]);
  });
});

describe('generic government departments', () => {
  const common = new Set(['ministry', 'of', 'defence', 'the', 'russian', 'federation']);
  const isCommon: IsCommonWord = Object.assign((w: string) => common.has(w.toLowerCase()), {
    isNameWord: (w: string) => ['ministry', 'russian'].includes(w.toLowerCase()),
  });
  const reasons = (e: Entry) => markAmbiguous(e, isCommon, newReport());
  it('are flagged only in context when no country is named', () => {
    const e = entry('mod', 'Ministry of Defence', [], 'EL');
    expect(reasons(e)).toEqual([{ name: 'Ministry of Defence', reason: 'common-word' }]);
    e.ambiguous = reasons(e);
    expect(findInDocument(compileMatcher([e]), 'the Ministry of Defence has confirmed')).toEqual([]);
  });
  it('keep their own mark when the country is named', () => {
    expect(reasons(entry('ru', 'Ministry of Defence of the Russian Federation', [], 'EL'))[0]?.reason).toBe('common-phrase');
  });
});

describe('generic movement aliases', () => {
  const common = new Set(['people', 'liberation', 'army', 'revolutionary', 'guard', 'islamic', 'corps', 'shining', 'path', 'south', 'east', 'southeast', 'movement']);
  const isCommon: IsCommonWord = Object.assign((w: string) => common.has(w.toLowerCase()), {
    isNameWord: (w: string) => ['islamic'].includes(w.toLowerCase()),
  });
  const marked = (e: Entry) => markAmbiguous(e, isCommon, newReport()).map((m) => `${m.name}: ${m.reason}`);
  it('are flagged only beside the party\'s own name', () => {
    const e = entry('sl', 'SHINING PATH', ["PEOPLE'S LIBERATION ARMY"]);
    expect(marked(e)).toContain("PEOPLE'S LIBERATION ARMY: common-word");
    e.ambiguous = markAmbiguous(e, isCommon, newReport());
    const m = compileMatcher([e]);
    expect(findInDocument(m, "ties with the People's Liberation Army")).toEqual([]);
  });
  it('leave aliases that share a word with the main name, spell it apart, and main names alone', () => {
    expect(marked(entry('irgc', 'ISLAMIC REVOLUTIONARY GUARD CORPS', ['REVOLUTIONARY GUARD']))).not.toContain('REVOLUTIONARY GUARD: common-word');
    expect(marked(entry('se', 'SOUTH-EAST MOVEMENT', ['SOUTHEAST MOVEMENT']))).not.toContain('SOUTHEAST MOVEMENT: common-word');
    expect(marked(entry('pla', "PEOPLE'S LIBERATION ARMY"))).not.toContain("PEOPLE'S LIBERATION ARMY: common-word");
  });
});

describe('more forms of a name', () => {
  it('reads a long "-ing" word as "-er" and the other way round, in names of three words or more', () => {
    const m = compileMatcher([entry('nscz', 'National Supercomputer Center Zhengzhou', [], 'EL'), entry('scc', 'Supercomputer Center', [], 'EL')]);
    const text = 'the National Supercomputing Center Zhengzhou and a Supercomputing Center';
    expect(findInDocument(m, text).map((x) => [text.slice(x.start, x.end), x.entryIds[0]])).toEqual([
      ['National Supercomputing Center Zhengzhou', 'nscz'],
    ]);
  });
  it('knows the own name before a bracketed short name and the parent ("…Problems (IITP), Russian Academy…")', () => {
    const e = entry('iitp', 'A.A. Kharkevich Institute for Information Transmission Problems (IITP), Russian Academy of Sciences (RAS)', [], 'EL');
    const text = 'including A.A. Kharkevich Institute for Information Transmission Problems and';
    expect(findInDocument(compileMatcher([e]), text).map((x) => [text.slice(x.start, x.end), x.strength])).toEqual([
      ['A.A. Kharkevich Institute for Information Transmission Problems', 'strong'],
    ]);
  });
  it('drops AD and Zrt. as legal forms ("Cytrox AD" is "Cytrox")', () => {
    const m = compileMatcher([entry('cytrox', 'Cytrox AD', [], 'EL'), entry('ch', 'Cytrox Holdings Zrt', [], 'EL')]);
    expect(findInDocument(m, 'spyware maker Cytrox and Cytrox Holdings').map((x) => [x.entryIds[0], x.strength])).toEqual([
      ['cytrox', 'strong'],
      ['ch', 'strong'],
    ]);
  });
});

describe('abbreviations the text defines ("Positive Technologies (PT)")', () => {
  const m = compileMatcher([entry('pt', 'Positive Technologies', [], 'EL')]);
  const found = (text: string) => findInDocument(m, text).map((x) => [text.slice(x.start, x.end), x.entryIds[0], x.strength]);
  it('flags the definition and later uses of exactly that abbreviation as the same party', () => {
    expect(found('company Positive Technologies (PT) denied it; firms including PT, and PTSD, pt.')).toEqual([
      ['Positive Technologies', 'pt', 'strong'],
      ['PT', 'pt', 'context'],
      ['PT', 'pt', 'context'],
    ]);
  });
  it('needs the definition: the abbreviation alone is nothing', () => {
    expect(found('firms including PT, accused')).toEqual([]);
    expect(found('Positive Technologies (a firm) and PT')).toEqual([['Positive Technologies', 'pt', 'strong']]);
  });
});
