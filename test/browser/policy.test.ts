/**
 * An organisation's deployment, with real policy files: Chromium force-installs the extension
 * from a self-hosted update URL (ExtensionInstallForcelist) and configures it through
 * `3rdparty`; Firefox ESR reads the same settings from policies.json. Policy files are
 * machine-wide: each is removed after its browser closes, and browser test files run one at a
 * time (vitest.config.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, launchChromium } from './harness/chromium';
import { launchFirefox, GECKO_ID } from './harness/firefox';
import { listedMentions } from './harness/highlights';
import { listItems, openExplanation } from './harness/popup';
import {
  CHROMIUM_POLICY_FILE, FIREFOX_POLICY_FILE, chromiumPolicy, firefoxPolicy, policyFile, serveSelfHostedCrx, type PolicyFile,
} from './harness/policy';
import type { FixtureServer } from './harness/server';
import { LIST_PATH, officialListJson, startListSource, type ListSource } from './harness/list-source';
import { waitFor, type BrowserSession, type TestPage } from './harness/session';
import { freshUrl, useBrowser, useTestServer } from './harness/suite';

const server = useTestServer();

const CUSTOM_NAME = 'Northwind Precision Tooling';
const CUSTOM_ALIAS = 'Northwind Tooling';
const CUSTOM_REASON = 'Internal compliance review 2026-07: diverted shipments.';
const LATER_NAME = 'Eastgate Optical Supplies';
const LIST_ONLY_NAME = 'Zephyr Quantum Dynamics Limited';

/** A policy with every kind of value, and a few an administrator got wrong. */
const BASE_POLICY = {
  customEntries: [
    { name: CUSTOM_NAME, aliases: [CUSTOM_ALIAS], country: 'FR', reason: CUSTOM_REASON, url: 'https://intranet.example.com/parties/northwind' },
    { aliases: ['no name given'] },
  ],
  // The test server is 127.0.0.1; "localhost" reaches the same pages under an excluded name.
  // More sites than are accepted (1,000): the first thousand apply.
  excludedSites: ['localhost', ...Array.from({ length: 1500 }, (_, i) => `site-${i}.example`)],
  includeIndividuals: 'yes',
  colourScheme: 'dark',
  lists: ['EL', 'SDN', 'MEU', 'NOT-A-LIST'],
  updateIntervalHours: 0,
  lockSettings: true,
};
/** The policy, with the list source on this run's server. */
const policy = (): typeof BASE_POLICY & { listUrl: string } => ({ ...BASE_POLICY, listUrl: server().url(LIST_PATH) });

