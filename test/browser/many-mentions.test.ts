/**
 * A page with more mentions than the content script draws at once (a hundred): every one is
 * found and counted, but only those within about a screen of the viewport are drawn, and
 * scrolling or revealing one draws it.
 */
import { expect, it } from 'vitest';
import { waitFor, type Evaluator } from './harness/session';
import { LISTED_HIGHLIGHT_NAMES } from './harness/highlights';
import { clickButtonInItem, listItems } from './harness/popup';
import { freshUrl, inEachBrowser, useTestServer } from './harness/suite';

const server = useTestServer();

const PARAGRAPHS = 300;

/** 300 tall paragraphs (about 60 screens), each naming Candiru once. */
function manyMentionsPage(): string {
  const paragraphs = Array.from(
    { length: PARAGRAPHS },
    (_, i) => `<p id="p${i}" style="height: 400px; margin: 0">Paragraph ${i}: the rule names Candiru among others.</p>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Many mentions</title></head><body>${paragraphs.join('')}</body></html>`;
}

/** The numbers of the paragraphs whose mention is drawn now. */
function drawnParagraphs(target: Evaluator): Promise<number[]> {
  return target.evaluate((names) => {
    const drawn: number[] = [];
    for (const name of names) {
      for (const range of CSS.highlights.get(name) ?? []) {
        const id = (range.startContainer.parentElement ?? range.startContainer.parentNode as Element | null)?.id ?? '';
        if (id.startsWith('p')) drawn.push(Number(id.slice(1)));
      }
    }
    return drawn.sort((a, b) => a - b);
  }, [...LISTED_HIGHLIGHT_NAMES]);
}

inEachBrowser((_kind, browser) => {
  it('finds and counts all 300 mentions, draws only those near the viewport, and follows scrolling', async () => {
    server().route('/many.html', manyMentionsPage());
    const page = await browser().open(freshUrl(server(), '/many.html'));
    const tabId = await browser().tabIdOf(page);

    // The page names one party, Candiru, 300 times.
    const state = await waitFor(
      () => browser().message('getTabState', { tabId }),
      (s) => s.found.some((f) => f.count === PARAGRAPHS),
      30_000,
    );
    expect(state.found.map((f) => f.count)).toEqual([PARAGRAPHS]);

    // At the top: the first paragraphs are drawn, the rest not (the first hundred were drawn
    // before the count passed a hundred, until the observer's first answers).
    const atTop = await waitFor(() => drawnParagraphs(page), (d) => d.includes(0) && d.length < PARAGRAPHS / 4);
    expect(atTop).toContain(0);
    expect(atTop.length).toBeLessThan(PARAGRAPHS / 4);
    expect(Math.max(...atTop)).toBeLessThan(PARAGRAPHS / 4);

    // Scrolled to the end: the last one is drawn, the first is taken away.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight), undefined);
    const atEnd = await waitFor(() => drawnParagraphs(page), (d) => d.includes(PARAGRAPHS - 1) && !d.includes(0));
    expect(atEnd).toContain(PARAGRAPHS - 1);
    expect(atEnd).not.toContain(0);
    expect(atEnd.length).toBeLessThan(PARAGRAPHS / 4);

    // Its name clicked in the popup: the page scrolls back to the first mention, which is drawn.
    const popup = await browser().openPopup(tabId);
    try {
      const items = await waitFor(() => listItems(popup, /on this page/i), (i) => i.length > 0, 10_000);
      expect(items.map((i) => i.text.split('\n')[0])).toEqual(['Candiru']);
      if (items[0]) await clickButtonInItem(popup, items[0], /Candiru/);
    } finally {
      await popup.close();
    }
    await page.bringToFront(); // a tab in the background draws no frames, and so learns of no scrolling
    const revealed = await waitFor(() => drawnParagraphs(page), (d) => d.includes(0) && !d.includes(PARAGRAPHS - 1));
    expect(revealed).toContain(0);
    expect(revealed).not.toContain(PARAGRAPHS - 1);
    await page.close();
  });
});
