/**
 * Chromium for the benchmark, driven by puppeteer-core (it reaches the extension's service worker
 * through its own DevTools session, which the heap and ready-time figures need). Each variant of
 * a run gets its own fresh profile: with the built extension loaded unpacked, or without it.
 *
 * The extension is copied out of dist/chrome first: other work rebuilds dist/ at any time, and a
 * build halfway through a run would change what is measured.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page, type Target } from 'puppeteer-core';
import { CHROME_EXTENSION_ID, CHROMIUM_PATH } from '../../test/browser/harness/chromium';
import { LISTED_HIGHLIGHT_NAMES } from '../../test/browser/harness/highlights';
import { PROJECT_ROOT } from '../../test/browser/harness/server';

export { CHROME_EXTENSION_ID };
export const EXTENSION_ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}`;

/**
 * A JavaScript expression, for scripts run in the page: the extension's Highlight (registered
 * under the name of its style), or undefined. Older builds also registered it as
 * `listed-party`; the style's name finds it in those too, so builds can be compared.
 */
export const LISTED_HIGHLIGHT_IN_PAGE = `(typeof CSS !== 'undefined' && 'highlights' in CSS ? ${JSON.stringify(LISTED_HIGHLIGHT_NAMES)}.map((n) => CSS.highlights.get(n)).find(Boolean) : undefined)`;

/**
 * A private copy of the built Chrome extension: dist/chrome (built first if missing), or another
 * build of it (`from`, for comparing builds).
 */
export function snapshotExtension(from?: string): { dir: string; remove(): void } {
  const built = from ?? join(PROJECT_ROOT, 'dist/chrome');
  if (!from && !existsSync(join(built, 'manifest.json'))) {
    const r = spawnSync('npx', ['tsx', 'scripts/build.ts', '--browser', 'chrome'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not build dist/chrome');
  }
  const root = mkdtempSync(join(tmpdir(), 'bench-extension-'));
  const dir = join(root, 'chrome');
  cpSync(built, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface BenchBrowser {
  browser: Browser;
  withExtension: boolean;
  close(): Promise<void>;
}

const FLAGS = ['--no-sandbox', '--no-first-run', '--disable-sync', '--disable-component-update', '--disable-gpu', '--disable-background-networking'];

export async function launchBench(extensionDir: string | null): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    userDataDir: profile,
    defaultViewport: { width: 1100, height: 900 },
    args: FLAGS,
    ...(extensionDir ? { enableExtensions: [extensionDir] } : {}),
  });
  if (extensionDir) await workerTarget(browser);
  return {
    browser,
    withExtension: extensionDir !== null,
    async close() {
      await Promise.race([browser.close(), new Promise((done) => setTimeout(done, 10_000))]);
      browser.process()?.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const isOurWorker = (t: Target): boolean => t.type() === 'service_worker' && t.url().startsWith(`${EXTENSION_ORIGIN}/`);

/** The extension's running service worker (waits for one to start). */
export async function workerTarget(browser: Browser): Promise<Target> {
  return browser.waitForTarget(isOurWorker, { timeout: 30_000 });
}

/** Evaluates an expression in a DevTools session; its (JSON-able) value, promises awaited. */
export async function evaluateIn<T>(session: CDPSession, expression: string): Promise<T> {
  const reply = await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (reply.exceptionDetails) throw new Error(`evaluation failed: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
  return reply.result.value as T;
}

export interface HeapFigures {
  /** V8's JavaScript heap in use, bytes. */
  js: number;
  /** Backing stores of ArrayBuffers (typed arrays: the matcher's tables), outside that heap, bytes. */
  buffers: number;
  /** The embedder's (Blink's) garbage-collected heap in use: DOM objects such as Ranges, bytes. */
  embedder: number;
}

/** Heap in use after a full garbage collection, for the whole isolate behind the session. */
export async function heapAfterGc(session: CDPSession): Promise<HeapFigures> {
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number; backingStorageSize?: number };
  return { js: usage.usedSize, buffers: usage.backingStorageSize ?? 0, embedder: usage.embedderHeapUsedSize ?? 0 };
}

/** An extension page, to send the worker messages the way the extension's own pages do. */
export async function extensionPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${EXTENSION_ORIGIN}/popup.html`);
  return page;
}

/** Stops every service worker and waits until ours is seen stopped. */
export async function stopWorkers(page: Page): Promise<void> {
  const session = await page.createCDPSession();
  try {
    const stopped = new Promise<void>((done) => {
      session.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        if (versions.some((v) => v.scriptURL.startsWith(`${EXTENSION_ORIGIN}/`) && v.runningStatus === 'stopped')) done();
      });
    });
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await Promise.race([stopped, sleep(10_000).then(() => Promise.reject(new Error('the service worker did not stop')))]);
  } finally {
    await session.detach();
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
