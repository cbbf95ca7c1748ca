/**
 * No code from data (issue 8): entry names, aliases, reasons and links carrying HTML, script,
 * right-to-left overrides and zero-width characters are drawn as inert text by the popup's
 * entry view and the hover card, in Chromium and Firefox. The components are the extension's
 * own, rendered in a test page (harness/inert-render.ts says why not inside the extension).
 */
import { beforeAll, expect, it } from 'vitest';
import { HOSTILE_ENTRY, HOSTILE_TEXTS, INERT_PAGE_PATH, addInertRenderPage } from './harness/inert-render';
import { sleep, waitFor } from './harness/session';
import { freshUrl, inEachBrowser, useTestServer } from './harness/suite';

const server = useTestServer();
beforeAll(() => addInertRenderPage(server()));

interface Rendered {
  rendered: boolean;
  pwned: unknown;
  /** Elements that could only have come from parsing data as HTML. */
  injected: string[];
  /** Links whose address is not http(s). */
  unsafeLinks: string[];
  detailsText: string;
  cardText: string;
}

inEachBrowser((_kind, browser) => {
  it('the entry view and the hover card show hostile names as text, run nothing and link nowhere unsafe', async () => {
    const page = await browser().open(freshUrl(server(), INERT_PAGE_PATH));
    await waitFor(() => page.evaluate(() => (window as unknown as { __rendered?: boolean }).__rendered === true, undefined), (r) => r, 10_000);
    await sleep(500); // an injected onerror or onload would have fired by now
    const seen = await page.evaluate((): Rendered => {
      const w = window as unknown as { __rendered?: boolean; __pwned?: unknown; __shadowRoots: ShadowRoot[] };
      const card = w.__shadowRoots.find((root) => root.host.localName === 'listed-party-card');
      const details = document.getElementById('details');
      const scopes: ParentNode[] = [details, card].filter((s): s is HTMLElement | ShadowRoot => !!s);
      const injected = scopes.flatMap((scope) => [...scope.querySelectorAll('script, img, svg, iframe, object, embed, b, form')].map((e) => e.localName));
      const unsafeLinks = scopes.flatMap((scope) => [...scope.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '').filter((href) => !/^https?:\/\//.test(href)));
      return {
        rendered: w.__rendered === true,
        pwned: w.__pwned,
        injected,
        unsafeLinks,
        detailsText: details?.textContent ?? '',
        cardText: card?.textContent ?? '',
      };
    }, undefined);
    expect(seen.rendered).toBe(true);
    expect(seen.pwned).toBeUndefined();
    expect(seen.injected).toEqual([]);
    expect(seen.unsafeLinks).toEqual([]);
    // The text is all there, character for character, markup and control characters included.
    expect(seen.cardText).toContain(HOSTILE_TEXTS.name);
    expect(seen.cardText).toContain(HOSTILE_TEXTS.listName);
    for (const text of [HOSTILE_TEXTS.alias, HOSTILE_TEXTS.rtl, HOSTILE_TEXTS.zeroWidth, HOSTILE_TEXTS.remarks, HOSTILE_TEXTS.reason]) {
      expect(seen.detailsText).toContain(text);
    }
    expect(seen.detailsText).toContain(HOSTILE_ENTRY.addresses?.[0]);
    await page.close();
  });
});
