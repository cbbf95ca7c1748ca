/**
 * The badge follows the number of distinct parties on a tab, and is set only when that number
 * changes (a busy page reports several times a second). storage.session and the action API are
 * fakes here; the browser tests check real badges.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = {
  session: {} as Record<string, unknown>,
  reads: 0,
  badges: [] as { tabId: number; text: string }[],
};

vi.mock('../../src/shared/browser', () => ({
  browser: {
    storage: {
      session: {
        get: async (key: string | null) => {
          fake.reads++;
          return key === null ? structuredClone(fake.session) : key in fake.session ? { [key]: structuredClone(fake.session[key]) } : {};
        },
        set: async (items: Record<string, unknown>) => void Object.assign(fake.session, structuredClone(items)),
        remove: async (key: string) => void delete fake.session[key],
      },
    },
    action: {
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void fake.badges.push({ tabId, text }),
      setBadgeBackgroundColor: async () => undefined,
    },
  },
}));

const load = () => import('../../src/background/tab-state');

describe('badge of a tab', () => {
  beforeEach(() => {
    vi.resetModules();
    Object.assign(fake, { session: {}, reads: 0, badges: [] });
  });

  it('is set when the number of distinct parties changes, not for more mentions of the same ones', async () => {
    const { recordFound, foundOnTab } = await load();
    await recordFound(5, 0, 'https://example.test/', [{ id: 'a', count: 1 }]);
    await recordFound(5, 0, 'https://example.test/', [{ id: 'a', count: 4 }]);
    await recordFound(5, 0, 'https://example.test/', [{ id: 'a', count: 9 }]);
    expect(fake.badges).toEqual([{ tabId: 5, text: '1' }]);
    // The counts themselves are kept for the popup every time.
    expect((await foundOnTab(5)).found).toEqual([{ id: 'a', count: 9 }]);

    await recordFound(5, 2, undefined, [{ id: 'b', count: 1 }]); // a frame names another party
    expect(fake.badges.at(-1)).toEqual({ tabId: 5, text: '2' });
    expect(fake.badges).toHaveLength(2);
  });

  it('is set by the first report of a tab even when it finds nothing, and after a reset', async () => {
    const { recordFound, resetTab } = await load();
    await recordFound(8, 0, 'https://example.test/', []);
    expect(fake.badges).toEqual([{ tabId: 8, text: '' }]);
    await recordFound(8, 0, 'https://example.test/', [{ id: 'a', count: 1 }]);
    await resetTab(8); // the tab loads a new page
    await recordFound(8, 0, 'https://example.test/next', [{ id: 'a', count: 1 }]);
    expect(fake.badges.map((b) => b.text)).toEqual(['', '1', '', '1']);
  });

  it('reads storage once per tab while the worker lives, and a restarted worker finds what was written', async () => {
    const first = await load();
    for (let count = 1; count <= 5; count++) await first.recordFound(3, 0, 'https://example.test/', [{ id: 'a', count }]);
    expect(fake.reads).toBe(1);
    expect(fake.session['tab:3']).toEqual({ url: 'https://example.test/', frames: { '0': [{ id: 'a', count: 5 }] } });

    vi.resetModules(); // the worker stops and starts again
    const second = await load();
    expect((await second.foundOnTab(3)).found).toEqual([{ id: 'a', count: 5 }]);
    await second.recordFound(3, 1, undefined, [{ id: 'b', count: 1 }]);
    expect((await second.foundOnTab(3)).found).toEqual([{ id: 'a', count: 5 }, { id: 'b', count: 1 }]);
    expect(fake.reads).toBe(2);
  });
});
