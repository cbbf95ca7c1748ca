/**
 * Faults in Firefox ESR, reached through the event page itself (`runtime.getBackgroundPage()`
 * from one of the extension's own pages): IndexedDB failing, the extension reloaded in the middle
 * of an update, storage full. The list in use is always whole and the user's settings survive.
 */
import { describe, it } from 'vitest';
import { launchFirefox } from './harness/firefox';
import { useFaultScenarios } from './harness/faults';
import { sleep, type TestPage } from './harness/session';
import { useBrowser, useTestServer } from './harness/suite';

const server = useTestServer();
type ExtensionGlobal = { browser: typeof chrome };
/** The event page's window, with the WebExtension namespace Firefox gives it. */
type EventPage = typeof globalThis & { browser: typeof chrome };

describe('Firefox ESR: faults during list updates', () => {
  const browser = useBrowser('Firefox ESR', () => launchFirefox());
  let control: TestPage | undefined;
  /** An extension page through which the test reaches the event page. */
  const extensionPage = async (): Promise<TestPage> => {
    control ??= await browser().openExtensionPage('options.html');
    return control;
  };
  // Firefox keeps an event page that another extension page has reached into, so a restart is
  // a reload of the extension, not an idle unload.
  const scenarios = useFaultScenarios(server, browser, {
    breakIndexedDb: () => onEventPage('no-indexeddb'),
    fillStorage: () => onEventPage('storage-full'),
    restart: () => onEventPage('reload'),
  });

  /** Runs `change` on the event page's window (the next unload of the event page undoes it). */
  async function onEventPage(change: 'no-indexeddb' | 'storage-full' | 'reload'): Promise<void> {
    const page = await extensionPage();
    await page.evaluate(async (what) => {
      const ext = (globalThis as unknown as ExtensionGlobal).browser;
      const bg = (await ext.runtime.getBackgroundPage()) as unknown as EventPage | null;
      if (!bg) throw new Error('no event page');
      if (what === 'reload') {
        // Marks the old event page, so the test can tell when a new one has replaced it.
        Object.assign(bg, { replacedByReload: true });
        ext.runtime.reload();
        return;
      }
      // Errors are made in the event page's own realm, as the browser's would be.
      if (what === 'no-indexeddb') {
        // As in a profile where IndexedDB is unavailable.
        Object.defineProperty(bg, 'indexedDB', { value: { open: () => { throw new bg.DOMException('IndexedDB is unavailable', 'InvalidStateError'); } }, configurable: true });
      } else {
        // As when the profile's storage quota is used up.
        const local = bg.browser.storage.local as unknown as { set: (items: object) => Promise<void> };
        local.set = () => bg.Promise.reject(new bg.Error('QUOTA_BYTES quota exceeded'));
      }
    }, change);
    if (change === 'reload') await untilReplaced();
  }

  /** Waits for the new event page after a reload: until then, messages may reach the old one. */
  async function untilReplaced(): Promise<void> {
    control = undefined; // the reload takes the extension's pages with it
    const end = Date.now() + 20_000;
    while (Date.now() < end) {
      const page = await browser().openExtensionPage('options.html').catch(() => undefined);
      const fresh = await page
        ?.evaluate(async () => {
          const bg = await (globalThis as unknown as ExtensionGlobal).browser.runtime.getBackgroundPage();
          return !!bg && !('replacedByReload' in bg);
        }, undefined)
        .catch(() => false);
      if (fresh) {
        control = page;
        return;
      }
      await page?.close().catch(() => undefined);
      await sleep(200);
    }
    throw new Error('the extension did not come back after its reload');
  }

  it('uses a new list even when IndexedDB fails, says it could not be saved, and falls back to the embedded list after a restart', () => scenarios.updateWithoutIndexedDb());

  it('keeps a whole list and the settings when the extension is reloaded in the middle of an update', () => scenarios.restartMidUpdate());

  it('keeps the stored settings when storage is full, and says the change was not saved', () => scenarios.settingsWhenStorageFull());
});
