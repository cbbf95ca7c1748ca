/** When a frame reports what it found: new parties at once, recounts of the same ones at most every two seconds. */
import { describe, expect, it } from 'vitest';
import { RECOUNT_MS, ReportPacer } from '../../src/content/report-pacer';

const a1 = [{ id: 'a', count: 1 }];

describe('report pacer', () => {
  it('sends the first findings, even when there are none', () => {
    expect(new ReportPacer().decide([], 0)).toBe('send');
  });

  it('skips findings already sent, whatever their order', () => {
    const pacer = new ReportPacer();
    expect(pacer.decide([{ id: 'a', count: 1 }, { id: 'b', count: 2 }], 0)).toBe('send');
    expect(pacer.decide([{ id: 'b', count: 2 }, { id: 'a', count: 1 }], 5000)).toBe('skip');
  });

  it('sends a new party at once, even right after another report', () => {
    const pacer = new ReportPacer();
    pacer.decide(a1, 0);
    expect(pacer.decide([...a1, { id: 'b', count: 1 }], 10)).toBe('send');
    expect(pacer.decide([{ id: 'b', count: 1 }], 20)).toBe('send'); // a party gone is news too
  });

  it('holds back new counts of the same parties until two seconds after the last report', () => {
    const pacer = new ReportPacer();
    pacer.decide(a1, 1000);
    expect(pacer.decide([{ id: 'a', count: 5 }], 1500)).toBe(RECOUNT_MS - 500);
    expect(pacer.decide([{ id: 'a', count: 9 }], 1000 + RECOUNT_MS)).toBe('send');
    expect(pacer.decide([{ id: 'a', count: 9 }], 1000 + RECOUNT_MS + 1)).toBe('skip');
  });

  it('sends in full again once told the background lost what was sent', () => {
    const pacer = new ReportPacer();
    pacer.decide(a1, 0);
    pacer.forget();
    expect(pacer.decide(a1, 1)).toBe('send');
  });
});
