/**
 * Faults, in Chromium (where the test can reach into the service worker): IndexedDB failing,
 * the worker stopped in the middle of an update, storage full. The list in use is always whole
 * (the old one or the new one) and the user's settings survive each. The scenarios are shared
 * with Firefox (harness/faults.ts); here the faults are made inside the worker through DevTools.
 */
import { describe, it } from 'vitest';
import { launchChromium } from './harness/chromium';
import { useFaultScenarios } from './harness/faults';
import { useBrowser, useTestServer } from './harness/suite';

const server = useTestServer();

describe('Chromium: faults during list updates', () => {
  const browser = useBrowser('Chromium', () => launchChromium());
  const scenarios = useFaultScenarios(server, browser, {
    async breakIndexedDb() {
      const worker = await browser().worker();
      await worker.evaluate(() => {
        Object.defineProperty(globalThis, 'indexedDB', { value: { open: () => { throw new DOMException('IndexedDB is unavailable', 'InvalidStateError'); } }, configurable: true });
      });
    },
    async fillStorage() {
      const worker = await browser().worker();
      await worker.evaluate(() => {
        const local = chrome.storage.local as unknown as { set: (items: object) => Promise<void> };
        local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
      });
    },
    async restart() {
      const stop = browser().stopBackground;
      if (!stop) throw new Error('this session cannot stop its worker');
      await stop.call(browser());
    },
  });

  it('uses a new list even when IndexedDB fails, says it could not be saved, and falls back to the embedded list after a restart', () => scenarios.updateWithoutIndexedDb());

  it('keeps a whole list and the settings when the worker is stopped in the middle of an update', () => scenarios.restartMidUpdate());

  it('keeps the stored settings when storage is full, and says the change was not saved', () => scenarios.settingsWhenStorageFull());
});
