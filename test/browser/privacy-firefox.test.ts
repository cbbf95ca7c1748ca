/**
 * Privacy in Firefox ESR: the profile's every request goes through a recording proxy (Firefox's
 * WebDriver BiDi does not report the background page's requests, a proxy sees all of them)
 * while real saved pages are browsed, the look-up is used and a list update runs. The test
 * server sees only the pages and the configured list source; nothing else is asked of it or of
 * any other host by the extension, and no request carries page text.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { listedMentions } from './harness/highlights';
import { LIST_PATH, officialListJson, startListSource, type ListSource } from './harness/list-source';
import { startRecordingProxy, type RecordingProxy } from './harness/recording-proxy';
import { SHARED_PAGES_DIR } from './harness/server';
import { sleep, waitFor } from './harness/session';
import { useTestServer } from './harness/suite';

const server = useTestServer();
/** Every sixth saved page (22 of all kinds), then msn.html, which names Huawei. */
const PAGES = readdirSync(SHARED_PAGES_DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .filter((_, i) => i % 6 === 0);
/** Hosts of Firefox's own services, which a fresh profile may still try to reach. */
const BROWSER_SERVICE_HOST = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)(:\d+)?$/;

describe('Firefox ESR, every request recorded by a proxy', () => {
  let proxy: RecordingProxy | undefined;
  let session: FirefoxSession | undefined;
  let source: ListSource;

  beforeAll(async () => {
    source = startListSource(server(), officialListJson([]));
    proxy = await startRecordingProxy(server().origin);
    session = await launchFirefox({ prefs: proxy.firefoxPrefs });
  });
  afterAll(async () => {
    await session?.close();
    await proxy?.close();
  });

  it('browsing real pages and updating the list: only the pages and the list source are requested, and no page text', async () => {
    const browser = session as FirefoxSession;
    const recorded = (proxy as RecordingProxy).requests;
    await browser.message('setSettings', { patch: { listUrl: source.url } });
    const opened = new Set<string>();
    for (const file of [...PAGES, 'msn.html']) {
      opened.add(`/pages/${file}`);
      const page = await browser.open(server().url(`/pages/${file}`));
      if (file === 'msn.html') {
        // The extension was at work: this page names a listed party.
        expect(await waitFor(() => listedMentions(page), (m) => m.includes('Huawei'))).toContain('Huawei');
      } else await sleep(500);
      await page.close();
    }
    const lookup = await browser.message('lookup', { query: 'NSO Group', limit: 5 });
    expect(JSON.stringify(lookup)).toContain('NSO Group');
    const update = await browser.message('updateNow', {});
    expect(update.ok).toBe(true);
    await sleep(500);

    const onTestServer = recorded.filter((r) => r.method !== 'CONNECT' && new URL(r.url).origin === server().origin);
    const paths = onTestServer.map((r) => new URL(r.url).pathname);
    // The proxy saw the traffic: the pages, and the extension's own update download.
    expect(paths.filter((p) => opened.has(p)).length).toBeGreaterThanOrEqual(opened.size);
    expect(paths).toContain(LIST_PATH);
    // Nothing else was asked of the test server: saved pages' own resources are blocked by their CSP.
    expect(paths.filter((p) => !opened.has(p) && p !== LIST_PATH && p !== '/favicon.ico')).toEqual([]);
    // Elsewhere, at most Firefox's own services; no request carries a body.
    const elsewhere = recorded.filter((r) => !onTestServer.includes(r));
    const hostOf = (r: { method: string; url: string }): string => (r.method === 'CONNECT' ? r.url : new URL(r.url).host);
    expect(elsewhere.filter((r) => !BROWSER_SERVICE_HOST.test(hostOf(r))).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(recorded.filter((r) => r.body !== '').map((r) => `${r.method} ${r.url}`)).toEqual([]);
    // Words read on the pages never appear in an address.
    expect(recorded.filter((r) => /huawei|nso(%20|\+| )group/i.test(r.url)).map((r) => r.url)).toEqual([]);
    const services = [...new Set(elsewhere.map(hostOf))].sort().join(', ');
    console.info(`[privacy] Firefox: ${opened.size} pages; ${recorded.length} requests through the proxy, ${elsewhere.length} to Firefox's own services (${services})`);
  });
});
