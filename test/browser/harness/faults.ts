/**
 * What the fault tests of both browsers share: a page naming two parties that only an update
 * brings, a local list source, and settings that must survive every fault.
 */
import { beforeAll } from 'vitest';
import type { Settings } from '../../../src/shared/settings';
import { listedMentions } from './highlights';
import { officialListJson, startListSource, type ListSource } from './list-source';
import type { FixtureServer } from './server';
import { waitFor, type BrowserSession } from './session';
import { freshUrl } from './suite';

export const FIRST = 'Obsidian Lattice Works';
export const SECOND = 'Meridian Arc Photonics';
const PAGE = '/faults/page.html';

/** The user's own settings the faults must not lose. */
export const KEPT_SETTINGS: Partial<Settings> = { highlightStyle: 'outline', excludedSites: ['intranet.example.com'] };

export interface FaultSetup {
  source(): ListSource;
  /** The listed names highlighted on a fresh copy of the page (NSO Group is always there). */
  mentions(): Promise<string[]>;
}

/** For the enclosing describe: the page and the source, and the user's settings to keep. */
export function useFaultSetup(server: () => FixtureServer, browser: () => BrowserSession): FaultSetup {
  let source: ListSource | undefined;
  beforeAll(async () => {
    server().route(PAGE, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Faults</title></head><body>
<p>${FIRST} and ${SECOND} were added; NSO Group was listed in 2021.</p></body></html>`);
    source = startListSource(server(), officialListJson([FIRST]));
    await browser().message('setSettings', { patch: { listUrl: source.url, ...KEPT_SETTINGS } });
  });
  return {
    source: () => {
      if (!source) throw new Error('the list source has not started');
      return source;
    },
    async mentions() {
      const page = await browser().open(freshUrl(server(), PAGE));
      const found = await waitFor(() => listedMentions(page), (m) => m.includes('NSO Group'), 20_000);
      await page.close();
      return found;
    },
  };
}
