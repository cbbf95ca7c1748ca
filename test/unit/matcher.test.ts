import { describe, expect, it } from 'vitest';
import { compileMatcher, findInDocument, loadMatcher } from '../../src/core/matcher';
import { normalizeText, tokenize } from '../../src/core/normalize';
import type { Entry } from '../../src/core/model';

function entry(id: string, name: string, more: Partial<Entry> = {}): Entry {
  return { id, list: 'EL', listName: 'Entity List', type: 'entity', name, ...more };
}

const entries: Entry[] = [
  entry('nso', 'NSO Group'),
  entry('candiru', 'Candiru', { aliases: ['Saito Tech Ltd.', 'DF Associates Ltd.'] }),
  entry('coseinc', 'Computer Security Initiative Consultancy PTE. LTD.', { aliases: ['COSEINC'] }),
  entry('pt', 'Positive Technologies', { ambiguous: [{ name: 'Positive Technologies', reason: 'common-phrase' }] }),
  entry('pt-sdn', 'AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ', { list: 'SDN', aliases: ['JSC POSITIVE TECHNOLOGIES'] }),
  entry('huawei', 'Huawei Technologies Co., Ltd. (Huawei)', { aliases: ['Huawei'], nativeNames: ['华为'] }),
  entry('huawei-berlin', 'Huawei Cloud Berlin'),
  entry('arsenal', 'Arsenal', { ambiguous: [{ name: 'Arsenal', reason: 'common-word' }] }),
  entry('skoda', 'Škoda Export'),
  entry('rostec', 'Государственная корпорация Ростех', { aliases: ['Rostec'] }),
  entry('mpk', 'Microelectronic Production Complex (MPK)', { aliases: ['MPK'], ambiguous: [{ name: 'MPK', reason: 'short-acronym' }] }),
];
const matcher = compileMatcher(entries);

function found(text: string): [string, string][] {
  return findInDocument(matcher, text).map((m) => [text.slice(m.start, m.end), m.entryIds[0] ?? '']);
}

describe('normalisation', () => {
  it('folds case and diacritics and drops punctuation', () => {
    expect(normalizeText('ŠKODA  Éxport, S.A.')).toBe('skoda export s a');
  });
  it('ignores soft hyphens and zero-width characters inside words, splits on hyphens', () => {
    expect(normalizeText('Hua\u00adwei Saito-Tech Can\u200bdiru')).toBe('huawei saito tech candiru');
  });
  it('drops possessive endings', () => {
    expect(tokenize("Huawei's and NSO Group’s").map((t) => t.text)).toEqual(['huawei', 'and', 'nso', 'group']);
  });
  it('makes each ideograph a token', () => {
    expect(tokenize('华为公司').map((t) => t.text)).toEqual(['华', '为', '公', '司']);
  });
});

describe('matcher', () => {
  it('finds names whatever their case, spacing and line breaks', () => {
    expect(found('Deals with NSO\n   GROUP and nso group.')).toEqual([['NSO\n   GROUP', 'nso'], ['nso group', 'nso']]);
  });
  it('finds a name without its legal form, and with it', () => {
    expect(found('Computer Security Initiative Consultancy said')).toEqual([['Computer Security Initiative Consultancy', 'coseinc']]);
    expect(found('Computer Security Initiative Consultancy Pte Ltd said')).toEqual([['Computer Security Initiative Consultancy Pte Ltd', 'coseinc']]);
  });
  it('finds aliases, with or without their legal form', () => {
    expect(found('Saito Tech and Saito-Tech Ltd. and COSEINC')).toEqual([
      ['Saito Tech', 'candiru'], ['Saito-Tech Ltd', 'candiru'], ['COSEINC', 'coseinc'],
    ]);
  });
  it('keeps the possessive out of the span', () => {
    expect(found("Huawei's phones")).toEqual([['Huawei', 'huawei']]);
  });
  it('matches diacritics in either direction', () => {
    expect(found('Skoda Export and ŠKODA EXPORT')).toEqual([['Skoda Export', 'skoda'], ['ŠKODA EXPORT', 'skoda']]);
  });
  it('prefers the most specific (longest) name', () => {
    expect(found('Huawei Cloud Berlin opened')).toEqual([['Huawei Cloud Berlin', 'huawei-berlin']]);
    expect(found('Huawei opened')).toEqual([['Huawei', 'huawei']]);
  });
  it('does not match words that merely contain a name', () => {
    expect(found('Candirus, Huaweiish and NSOGroup')).toEqual([]);
  });
  it('needs capitals for a name made of common words', () => {
    expect(found('Positive Technologies was listed')).toEqual([['Positive Technologies', 'pt']]);
    expect(found('we invest in positive technologies for health')).toEqual([]);
  });
  it('lists every entry with the same name, the Entity List first', () => {
    const m = matcher.find('JSC Positive Technologies');
    expect(m[0]?.entryIds).toEqual(['pt-sdn']);
    const both = matcher.find('Positive Technologies');
    expect(both[0]?.entryIds).toEqual(['pt', 'pt-sdn']);
  });
  it('flags a short form only once the full name is on the page', () => {
    expect(found('NSO said no.')).toEqual([]);
    expect(found('NSO Group sells Pegasus. NSO said no.')).toEqual([['NSO Group', 'nso'], ['NSO', 'nso']]);
  });
  it('flags ambiguous names only in context', () => {
    expect(found('Arsenal won the match')).toEqual([]);
    expect(found('the MPK plant')).toEqual([]);
    expect(found('Microelectronic Production Complex (MPK) and MPK again')).toEqual([
      ['Microelectronic Production Complex (MPK', 'mpk'], ['MPK', 'mpk'],
    ]);
  });
  it('finds names in their own script', () => {
    expect(found('据报道，华为公司和Ростех')).toEqual([['华为', 'huawei']]);
    expect(found('корпорация Ростех и Государственная корпорация Ростех')).toEqual([['Государственная корпорация Ростех', 'rostec']]);
  });
  it('gives UTF-16 offsets that slice the input exactly, after astral characters', () => {
    const text = '😀 𝒳 Candiru 😀 Huawei';
    const mentions = findInDocument(matcher, text);
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Candiru', 'Huawei']);
  });
  it('never reports a word that only shares a hash with a listed word', () => {
    // Every candidate is verified against the text; random words must produce nothing.
    const words = Array.from({ length: 20000 }, (_, i) => `w${i.toString(36)}x`).join(' ');
    expect(matcher.find(words)).toEqual([]);
  });
  it('filters entries with include', () => {
    const only = compileMatcher(entries, { include: (e) => e.list === 'SDN' });
    expect(only.entryCount).toBe(1);
    expect(only.find('Positive Technologies NSO Group')[0]?.entryIds).toEqual(['pt-sdn']);
  });
  it('round-trips through its serialised form', () => {
    const again = loadMatcher(JSON.parse(JSON.stringify(matcher.serialize())), entries);
    const text = 'NSO Group, Candiru, Huawei Cloud Berlin, 华为';
    expect(again.find(text)).toEqual(matcher.find(text));
  });
});
