/**
 * What a user does with a highlighted page: hovers a name (the card), pauses and resumes from
 * the popup, jumps to a party from the popup, and navigates (the badge follows).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_PARTY_NAMES, demoExpectedMentions } from './harness/expected';
import { FLASH_HIGHLIGHT, hoverCardState, listedMentions, mentionBox, readHighlightSnapshot } from './harness/highlights';
import { showOnPage, toggleSwitch } from './harness/popup';
import { demoPageHtml } from './harness/pages';
import { PROJECT_ROOT } from './harness/server';
import { waitFor, type TestPage } from './harness/session';
import { freshUrl, inEachBrowser, useTestServer } from './harness/suite';

// Fresh each run and not tracked; the pictures in docs/screenshots are copied from here by hand.
const SCREENSHOTS = join(PROJECT_ROOT, 'artifacts/screenshots');
const server = useTestServer();
const expectedTotal = [...demoExpectedMentions().values()].reduce((a, b) => a + b, 0);

beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

inEachBrowser((kind, browser) => {
  async function openDemo(): Promise<{ page: TestPage; tabId: number }> {
    const page = await browser().open(freshUrl(server(), '/demo.html'));
    await waitFor(() => listedMentions(page), (m) => m.length >= expectedTotal);
    return { page, tabId: await browser().tabIdOf(page) };
  }
  const fullyHighlighted = (m: string[]): boolean => m.length === expectedTotal;

  it('shows the hover card next to a highlighted name and hides it on Escape', async () => {
    const { page } = await openDemo();
    await page.bringToFront();
    const name = await mentionBox(page, 'Candiru');
    expect(name).not.toBeNull();
    if (!name) return;
    await page.mouseMove(name.x + name.width / 2, name.y + name.height / 2);
    const shown = await waitFor(() => hoverCardState(page, name), (s) => s.drawnNear, 5000);
    expect(shown).toEqual({ count: 1, drawnNear: true });
    await page.screenshot(join(SCREENSHOTS, `hover-card-${kind}.png`));
    await page.press('Escape');
    const hidden = await waitFor(() => hoverCardState(page, name), (s) => !s.drawnNear, 5000);
    expect(hidden.drawnNear).toBe(false);
    await page.close();
  });

  it('pauses on this site from the popup switch, removing the highlights, and resumes', async () => {
    const { page, tabId } = await openDemo();
    const popup = await browser().openPopup(tabId);
    const { host } = await browser().message('getTabState', { tabId });
    try {
      expect(await toggleSwitch(popup, /this site/i)).toBe(true);
      expect(await waitFor(() => listedMentions(page), (m) => m.length === 0, 10_000)).toEqual([]);
      expect(await toggleSwitch(popup, /this site/i)).toBe(false);
      expect(await waitFor(() => listedMentions(page), fullyHighlighted, 10_000)).toHaveLength(expectedTotal);
    } finally {
      // Never leave the test server's site paused for the tests after this one.
      await browser().message('setPaused', { scope: 'site', host, paused: false });
      await popup.close();
      await page.close();
    }
  });

  it('pauses everywhere with the setPaused message and resumes', async () => {
    const { page } = await openDemo();
    try {
      await browser().message('setPaused', { scope: 'everywhere', paused: true });
      expect(await waitFor(() => listedMentions(page), (m) => m.length === 0, 10_000)).toEqual([]);
    } finally {
      await browser().message('setPaused', { scope: 'everywhere', paused: false });
    }
    expect(await waitFor(() => listedMentions(page), fullyHighlighted, 10_000)).toHaveLength(expectedTotal);
    await page.close();
  });

  it('scrolls to a party and flashes it when its name is clicked in the popup', async () => {
    const { page, tabId } = await openDemo();
    const popup = await browser().openPopup(tabId);
    try {
      await showOnPage(popup, 'Huawei Technologies');
      const flashed = await waitFor(
        async () => (await readHighlightSnapshot(page))[FLASH_HIGHLIGHT] ?? [],
        (f) => f.length > 0,
        5000,
      );
      expect(flashed).toEqual(['Huawei']);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it('updates the badge when the tab navigates to another page', async () => {
    const { page, tabId } = await openDemo();
    const five = String(DEMO_PARTY_NAMES.length);
    expect(await waitFor(() => browser().badgeText(tabId), (b) => b === five, 10_000)).toBe(five);
    await page.navigate(freshUrl(server(), '/fixtures/split.html'));
    await waitFor(() => listedMentions(page), (m) => m.length > 0);
    expect(await waitFor(() => browser().badgeText(tabId), (b) => b === '1', 10_000)).toBe('1');
    await page.close();
  });

  it('keeps the badge up to date on a page that never stops changing', async () => {
    // Every 100 ms a paragraph naming a party; from the second second on, a second party too.
    server().route('/stream.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title></head><body><main></main>
<script>
const started = Date.now();
setInterval(() => {
  const p = document.createElement('p');
  p.textContent = Date.now() - started < 1000 ? 'NSO Group was named again.' : 'NSO Group and Huawei Technologies Co., Ltd. were named again.';
  document.querySelector('main').append(p);
}, 100);
</script></body></html>`);
    const page = await browser().open(freshUrl(server(), '/stream.html'));
    const tabId = await browser().tabIdOf(page);
    expect(await waitFor(() => browser().badgeText(tabId), (b) => b === '2', 10_000)).toBe('2');
    await page.close();
  });

  it('counts the first page again on the badge when the user goes back to it', async () => {
    // Served so that the browser may keep it in its back/forward cache (the test server's
    // default, no-store, keeps every page out of it).
    server().route('/back/demo.html', () => ({ body: demoPageHtml(), headers: { 'cache-control': 'no-cache' } }));
    const page = await browser().open(freshUrl(server(), '/back/demo.html'));
    await waitFor(() => listedMentions(page), (m) => m.length >= expectedTotal);
    const tabId = await browser().tabIdOf(page);
    const five = String(DEMO_PARTY_NAMES.length);
    expect(await waitFor(() => browser().badgeText(tabId), (b) => b === five, 10_000)).toBe(five);
    // A mark in the page's own window: still there after going back only if the browser kept
    // the page in its back/forward cache (Firefox does here; Chromium loads it again). The badge
    // must count the page's parties either way.
    await page.evaluate(() => Object.assign(window, { keptByCache: true }), undefined);
    await page.navigate(freshUrl(server(), '/fixtures/split.html'));
    expect(await waitFor(() => browser().badgeText(tabId), (b) => b === '1', 10_000)).toBe('1');
    await page.evaluate(() => history.back(), undefined);
    expect(await waitFor(() => browser().badgeText(tabId), (b) => b === five, 10_000)).toBe(five);
    expect(await listedMentions(page)).toHaveLength(expectedTotal);
    const cached = await page.evaluate(() => 'keptByCache' in window, undefined);
    console.info(`[${kind}] back to the demo page: ${cached ? 'restored from the back/forward cache' : 'loaded again'}`);
    await page.close();
  });
});
