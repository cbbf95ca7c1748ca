/**
 * Where the content script looks and where it must not: real saved pages, text that arrives
 * after load, names split by inline markup, open shadow roots, frames, hidden and editable text.
 */
import { expect, it } from 'vitest';
import { listedMentions, listedMentionsByFrame } from './harness/highlights';
import { sleep, waitFor, type Evaluator, type TestPage } from './harness/session';
import { freshUrl, inEachBrowser, useTestServer } from './harness/suite';

const server = useTestServer();

/** Time given to a scan that should find nothing, before the page is checked. */
const QUIET_MS = 1500;

/**
 * Adds a paragraph naming Candiru and waits for it to be highlighted: proof that the content
 * script runs in this document, so an empty result before it means "found nothing".
 */
async function addCanary(target: Evaluator): Promise<string[]> {
  await target.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Canary: Candiru was named in the rule.';
    document.body.append(p);
  }, undefined);
  return waitFor(() => listedMentions(target), (m) => m.includes('Candiru'));
}

inEachBrowser((_kind, browser) => {
  const open = (path: string): Promise<TestPage> => browser().open(freshUrl(server(), path));

  it('highlights a listed party on a real saved page (msn.html names Huawei)', async () => {
    const page = await open('/pages/msn.html');
    const mentions = await waitFor(() => listedMentions(page), (m) => m.includes('Huawei'));
    expect(mentions).toContain('Huawei');
    await page.close();
  });

  it('highlights nothing on a real page that names no listed party (mozilla-2.html)', async () => {
    const page = await open('/pages/mozilla-2.html');
    await sleep(QUIET_MS);
    expect(await listedMentions(page)).toEqual([]);
    expect(await addCanary(page)).toEqual(['Candiru']);
    await page.close();
  });

  it('highlights text added after the page loaded', async () => {
    const page = await open('/fixtures/later.html');
    expect(await waitFor(() => listedMentions(page), (m) => m.length > 0)).toEqual(['Candiru']);
    await page.close();
  });

  it('keeps one highlight per mention when the page moves a paragraph, at once or through a detached spell', async () => {
    const page = await open('/pages/mozilla-2.html');
    expect(await addCanary(page)).toEqual(['Candiru']);
    const settled = async (): Promise<string[]> => {
      await waitFor(() => listedMentions(page), (m) => m.length === 1 && m[0] === 'Candiru');
      await sleep(QUIET_MS);
      return listedMentions(page);
    };
    // Moved in one step: a range left on the old place would be collapsed (""), or a second one drawn.
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes('Candiru'));
      const section = document.createElement('section');
      document.body.prepend(section);
      if (p) section.append(p);
    }, undefined);
    expect(await settled()).toEqual(['Candiru']);
    // Taken out, then put back in a later task.
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes('Candiru'));
      p?.remove();
      setTimeout(() => p && document.body.append(p), 300);
    }, undefined);
    expect(await settled()).toEqual(['Candiru']);
    await page.close();
  });

  it('treats a name split across inline elements (<b>NSO</b> Group) as one mention', async () => {
    const page = await open('/fixtures/split.html');
    expect(await waitFor(() => listedMentions(page), (m) => m.length > 0)).toEqual(['NSO Group']);
    await page.close();
  });

  it('highlights a name inside an open shadow root', async () => {
    const page = await open('/fixtures/shadow.html');
    expect(await waitFor(() => listedMentions(page), (m) => m.length > 0)).toEqual(['Positive Technologies']);
    await page.close();
  });

  it('highlights a name inside an iframe, in the frame’s own document', async () => {
    const page = await open('/fixtures/frame-outer.html');
    const byFrame = await waitFor(
      () => listedMentionsByFrame(page),
      (frames) => [...frames.values()].some((m) => m.length > 0),
    );
    const inner = [...byFrame].find(([url]) => url.includes('/fixtures/frame-inner.html'));
    expect(inner?.[1]).toEqual(['Huawei']);
    expect(byFrame.get(page.address)).toEqual([]);
    await page.close();
  });

  it('leaves hidden text, textareas and inputs alone', async () => {
    const page = await open('/fixtures/hidden-and-editable.html');
    // The visible name shows the scan has run; give later passes time to add anything else.
    await waitFor(() => listedMentions(page), (m) => m.length > 0);
    await sleep(QUIET_MS);
    expect(await listedMentions(page)).toEqual(['NSO Group']);
    await page.close();
  });
});
