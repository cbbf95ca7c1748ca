/**
 * A page that renders list entries carrying HTML, script, right-to-left overrides and zero-width
 * characters with the extension's own components: the popup's EntryDetails (Preact) and the
 * content script's HoverCard. They are bundled from src/ with esbuild, as the build does, and
 * run in an ordinary page, because the extension cannot be given such an entry yet (its list
 * is the embedded one until list updates or organisation entries are wired in).
 *
 * The hover card sits in a closed shadow root; the page wraps attachShadow first so the test
 * can look inside.
 */
import { build } from 'esbuild';
import type { Entry } from '../../../src/core/model';
import { PROJECT_ROOT, type FixtureServer } from './server';

/** Each one would run or draw something if it were ever parsed as HTML or followed as a link. */
export const HOSTILE_TEXTS = {
  name: '<img src=x onerror="window.__pwned=\'name\'">NSO Group<script>window.__pwned=\'script\'</script>',
  rtl: 'Candiru \u202Egnp.exe\u202C Ltd',
  zeroWidth: 'Hua\u200Bwei\u200D Tech\uFEFFnologies',
  alias: '<svg onload="window.__pwned=\'alias\'"></svg>',
  remarks: '<iframe src="javascript:window.__pwned=\'remarks\'"></iframe><b>bold?</b>',
  reason: '"><script>window.__pwned="reason"</script>',
  listName: '<a href="javascript:window.__pwned=\'list\'">Entity List</a>',
};

export const HOSTILE_ENTRY: Entry = {
  id: 'EL-<x>',
  list: 'EL',
  listName: HOSTILE_TEXTS.listName,
  type: 'entity',
  name: HOSTILE_TEXTS.name,
  aliases: [HOSTILE_TEXTS.alias, HOSTILE_TEXTS.rtl, HOSTILE_TEXTS.zeroWidth],
  addresses: ['<img src=x onerror="window.__pwned=\'address\'">'],
  countries: ['CN'],
  remarks: HOSTILE_TEXTS.remarks,
  reason: { text: HOSTILE_TEXTS.reason, source: 'javascript:window.__pwned="source"' },
  federalRegisterNotice: '86 FR 60759 <script>window.__pwned="fr"</script>',
  federalRegisterDocument: { documentNumber: '2021-24123', url: 'javascript:window.__pwned="frdoc"', title: '<b>t</b>' },
  url: 'javascript:window.__pwned="url"',
  sourceListUrl: 'data:text/html,<script>window.__pwned="data"</script>',
  startDate: '2021-11-04',
};

const ENTRY_SCRIPT = `
import { h, render } from 'preact';
import { EntryDetails } from './src/popup/EntryDetails';
import { HoverCard } from './src/content/hover-card';

const shadowRoots = [];
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attach.call(this, init);
  shadowRoots.push(root);
  return root;
};
window.__shadowRoots = shadowRoots;

const entry = JSON.parse(document.getElementById('entry').textContent);
render(h(EntryDetails, { entry }), document.getElementById('details'));
const target = document.getElementById('mention');
const range = document.createRange();
range.selectNodeContents(target);
const card = new HoverCard(() => undefined);
const summary = { id: entry.id, name: entry.name, list: entry.list, listName: entry.listName, type: entry.type, countries: entry.countries, startDate: entry.startDate };
card.show(range, [summary, { ...summary, id: 'other', name: entry.aliases[1] }]);
window.__rendered = true;
`;

export const INERT_PAGE_PATH = '/inert/entry.html';

/** Bundles the components and serves the page that renders the hostile entry. */
export async function addInertRenderPage(server: FixtureServer): Promise<void> {
  const bundled = await build({
    stdin: { contents: ENTRY_SCRIPT, resolveDir: PROJECT_ROOT, loader: 'ts', sourcefile: 'inert-entry.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  const js = bundled.outputFiles[0]?.text ?? '';
  server.route('/inert/entry.js', () => ({ body: js, contentType: 'text/javascript; charset=utf-8' }));
  // The entry travels as JSON inside a script element of type application/json: never parsed as HTML.
  const json = JSON.stringify(HOSTILE_ENTRY).replace(/</g, '\\u003c');
  server.route(
    INERT_PAGE_PATH,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile entry</title></head><body>
<p>Mention: <span id="mention">NSO Group</span></p>
<div id="details"></div>
<script type="application/json" id="entry">${json}</script>
<script src="/inert/entry.js"></script>
</body></html>`,
  );
}
