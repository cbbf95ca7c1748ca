/**
 * Debian's Chromium with the built extension (dist/chrome) loaded unpacked, driven by
 * playwright-core. The MV3 service worker answers questions about tabs and badges.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { BackgroundMessages, ReplyOf, RequestOf } from '../../../src/shared/messages';
import { PROJECT_ROOT } from './server';
import {
  closeWithin,
  killProcessesMentioning,
  removeDir,
  sleep,
  type BrowserSession,
  type TestPage,
  wrapDriverPage,
} from './session';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Fixed by the `key` in manifest.chrome.json. */
export const CHROME_EXTENSION_ID = 'bbfkmeefeddgdbldelfbiahcjfbplmai';
export const CHROME_BUILD_DIR = join(PROJECT_ROOT, 'dist/chrome');

export interface ChromiumSession extends BrowserSession {
  readonly context: BrowserContext;
  /** The extension's service worker as it is now (a stopped worker is replaced by a new one). */
  worker(): Promise<Worker>;
}

export interface ChromiumOptions {
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /**
   * The extension comes from policy (ExtensionInstallForcelist) under this id instead of being
   * loaded unpacked: the browser must be free to install extensions and reach the update URL.
   * Only pages can be used then: worker(), message(), openPopup() and the like cannot reach it.
   */
  forceInstalledId?: string;
  /** The unpacked extension to load, when not dist/chrome (a copy changed for a test). */
  buildDir?: string;
}

const QUIET_FLAGS = ['--no-sandbox', '--no-first-run', '--disable-sync', '--disable-component-update', '--disable-quic', '--disable-gpu'];

export function wrapPlaywrightPage(page: Page, address: string): TestPage {
  return wrapDriverPage(page, address, {
    press: (key) => page.keyboard.press(key),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (path, options) => void (await page.screenshot({ path, fullPage: options?.fullPage ?? false })),
  });
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const profile = mkdtempSync(join(tmpdir(), 'listed-parties-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      viewport: options.viewport === undefined ? { width: 1100, height: 900 } : options.viewport,
      ...(options.forceInstalledId
        ? {
            // Playwright's defaults would stop the browser installing or fetching any extension.
            ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages', '--disable-background-networking'],
            args: QUIET_FLAGS,
          }
        : {
            args: [...QUIET_FLAGS, `--disable-extensions-except=${options.buildDir ?? CHROME_BUILD_DIR}`, `--load-extension=${options.buildDir ?? CHROME_BUILD_DIR}`, '--disable-background-networking'],
          }),
    });
  } catch (err) {
    killProcessesMentioning(profile);
    removeDir(profile);
    throw err;
  }

  const origin = `chrome-extension://${options.forceInstalledId ?? CHROME_EXTENSION_ID}`;
  // Messages go from an extension page: the worker does not hear its own runtime messages.
  let messenger: Page | undefined;
  async function extensionPage(): Promise<Page> {
    if (!messenger || messenger.isClosed()) messenger = await context.newPage();
    // A reloaded extension leaves its open pages on an error page.
    if (!messenger.url().startsWith(`${origin}/`)) await messenger.goto(`${origin}/popup.html`);
    return messenger;
  }

  const isMine = (w: Worker): boolean => w.url().startsWith(`${origin}/`);
  async function worker(): Promise<Worker> {
    // Playwright notices a stopped worker only when it next talks to it: ask each one.
    for (const candidate of context.serviceWorkers().filter(isMine).reverse()) {
      if (await candidate.evaluate(() => true).catch(() => false)) return candidate;
    }
    const started = context.waitForEvent('serviceworker', { predicate: isMine, timeout: 20_000 });
    // A stopped worker starts again on the next event: a message from an extension page is one.
    // (At launch the browser starts it by itself.)
    if (launched) void wake().catch(() => undefined);
    return started;
  }
  async function wake(): Promise<void> {
    const page = await extensionPage();
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'getStatus', payload: {} }));
  }
  // The worker must be up before tests ask it anything; this also proves the build loaded.
  let launched = false;
  try {
    // A force-installed extension's worker and pages are out of the driver's reach here (its
    // pages close the tab that opens them, and its worker is not reported), so tests see it
    // through what it does on web pages.
    if (!options.forceInstalledId) await worker();
  } catch (err) {
    await closeWithin(() => context.close());
    killProcessesMentioning(profile);
    removeDir(profile);
    throw err;
  }
  launched = true;

  const session: ChromiumSession = {
    kind: 'chromium',
    context,
    extensionOrigin: origin,
    worker,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return wrapPlaywrightPage(page, url);
    },
    async tabIdOf(page) {
      const sw = await worker();
      const tabs = await sw.evaluate(async () => (await chrome.tabs.query({})).map((t) => ({ id: t.id, url: t.url })));
      const tab = tabs.find((t) => t.url === page.address);
      if (tab?.id === undefined) throw new Error(`no tab shows ${page.address}`);
      return tab.id;
    },
    async openPopup(tabId, width = 420) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      const url = `${origin}/popup.html?tab=${tabId}`;
      await page.goto(url);
      return wrapPlaywrightPage(page, url);
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      const url = `${origin}/${path}`;
      await page.goto(url);
      return wrapPlaywrightPage(page, url);
    },
    async badgeText(tabId) {
      const sw = await worker();
      return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async stopBackground() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      try {
        // Only a worker seen to stop proves the test meets a fresh one afterwards.
        const stopped = new Promise<void>((done) => {
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            if (versions.some((v) => v.scriptURL.startsWith(`${origin}/`) && v.runningStatus === 'stopped')) done();
          });
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        const seen = await Promise.race([stopped.then(() => true), sleep(10_000).then(() => false)]);
        if (!seen) throw new Error('the service worker did not stop');
      } finally {
        await cdp.detach();
      }
    },
    async message<K extends keyof BackgroundMessages & string>(type: K, payload: RequestOf<BackgroundMessages, K>) {
      const page = await extensionPage();
      const reply: unknown = await page.evaluate((envelope) => chrome.runtime.sendMessage(envelope), { type, payload });
      // The background's reply to `type`, by the message map's contract.
      return reply as ReplyOf<BackgroundMessages, K>;
    },
    async close() {
      await closeWithin(() => context.close());
      killProcessesMentioning(profile);
      removeDir(profile);
    },
  };
  return session;
}
