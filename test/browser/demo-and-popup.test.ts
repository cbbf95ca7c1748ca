/**
 * The product's reference case in real browsers: the demo article is highlighted with exactly
 * its five listed parties, the toolbar badge counts them, the popup for that tab lists and
 * explains them, and its look-up forgives typos. Screenshots go to artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import {
  DEMO_PARTY_NAMES,
  DEMO_UNLISTED_NAMES,
  bundleEntry,
  demoExpectedMentions,
  tally,
} from './harness/expected';
import { listedMentions } from './harness/highlights';
import { linksIn, listItems, openExplanation, typeInSearch, type PopupItem } from './harness/popup';
import { PROJECT_ROOT } from './harness/server';
import { waitFor, type TestPage } from './harness/session';
import { freshUrl, inEachBrowser, useTestServer } from './harness/suite';

// Fresh each run and not tracked; the pictures in docs/screenshots are copied from here by hand.
const SCREENSHOTS = join(PROJECT_ROOT, 'artifacts/screenshots');
const ON_THIS_PAGE = /on this page/i;
const SEARCH_RESULTS = /result/i;
/** How the popup says a field is absent from the data (product: say so, never guess). */
const MISSING_FIELD = /not in the (list )?data/i;

const server = useTestServer();
const expectedMentions = demoExpectedMentions();
const expectedTotal = [...expectedMentions.values()].reduce((a, b) => a + b, 0);

beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

inEachBrowser((kind, browser) => {
  let demo: TestPage | undefined;
  let tabId = -1;

  /** The demo page, opened once for this browser once it is fully highlighted. */
  async function demoPage(): Promise<TestPage> {
    if (!demo) {
      const page = await browser().open(freshUrl(server(), '/demo.html'));
      await waitFor(() => listedMentions(page), (m) => m.length >= expectedTotal);
      tabId = await browser().tabIdOf(page);
      demo = page;
    }
    return demo;
  }

  async function popupItem(popup: TestPage, name: string): Promise<PopupItem> {
    const items = await waitFor(() => listItems(popup, ON_THIS_PAGE), (i) => i.some((x) => x.text.includes(name)), 10_000);
    const item = items.find((x) => x.text.includes(name));
    if (!item) throw new Error(`the popup does not list ${name}; it lists: ${items.map((i) => i.text.split('\n')[0]).join(' | ')}`);
    return item;
  }

  it('highlights the five listed parties of the demo article, every mention, and nothing else', async () => {
    const page = await demoPage();
    const mentions = await listedMentions(page);
    expect(tally(mentions)).toEqual(tally([...expectedMentions].flatMap(([text, n]) => Array<string>(n).fill(text))));
    for (const unlisted of DEMO_UNLISTED_NAMES) expect(mentions.some((m) => m.includes(unlisted))).toBe(false);
    await page.screenshot(join(SCREENSHOTS, `demo-${kind}.png`));
  });

  it('counts the five parties on the toolbar badge', async () => {
    await demoPage();
    const badge = await waitFor(() => browser().badgeText(tabId), (b) => b === String(DEMO_PARTY_NAMES.length), 10_000);
    expect(badge).toBe(String(DEMO_PARTY_NAMES.length));
  });

  it('lists the parties in the popup for that tab and explains NSO Group with every field', async () => {
    await demoPage();
    const popup = await browser().openPopup(tabId);
    try {
      const items = await waitFor(() => listItems(popup, ON_THIS_PAGE), (i) => i.length >= DEMO_PARTY_NAMES.length, 10_000);
      expect(items).toHaveLength(DEMO_PARTY_NAMES.length);
      for (const name of DEMO_PARTY_NAMES) expect(items.filter((i) => i.text.includes(name)).length, name).toBe(1);

      const entry = bundleEntry('NSO Group');
      const nso = await popupItem(popup, 'NSO Group');
      const text = await openExplanation(popup, nso);
      expect(text).toContain('Entity List');
      expect(text).toContain(entry.federalRegisterNotice);
      expect(text).toMatch(/November 4, 2021|4 November 2021|2021-11-04|Nov 4, 2021/);
      expect(text).toContain(entry.licenseRequirement?.replace(/\.$/, ''));
      expect(text).toContain(entry.licensePolicy?.replace(/\.$/, ''));
      expect(text).toContain(entry.reason?.text.slice(0, 80));
      expect(text).toContain('Israel');
      const links = await linksIn(popup, nso);
      const hrefs = links.map(([, href]) => href);
      // The citation leads to the notice: the Federal Register document, or the citation on govinfo.
      expect(
        hrefs.some((h) => h === entry.federalRegisterDocument?.url || /govinfo\.gov\/.*\b86\b.*\b60759\b/.test(h)),
        hrefs.join('\n'),
      ).toBe(true);
      expect(hrefs, 'the stated reason links to its source').toContain(entry.reason?.source);
      await popup.screenshot(join(SCREENSHOTS, `popup-${kind}.png`), { fullPage: true });

      // Huawei's entry has no stated reason, date or notice in the data: the popup says so.
      const huaweiEntry = bundleEntry('Huawei Technologies Co., Ltd. (Huawei)');
      expect(huaweiEntry.reason).toBeUndefined();
      const huawei = await popupItem(popup, 'Huawei Technologies');
      expect(await openExplanation(popup, huawei)).toMatch(MISSING_FIELD);
    } finally {
      await popup.close();
    }
  });

  it('looks up misspelt, reordered and alias names, the right entry first with the name matched', async () => {
    await demoPage();
    const popup = await browser().openPopup(tabId);
    try {
      const cases: [query: string, entryName: string, matched: string][] = [
        ['Candriu', 'Candiru', 'Candiru'],
        ['Technologies Positive', 'Positive Technologies', 'Positive Technologies'],
        ['Saito Tech', 'Candiru', 'Saito Tech Ltd.'],
      ];
      for (const [query, entryName, matched] of cases) {
        await typeInSearch(popup, query);
        const results = await waitFor(
          () => listItems(popup, SEARCH_RESULTS),
          (r) => (r[0]?.text.split('\n')[0] ?? '').includes(entryName),
          10_000,
        );
        const first = results[0]?.text ?? '(no results)';
        // Soft: every query is tried and reported, even after one fails.
        expect.soft(first.split('\n')[0], `first result for "${query}"`).toContain(entryName);
        expect.soft(first, `matched name for "${query}"`).toContain(matched);
      }
    } finally {
      await popup.close();
    }
  });
});
