/**
 * Firefox ESR with the built extension (dist/firefox) installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi.
 *
 * Extension pages: the add-on's internal UUID is random per profile, so a pref fixes it and its
 * pages have a known address. WebDriver BiDi refuses to navigate to moz-extension:// unless
 * Firefox runs with --remote-allow-system-access, and even then reports the page as about:blank
 * and never sees the load finish; so the harness starts the navigation and then asks the page
 * itself where it is.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { BackgroundMessages, ReplyOf, RequestOf } from '../../../src/shared/messages';
import { PROJECT_ROOT } from './server';
import {
  closeWithin,
  killProcessesMentioning,
  removeDir,
  sleep,
  waitFor,
  type BrowserSession,
  type TestPage,
  wrapDriverPage,
} from './session';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
/** browser_specific_settings.gecko.id in manifest.firefox.json */
export const GECKO_ID = 'listed-parties@extension.local';
export const FIREFOX_EXTENSION_UUID = '5b0f9c53-3a51-4d2e-9c1e-8e4f2a7d6b10';
export const FIREFOX_BUILD_DIR = join(PROJECT_ROOT, 'dist/firefox');

/** `browser` in extension pages (the WebExtension namespace Firefox provides natively). */
type ExtensionGlobal = { browser: typeof chrome };

export interface FirefoxSession extends BrowserSession {
  readonly browser: Browser;
}

export interface FirefoxOptions {
  /** Milliseconds before Firefox unloads an idle event page (its default is 30 s). */
  backgroundIdleMs?: number;
  /** More preferences for the profile (a proxy, for instance). */
  prefs?: Record<string, string | number | boolean>;
}

function wrapPuppeteerPage(page: Page, address: string): TestPage {
  return wrapDriverPage(page, address, {
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: async (path, options) => void (await page.screenshot({ path: path as `${string}.png`, fullPage: options?.fullPage ?? false })),
  });
}

/** Navigates a tab to an extension page and waits until the page says it has loaded there. */
async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  // The navigation itself happens; only puppeteer's wait for it never ends (see above).
  void page.goto(url, { timeout: 20_000 }).catch(() => undefined);
  const where = await waitFor(
    () => page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => ''),
    (href) => href === url,
    20_000,
  );
  if (where !== url) throw new Error(`Firefox did not open ${url}`);
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const profile = mkdtempSync(join(tmpdir(), 'listed-parties-firefox-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        ...(options.backgroundIdleMs === undefined ? {} : { 'extensions.background.idle.timeout': options.backgroundIdleMs }),
        ...options.prefs,
      },
    });
    const installed = await browser.installExtension(FIREFOX_BUILD_DIR);
    if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
  } catch (err) {
    killProcessesMentioning(profile);
    removeDir(profile);
    throw err;
  }

  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  // One extension page kept open to ask the extension about tabs and badges.
  let helper: Page | undefined;
  async function extensionPage(): Promise<Page> {
    // A reinstalled (updated) extension takes its open pages with it, which the driver does not
    // always report as closed: a page that no longer answers is replaced.
    const alive = helper && !helper.isClosed() && (await helper.evaluate(() => location.origin).catch(() => '')) === origin;
    if (!helper || !alive) {
      helper = await browser.newPage();
      await gotoExtensionPage(helper, `${origin}/popup.html`);
    }
    return helper;
  }

  const session: FirefoxSession = {
    kind: 'firefox',
    browser,
    extensionOrigin: origin,
    async open(url) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(url);
      return wrapPuppeteerPage(page, url);
    },
    async tabIdOf(page) {
      const helperPage = await extensionPage();
      const tabs = await helperPage.evaluate(async () =>
        (await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({})).map((t) => ({ id: t.id, url: t.url })),
      );
      const tab = tabs.find((t) => t.url === page.address);
      if (tab?.id === undefined) throw new Error(`no tab shows ${page.address}`);
      return tab.id;
    },
    async openPopup(tabId, width = 420) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      const url = `${origin}/popup.html?tab=${tabId}`;
      await gotoExtensionPage(page, url);
      return wrapPuppeteerPage(page, url);
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      const url = `${origin}/${path}`;
      await gotoExtensionPage(page, url);
      return wrapPuppeteerPage(page, url);
    },
    async badgeText(tabId) {
      const helperPage = await extensionPage();
      return helperPage.evaluate(
        (id) => (globalThis as unknown as ExtensionGlobal).browser.action.getBadgeText({ tabId: id }),
        tabId,
      );
    },
    ...(options.backgroundIdleMs === undefined
      ? {}
      : {
          // Firefox unloads an idle event page by itself; nothing outside can see it go, so
          // this waits well past the idle timeout with nothing talking to the background.
          stopBackground: () => sleep((options.backgroundIdleMs ?? 0) * 3 + 1000),
        }),
    async message<K extends keyof BackgroundMessages & string>(type: K, payload: RequestOf<BackgroundMessages, K>) {
      const helperPage = await extensionPage();
      const reply: unknown = await helperPage.evaluate(
        (envelope) => (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage(envelope),
        { type, payload } as { type: string; payload: unknown },
      );
      // The background's reply to `type`, by the message map's contract.
      return reply as ReplyOf<BackgroundMessages, K>;
    },
    async close() {
      const child = browser.process();
      await closeWithin(() => browser.close());
      if (child && child.exitCode === null) child.kill('SIGKILL');
      killProcessesMentioning(profile);
      removeDir(profile);
    },
  };
  return session;
}
