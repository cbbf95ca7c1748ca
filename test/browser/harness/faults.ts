/**
 * What the fault tests of both browsers share: a page naming two parties that only an update
 * brings, a local list source, settings that must survive every fault, and the three fault
 * scenarios themselves. Each browser only says how a fault is made and how its background is
 * restarted (Chromium stops its worker through DevTools; Firefox reloads the extension).
 */
import { beforeAll, expect } from 'vitest';
import type { Settings } from '../../../src/shared/settings';
import { listedMentions } from './highlights';
import { LIST_PATH, officialListJson, startListSource, type ListSource } from './list-source';
import type { FixtureServer } from './server';
import { waitFor, type BrowserSession } from './session';
import { freshUrl } from './suite';

export const FIRST = 'Obsidian Lattice Works';
export const SECOND = 'Meridian Arc Photonics';
const PAGE = '/faults/page.html';

/** The user's own settings the faults must not lose. */
export const KEPT_SETTINGS: Partial<Settings> = { highlightStyle: 'outline', excludedSites: ['intranet.example.com'] };

/** How one browser breaks its background and starts it afresh. */
export interface FaultControls {
  /** As in a profile where IndexedDB is unavailable (undone by the next restart). */
  breakIndexedDb(): Promise<void>;
  /** As when the profile's storage quota is used up (undone by the next restart). */
  fillStorage(): Promise<void>;
  /** Ends the background at once, wherever it is, and lets a new one start. */
  restart(): Promise<void>;
}

export interface FaultScenarios {
  /** An update succeeds without IndexedDB but says so; after a restart the embedded list is back. */
  updateWithoutIndexedDb(): Promise<void>;
  /** A restart in the middle of an update leaves a whole list (old or new) and the settings. */
  restartMidUpdate(): Promise<void>;
  /** A settings change that storage refuses is reported, and the stored settings stay as they were. */
  settingsWhenStorageFull(): Promise<void>;
}

/** For the enclosing describe: the page, the source and the user's settings, then the scenarios. */
export function useFaultScenarios(server: () => FixtureServer, browser: () => BrowserSession, controls: FaultControls): FaultScenarios {
  let source: ListSource | undefined;
  beforeAll(async () => {
    server().route(PAGE, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Faults</title></head><body>
<p>${FIRST} and ${SECOND} were added; NSO Group was listed in 2021.</p></body></html>`);
    source = startListSource(server(), officialListJson([FIRST]));
    await browser().message('setSettings', { patch: { listUrl: source.url, ...KEPT_SETTINGS } });
  });
  const listSource = (): ListSource => {
    if (!source) throw new Error('the list source has not started');
    return source;
  };

  /** The listed names highlighted on a fresh copy of the page (NSO Group is always there). */
  async function mentions(): Promise<string[]> {
    const page = await browser().open(freshUrl(server(), PAGE));
    const found = await waitFor(() => listedMentions(page), (m) => m.includes('NSO Group'), 20_000);
    await page.close();
    return found;
  }

  /** A message to a background that may still be starting after a restart. */
  async function ask<T>(send: () => Promise<T>): Promise<T> {
    const reply = await waitFor(() => send().catch(() => undefined), (r) => r !== undefined, 20_000);
    if (reply === undefined) throw new Error('the background did not answer after its restart');
    return reply;
  }

  return {
    async updateWithoutIndexedDb() {
      await controls.breakIndexedDb();
      const reply = await browser().message('updateNow', {});
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(/could not be saved/);
      expect(reply.status.origin).toContain(LIST_PATH);
      expect(await mentions()).toContain(FIRST);

      await controls.restart();
      const status = await ask(() => browser().message('getStatus', {}));
      expect(status.origin).toBe('embedded snapshot');
      expect(await mentions()).not.toContain(FIRST);
    },

    async restartMidUpdate() {
      listSource().serve(officialListJson([FIRST, SECOND]));
      const pending = browser().message('updateNow', {}).catch((err: unknown) => err);
      // Restart while it converts (the download is immediate here; conversion takes a second or more).
      await new Promise((r) => setTimeout(r, 300));
      await controls.restart();
      await pending;

      const status = await ask(() => browser().message('getStatus', {}));
      const found = await mentions();
      // Either the update finished before the restart (both new names) or it did not (neither).
      expect(found.includes(FIRST)).toBe(found.includes(SECOND));
      expect(status.entryCount).toBe(status.update.entryCount);
      const { settings } = await browser().message('getSettings', {});
      expect(settings).toMatchObject({ listUrl: listSource().url, ...KEPT_SETTINGS });

      // And the next update works.
      const again = await browser().message('updateNow', {});
      expect(again.error).toBeUndefined();
      expect(await mentions()).toEqual(expect.arrayContaining([FIRST, SECOND]));
    },

    async settingsWhenStorageFull() {
      const before = (await browser().message('getSettings', {})).settings;
      await controls.fillStorage();
      await expect(browser().message('setSettings', { patch: { highlightStyle: 'background' } })).rejects.toThrow(/quota/i);
      await controls.restart();
      const after = (await ask(() => browser().message('getSettings', {}))).settings;
      expect(after).toEqual(before);
      expect(after.highlightStyle).toBe('outline');
    },
  };
}
