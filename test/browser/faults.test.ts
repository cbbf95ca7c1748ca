/**
 * Faults, in Chromium (where the test can reach into the service worker): IndexedDB failing,
 * the worker stopped in the middle of an update, storage full. The list in use is always whole
 * (the old one or the new one) and the user's settings survive each.
 */
import { describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium';
import { FIRST, KEPT_SETTINGS, SECOND, useFaultSetup } from './harness/faults';
import { LIST_PATH, officialListJson } from './harness/list-source';
import { useBrowser, useTestServer } from './harness/suite';

const server = useTestServer();

describe('Chromium: faults during list updates', () => {
  const browser = useBrowser('Chromium', () => launchChromium());
  const { source, mentions } = useFaultSetup(server, browser);

  it('uses a new list even when IndexedDB fails, says it could not be saved, and falls back to the embedded list after a restart', async () => {
    const worker = await browser().worker();
    await worker.evaluate(() => {
      // As in a profile where IndexedDB is unavailable.
      Object.defineProperty(globalThis, 'indexedDB', { value: { open: () => { throw new DOMException('IndexedDB is unavailable', 'InvalidStateError'); } }, configurable: true });
    });
    const reply = await browser().message('updateNow', {});
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/could not be saved/);
    expect(reply.status.origin).toContain(LIST_PATH);
    expect(await mentions()).toContain(FIRST);

    await browser().stopBackground?.();
    const status = await browser().message('getStatus', {});
    expect(status.origin).toBe('embedded snapshot');
    expect(await mentions()).not.toContain(FIRST);
  });

  it('keeps a whole list and the settings when the worker is stopped in the middle of an update', async () => {
    source().serve(officialListJson([FIRST, SECOND]));
    const pending = browser().message('updateNow', {}).catch((err: unknown) => err);
    // Stop it while it converts (the download is immediate here; conversion takes a second or more).
    await new Promise((r) => setTimeout(r, 300));
    await browser().stopBackground?.();
    await pending;

    const status = await browser().message('getStatus', {});
    const found = await mentions();
    // Either the update finished before the stop (both new names) or it did not (neither).
    expect(found.includes(FIRST)).toBe(found.includes(SECOND));
    expect(status.entryCount === status.update.entryCount).toBe(true);
    const { settings } = await browser().message('getSettings', {});
    expect(settings).toMatchObject({ listUrl: source().url, ...KEPT_SETTINGS });

    // And the next update works.
    const again = await browser().message('updateNow', {});
    expect(again.error).toBeUndefined();
    expect(await mentions()).toEqual(expect.arrayContaining([FIRST, SECOND]));
  });

  it('keeps the stored settings when storage is full, and says the change was not saved', async () => {
    const before = (await browser().message('getSettings', {})).settings;
    const worker = await browser().worker();
    await worker.evaluate(() => {
      // As when the profile's storage quota is used up.
      const local = chrome.storage.local as unknown as { set: (items: object) => Promise<void> };
      local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    });
    await expect(browser().message('setSettings', { patch: { highlightStyle: 'background' } })).rejects.toThrow(/quota/i);
    await browser().stopBackground?.();
    const after = (await browser().message('getSettings', {})).settings;
    expect(after).toEqual(before);
    expect(after.highlightStyle).toBe('outline');
  });
});
