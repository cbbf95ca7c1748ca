/**
 * Faults in Firefox ESR, reached through the event page itself (`runtime.getBackgroundPage()`
 * from one of the extension's own pages): IndexedDB failing, the extension reloaded in the middle
 * of an update, storage full. The list in use is always whole and the user's settings survive.
 */
import { describe, expect, it } from 'vitest';
import { launchFirefox } from './harness/firefox';
import { FIRST, KEPT_SETTINGS, SECOND, useFaultSetup } from './harness/faults';
import { LIST_PATH, officialListJson } from './harness/list-source';
import { sleep, waitFor, type TestPage } from './harness/session';
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
  const { source, mentions } = useFaultSetup(server, browser);

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

  it('uses a new list even when IndexedDB fails, says it could not be saved, and falls back to the embedded list after a restart', async () => {
    await onEventPage('no-indexeddb');
    const reply = await browser().message('updateNow', {});
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/could not be saved/);
    expect(reply.status.origin).toContain(LIST_PATH);
    expect(await mentions()).toContain(FIRST);

    // Firefox keeps an event page that another extension page has reached into; a reload
    // starts it afresh.
    await onEventPage('reload');
    const status = await waitFor(() => browser().message('getStatus', {}).catch(() => undefined), (s) => s !== undefined, 20_000);
    expect(status?.origin).toBe('embedded snapshot');
    expect(await mentions()).not.toContain(FIRST);
  });

  it('keeps a whole list and the settings when the extension is reloaded in the middle of an update', async () => {
    source().serve(officialListJson([FIRST, SECOND]));
    const pending = browser().message('updateNow', {}).catch((err: unknown) => err);
    // Reload it while it converts (the download is immediate here; conversion takes a second or more).
    await new Promise((r) => setTimeout(r, 300));
    await onEventPage('reload');
    await pending;

    const status = await waitFor(() => browser().message('getStatus', {}).catch(() => undefined), (s) => s !== undefined, 20_000);
    const found = await mentions();
    // Either the update finished before the reload (both new names) or it did not (neither).
    expect(found.includes(FIRST)).toBe(found.includes(SECOND));
    expect(status?.entryCount).toBe(status?.update.entryCount);
    const { settings } = await browser().message('getSettings', {});
    expect(settings).toMatchObject({ listUrl: source().url, ...KEPT_SETTINGS });

    // And the next update works.
    const again = await browser().message('updateNow', {});
    expect(again.error).toBeUndefined();
    expect(await mentions()).toEqual(expect.arrayContaining([FIRST, SECOND]));
  });

  it('keeps the stored settings when storage is full, and says the change was not saved', async () => {
    const before = (await browser().message('getSettings', {})).settings;
    await onEventPage('storage-full');
    await expect(browser().message('setSettings', { patch: { highlightStyle: 'background' } })).rejects.toThrow(/quota/i);
    await onEventPage('reload');
    const after = (await waitFor(() => browser().message('getSettings', {}).catch(() => undefined), (s) => s !== undefined, 20_000))?.settings;
    expect(after).toEqual(before);
    if (!after) return;
    expect(after.highlightStyle).toBe('outline');
  });
});
