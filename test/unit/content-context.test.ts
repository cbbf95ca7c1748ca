import { describe, expect, it } from 'vitest';
import { PageContext } from '../../src/content/context';
import type { Mention } from '../../src/core/mentions';

const mention = (entryIds: string[], strength: Mention['strength'], at = 0): { mention: Mention } => ({
  mention: { start: at, end: at + 3, entryIds, strength, matchedName: entryIds[0] ?? '' },
});

describe('page context for short forms', () => {
  it('shows strong mentions at once', () => {
    const ctx = new PageContext();
    const strong = mention(['nso'], 'strong');
    expect(ctx.admit([strong])).toEqual([strong]);
    expect([...ctx.seenIds]).toEqual(['nso']);
  });

  it('holds a short form back until its party is named in full, even in a later batch', () => {
    const ctx = new PageContext();
    const short = mention(['nso'], 'context', 10);
    expect(ctx.admit([short])).toEqual([]);
    expect(ctx.waiting).toBe(1);
    const full = mention(['nso'], 'strong', 50);
    const shown = ctx.admit([full]);
    expect(shown).toContain(full);
    expect(shown).toContain(short);
    expect(ctx.waiting).toBe(0);
  });

  it('narrows a short form to the parties that were named in full', () => {
    const ctx = new PageContext();
    const short = mention(['nso-group', 'statistics-office'], 'context');
    const [shown] = ctx.admit([mention(['nso-group'], 'strong', 20), short]).filter((r) => r === short);
    expect(shown?.mention.entryIds).toEqual(['nso-group']);
  });

  it('never shows a short form whose party is not named, nor one that left the page', () => {
    const ctx = new PageContext();
    const stray = mention(['candiru'], 'context');
    const gone = mention(['nso'], 'context', 30);
    ctx.admit([stray, gone]);
    ctx.forget(gone);
    expect(ctx.admit([mention(['nso'], 'strong', 60)]).filter((r) => r.mention.strength === 'context')).toEqual([]);
    expect(ctx.waiting).toBe(1);
  });
});
