/**
 * The extension's main job on the embedded data: serves the demo article on 127.0.0.1, opens it
 * in Chromium with the built extension loaded (headed where there is a display, headless
 * otherwise), and reports the parties it highlighted, as the popup would list them.
 *
 *   npm run demo        (builds first)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_ID, ROOT, launchChromium, readHighlights, startServer, waitForValue } from '../test/browser/harness';

async function main(): Promise<void> {
  const headed = !!process.env.DISPLAY && !process.env.CI;
  const server = await startServer();
  const session = await launchChromium([], !headed);
  try {
    const worker = await session.worker();
    const page = await session.context.newPage();
    await page.goto(`${server.url}/demo`);
    const highlights = await waitForValue(() => page.evaluate(readHighlights), (h) => h.length >= 15, 20_000);
    const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${CHROME_ID}/popup.html?tab=${tabId}`);
    await popup.locator('[data-entry-id]').first().waitFor({ timeout: 10_000 });
    const listed = await popup.locator('[data-entry-id]').evaluateAll((items) =>
      items.map((li) => {
        const lines = (li as HTMLElement).innerText.split('\n').map((l) => l.trim()).filter(Boolean);
        return [lines[0], ...lines.filter((l) => /mention/.test(l))].join(' — ');
      }),
    );
    const badge = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    const shots = join(ROOT, 'artifacts');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'demo-page.png') });
    await popup.screenshot({ path: join(shots, 'demo-popup.png'), fullPage: true });

    console.log(`Demo page: the seed article (${server.url}/demo), ${headed ? 'headed' : 'headless'} Chromium with the extension loaded.`);
    console.log(`Highlighted ${highlights.length} mentions; the badge says ${badge || '0'} listed parties.`);
    console.log('As the popup lists them:');
    for (const line of listed) console.log(`  • ${line}`);
    console.log(`Mentions highlighted: ${[...new Set(highlights)].map((h) => `"${h}" ×${highlights.filter((x) => x === h).length}`).join(', ')}`);
    console.log(`Screenshots: ${join('artifacts', 'demo-page.png')}, ${join('artifacts', 'demo-popup.png')}`);
    if (headed) {
      console.log('Close the browser window to finish.');
      await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
    }
    if (highlights.length === 0) process.exitCode = 1;
  } finally {
    await session.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
