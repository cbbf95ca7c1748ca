/**
 * Live list updates against a local server standing in for the official download: a new party
 * appears on pages after an update; a 304 is a success; each kind of failure keeps the list in
 * use and says why; the updated list survives a stopped background; the options page shows
 * the status and "Update now" works.
 */
import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { listedMentions } from './harness/highlights';
import { LIST_PATH, officialListJson, rawPublicKey, signedBundle, startListSource, type ListSource, type SourceMode } from './harness/list-source';
import { listItems, typeInSearch } from './harness/popup';
import type { Entry } from '../../src/core/model';
import { waitFor, type BrowserSession } from './harness/session';
import { freshUrl, inEachBrowser, useTestServer } from './harness/suite';

const server = useTestServer();
const NEW_PARTY = 'Zephyr Quantum Dynamics Limited';
const SIGNED_PARTY = 'Halcyon Mirror Instruments';
const EL_NAME = 'Entity List (EL) - Bureau of Industry and Security';
const signedEntry: Entry = { id: 'EL-test-signed', list: 'EL', listName: EL_NAME, type: 'entity', name: SIGNED_PARTY };
/** Markup, a right-to-left override and a zero-width space in a name from a mirror. */
const hostileEntry: Entry = {
  id: 'EL-test-hostile',
  list: 'EL',
  listName: EL_NAME,
  type: 'entity',
  name: `<img src=x onerror="document.title='pwned'"> Evil Widgets \u202Egnidart\u202C Co\u200Brp`,
};
const PAGE = '/updates/page.html';

let source: ListSource;
beforeAll(() => {
  server().route(
    PAGE,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Update news</title></head><body>
<p>The Commerce Department added ${NEW_PARTY} to the Entity List this week.</p>
<p>NSO Group was listed in 2021.</p>
<p>A mirror's own list names ${SIGNED_PARTY}.</p></body></html>`,
  );
  source = startListSource(server(), officialListJson([NEW_PARTY]));
});

async function mentionsOnPage(browser: BrowserSession): Promise<string[]> {
  const page = await browser.open(freshUrl(server(), PAGE));
  // NSO Group is in every list used here: once it is highlighted, the page has been scanned.
  const mentions = await waitFor(() => listedMentions(page), (m) => m.includes('NSO Group'), 20_000);
  await page.close();
  return mentions;
}

const FAILURES: [SourceMode, RegExp][] = [
  ['not-found', /not found|HTTP 404/i],
  ['server-error', /HTTP 500/i],
  ['web-page', /web page/i],
  ['truncated', /./],
  ['not-a-list', /./],
  ['empty-list', /empty|no .*entries/i],
  ['half-the-list', /lose|loses|fewer|drop/i],
];

