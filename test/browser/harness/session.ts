/**
 * What a test sees of a browser, the same for Chromium (playwright-core) and Firefox ESR
 * (puppeteer-core over WebDriver BiDi), so each test is written once and runs in both.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import type { BackgroundMessages, ReplyOf, RequestOf } from '../../../src/shared/messages';

export type BrowserKind = 'chromium' | 'firefox';
export const BROWSER_LABELS: Record<BrowserKind, string> = { chromium: 'Chromium', firefox: 'Firefox ESR' };

/** A function run in a page or frame. It is sent as source text, so it must not use closures. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

/**
 * The drivers type a page function's argument as "the argument with its element handles
 * unwrapped". Ours are plain data, for which that is the argument itself; this says so.
 */
export function asDataFunction<A, R>(fn: PageFunction<A, R>): (arg: unknown) => R | Promise<R> {
  return fn as (arg: unknown) => R | Promise<R>;
}

/** Anything a function can be run in: a page, or one of its frames. */
export interface Evaluator {
  evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>;
}

export interface FrameHandle extends Evaluator {
  readonly url: string;
}

export interface TestPage extends Evaluator {
  /** The address this page was opened at (Firefox reports extension pages as about:blank). */
  readonly address: string;
  /** Loads another address in the same tab. */
  navigate(url: string): Promise<void>;
  /** The page's child frames (not the main frame). */
  childFrames(): FrameHandle[];
  mouseMove(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** Types into the focused element, key by key. */
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** What the pages of both drivers (playwright-core, puppeteer-core) offer that a TestPage needs. */
interface DriverFrame {
  url(): string;
  evaluate(fn: (arg: unknown) => unknown, arg: unknown): Promise<unknown>;
}
export interface DriverPage extends DriverFrame {
  goto(url: string): Promise<unknown>;
  frames(): DriverFrame[];
  mainFrame(): DriverFrame;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  keyboard: { type(text: string, options: { delay: number }): Promise<void> };
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}
/** The calls whose signatures differ between the drivers. */
export type DriverSpecifics = Pick<TestPage, 'press' | 'setViewport' | 'screenshot'>;

/** A driver's page as a TestPage. */
export function wrapDriverPage(page: DriverPage, address: string, specifics: DriverSpecifics): TestPage {
  let current = address;
  const run = <A, R>(target: DriverFrame, fn: PageFunction<A, R>, arg: A): Promise<R> => target.evaluate(asDataFunction(fn), arg) as Promise<R>;
  return {
    get address() {
      return current;
    },
    async navigate(url) {
      await page.goto(url);
      current = url;
    },
    evaluate: (fn, arg) => run(page, fn, arg),
    childFrames: (): FrameHandle[] =>
      page
        .frames()
        .filter((frame) => frame !== page.mainFrame())
        .map((frame) => ({ url: frame.url(), evaluate: (fn, arg) => run(frame, fn, arg) })),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    type: (text) => page.keyboard.type(text, { delay: 20 }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    ...specifics,
  };
}

export interface BrowserSession {
  readonly kind: BrowserKind;
  /** The origin of the extension's pages: chrome-extension://ID or moz-extension://UUID. */
  readonly extensionOrigin: string;
  /** Opens a new tab at `url`. */
  open(url: string): Promise<TestPage>;
  /** The browser's tab id of a page, asked of the extension. */
  tabIdOf(page: Pick<TestPage, 'address'>): Promise<number>;
  /** Opens the popup as a page, for the given tab (`popup.html?tab=N`). */
  openPopup(tabId: number, width?: number): Promise<TestPage>;
  /** Opens one of the extension's own pages (e.g. `options.html`) in a new tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** The toolbar badge text of a tab. */
  badgeText(tabId: number): Promise<string>;
  /**
   * Stops the background (Chromium: the MV3 service worker), as the browser does to an idle
   * one; the next event starts it again. Absent where the test cannot force it.
   */
  stopBackground?(): Promise<void>;
  /** Sends a typed message to the background, as the extension's own pages do. */
  message<K extends keyof BackgroundMessages & string>(
    type: K,
    payload: RequestOf<BackgroundMessages, K>,
  ): Promise<ReplyOf<BackgroundMessages, K>>;
  close(): Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * Reads a value again and again until `accept` holds or `ms` pass, then returns the last value
 * read: the test's own assertion says what was expected, and shows what came instead.
 */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await sleep(150);
    value = await read();
  }
  return value;
}

/**
 * Kills, by pid, what is still running with `marker` (a unique temp profile path) on its
 * command line: a browser whose driver failed to close it must not outlive the test file.
 */
export function killProcessesMentioning(marker: string): void {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${name}/cmdline`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    if (!commandLine.includes(marker)) continue;
    try {
      process.kill(Number(name), 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
}

/** Runs `close`, but gives up after `ms` so a hung driver cannot hang the test run. */
export async function closeWithin(close: () => Promise<unknown>, ms = 15_000): Promise<void> {
  await Promise.race([close().catch(() => undefined), sleep(ms)]);
}