let listSource: ListSource | undefined;
function addPolicyPages(s: FixtureServer): void {
  listSource ??= startListSource(s, officialListJson([LIST_ONLY_NAME]));
  s.route(
    '/policy/custom.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Suppliers</title></head><body>
<p>Our buyer met ${CUSTOM_NAME} in Lyon last week; later mails say ${CUSTOM_ALIAS}.</p>
<p>Unrelated: NSO Group was named by the Commerce Department.</p>
<p>Newly restricted: ${LATER_NAME}.</p>
<p>Only in the organisation's copy of the list: ${LIST_ONLY_NAME}.</p>
</body></html>`,
  );
}

/** The same path under the excluded host name. */
const onLocalhost = (url: string): string => url.replace('://127.0.0.1:', '://localhost:');

async function expectCustomEntryExplained(browser: BrowserSession, page: TestPage): Promise<void> {
  const tabId = await browser.tabIdOf(page);
  const popup = await browser.openPopup(tabId);
  try {
    const items = await waitFor(() => listItems(popup, /on this page/i), (i) => i.some((x) => x.text.includes(CUSTOM_NAME)), 10_000);
    const item = items.find((x) => x.text.includes(CUSTOM_NAME));
    expect(item, `popup lists: ${items.map((i) => i.text.split('\n')[0]).join(' | ')}`).toBeDefined();
    if (!item) return;
    const text = await openExplanation(popup, item);
    expect(text).toMatch(/your organisation/i);
    expect(text).toContain(CUSTOM_REASON);
  } finally {
    await popup.close();
  }
}

async function expectOptionsLocked(browser: BrowserSession): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  try {
    const state = await waitFor(
      () =>
        options.evaluate(() => {
          const notice = document.getElementById('managed-notice');
          const listBoxes = [...document.querySelectorAll('fieldset.lists input[type=checkbox]')];
          const siteInputs = [...document.querySelectorAll('section input[type=text], section input:not([type])')];
          const styles = [...document.querySelectorAll('fieldset.styles input')];
          return {
            notice: notice && !notice.hidden ? (notice as HTMLElement).innerText : '',
            listsTotal: listBoxes.length,
            listsDisabled: listBoxes.filter((b) => b.matches(':disabled')).length,
            listsChecked: listBoxes.filter((b) => (b as HTMLInputElement).checked).length,
            sitesDisabled: siteInputs.length > 0 && siteInputs.every((b) => b.matches(':disabled')),
            stylesEnabled: styles.length > 0 && styles.every((b) => !b.matches(':disabled')),
          };
        }, undefined),
      (s) => s.notice !== '' && s.listsTotal > 0,
      10_000,
    );
    expect(state.notice).toMatch(/managed by your organisation/i);
    // The one bad value is named for the administrator; the rest applied.
    expect(state.notice).toMatch(/NOT-A-LIST/);
    expect(state.notice).toMatch(/customEntries\[1\]/);
    expect(state.notice).toMatch(/excludedSites: only the first 1000 of 1501/);
    // A value of the wrong type is not applied (Chromium may already drop it by the schema).
    const { settings, locked } = await browser.message('getSettings', {});
    expect(settings.includeIndividuals).toBe(false);
    expect(locked).not.toContain('includeIndividuals');
    expect(settings.excludedSites).toHaveLength(1000);
    expect(state.listsDisabled).toBe(state.listsTotal);
    expect(state.listsChecked).toBe(3);
    expect(state.sitesDisabled).toBe(true);
    // Not set by the policy: still the user's.
    expect(state.stylesEnabled).toBe(true);
  } finally {
    await options.close();
  }
}

/** The custom entry highlighted, and the same page under an excluded host name left alone. */
async function expectPolicyOnPages(browser: BrowserSession): Promise<TestPage> {
  const excluded = await browser.open(onLocalhost(freshUrl(server(), '/policy/custom.html')));
  const page = await browser.open(freshUrl(server(), '/policy/custom.html'));
  const mentions = await waitFor(() => listedMentions(page), (m) => m.length >= 3, 30_000);
  expect(mentions).toEqual(expect.arrayContaining([CUSTOM_NAME, CUSTOM_ALIAS, 'NSO Group']));
  // The same page elsewhere is highlighted by now: the excluded one has had its chance.
  expect(await listedMentions(excluded)).toEqual([]);
  await excluded.close();
  return page;
}

/** Custom entry highlighted and explained; excluded host not scanned; options locked. */
function checksThroughExtensionPages(browser: () => BrowserSession): void {
  it("highlights the organisation's own party, explains it as the organisation's, and skips the excluded site", async () => {
    const page = await expectPolicyOnPages(browser());
    await expectCustomEntryExplained(browser(), page);
    await page.close();
  });

  it('says the options are managed, names the ignored values, and locks what the policy set', async () => {
    await expectOptionsLocked(browser());
    // The popup's "pause on this site" changes the sites list, which the policy locks.
    await expect(browser().message('setPaused', { scope: 'site', host: 'news.example.org', paused: true })).rejects.toThrow(/set by your organisation/);
  });

  it("takes list updates from the policy's listUrl", async () => {
    const reply = await browser().message('updateNow', {});
    expect(reply.error).toBeUndefined();
    expect(reply.status.origin).toContain(LIST_PATH);
    const page = await browser().open(freshUrl(server(), '/policy/custom.html'));
    const mentions = await waitFor(() => listedMentions(page), (m) => m.includes(LIST_ONLY_NAME), 20_000);
    expect(mentions).toContain(LIST_ONLY_NAME);
    await page.close();
  });
}

/**
 * Declares, for the enclosing describe: the policy file written before the browser starts, and
 * removed after it closes.
 */
function underPolicy<S extends BrowserSession>(path: string, content: () => unknown, launch: () => Promise<S>): { browser: () => S; file: () => PolicyFile } {
  let file: PolicyFile | undefined;
  // Registered before the browser's hooks: after-hooks run in reverse, so the file goes last.
  afterAll(() => file?.remove());
  const browser = useBrowser('the browser', async () => {
    addPolicyPages(server());
    file = policyFile(path);
    file.write(content());
    return launch();
  });
  return {
    browser,
    file: () => {
      if (!file) throw new Error('no policy file was written');
      return file;
    },
  };
}

describe('Chromium, force-installed from a self-hosted update URL (ExtensionInstallForcelist)', () => {
  let id = '';
  const { browser } = underPolicy(
    CHROMIUM_POLICY_FILE,
    () => {
      const crx = serveSelfHostedCrx(server());
      id = crx.id;
      return chromiumPolicy(crx.id, policy(), crx.updateUrl);
    },
    () => launchChromium({ forceInstalledId: id }),
  );

  /**
   * The browser fetches and installs the CRX in the background after it starts, and content
   * scripts reach only pages loaded after that: a page is loaded again until it is scanned.
   */
  async function untilInstalled(): Promise<void> {
    const probe = await browser().open(freshUrl(server(), '/policy/custom.html'));
    const end = Date.now() + 70_000;
    while ((await waitFor(() => listedMentions(probe), (m) => m.length > 0, 3_000)).length === 0 && Date.now() < end) {
      await probe.navigate(freshUrl(server(), '/policy/custom.html'));
    }
    await probe.close();
  }

  it('installs the signed CRX by itself and applies the policy’s settings to pages', async () => {
    await untilInstalled();
    // Nothing but the policy installs it: the highlights prove it runs, with the custom entry.
    await (await expectPolicyOnPages(browser())).close();
  });
});

describe('Chromium, configured by a policy file (3rdparty)', () => {
  const { browser, file } = underPolicy(CHROMIUM_POLICY_FILE, () => chromiumPolicy(CHROME_EXTENSION_ID, policy()), () => launchChromium());

  checksThroughExtensionPages(browser);

  it('applies a changed policy without a browser restart', async () => {
    file().write(chromiumPolicy(CHROME_EXTENSION_ID, { ...policy(), customEntries: [...BASE_POLICY.customEntries, { name: LATER_NAME }], lockSettings: false }));
    const page = await browser().open(freshUrl(server(), '/policy/custom.html'));
    // Chromium notices the changed file after a short settle time, then tells the extension.
    const mentions = await waitFor(() => listedMentions(page), (m) => m.includes(LATER_NAME), 60_000);
    expect(mentions).toContain(LATER_NAME);
    const settings = await browser().message('getSettings', {});
    expect(settings.locked).toEqual([]);
    await page.close();
  });
});

describe('Firefox ESR, configured by policies.json', () => {
  const { browser } = underPolicy(FIREFOX_POLICY_FILE, () => firefoxPolicy(GECKO_ID, policy()), () => launchFirefox());

  checksThroughExtensionPages(browser);
});
