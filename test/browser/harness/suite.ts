/**
 * Writing a test once for both browsers: `inEachBrowser` declares the same tests for Chromium
 * and for Firefox ESR, each group with its own browser, launched before its first test and
 * closed (and its profile removed) after its last, so one browser runs at a time.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { launchChromium } from './chromium';
import { launchFirefox, type FirefoxOptions } from './firefox';
import { addTestPages } from './pages';
import { startServer, type FixtureServer } from './server';
import { BROWSER_LABELS, type BrowserKind, type BrowserSession } from './session';

export const BROWSERS: readonly BrowserKind[] = ['chromium', 'firefox'];

export interface LaunchOptions {
  firefox?: FirefoxOptions;
}

export function launchBrowser(kind: BrowserKind, options: LaunchOptions = {}): Promise<BrowserSession> {
  return kind === 'chromium' ? launchChromium() : launchFirefox(options.firefox);
}

/** The test server for this file, with the demo and fixture pages. */
export function useTestServer(): () => FixtureServer {
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startServer();
    addTestPages(server);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the test server has not started');
    return server;
  };
}

/**
 * A browser for the enclosing describe: launched before its first test, closed after its last.
 * Hooks the caller registers later run after the launch and before the close.
 */
export function useBrowser<S extends BrowserSession>(label: string, launch: () => Promise<S>): () => S {
  let session: S | undefined;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error(`${label} did not start`);
    return session;
  };
}

export function inEachBrowser(
  body: (kind: BrowserKind, browser: () => BrowserSession) => void,
  options: LaunchOptions = {},
): void {
  for (const kind of BROWSERS) {
    describe(BROWSER_LABELS[kind], () => {
      body(kind, useBrowser(BROWSER_LABELS[kind], () => launchBrowser(kind, options)));
    });
  }
}

let visits = 0;
/**
 * The address of `path` made unique with a query string, so each test's tab is told apart from
 * the tabs other tests left open when the extension is asked which tab is which.
 */
export function freshUrl(server: FixtureServer, path: string): string {
  visits += 1;
  return `${server.url(path)}?visit=${visits}`;
}
