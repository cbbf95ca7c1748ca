/**
 * Opening a page with its console watched from the first byte: every console error and uncaught
 * exception is kept, and split into those of the extension and those of the page itself.
 *
 * Attribution. Chromium (playwright-core over CDP) reports console calls and exceptions of every
 * execution context of the page, the content script's isolated world included, with the script
 * URL (chrome-extension://ID/content.js). Firefox (puppeteer-core over WebDriver BiDi) reports
 * log entries of the page's window, which is where Firefox files content-script messages too,
 * with moz-extension:// URLs in their stacks. A message counts as the extension's when its
 * location or stack is under the extension's origin, or its text carries the content script's
 * prefix "listed-parties".
 */
import type { ConsoleMessage as PlaywrightConsole, Page as PlaywrightPage } from 'playwright-core';
import type { ConsoleMessage as PuppeteerConsole, Page as PuppeteerPage } from 'puppeteer-core';
import type { ChromiumSession } from './chromium';
import type { FirefoxSession } from './firefox';
import { TaskTrace, type TaskReport } from './task-trace';
import { asDataFunction, type BrowserSession, type Evaluator, type FrameHandle, type PageFunction } from './session';

export interface ConsoleRecord {
  kind: 'console' | 'exception';
  text: string;
  /** Script URL, or the stack where there is one. */
  where: string;
}

export interface WatchedPage extends Evaluator {
  readonly address: string;
  childFrames(): FrameHandle[];
  mouseMove(x: number, y: number): Promise<void>;
  /** Errors that came from the extension (must stay empty). */
  extensionErrors(): ConsoleRecord[];
  /** Errors of the page's own scripts (hostile pages throw on purpose). */
  pageErrors(): ConsoleRecord[];
  /**
   * Chromium only: runs `expression` in the content script's own world (as a script named
   * under the extension's origin), to prove the watch and the task trace see that world.
   * Undefined in Firefox, where no driver can run code in a content script.
   */
  runInContentScript?(expression: string): Promise<void>;
  /** Chromium only: the renderer's tasks since the page opened, attributed (see task-trace.ts). */
  tasks?(): Promise<TaskReport>;
  close(): Promise<void>;
}

const CONTENT_PREFIX = 'listed-parties';

class Collector {
  readonly records: ConsoleRecord[] = [];
  constructor(private readonly extensionOrigin: string) {}
  add(record: ConsoleRecord): void {
    this.records.push(record);
  }
  isExtension(r: ConsoleRecord): boolean {
    return r.where.includes(this.extensionOrigin) || r.text.includes(CONTENT_PREFIX) || /(chrome|moz)-extension:\/\//.test(r.where);
  }
}

type RunInFrame<F> = (frame: F, fn: PageFunction<unknown, unknown>, arg: unknown) => Promise<unknown>;

/** The parts of a watched page that are the same whichever driver holds the page. */
function watchedParts<F extends { url(): string }>(
  url: string,
  collector: Collector,
  page: { frames(): F[]; mainFrame(): F; mouse: { move(x: number, y: number): Promise<unknown> } },
  run: RunInFrame<F>,
): Pick<WatchedPage, 'address' | 'evaluate' | 'childFrames' | 'mouseMove' | 'extensionErrors' | 'pageErrors'> {
  const inFrame = (frame: F): Evaluator['evaluate'] => <A, R>(fn: PageFunction<A, R>, arg: A) => run(frame, fn as PageFunction<unknown, unknown>, arg) as Promise<R>;
  return {
    address: url,
    evaluate: inFrame(page.mainFrame()),
    childFrames: () => page.frames().filter((f) => f !== page.mainFrame()).map((frame) => ({ url: frame.url(), evaluate: inFrame(frame) })),
    mouseMove: async (x, y) => {
      await page.mouse.move(x, y);
    },
    extensionErrors: () => collector.records.filter((r) => collector.isExtension(r)),
    pageErrors: () => collector.records.filter((r) => !collector.isExtension(r)),
  };
}

async function openInChromium(session: ChromiumSession, url: string, collector: Collector): Promise<WatchedPage> {
  const page: PlaywrightPage = await session.context.newPage();
  page.on('console', (msg: PlaywrightConsole) => {
    if (msg.type() === 'error' || msg.type() === 'assert') collector.add({ kind: 'console', text: msg.text(), where: msg.location().url });
  });
  page.on('pageerror', (err) => collector.add({ kind: 'exception', text: err.message, where: err.stack ?? '' }));
  const trace = await TaskTrace.start(await session.context.newCDPSession(page), session.extensionOrigin);
  try {
    await page.goto(url);
  } catch (err) {
    // Only one trace may run in the browser at a time: the next page needs this one ended.
    await trace.stop();
    await page.close().catch(() => undefined);
    throw err;
  }
  return {
    ...watchedParts(url, collector, page, (frame, fn, arg) => frame.evaluate(asDataFunction(fn), arg)),
    tasks: () => trace.report(),
    async runInContentScript(expression) {
      const cdp = await session.context.newCDPSession(page);
      try {
        const worlds: { id: number; origin: string; frameId?: string; isDefault?: boolean }[] = [];
        cdp.on('Runtime.executionContextCreated', ({ context }) => {
          const aux = context.auxData as { frameId?: string; isDefault?: boolean } | undefined;
          worlds.push({ id: context.id, origin: context.origin, frameId: aux?.frameId, isDefault: aux?.isDefault });
        });
        await cdp.send('Runtime.enable');
        const world = worlds.find((w) => w.origin === session.extensionOrigin && !w.isDefault);
        if (!world) throw new Error('the content script has no world in this page');
        const named = `${expression}\n//# sourceURL=${session.extensionOrigin}/test-self-check.js`;
        await cdp.send('Runtime.evaluate', { expression: named, contextId: world.id });
      } finally {
        await cdp.detach();
      }
    },
    close: async () => {
      await trace.stop();
      await page.close();
    },
  };
}

async function openInFirefox(session: FirefoxSession, url: string, collector: Collector): Promise<WatchedPage> {
  const page: PuppeteerPage = await session.browser.newPage();
  page.on('console', (msg: PuppeteerConsole) => {
    if (msg.type() === 'error' || msg.type() === 'assert') {
      const where = [msg.location().url ?? '', ...msg.stackTrace().map((s) => s.url ?? '')].join(' ');
      collector.add({ kind: 'console', text: msg.text(), where });
    }
  });
  page.on('pageerror', (err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    collector.add({ kind: 'exception', text: e.message, where: e.stack ?? '' });
  });
  await page.setViewport({ width: 1100, height: 900 });
  await page.goto(url);
  return {
    ...watchedParts(url, collector, page, (frame, fn, arg) => frame.evaluate(asDataFunction(fn), arg)),
    close: () => page.close(),
  };
}

/** Opens `url` in a new tab of `session` with its console watched. */
export function openWatched(session: BrowserSession, url: string): Promise<WatchedPage> {
  const collector = new Collector(session.extensionOrigin);
  return session.kind === 'chromium'
    ? openInChromium(session as ChromiumSession, url, collector)
    : openInFirefox(session as FirefoxSession, url, collector);
}
