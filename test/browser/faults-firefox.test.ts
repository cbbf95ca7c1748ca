/**
 * Faults in Firefox ESR, reached through the event page itself (`runtime.getBackgroundPage()`
 * from one of the extension's own pages): IndexedDB failing, the extension reloaded in the middle
 * of an update, storage full. The list in use is always whole and the user's settings survive.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox } from './harness/firefox';
import { listedMentions } from './harness/highlights';
import { LIST_PATH, officialListJson, startListSource, type ListSource } from './harness/list-source';
import { waitFor, type TestPage } from './harness/session';
import { freshUrl, useBrowser, useTestServer } from './harness/suite';

const server = useTestServer();
const FIRST = 'Obsidian Lattice Works';
const SECOND = 'Meridian Arc Photonics';
const PAGE = '/faults/page.html';
type ExtensionGlobal = { browser: typeof chrome };
/** The event page's window, with the WebExtension namespace Firefox gives it. */
type EventPage = typeof globalThis & { browser: typeof chrome };

describe('Firefox ESR: faults during list updates', () => {
  const browser = useBrowser('Firefox ESR', () => launchFirefox());
  let source: ListSource;
  let control: TestPage | undefined;
  /** An extension page through which the test reaches the event page. */
  const extensionPage = async (): Promise<TestPage> => {
    control ??= await browser().openExtensionPage('options.html');
    return control;
  };
  const mentions = async (): Promise<string[]> => {
    const page = await browser().open(freshUrl(server(), PAGE));
    const found = await waitFor(() => listedMentions(page), (m) => m.includes('NSO Group'), 20_000);
    await page.close();
    return found;
  };

  beforeAll(async () => {
    server().route(PAGE, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Faults</title></head><body>
<p>${FIRST} and ${SECOND} were added; NSO Group was listed in 2021.</p></body></html>`);
    source = startListSource(server(), officialListJson([FIRST]));
    await browser().message('setSettings', { patch: { listUrl: source.url, highlightStyle: 'outline', excludedSites: ['intranet.example.com'] } });
  });

  /** Runs `change` on the event page's window (the next unload of the event page undoes it). */
  async function onEventPage(change: 'no-indexeddb' | 'storage-full' | 'reload'): Promise<void> {
    const page = await extensionPage();
    await page.evaluate(async (what) => {
      const ext = (globalThis as unknown as ExtensionGlobal).browser;
      if (what === 'reload') {
        ext.runtime.reload();
        return;
      }
      const bg = (await ext.runtime.getBackgroundPage()) as unknown as EventPage | null;
      if (!bg) throw new Error('no event page');
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
    if (change === 'reload') control = undefined; // the reload takes the extension's pages with it
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
    source.serve(officialListJson([FIRST, SECOND]));
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
    expect(settings).toMatchObject({ listUrl: source.url, highlightStyle: 'outline', excludedSites: ['intranet.example.com'] });

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
