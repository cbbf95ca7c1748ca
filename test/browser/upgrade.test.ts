/**
 * An upgrade of the extension, in Firefox ESR (installing the build again over itself gives the
 * background `runtime.onInstalled` with reason "update"; Chromium's driver cannot reload an
 * unpacked build): settings and a downloaded list survive it, unless the new version's own
 * snapshot is newer than the downloaded list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD_DIR, launchFirefox } from './harness/firefox';
import { startListSource, type ListSource } from './harness/list-source';
import { PROJECT_ROOT } from './harness/server';
import { waitFor } from './harness/session';
import { useBrowser, useTestServer } from './harness/suite';

const server = useTestServer();
const embedded = JSON.parse(readFileSync(join(PROJECT_ROOT, 'extension/data/bundle.json'), 'utf8')) as { dataDate: string };
const mirrorCopy = (dataDate: string): string => JSON.stringify({ ...embedded, dataDate, origin: `mirror copy of ${dataDate}` });

describe('Firefox ESR: an upgrade of the extension', () => {
  const browser = useBrowser('Firefox ESR', () => launchFirefox());
  let source: ListSource;
  /** Installs the same build again: the browser treats it as an update. */
  async function upgrade(): Promise<string | undefined> {
    await browser().browser.installExtension(FIREFOX_BUILD_DIR);
    const status = await waitFor(() => browser().message('getStatus', {}).catch(() => undefined), (s) => s !== undefined, 20_000);
    return status?.dataDate;
  }

  beforeAll(async () => {
    source = startListSource(server(), mirrorCopy('2031-01-01'));
    await browser().message('setSettings', { patch: { listUrl: source.url, highlightStyle: 'background' } });
  });

  it('keeps the settings and a downloaded list newer than its own snapshot', async () => {
    expect((await browser().message('updateNow', {})).status.dataDate).toBe('2031-01-01');
    expect(await upgrade()).toBe('2031-01-01');
    const { settings } = await browser().message('getSettings', {});
    expect(settings).toMatchObject({ listUrl: source.url, highlightStyle: 'background' });
  });

  it('uses its own snapshot when that is newer than the downloaded list', async () => {
    source.serve(mirrorCopy('2020-01-01'));
    expect((await browser().message('updateNow', {})).status.dataDate).toBe('2020-01-01');
    expect(await upgrade()).toBe(embedded.dataDate);
    expect((await browser().message('getStatus', {})).origin).toBe('embedded snapshot');
  });
});
