/**
 * The built extension in real Chromium: highlighting, the popup, look-up, pausing, the badge
 * and the hover card. Screenshots of the demo page and the popup go to docs/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { CHROME_ID, ROOT, launchChromium, readHighlights, startServer, waitForValue, type ChromiumSession, type TestServer } from './harness';
import { DEMO_EXPECTED, addFixtures } from './fixtures';

let server: TestServer;
let session: ChromiumSession;
let worker: Worker;
const shots = join(ROOT, 'docs/screenshots');

async function open(path: string, expectAtLeast = 1): Promise<{ page: Page; highlights: string[] }> {
  const page = await session.context.newPage();
  await page.goto(`${server.url}${path}`);
  const highlights = await waitForValue(() => page.evaluate(readHighlights), (h) => h.length >= expectAtLeast);
  return { page, highlights };
}

async function tabIdOf(url: string): Promise<number> {
  const tabs = await worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => ({ id: t.id, url: t.url })));
  const tab = tabs.find((t) => t.url === url);
  if (tab?.id === undefined) throw new Error(`no tab for ${url}`);
  return tab.id;
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 420, height: 900 });
  await popup.goto(`chrome-extension://${CHROME_ID}/popup.html?tab=${tabId}`);
  return popup;
}

beforeAll(async () => {
  server = await startServer();
  addFixtures(server);
  session = await launchChromium();
  worker = await session.worker();
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Chromium', () => {
  it('loads with the fixed extension id', () => {
    expect(worker.url()).toBe(`chrome-extension://${CHROME_ID}/background.js`);
  });

  it('highlights the five listed parties of the demo article and nothing else', async () => {
    const { page, highlights } = await open('/demo', 15);
    expect(new Set(highlights)).toEqual(DEMO_EXPECTED);
    expect(highlights.filter((h) => h === 'NSO Group').length).toBe(10);
    expect(highlights.filter((h) => h === 'NSO')).toHaveLength(1);
    await page.screenshot({ path: join(shots, 'demo-chromium.png') });
    const tabId = await tabIdOf(page.url());
    const badge = await waitForValue(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), (b) => b === '5');
    expect(badge).toBe('5');
    await page.close();
  });

  it('explains each party in the popup, with the fields the data has', async () => {
    const { page } = await open('/demo', 15);
    const popup = await openPopup(await tabIdOf(page.url()));
    const items = popup.locator('[data-entry-id]');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    const names = await popup.getByRole('list', { name: /on this page/i }).getByRole('listitem').allInnerTexts();
    for (const n of ['NSO Group', 'Candiru', 'Positive Technologies', 'Computer Security Initiative Consultancy PTE. LTD.', 'Huawei Technologies Co., Ltd. (Huawei)']) {
      expect(names.some((t) => t.includes(n))).toBe(true);
    }
    const nso = popup.getByRole('listitem').filter({ hasText: 'NSO Group' }).first();
    await nso.getByRole('button', { name: /why listed/i }).click();
    const details = await nso.innerText();
    expect(details).toContain('86 FR 60759');
    expect(details).toMatch(/November 4, 2021|2021-11-04/);
    expect(details).toContain('For all items subject to the EAR');
    expect(details).toContain('Presumption of denial');
    expect(details).toContain('spyware to foreign governments');
    expect(details).toContain('Israel');
    expect(details).toMatch(/Entity List/);
    const link = nso.locator('a[href*="govinfo.gov/link/fr/86/60759"], a[href*="federalregister.gov"]');
    expect(await link.count()).toBeGreaterThan(0);
    // Huawei's entry has no reason in the data: the popup says so rather than inventing one.
    const huawei = popup.getByRole('listitem').filter({ hasText: 'Huawei Technologies' }).first();
    await huawei.getByRole('button', { name: /why listed/i }).click();
    expect(await huawei.innerText()).toMatch(/not in the list data/i);
    await nso.scrollIntoViewIfNeeded();
    await popup.screenshot({ path: join(shots, 'popup-chromium.png'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('looks up names with typos and reordered words', async () => {
    const { page } = await open('/demo', 15);
    const popup = await openPopup(await tabIdOf(page.url()));
    const box = popup.getByRole('searchbox').or(popup.getByLabel(/name of a company/i)).first();
    for (const [query, expected] of [['Candriu', 'Candiru'], ['Technologies Positive', 'Positive Technologies'], ['computer security initiative', 'Computer Security Initiative Consultancy PTE. LTD.']] as const) {
      await box.fill(query);
      const results = popup.getByRole('list', { name: /search results/i }).getByRole('listitem');
      await expect.poll(async () => (await results.count()) > 0 && (await results.first().innerText()), { timeout: 10_000 }).toContain(expected);
    }
    await popup.close();
    await page.close();
  });

  it('joins text across inline elements and skips hidden, editable and script text', async () => {
    const { page, highlights } = await open('/markup');
    await page.waitForTimeout(500);
    expect(await page.evaluate(readHighlights)).toEqual(['NSO Group']);
    expect(highlights).toEqual(['NSO Group']);
    await page.close();
  });

  it('highlights text added after load, in open shadow roots and in frames', async () => {
    const dynamic = await open('/dynamic');
    expect(dynamic.highlights).toEqual(['Candiru']);
    const shadow = await open('/shadow');
    expect(shadow.highlights).toEqual(['Positive Technologies']);
    const framed = await session.context.newPage();
    await framed.goto(`${server.url}/iframe`);
    const frame = framed.frames().find((f) => f.url().endsWith('/frame-inner'));
    expect(frame).toBeDefined();
    const inFrame = await waitForValue(() => frame!.evaluate(readHighlights), (h) => h.length > 0);
    expect(inFrame).toEqual(['Computer Security Initiative Consultancy PTE. LTD']);
    for (const p of [dynamic.page, shadow.page, framed]) await p.close();
  });

  it('leaves ordinary words alone', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/plain`);
    await page.waitForTimeout(1500);
    expect(await page.evaluate(readHighlights)).toEqual([]);
    await page.close();
  });

  it('highlights a real page and leaves a page without listed names clean', async () => {
    const { page, highlights } = await open('/pages/msn.html');
    expect(highlights).toContain('Huawei');
    await page.close();
    const clean = await session.context.newPage();
    await clean.goto(`${server.url}/pages/mozilla-2.html`);
    await clean.waitForTimeout(2000);
    expect(await clean.evaluate(readHighlights)).toEqual([]);
    await clean.close();
  });

  it('pauses on a site and resumes', async () => {
    const { page } = await open('/demo', 15);
    const popup = await openPopup(await tabIdOf(page.url()));
    const here = popup.getByRole('switch', { name: /on this site/i });
    await here.check();
    await expect.poll(() => page.evaluate(readHighlights), { timeout: 10_000 }).toEqual([]);
    await here.uncheck();
    await expect.poll(async () => (await page.evaluate(readHighlights)).length, { timeout: 10_000 }).toBe(15);
    await popup.close();
    await page.close();
  });

  it('scrolls to a party and flashes it when its name is clicked in the popup', async () => {
    const { page } = await open('/demo', 15);
    const popup = await openPopup(await tabIdOf(page.url()));
    const item = popup.getByRole('listitem').filter({ hasText: 'Huawei Technologies' }).first();
    await item.getByRole('button', { name: /Huawei Technologies/ }).click();
    const flashed = await waitForValue(
      () => page.evaluate(() => [...((CSS.highlights.get('listed-party-flash') as unknown as Set<Range>) ?? [])].map((r) => r.toString())),
      (f) => f.length > 0,
      5000,
    );
    expect(flashed).toEqual(['Huawei']);
    await popup.close();
    await page.close();
  });

  it('applies the options page: a list turned off stops being flagged, and comes back', async () => {
    const { page } = await open('/demo', 15);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${CHROME_ID}/options.html`);
    const el = options.getByRole('checkbox', { name: /^Entity List \(EL\)/ });
    await expect.poll(() => el.isChecked(), { timeout: 10_000 }).toBe(true);
    await el.click();
    await expect.poll(() => el.isChecked(), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => page.evaluate(readHighlights), { timeout: 10_000 }).toEqual([]);
    await el.click();
    await expect.poll(() => el.isChecked(), { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => (await page.evaluate(readHighlights)).length, { timeout: 10_000 }).toBe(15);
    await options.close();
    await page.close();
  });

  it('never puts the hover card over the field the user is typing in', async () => {
    const { page } = await open('/typing');
    await page.locator('#q').click();
    await page.keyboard.type('hello');
    const name = await page.evaluate(() => {
      const r = [...(CSS.highlights.get('listed-party') as unknown as Set<Range>)][0]!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(name.x, name.y);
    await expect.poll(() => page.locator('listed-party-card').count(), { timeout: 5000 }).toBe(1);
    const inputFree = await page.evaluate(() => {
      const box = document.getElementById('q')!.getBoundingClientRect();
      const points = [0.1, 0.5, 0.9].map((f) => document.elementFromPoint(box.left + box.width * f, box.top + box.height / 2));
      return points.every((el) => el?.id === 'q');
    });
    expect(inputFree).toBe(true);
    expect(await page.evaluate(() => (document.getElementById('q') as HTMLInputElement).value)).toBe('hello');
    await page.close();
  });

  it('resets the badge when the tab navigates', async () => {
    const { page } = await open('/demo', 15);
    const tabId = await tabIdOf(page.url());
    await waitForValue(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), (b) => b === '5');
    await page.goto(`${server.url}/dynamic`);
    await waitForValue(() => page.evaluate(readHighlights), (h) => h.length > 0);
    const badge = await waitForValue(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), (b) => b === '1');
    expect(badge).toBe('1');
    await page.close();
  });

  it('shows the hover card over a highlight and hides it with Escape', async () => {
    const { page } = await open('/demo', 15);
    const box = await page.evaluate(() => {
      const h = CSS.highlights.get('listed-party') as unknown as Set<Range>;
      const range = [...h].find((r) => r.toString() === 'Candiru');
      const r = range?.getBoundingClientRect();
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2, bottom: r.bottom } : null;
    });
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x, box!.y);
    const card = page.locator('listed-party-card');
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(1);
    const cardBox = await card.evaluate(() => null); // the card's content is in a closed shadow root
    expect(cardBox).toBeNull();
    await page.screenshot({ path: join(shots, 'hover-card-chromium.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(0);
    await page.close();
  });
  // Last: it stops the worker, which leaves earlier worker handles stale.
  it('keeps the tab state and keeps working after the service worker is stopped', async () => {
    const { page } = await open('/demo', 15);
    const tabId = await tabIdOf(page.url());
    await waitForValue(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), (b) => b === '5');
    await worker.evaluate(() => Object.assign(globalThis, { beforeStop: true }));
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // A popup opened now wakes a new worker, which still knows what the tab holds.
    const popup = await openPopup(tabId);
    await expect.poll(() => popup.locator('[data-entry-id]').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    const current = session.context.serviceWorkers().at(-1) ?? worker;
    expect(await current.evaluate(() => (globalThis as { beforeStop?: boolean }).beforeStop)).toBeUndefined();
    worker = current;
    // And a new page is matched by the restarted worker.
    const again = await open('/dynamic');
    expect(again.highlights).toEqual(['Candiru']);
    for (const p of [popup, again.page, page]) await p.close();
  });

});
