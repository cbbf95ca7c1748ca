/**
 * The extension at work on the demo article: serves it on 127.0.0.1, opens it in Chromium with
 * the built extension (dist/chrome) loaded, and reports what the extension found, read back from
 * the page's highlights and from the background's state for the tab.
 *
 *   npm run demo      (builds first)
 *
 * With a display ($DISPLAY set) the browser window stays open until you close it; without one
 * it runs headless and exits. Exits non-zero when the extension highlights nothing.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LIST_NAMES, type ListCode } from '../src/core/model';
import { CHROME_BUILD_DIR, launchChromium } from '../test/browser/harness/chromium';
import { demoExpectedMentions } from '../test/browser/harness/expected';
import { listedMentions } from '../test/browser/harness/highlights';
import { addTestPages } from '../test/browser/harness/pages';
import { PROJECT_ROOT, startServer } from '../test/browser/harness/server';
import { waitFor } from '../test/browser/harness/session';

const SCREENSHOT_DIR = join(PROJECT_ROOT, 'artifacts');

function listLabel(list: string, listName: string): string {
  return list in LIST_NAMES ? LIST_NAMES[list as ListCode] : listName;
}

async function main(): Promise<number> {
  const headed = Boolean(process.env.DISPLAY);
  const server = await startServer();
  addTestPages(server);
  const browser = await launchChromium({ headless: !headed, viewport: headed ? null : { width: 1100, height: 900 } });
  try {
    const url = server.url('/demo.html');
    console.log(`Demo article: ${url}`);
    console.log(`Chromium (${headed ? 'a window on your display' : 'headless'}) with ${relative(PROJECT_ROOT, CHROME_BUILD_DIR)} loaded.\n`);
    const page = await browser.open(url);
    // The scan is done when all the article's mentions are in, or the highlights have not
    // changed for a second.
    const expected = [...demoExpectedMentions().values()].reduce((a, b) => a + b, 0);
    let last = { count: -1, since: Date.now() };
    const mentions = await waitFor(
      async () => listedMentions(page),
      (m) => {
        if (m.length !== last.count) last = { count: m.length, since: Date.now() };
        return m.length >= expected || (m.length > 0 && Date.now() - last.since > 1000);
      },
      20_000,
    );
    const tabId = await browser.tabIdOf(page);
    const state = await waitFor(
      () => browser.message('getTabState', { tabId }),
      (s) => s.found.length > 0 || mentions.length === 0,
      10_000,
    );
    const badge = await browser.badgeText(tabId);

    const byText = new Map<string, number>();
    for (const m of mentions) byText.set(m, (byText.get(m) ?? 0) + 1);
    const entries = new Map(state.entries.map((e) => [e.id, e]));

    console.log(`Listed parties on the page (badge: ${badge || 'none'}):`);
    for (const found of [...state.found].sort((a, b) => b.count - a.count)) {
      const entry = entries.get(found.id);
      const name = entry?.name ?? found.id;
      const list = entry ? listLabel(entry.list, entry.listName) : 'list unknown';
      console.log(`  ${name} — ${found.count} mention${found.count === 1 ? '' : 's'} — ${list}`);
    }
    if (state.found.length === 0) console.log('  (none)');
    console.log(`\nHighlighted text (${mentions.length} highlights):`);
    for (const [text, n] of byText) console.log(`  "${text}" ×${n}`);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pageShot = join(SCREENSHOT_DIR, 'demo-page.png');
    await page.screenshot(pageShot);
    const popup = await browser.openPopup(tabId);
    await waitFor(() => popup.evaluate(() => document.querySelectorAll('[data-entry-id]').length, undefined), (n) => n > 0, 10_000);
    const popupShot = join(SCREENSHOT_DIR, 'demo-popup.png');
    await popup.screenshot(popupShot, { fullPage: true });
    console.log(`\nScreenshots: ${relative(PROJECT_ROOT, pageShot)}, ${relative(PROJECT_ROOT, popupShot)}`);

    if (headed) {
      await popup.close();
      await page.bringToFront();
      console.log('\nThe browser stays open; close its window to finish.');
      await new Promise<void>((done) => browser.context.once('close', () => done()));
    }
    if (mentions.length === 0 || state.found.length === 0) {
      console.error('\nThe extension found nothing on the demo article.');
      return 1;
    }
    return 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
