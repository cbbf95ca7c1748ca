/**
 * The worker keeps the settings it read in memory: a `match` must not read storage, but every
 * change (its own writes, storage changed by anyone, the policy) must be seen by the next read.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type ChangeListener = (changes: Record<string, unknown>, area: string) => void;

const fake = {
  local: {} as Record<string, unknown>,
  managed: {} as Record<string, unknown>,
  localReads: 0,
  managedReads: 0,
  listeners: [] as ChangeListener[],
  failNextSet: false,
};

function announce(area: string, key: string): void {
  for (const listener of fake.listeners) listener({ [key]: {} }, area);
}

vi.mock('../../src/shared/browser', () => ({
  browser: {
    storage: {
      local: {
        get: async (key: string) => {
          fake.localReads++;
          return key in fake.local ? { [key]: structuredClone(fake.local[key]) } : {};
        },
        // Like the browser: the write answers first, storage.onChanged comes later.
        set: async (items: Record<string, unknown>) => {
          if (fake.failNextSet) {
            fake.failNextSet = false;
            throw new Error('QUOTA_BYTES quota exceeded');
          }
          Object.assign(fake.local, structuredClone(items));
          setTimeout(() => { for (const key of Object.keys(items)) announce('local', key); }, 0);
        },
      },
      managed: {
        get: async () => {
          fake.managedReads++;
          return structuredClone(fake.managed);
        },
      },
      onChanged: { addListener: (listener: ChangeListener) => fake.listeners.push(listener) },
    },
  },
}));

const load = () => import('../../src/background/settings-store');

describe('settings kept in the worker', () => {
  beforeEach(() => {
    vi.resetModules();
    Object.assign(fake, { local: {}, managed: {}, localReads: 0, managedReads: 0, listeners: [], failNextSet: false });
  });
  afterEach(() => vi.useRealTimers());

  it('reads storage once for many reads, together or one after another', async () => {
    const { readSettings } = await load();
    const together = await Promise.all([readSettings(), readSettings(), readSettings()]);
    await readSettings();
    await readSettings();
    expect(fake.localReads).toBe(1);
    expect(together[0]?.settings.paused).toBe(false);
  });

  it('sees its own write at once, before storage announces the change', async () => {
    const { readSettings, writeSettings } = await load();
    await readSettings();
    const written = await writeSettings({ highlightStyle: 'outline' });
    expect(written.settings.highlightStyle).toBe('outline');
    expect((await readSettings()).settings.highlightStyle).toBe('outline');
  });

  it('reads again after someone else changed the stored choices', async () => {
    const { readSettings } = await load();
    expect((await readSettings()).settings.paused).toBe(false);
    fake.local.settings = { paused: true, settingsVersion: 2 };
    announce('local', 'settings');
    expect((await readSettings()).settings.paused).toBe(true);
  });

  it('ignores changes to other keys and other areas', async () => {
    const { readSettings } = await load();
    await readSettings();
    announce('local', 'updateState');
    announce('session', 'settings');
    await readSettings();
    expect(fake.localReads).toBe(1);
  });

  it('reads again after the policy changed', async () => {
    const { readSettings } = await load();
    expect((await readSettings()).settings.includeIndividuals).toBe(false);
    fake.managed = { includeIndividuals: true, lockSettings: true };
    announce('managed', 'includeIndividuals');
    const after = await readSettings();
    expect(after.settings.includeIndividuals).toBe(true);
    expect(after.locked).toContain('includeIndividuals');
    expect(fake.managedReads).toBe(2);
  });

  it('keeps what it had when a write fails', async () => {
    const { readSettings, writeSettings } = await load();
    await readSettings();
    fake.failNextSet = true;
    await expect(writeSettings({ paused: true })).rejects.toThrow(/quota/);
    expect((await readSettings()).settings.paused).toBe(false);
  });
});
