/**
 * Browsers stop an idle background (Chromium: the MV3 service worker; Firefox: the event page,
 * unloaded here after 2 s instead of 30 s). What a tab holds must survive that: the popup still
 * lists the tab's parties, the badge still counts them, and new text and new pages are still
 * matched.
 */
import { expect, it } from 'vitest';
import { DEMO_PARTY_NAMES, demoExpectedMentions } from './harness/expected';
import { listedMentions } from './harness/highlights';
import { listItems } from './harness/popup';
import { waitFor } from './harness/session';
import { freshUrl, inEachBrowser, useTestServer } from './harness/suite';

const server = useTestServer();
const expectedTotal = [...demoExpectedMentions().values()].reduce((a, b) => a + b, 0);

inEachBrowser(
  (_kind, browser) => {
    it('keeps the tab’s parties, its badge and matching after the background is stopped', async () => {
      const page = await browser().open(freshUrl(server(), '/demo.html'));
      await waitFor(() => listedMentions(page), (m) => m.length >= expectedTotal);
      const tabId = await browser().tabIdOf(page);
      const five = String(DEMO_PARTY_NAMES.length);
      expect(await waitFor(() => browser().badgeText(tabId), (b) => b === five, 10_000)).toBe(five);

      const stop = browser().stopBackground;
      expect(stop, 'this harness can stop the background').toBeDefined();
      await stop?.();

      // A popup opened now starts the background again, which still knows what the tab holds.
      const popup = await browser().openPopup(tabId);
      const items = await waitFor(() => listItems(popup, /on this page/i), (i) => i.length >= DEMO_PARTY_NAMES.length, 15_000);
      expect(items).toHaveLength(DEMO_PARTY_NAMES.length);
      expect(await waitFor(() => browser().badgeText(tabId), (b) => b === five, 10_000)).toBe(five);

      // The page that was open all along keeps matching: its requests reach the new background,
      // whether its port was cut when the background stopped or closed before, being idle.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Later that week, Hangzhou Hikvision Digital Technology Co., Ltd. was named too.';
        document.body.append(p);
      }, undefined);
      const hikvision = (m: string[]): boolean => m.some((name) => name.includes('Hikvision'));
      expect(hikvision(await waitFor(() => listedMentions(page), hikvision, 15_000))).toBe(true);

      const later = await browser().open(freshUrl(server(), '/fixtures/split.html'));
      expect(await waitFor(() => listedMentions(later), (m) => m.length > 0)).toEqual(['NSO Group']);
      // The compiled tables were saved, so a restarted background need not compile again.
      const marker = await popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return typeof (await api.storage.session.get('matcherTables')).matcherTables;
      }, undefined);
      expect(marker).toBe('string');
      for (const p of [popup, later, page]) await p.close();
    });
  },
  { firefox: { backgroundIdleMs: 2000 } },
);