inEachBrowser(
  (_kind, browser) => {
    it('flags a party that only the downloaded list has, after "Update now"', async () => {
      source.mode = 'ok';
      expect(await mentionsOnPage(browser())).not.toContain(NEW_PARTY);
      const set = await browser().message('setSettings', { patch: { listUrl: source.url } });
      expect(set.settings.listUrl).toBe(source.url);

      const reply = await browser().message('updateNow', {});
      expect(reply.error).toBeUndefined();
      expect(reply.ok).toBe(true);
      expect(reply.status.update.lastResult).toBe('updated');
      expect(reply.status.origin).toContain(LIST_PATH);
      expect(await mentionsOnPage(browser())).toContain(NEW_PARTY);
    });

    it('asks with the ETag next time and takes "304 Not Modified" as a success', async () => {
      const before = source.requests.length;
      const reply = await browser().message('updateNow', {});
      expect(reply.ok).toBe(true);
      expect(reply.status.update.lastResult).toBe('not-modified');
      expect(source.requests.slice(before).some((r) => r.ifNoneMatch !== undefined)).toBe(true);
    });

    it('keeps the list in use and says why when a download fails, whatever the failure', async () => {
      const count = (await browser().message('getStatus', {})).entryCount;
      for (const [mode, reason] of FAILURES) {
        source.mode = mode;
        const reply = await browser().message('updateNow', {});
        expect(reply.ok, mode).toBe(false);
        expect(reply.error, mode).toMatch(reason);
        expect(reply.status.update.lastError, mode).toBe(reply.error);
        expect(reply.status.entryCount, mode).toBe(count);
        expect(reply.status.origin, mode).toContain(LIST_PATH);
      }
      // An address nobody answers at: the network failure case.
      await browser().message('setSettings', { patch: { listUrl: 'http://127.0.0.1:9/consolidated.json' } });
      const offline = await browser().message('updateNow', {});
      expect(offline.ok).toBe(false);
      expect(offline.error).toMatch(/could not be reached/i);
      expect(await mentionsOnPage(browser())).toContain(NEW_PARTY);
      await browser().message('setSettings', { patch: { listUrl: source.url } });
      source.mode = 'ok';
    });

    it('with a pinned signing key, takes only a bundle signed with it, and shows hostile names as text', async () => {
      const key = generateKeyPairSync('ed25519');
      const other = generateKeyPairSync('ed25519');
      await browser().message('setSettings', { patch: { listUrl: source.url, listPublicKey: rawPublicKey(key.publicKey) } });
      try {
        source.mode = 'ok';
        source.serve(officialListJson([NEW_PARTY, SIGNED_PARTY]));
        const unsigned = await browser().message('updateNow', {});
        expect(unsigned.ok).toBe(false);
        expect(unsigned.error).toMatch(/no signature/i);

        const wrong = signedBundle([signedEntry], other.privateKey);
        source.serve(wrong.json, wrong.signature);
        const badSignature = await browser().message('updateNow', {});
        expect(badSignature.ok).toBe(false);
        expect(badSignature.error).toMatch(/signature does not match/i);
        expect(await mentionsOnPage(browser())).not.toContain(SIGNED_PARTY);

        const good = signedBundle([signedEntry, hostileEntry], key.privateKey);
        source.serve(good.json, good.signature);
        const accepted = await browser().message('updateNow', {});
        expect(accepted.error).toBeUndefined();
        expect(accepted.status.origin).toMatch(/signature checked/);
        expect(await mentionsOnPage(browser())).toContain(SIGNED_PARTY);

        // An old signed copy served again cannot undo the update.
        const replayed = signedBundle([], key.privateKey, '2020-01-01');
        source.serve(replayed.json, replayed.signature);
        const rollback = await browser().message('updateNow', {});
        expect(rollback.ok).toBe(false);
        expect(rollback.error).toMatch(/older than the list in use/);
        expect(await mentionsOnPage(browser())).toContain(SIGNED_PARTY);

        // The hostile name, found by the popup's look-up, is text: no element, no script ran.
        const page = await browser().open(freshUrl(server(), PAGE));
        const tabId = await browser().tabIdOf(page);
        const popup = await browser().openPopup(tabId);
        try {
          await typeInSearch(popup, 'Widgets Evil');
          const items = await waitFor(() => listItems(popup, /result/i), (r) => r.some((i) => i.text.includes('Evil Widgets')), 10_000);
          expect(items.map((i) => i.text).join('\n')).toContain('<img src=x onerror=');
          const injected = await popup.evaluate(() => ({ images: document.querySelectorAll('img').length, title: document.title }), undefined);
          expect(injected.images).toBe(0);
          expect(injected.title).not.toBe('pwned');
        } finally {
          await popup.close();
          await page.close();
        }
      } finally {
        // Back to the unsigned official list with the new party, for the tests that follow.
        await browser().message('setSettings', { patch: { listPublicKey: '' } });
        source.serve(officialListJson([NEW_PARTY]));
        await browser().message('updateNow', {});
      }
    });

    it('still uses the downloaded list after the background is stopped', async () => {
      const stop = browser().stopBackground;
      expect(stop, 'this harness can stop the background').toBeDefined();
      await stop?.();
      const status = await browser().message('getStatus', {});
      expect(status.origin).toContain(LIST_PATH);
      expect(await mentionsOnPage(browser())).toContain(NEW_PARTY);
    });

    it('shows the update status on the options page, and "Update now" there reports the outcome', async () => {
      source.mode = 'ok';
      await browser().message('setSettings', { patch: { listUrl: source.url } });
      const options = await browser().openExtensionPage('options.html');
      try {
        const read = () =>
          options.evaluate(
            () => ({
              status: (document.querySelector('[aria-label="Update status"]') as HTMLElement | null)?.innerText ?? '',
              result: document.getElementById('update-result')?.textContent ?? '',
              button: (() => {
                const b = document.getElementById('update-now');
                if (!b || (b as HTMLButtonElement).disabled) return null;
                b.scrollIntoView({ block: 'center' });
                const r = b.getBoundingClientRect();
                return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
              })(),
            }),
            undefined,
          );
        const before = await waitFor(read, (s) => s.status !== '' && s.button !== null, 10_000);
        expect(before.status).toContain(source.url);
        if (!before.button) return;
        await options.click(before.button.x, before.button.y);
        const after = await waitFor(read, (s) => /up to date|new list/i.test(s.result), 30_000);
        expect(after.result).toMatch(/up to date|a new list is in use/i);
        expect((await read()).status).toMatch(/last checked at .*: (the list had not changed|a new list was taken into use)/i);
      } finally {
        await options.close();
      }
    });
  },
  // Long enough for Firefox to convert the 13,000-entry list without being unloaded mid-way
  // (the browser's own default is 30 s), short enough to test an unloaded event page.
  { firefox: { backgroundIdleMs: 10_000 } },
);
