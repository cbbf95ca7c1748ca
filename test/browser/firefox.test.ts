/**
 * The built extension in real Firefox ESR: highlighting, frames, shadow roots, later content,
 * and the popup page reached the way a user reaches it from a page: the hover card's link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { FIREFOX_UUID, ROOT, launchFirefox, readHighlights, sleep, startServer, waitForValue, type TestServer } from './harness';
import { DEMO_EXPECTED, addFixtures } from './fixtures';

let server: TestServer;
let firefox: Browser;
const popupUrls = new Map<Page, string>();

async function open(path: string, expectAtLeast = 1): Promise<{ page: Page; highlights: string[] }> {
  const page = await firefox.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  await page.goto(`${server.url}${path}`);
  const highlights = await waitForValue(() => page.evaluate(readHighlights), (h) => h.length >= expectAtLeast);
  return { page, highlights };
}

/** Points at a highlighted name and clicks its hover card, which opens the popup page in a tab. */
async function openDetailsFromCard(page: Page, name: string): Promise<Page> {
  await page.bringToFront();
  const box = await page.evaluate((wanted) => {
    const h = CSS.highlights.get('listed-party') as unknown as Set<Range>;
    const range = [...h].find((x) => x.toString() === wanted);
    range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const r = range?.getClientRects()[0]; // point at the first line, when the name wraps
    const all = range?.getBoundingClientRect(); // the card opens below the whole name
    return r && all ? { x: r.left + r.width / 2, y: r.top + r.height / 2, bottom: all.bottom, left: Math.max(all.left, 4) } : null;
  }, name);
  if (!box) throw new Error(`${name} is not highlighted`);
  await page.mouse.move(box.x, box.y);
  await waitForValue(() => page.evaluate(() => document.querySelectorAll('listed-party-card').length), (n) => n === 1, 5000);
  const before = (await firefox.pages()).length;
  await page.mouse.click(box.left + 30, box.bottom + 24);
  // WebDriver BiDi reports extension pages as about:blank; their own location tells.
  const href = (p: Page): Promise<string> => p.evaluate(() => location.href).catch(() => '');
  const findPopup = async (): Promise<{ page: Page; url: string } | undefined> => {
    const pages = await firefox.pages();
    if (pages.length <= before) return undefined;
    for (const p of pages) {
      const url = await href(p);
      if (url.startsWith(`moz-extension://${FIREFOX_UUID}/popup.html`)) return { page: p, url };
    }
    return undefined;
  };
  const found = await waitForValue(findPopup, (p) => p !== undefined, 10_000);
  if (!found) throw new Error('the popup page did not open');
  popupUrls.set(found.page, found.url);
  const popup = found.page;
  return popup;
}

/**
 * The tab's badge, read from an extension page. Firefox drops badges when it unloads the idle
 * event page; the popup's messages wake it and it redraws them from storage.session, so the
 * expected text may take a moment to come back.
 */
function badgeOnceRedrawn(popup: Page, tabId: number, expected: string): Promise<string> {
  return waitForValue(
    () => popup.evaluate((id) => (globalThis as unknown as { browser: typeof chrome }).browser.action.getBadgeText({ tabId: id }), tabId),
    (b) => b === expected,
    10_000,
  );
}

beforeAll(async () => {
  server = await startServer();
  addFixtures(server);
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('Firefox ESR', () => {
  it('highlights the five listed parties of the demo article and nothing else', async () => {
    const { page, highlights } = await open('/demo', 15);
    expect(new Set(highlights)).toEqual(DEMO_EXPECTED);
    expect(highlights).toHaveLength(15);
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/demo-firefox.png') });
    await page.close();
  });

  it('opens the explanation from the hover card, with the badge counting five parties', async () => {
    const { page } = await open('/demo', 15);
    const popup = await openDetailsFromCard(page, 'Candiru');
    const text = await waitForValue(() => popup.evaluate(() => document.body.innerText), (t) => t.includes('spyware to foreign governments'));
    expect(text).toContain('Candiru');
    expect(text).toContain('86 FR 60759');
    expect(text).toContain('Presumption of denial');
    expect(text).toContain('Saito Tech Ltd.');
    const tabId = Number(new URL(popupUrls.get(popup) ?? '').searchParams.get('tab'));
    const badge = await badgeOnceRedrawn(popup, tabId, '5');
    expect(badge).toBe('5');
    await popup.screenshot({ path: join(ROOT, 'docs/screenshots/popup-firefox.png') });
    await popup.close();
    await page.close();
  });

  it('joins inline markup, skips hidden and editable text, follows later content, shadow roots and frames', async () => {
    const markup = await open('/markup');
    await sleep(500);
    expect(await markup.page.evaluate(readHighlights)).toEqual(['NSO Group']);
    const dynamic = await open('/dynamic');
    expect(dynamic.highlights).toEqual(['Candiru']);
    const shadow = await open('/shadow');
    expect(shadow.highlights).toEqual(['Positive Technologies']);
    const framed = await firefox.newPage();
    await framed.goto(`${server.url}/iframe`);
    const frame = await waitForValue(async () => framed.frames().find((f) => f.url().endsWith('/frame-inner')), (f) => f !== undefined);
    const inFrame = await waitForValue(() => frame!.evaluate(readHighlights), (h) => h.length > 0);
    expect(inFrame).toEqual(['Computer Security Initiative Consultancy PTE. LTD']);
    for (const p of [markup.page, dynamic.page, shadow.page, framed]) await p.close();
  });

  it('leaves ordinary words alone', async () => {
    const page = await firefox.newPage();
    await page.goto(`${server.url}/plain`);
    await sleep(1500);
    expect(await page.evaluate(readHighlights)).toEqual([]);
    await page.close();
  });

  it('pauses everywhere from the popup and resumes', async () => {
    const { page } = await open('/demo', 15);
    const popup = await openDetailsFromCard(page, 'Huawei');
    const switches = await waitForValue(() => popup.$$('input[role="switch"]'), (s) => s.length === 2, 5000);
    expect(switches.length).toBe(2);
    await switches[1]!.click();
    expect(await waitForValue(() => page.evaluate(readHighlights), (h) => h.length === 0)).toEqual([]);
    await switches[1]!.click();
    expect((await waitForValue(() => page.evaluate(readHighlights), (h) => h.length === 15)).length).toBe(15);
    await popup.close();
    await page.close();
  });
  it('keeps the tab state, the badge and matching after the idle event page is unloaded', async () => {
    const { page } = await open('/demo', 15);
    await sleep(5000); // past the 2 s idle timeout set for these tests
    const later = await open('/dynamic');
    expect(later.highlights).toEqual(['Candiru']);
    await sleep(5000);
    const popup = await openDetailsFromCard(page, 'Positive Technologies');
    const text = await waitForValue(() => popup.evaluate(() => document.body.innerText), (t) => /5 listed parties/.test(t));
    expect(text).toMatch(/5 listed parties/);
    const tabId = Number(new URL(popupUrls.get(popup) ?? '').searchParams.get('tab'));
    const badge = await badgeOnceRedrawn(popup, tabId, '5');
    expect(badge).toBe('5');
    for (const p of [popup, later.page, page]) await p.close();
  });
});
