/**
 * The highlight styles reach the screen: a name nested deep in the page's elements, and one in
 * an open shadow root, are painted in the highlight's colours, and ordinary words beside them are
 * not. The other tests read the highlight registry; this one looks at the pixels, because a
 * registered range with no style rule reaching its text is invisible to the reader.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { listedMentions, mentionBox, type Box } from './harness/highlights';
import { readPng, type Picture } from './harness/png';
import { removeDir, waitFor, type TestPage } from './harness/session';
import { freshUrl, inEachBrowser, useTestServer } from './harness/suite';

const NESTED_NAME = 'Huawei Technologies Co., Ltd';
const SHADOW_NAME = 'NSO Group';
const PLAIN_WORDS = 'Ordinary Garden Supplies';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Nested names</title>
<style>body { background: #fff; color: #000; font: 28px/1.8 sans-serif; margin: 24px; }</style></head>
<body><article><section><div><p>Beside it: <span><em><b>${PLAIN_WORDS}</b></em></span> sells tools.</p>
<p>Named: <span><em><b>${NESTED_NAME}</b></em></span> was added.</p></div></section></article>
<div id="host"></div>
<script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>Also <span><i>${SHADOW_NAME}</i></span> here.</p>';</script>
</body></html>`;

const server = useTestServer();
const shots = mkdtempSync(join(tmpdir(), 'listed-parties-paint-'));
afterAll(() => removeDir(shots));

/** Share of the box's pixels tinted orange (the highlight's background or underline); text and page are grey. */
function tintedShare(picture: Picture, box: Box, scale: number): number {
  let tinted = 0;
  let all = 0;
  for (let y = Math.ceil(box.y * scale); y < Math.floor((box.y + box.height) * scale); y++) {
    for (let x = Math.ceil(box.x * scale); x < Math.floor((box.x + box.width) * scale); x++) {
      if (x < 0 || y < 0 || x >= picture.width || y >= picture.height) continue;
      const [r, g, b] = picture.rgb(x, y);
      all++;
      if (r - b > 15 && g - b > 5) tinted++;
    }
  }
  return all === 0 ? 0 : tinted / all;
}

/** The box of the first line of the page's plain words, in viewport coordinates. */
function plainWordsBox(page: TestPage): Promise<Box | null> {
  return page.evaluate((words) => {
    const b = [...document.querySelectorAll('b')].find((el) => el.textContent === words);
    const rect = b?.getClientRects()[0];
    return rect ? { x: rect.left, y: rect.top, width: rect.width, height: rect.height } : null;
  }, PLAIN_WORDS);
}

inEachBrowser((kind, browser) => {
  it('paints a name nested in the page, and one in a shadow root, in the highlight colours', async () => {
    server().route('/fixtures/nested-paint.html', PAGE);
    const page = await browser().open(freshUrl(server(), '/fixtures/nested-paint.html'));
    try {
      await page.setViewport(1000, 700);
      const found = await waitFor(() => listedMentions(page), (m) => m.includes(NESTED_NAME) && m.includes(SHADOW_NAME));
      expect(found).toEqual(expect.arrayContaining([NESTED_NAME, SHADOW_NAME]));
      const nested = await mentionBox(page, NESTED_NAME);
      const shadow = await mentionBox(page, SHADOW_NAME);
      const plain = await plainWordsBox(page);
      expect(nested && shadow && plain).toBeTruthy();
      if (!nested || !shadow || !plain) return;
      const scale = await page.evaluate(() => window.devicePixelRatio, undefined);
      const path = join(shots, `nested-${kind}.png`);
      await page.screenshot(path);
      const picture = readPng(path);
      const shares = { nested: tintedShare(picture, nested, scale), shadow: tintedShare(picture, shadow, scale), plain: tintedShare(picture, plain, scale) };
      expect(shares.plain).toBeLessThan(0.02);
      expect(shares.nested).toBeGreaterThan(0.3);
      expect(shares.shadow).toBeGreaterThan(0.3);
    } finally {
      await page.close();
    }
  });
});
