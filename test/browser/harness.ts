/**
 * Real browsers with the built extension loaded, and a local server for test pages.
 * Chromium through playwright-core, Firefox ESR through puppeteer-core (WebDriver BiDi).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED_PAGES = resolve(ROOT, '../shared/data/pages');
export const CHROME_ID = 'bbfkmeefeddgdbldelfbiahcjfbplmai';
export const FIREFOX_UUID = '7d9c3b1e-0f4a-4c8e-9a52-2b6f1d3e8c47';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.js': 'text/javascript', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The seed news article as a page: its first line the headline, blank-line paragraphs. */
export function demoPage(): string {
  const text = readFileSync(join(ROOT, 'demo/us-blacklists-nso-group.txt'), 'utf8').trim();
  const [title = '', ...rest] = text.split(/\n\s*\n/);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:760px;margin:2em auto;padding:0 1em;color:#222}</style></head>
<body><article><h1>${escapeHtml(title)}</h1>${rest.map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('\n')}</article></body></html>`;
}

export interface TestServer {
  url: string;
  routes: Map<string, string>;
  close(): Promise<void>;
}

/** Serves `routes` (path → HTML), /pages/NAME from ../shared/data/pages, and /demo. */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, string>([['/demo', demoPage()]]);
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = routes.get(path);
    if (body !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html; charset=utf-8' });
      res.end(body);
      return;
    }
    if (path.startsWith('/pages/')) {
      const file = normalize(join(SHARED_PAGES, path.slice('/pages/'.length)));
      if (file.startsWith(SHARED_PAGES) && existsSync(file)) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface ChromiumSession {
  context: BrowserContext;
  worker(): Promise<import('playwright-core').Worker>;
  close(): Promise<void>;
}

export async function launchChromium(extraArgs: string[] = [], headless = true): Promise<ChromiumSession> {
  const dir = join(ROOT, 'dist/chrome');
  const profile = mkdtempSync(join(tmpdir(), 'lp-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless,
    viewport: { width: 1100, height: 900 },
    args: ['--no-sandbox', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-first-run', '--disable-sync', '--disable-component-update', '--disable-quic', '--disable-gpu', '--disable-background-networking', ...extraArgs],
  });
  return {
    context,
    async worker() {
      return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function launchFirefox(): Promise<PpBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    // A fixed internal UUID, so the extension's pages have a known address.
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ 'listed-parties@extension.local': FIREFOX_UUID }),
      // Unload the idle event page after 2 s instead of 30 s, so tests meet a restarted background.
      'extensions.background.idle.timeout': 2000,
    },
  });
  await browser.installExtension(join(ROOT, 'dist/firefox'));
  return browser;
}

/** What is highlighted in the page's document (the registry the content script writes). */
export const readHighlights = (): string[] => {
  const h = CSS.highlights.get('listed-party');
  return h ? [...(h as unknown as Iterable<Range>)].map((r) => r.toString().replace(/\s+/g, ' ')) : [];
};

export type AnyPage = PwPage | PpPage;

/** Polls `fn` in the page until `accept` holds or the time runs out; returns the last value. */
export async function waitForValue<T>(read: () => Promise<T>, accept: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 150));
    value = await read();
  }
  return value;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
