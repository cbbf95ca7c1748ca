/**
 * Store-ready packages in artifacts/: builds both browsers, then zips each.
 *   listed-party-highlighter-<version>-chrome.zip   (no `key`: the Chrome Web Store assigns the id)
 *   listed-party-highlighter-<version>-firefox.zip  (for addons.mozilla.org)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSERS, buildBrowser } from './build';
import { filesUnder, zip } from './lib/zip';

async function main(): Promise<void> {
  mkdirSync('artifacts', { recursive: true });
  for (const browser of BROWSERS) {
    const dir = await buildBrowser(browser, false);
    const entries = filesUnder(dir).map((e) => {
      if (e.name !== 'manifest.json' || browser !== 'chrome') return e;
      const manifest = JSON.parse(e.data.toString('utf8')) as Record<string, unknown>;
      delete manifest.key;
      return { name: e.name, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) };
    });
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const file = join('artifacts', `listed-party-highlighter-${version}-${browser}.zip`);
    writeFileSync(file, zip(entries));
    console.log(`wrote ${file} (${entries.length} files)`);
  }
}

main().catch((err: unknown) => {
  console.error(`package: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
