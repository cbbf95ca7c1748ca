import { describe, expect, it } from 'vitest';
import { foldedWords, hashWord, normalizeText, tokenize } from '../../src/core/normalize';
import { stripLegalForms } from '../../src/core/legal-forms';

const strip = (name: string): string => stripLegalForms(foldedWords(name)).join(' ');

describe('folding', () => {
  it('folds case and diacritics in Latin, Greek and Cyrillic, and drops punctuation', () => {
    expect(normalizeText('ŠKODA  Éxport, S.A.')).toBe('skoda export s a');
    expect(normalizeText('Ελληνική ΑΕ')).toBe('ελληνικη αε');
    expect(normalizeText('ЗАВОД «Ёлка»')).toBe('завод елка');
    expect(normalizeText('Łódź Ørsted')).toBe('łodz ørsted');
  });
  it('treats line breaks, tabs and no-break spaces as spaces', () => {
    expect(normalizeText('NSO\r\n\tGroup\u00a0Ltd\u2009x')).toBe('nso group ltd x');
  });
  it('ignores soft hyphens, zero-width characters and combining marks inside words', () => {
    expect(normalizeText('Hua\u00adwei Can\u200bdi\u200dru Cafe\u0301')).toBe('huawei candiru cafe');
  });
  it('splits words on hyphens, slashes and dots', () => {
    expect(normalizeText('Saito-Tech A/S J.S.C.')).toBe('saito tech a s j s c');
  });
  it('drops possessive endings with either apostrophe, but keeps other apostrophes as breaks', () => {
    expect(foldedWords("Huawei's and NSO Group’s")).toEqual(['huawei', 'and', 'nso', 'group']);
    expect(foldedWords("O'Brien's")).toEqual(['o', 'brien']);
  });
  it('makes each ideograph, kana and hangul syllable a token', () => {
    expect(foldedWords('华为公司')).toEqual(['华', '为', '公', '司']);
    expect(foldedWords('ソニー삼성')).toEqual(['ソ', 'ニ', 'ー', '삼', '성']);
  });
  it('folds traditional Chinese characters to simplified ones, and leaves kana and hangul alone', () => {
    expect(normalizeText('華為 中芯國際')).toBe(normalizeText('华为 中芯国际'));
    expect(normalizeText('衞')).toBe('卫'); // Hong Kong variant form
    expect(normalizeText('华为')).toBe('华 为');
    expect(normalizeText('ソニー삼성')).toBe('ソ ニ ー 삼 성');
  });
  it('makes "&" a token of its own', () => {
    expect(foldedWords('AT&T Smith & Wesson')).toEqual(['at', '&', 't', 'smith', '&', 'wesson']);
  });
  it('folds full-width Latin letters and digits', () => {
    expect(normalizeText('ＺＴＥ１')).toBe('zte1');
  });
  it('gives UTF-16 spans and capitalisation of each token', () => {
    const text = '😀 Ünited\u00adLabs x';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Ünited\u00adLabs', 'x']);
    expect(tokens.map((t) => t.capitalised)).toEqual([true, false]);
  });
  it('hashes a word the same way however it is written', () => {
    expect(hashWord(normalizeText('ŠKODA'))).toBe(hashWord('skoda'));
    expect(hashWord('skoda')).not.toBe(hashWord('skodb'));
  });
});

describe('legal forms', () => {
  it.each([
    ['Computer Security Initiative Consultancy PTE. LTD.', 'computer security initiative consultancy'],
    ['Huawei Technologies Co., Ltd.', 'huawei technologies'],
    ['Acme Widgets L.L.C.', 'acme widgets'],
    ['Acme Widgets LLC', 'acme widgets'],
    ['Acme Widgets Inc.', 'acme widgets'],
    ['Acme Widgets Corporation', 'acme widgets'],
    ['Acme Widgets GmbH', 'acme widgets'],
    ['Acme Widgets S.A.', 'acme widgets'],
    ['Acme Widgets B.V.', 'acme widgets'],
    ['Acme Widgets Sdn. Bhd.', 'acme widgets'],
    ['Acme Widgets Pvt. Ltd.', 'acme widgets'],
    ['Acme Widgets FZCO', 'acme widgets'],
    ['JSC Positive Technologies', 'positive technologies'],
    ['OOO Acme Widgets', 'acme widgets'],
    ['Aktsionernoe Obshchestvo Pozitiv Teknolodzhiz', 'pozitiv teknolodzhiz'],
    ['ООО «Ромашка Плюс»', 'ромашка плюс'],
    ['ПАО Ростелеком', 'ростелеком'],
    ['Акционерное общество «Концерн Радиоэлектронные технологии»', 'концерн радиоэлектронные технологии'],
    ['华为技术有限公司', '华 为 技 术'],
    ['中兴通讯股份有限公司', '中 兴 通 讯'],
  ])('%s → %s', (name, core) => {
    expect(strip(name)).toBe(core);
  });
  it('keeps a legal form when nothing else would be left', () => {
    expect(strip('Limited')).toBe('limited');
    expect(strip('Co., Ltd.')).not.toBe('');
  });
});
