import { describe, expect, it } from 'vitest';
import { hasInnerCapital, hasOrganisationCue } from '../../src/core/cues';

/** Whether `name` (its first occurrence) has an organisation cue near it in `text`. */
const cued = (text: string, name: string): boolean => {
  const at = text.indexOf(name);
  return hasOrganisationCue(text, at, at + name.length);
};

describe('organisation cues near a one-word name', () => {
  it('takes words for organisations, trade controls and listed trades, with plurals and stems', () => {
    expect(cued('the Israeli firm Candiru', 'Candiru')).toBe(true);
    expect(cued('Soyuz, one of the companies', 'Soyuz')).toBe(true);
    expect(cued('Washington sanctioned Soyuz', 'Soyuz')).toBe(true);
    expect(cued('Huawei launches a smartphone', 'Huawei')).toBe(true);
    expect(cued('l’entreprise nationale Gazprom', 'Gazprom')).toBe(true);
    expect(cued('korporacja państwowa Rostech', 'Rostech')).toBe(true);
  });
  it('does not take a word that merely starts like a cue, or a cue on another line or far away', () => {
    expect(cued('Candiru eat grouper and corpses', 'Candiru')).toBe(false);
    expect(cued('the Soyuz spacecraft docked at the space station', 'Soyuz')).toBe(false);
    expect(cued('a firm\nSoyuz spacecraft', 'Soyuz')).toBe(false);
    expect(cued(`Soyuz ${'x '.repeat(60)}company`, 'Soyuz')).toBe(false);
  });
  it('reads cue words in any case, in plain ASCII text and beside other scripts alike', () => {
    // Text with no character outside ASCII takes a faster path; both must agree.
    expect(cued('the FIRM Soyuz', 'Soyuz')).toBe(true);
    expect(cued('the Firm Soyuz, Жигули', 'Soyuz')).toBe(true);
    expect(cued('on the ENTITY\tLIST: Soyuz', 'Soyuz')).toBe(true);
    expect(cued('on the entity\u00a0list: Soyuz', 'Soyuz')).toBe(true);
    expect(cued('\u017fanctions on Soyuz', 'Soyuz')).toBe(true); // a long s folds to "s"
    expect(cued('Soyuz firmware', 'Soyuz')).toBe(false);
    expect(cued('Soyuz firmware, Жигули', 'Soyuz')).toBe(false);
    expect(cued('Soyuz start-ups', 'Soyuz')).toBe(true);
    expect(cued('Soyuz\rwas hacked by the firm', 'Soyuz')).toBe(false); // another line
    expect(cued('Soyuz\u2028was hacked by the firm', 'Soyuz')).toBe(false);
  });
  it('reads a capital after a lower-case letter as a coined brand name', () => {
    expect(hasInnerCapital('iFlytek', 0, 7)).toBe(true);
    expect(hasInnerCapital('SenseTime', 0, 9)).toBe(true);
    expect(hasInnerCapital('Candiru', 0, 7)).toBe(false);
    expect(hasInnerCapital('IFLYTEK', 0, 7)).toBe(false);
  });
});
