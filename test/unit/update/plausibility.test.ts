import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../../src/core/model';
import { checkNewList, effectiveMaxLossShare, PER_LIST_MIN_ENTRIES } from '../../../src/core/update/plausibility';
import { bundleOf, entries } from './helpers';

const opts = { maxLossShare: 0.2 };
// 1,000 entries in use: 800 SDN, 150 EL, 40 DPL, 8 PLC (below the per-list floor), 2 FSE.
const current = bundleOf([...entries('SDN', 800), ...entries('EL', 150), ...entries('DPL', 40), ...entries('PLC', 8), ...entries('FSE', 2)]);

describe('checkNewList', () => {
  it('accepts a first list, a same-sized list and a growing one', () => {
    expect(checkNewList(undefined, current, opts)).toEqual({ ok: true });
    expect(checkNewList(current, current, opts)).toEqual({ ok: true });
    expect(checkNewList(current, bundleOf([...current.entries, ...entries('MEU', 50)]), opts)).toEqual({ ok: true });
  });

  it('refuses an empty list, and one holding only custom entries', () => {
    const empty = checkNewList(current, bundleOf([]), opts);
    expect(empty).toEqual({ ok: false, error: expect.stringContaining('the new list is empty') });
    const onlyCustom = bundleOf([{ id: 'CUSTOM-1', list: 'CUSTOM', listName: 'Ours', type: 'entity', name: 'Acme' }]);
    expect(checkNewList(undefined, onlyCustom, opts).ok).toBe(false);
  });

  it('refuses a list that loses more than the allowed share in total, and says how much', () => {
    const cut = bundleOf(current.entries.slice(0, 700));
    const r = checkNewList(current, cut, opts);
    expect(r).toEqual({ ok: false, error: 'the new list has 700 entries, 30% fewer than the 1,000 in use (more than the 20% allowed); it may be cut short' });
  });

  it('accepts a loss up to the allowed share', () => {
    const keep = current.entries.filter((e) => e.list !== 'SDN').concat(entries('SDN', 800 - 150));
    expect(checkNewList(current, bundleOf(keep), opts)).toEqual({ ok: true }); // 15% fewer in total, 19% fewer SDN
  });

  it('refuses one source list vanishing even when the total barely moves', () => {
    const withoutDpl = bundleOf([...current.entries.filter((e) => e.list !== 'DPL'), ...entries('SDN', 40, 'new')]);
    const r = checkNewList(current, withoutDpl, opts);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe('the new list has no DPL entries, while the list in use has 40; that source list seems to be missing from the download');
  });

  it('checks only the total with perList: false (comparing with the embedded snapshot)', () => {
    const withoutDpl = bundleOf([...current.entries.filter((e) => e.list !== 'DPL'), ...entries('SDN', 40, 'new')]);
    expect(checkNewList(current, withoutDpl, { maxLossShare: 0.2, perList: false })).toEqual({ ok: true });
    expect(checkNewList(current, bundleOf(current.entries.slice(0, 500)), { maxLossShare: 0.2, perList: false }).ok).toBe(false);
  });

  it('refuses one source list shrinking by more than the share', () => {
    const halfEl = bundleOf([...current.entries.filter((e) => e.list !== 'EL'), ...entries('EL', 75)]);
    const r = checkNewList(current, halfEl, opts);
    expect(!r.ok && r.error).toBe('the new list has 75 EL entries, 50% fewer than the 150 in use (more than the 20% allowed)');
  });

  it(`leaves lists under ${PER_LIST_MIN_ENTRIES} entries to the total: delisting in small lists is normal`, () => {
    const noSmall = bundleOf(current.entries.filter((e) => e.list !== 'PLC' && e.list !== 'FSE'));
    expect(checkNewList(current, noSmall, opts)).toEqual({ ok: true });
  });

  it('turns the loss checks off at a share of 1, and falls back to 0.2 for nonsense', () => {
    const tiny = bundleOf(entries('SDN', 1));
    expect(checkNewList(current, tiny, { maxLossShare: 1 })).toEqual({ ok: true });
    expect(checkNewList(current, tiny, { maxLossShare: Number.NaN }).ok).toBe(false);
    expect(effectiveMaxLossShare(-1)).toBe(0.2);
    expect(effectiveMaxLossShare('0.5')).toBe(0.2);
    expect(effectiveMaxLossShare(0)).toBe(0);
  });

  it('refuses a list that fails the bundle check, naming the place', () => {
    const bad = { ...current, entries: [{ ...current.entries[0], countries: ['Iran'] }] } as unknown as Bundle;
    const r = checkNewList(current, bad, opts);
    expect(!r.ok && r.error).toBe('the new list is not a valid list bundle (entries[0].countries[0]: not an ISO 3166 alpha-2 code)');
  });

  it('recounts the list in use instead of trusting its stored counts', () => {
    const lyingCounts = { ...current, counts: { SDN: 100_000 } };
    expect(checkNewList(lyingCounts, current, opts)).toEqual({ ok: true });
  });
});
