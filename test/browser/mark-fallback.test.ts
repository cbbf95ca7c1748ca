/**
 * Browsers without the CSS Custom Highlight API: the content script wraps each piece of a mention
 * in a <mark> instead. No flag or pref switches the API off in the browsers here any more, so the
 * test loads a copy of the built extension whose content script starts with one line that takes
 * the API out of the content script's own world (Chromium runs it in an isolated world: the page
 * keeps its API). Everything after that line is the build as shipped. The page's text must stay
 * as it was, the extension's own <mark>s must not make it scan again and again, the hover card
 * must appear over them, "show on page" must flash them, and pausing must take them all away,
 * leaving the page's text nodes whole.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { demoExpectedMentions, tally } from './harness/expected';
import { CHROME_BUILD_DIR, launchChromium } from './harness/chromium';
import { hoverCardState, normalizeMention, type Box } from './harness/highlights';
import { showOnPage } from './harness/popup';
import { removeDir, sleep, waitFor, type Evaluator } from './harness/session';
import { freshUrl, useBrowser, useTestServer } from './harness/suite';

/** What an older browser lacks, taken away before the content script's own code runs. */
const WITHOUT_HIGHLIGHT_API = 'delete CSS.highlights; delete globalThis.Highlight;';

function buildWithoutHighlightApi(): string {
  const dir = mkdtempSync(join(tmpdir(), 'listed-parties-no-highlight-api-'));
  cpSync(CHROME_BUILD_DIR, dir, { recursive: true });
  const content = join(dir, 'content.js');
  writeFileSync(content, `${WITHOUT_HIGHLIGHT_API}\n${readFileSync(content, 'utf8')}`);
  return dir;
}

const server = useTestServer();
const buildDir = buildWithoutHighlightApi();
const browser = useBrowser('Chromium, content script without the highlight API', () => launchChromium({ buildDir }));
afterAll(() => removeDir(buildDir));

const expectedMentions = demoExpectedMentions();
const expectedTotal = [...expectedMentions.values()].reduce((a, b) => a + b, 0);
const expectedTally = tally([...expectedMentions].flatMap(([text, n]) => Array<string>(n).fill(text)));

interface MarkState {
  /** The text of each of the extension's <mark>s, in page order. */
  marks: string[];
  /** <mark>s of ours inside another of ours: a mention wrapped twice. */
  nested: number;
  /** Whether the page's text is still that of the page as served (fetched again and parsed). */
  textUnchanged: boolean;
  /** Highlights registered by anyone: the page world keeps the API, and nothing may use it. */
  highlights: number;
}

function markState(page: Evaluator): Promise<MarkState> {
  return page.evaluate(async () => {
    const ours = [...document.querySelectorAll('mark.listed-party-mark')];
    const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    const added = document.getElementById('added-later');
    const text = (document.body.textContent ?? '').replace(added?.textContent ?? '\u0000', '');
    return {
      marks: ours.map((m) => m.textContent ?? ''),
      nested: ours.filter((m) => m.parentElement?.closest('mark.listed-party-mark')).length,
      textUnchanged: text === served.body.textContent,
      highlights: CSS.highlights.size,
    };
  }, undefined);
}

it('wraps every mention of the demo article in a <mark> and leaves the text as it was', async () => {
  const page = await browser().open(freshUrl(server(), '/demo.html'));
  const state = await waitFor(() => markState(page), (s) => s.marks.length >= expectedTotal);
  expect(state.highlights).toBe(0); // the fallback is what runs here
  expect(tally(state.marks.map(normalizeMention))).toEqual(expectedTally);
  expect(state.nested).toBe(0);
  expect(state.textUnchanged).toBe(true);

  // The badge's count comes from the same mentions.
  const tabId = await browser().tabIdOf(page);
  const found = await waitFor(() => browser().message('getTabState', { tabId }), (s) => s.found.length === 5);
  expect(found.found).toHaveLength(5);
  await page.close();
});

it('marks text added later once, stays still after, and takes every <mark> away when paused', async () => {
  const page = await browser().open(freshUrl(server(), '/demo.html'));
  await waitFor(() => markState(page), (s) => s.marks.length >= expectedTotal);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'added-later';
    p.textContent = 'Added later: Candiru was named again.';
    document.body.append(p);
  }, undefined);
  await waitFor(() => markState(page), (s) => s.marks.length === expectedTotal + 1);
  // Our own <mark>s are changes to the page too; they must not set off another scan and more
  // <mark>s. After a quiet while the page holds the same marks.
  await sleep(1500);
  const settled = await markState(page);
  expect(settled.marks).toHaveLength(expectedTotal + 1);
  expect(settled.nested).toBe(0);
  expect(settled.textUnchanged).toBe(true);

  try {
    await browser().message('setPaused', { scope: 'everywhere', paused: true });
    const paused = await waitFor(() => markState(page), (s) => s.marks.length === 0, 10_000);
    expect(paused.marks).toEqual([]);
    expect(paused.textUnchanged).toBe(true);
    // The text nodes the <mark>s split are joined again: the page's DOM is as it was.
    expect(await page.evaluate(() => {
      const p = document.getElementById('added-later');
      return p ? p.childNodes.length : -1;
    }, undefined)).toBe(1);
  } finally {
    await browser().message('setPaused', { scope: 'everywhere', paused: false });
  }
  expect((await waitFor(() => markState(page), (s) => s.marks.length === expectedTotal + 1, 10_000)).marks).toHaveLength(expectedTotal + 1);
  await page.close();
});

it('shows the hover card over a <mark> and hides it on Escape', async () => {
  const page = await browser().open(freshUrl(server(), '/demo.html'));
  await waitFor(() => markState(page), (s) => s.marks.length >= expectedTotal);
  await page.bringToFront();
  const box = await page.evaluate((): Box | null => {
    const mark = [...document.querySelectorAll('mark.listed-party-mark')].find((m) => m.textContent === 'Candiru');
    if (!mark) return null;
    mark.scrollIntoView({ block: 'center' });
    const r = mark.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, undefined);
  expect(box).not.toBeNull();
  if (!box) return;
  await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
  expect(await waitFor(() => hoverCardState(page, box), (s) => s.drawnNear, 5000)).toEqual({ count: 1, drawnNear: true });
  await page.press('Escape');
  expect((await waitFor(() => hoverCardState(page, box), (s) => !s.drawnNear, 5000)).drawnNear).toBe(false);
  await page.close();
});

it('flashes the <mark> of a party whose name is clicked in the popup', async () => {
  const page = await browser().open(freshUrl(server(), '/demo.html'));
  await waitFor(() => markState(page), (s) => s.marks.length >= expectedTotal);
  const tabId = await browser().tabIdOf(page);
  const popup = await browser().openPopup(tabId);
  try {
    await showOnPage(popup, 'Huawei Technologies');
    const flashing = () => page.evaluate(() => [...document.querySelectorAll('mark.listed-party-mark.listed-party-mark-flash')].map((m) => m.textContent), undefined);
    expect(await waitFor(flashing, (f) => f.length > 0, 5000)).toEqual(['Huawei']);
    // The flash ends, and the <mark> stays.
    expect(await waitFor(flashing, (f) => f.length === 0, 5000)).toEqual([]);
    expect((await markState(page)).marks).toHaveLength(expectedTotal);
  } finally {
    await popup.close();
    await page.close();
  }
});
