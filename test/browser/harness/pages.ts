/**
 * The pages the browser tests open: the demo article (the product's reference case) and small
 * fixture pages, each built to show one behaviour of the content script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, type FixtureServer } from './server';

export const DEMO_ARTICLE_PATH = join(PROJECT_ROOT, 'demo/us-blacklists-nso-group.txt');

export function demoArticleText(): string {
  return readFileSync(DEMO_ARTICLE_PATH, 'utf8');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function page(title: string, body: string, extraHead = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeText(title)}</title>
<meta name="viewport" content="width=device-width">
<style>body { font: 18px/1.6 Georgia, 'DejaVu Serif', serif; max-width: 760px; margin: 2em auto; padding: 0 1em; color: #222; }</style>
${extraHead}</head>
<body>
${body}
</body></html>`;
}

/** The article as a page: its first line the headline, each blank-line-separated block a paragraph. */
export function demoPageHtml(): string {
  const [headline = '', ...paragraphs] = demoArticleText()
    .trim()
    .split(/\n\s*\n/)
    .map((block) => block.trim());
  const body = `<article>
<h1>${escapeText(headline)}</h1>
${paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join('\n')}
</article>`;
  return page(headline, body);
}

/**
 * Fixture pages by path. Where a test must tell "skipped" from "not scanned yet", the page also
 * names one party in plain visible text: once that one is highlighted, the scan has run.
 */
export const FIXTURE_PAGES: Record<string, string> = {
  '/fixtures/later.html': page(
    'Text added after load',
    `<p>Nothing listed here yet.</p>
<script>
setTimeout(() => {
  const p = document.createElement('p');
  p.textContent = 'Added later: Candiru was named in the rule.';
  document.body.append(p);
}, 800);
</script>`,
  ),
  '/fixtures/split.html': page('Inline markup', '<p>Deals with <b>NSO</b> Group were reported.</p>'),
  '/fixtures/shadow.html': page(
    'Open shadow root',
    `<p>Outside the component nothing is listed.</p>
<div id="host"></div>
<script>
const root = document.getElementById('host').attachShadow({ mode: 'open' });
const p = document.createElement('p');
p.textContent = 'Inside a shadow root: Positive Technologies was listed.';
root.append(p);
</script>`,
  ),
  '/fixtures/frame-inner.html': page('Inner frame', '<p>In a frame: Huawei was listed in 2019.</p>'),
  '/fixtures/frame-outer.html': page(
    'A page with a frame',
    '<p>The outer page names nobody.</p>\n<iframe src="/fixtures/frame-inner.html" width="600" height="200" title="inner"></iframe>',
  ),
  '/fixtures/hidden-and-editable.html': page(
    'Hidden and editable text',
    `<p>Visible: NSO Group.</p>
<div hidden>Candiru, hidden by an attribute.</div>
<p style="display:none">Candiru, hidden by a style.</p>
<textarea rows="3" cols="40">Candiru in a textarea</textarea>
<input size="40" value="Candiru in an input">`,
  ),
};

/** The demo page at /demo.html, the fixture pages, and the real pages under /pages/. */
export function addTestPages(server: FixtureServer): void {
  server.route('/demo.html', demoPageHtml());
  for (const [path, html] of Object.entries(FIXTURE_PAGES)) server.route(path, html);
}
