/** Small pages for the browser tests; real pages come from ../shared/data/pages. */
import type { TestServer } from './harness';

export const DEMO_EXPECTED = new Set([
  'NSO Group', 'NSO', 'Candiru', 'Positive Technologies', 'Computer Security Initiative Consultancy', 'Huawei',
]);

export function addFixtures(server: TestServer): void {
  const page = (body: string, head = ''): string => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
  server.routes.set(
    '/markup',
    page(`<p>Deals with <b>NSO</b> Group were reported.</p>
<div hidden>Candiru hidden by attribute</div><p style="display:none">Candiru hidden by style</p>
<textarea>Candiru in a textarea</textarea><input value="Candiru in an input"><div contenteditable="true">Candiru being edited</div>
<script>var x = "Candiru in a script";</script><noscript>Candiru in noscript</noscript>`),
  );
  server.routes.set(
    '/dynamic',
    page(`<p id="first">Nothing listed here yet.</p>
<script>setTimeout(() => { const p = document.createElement('p'); p.textContent = 'Later: Candiru was added.'; document.body.append(p); }, 800);</script>`),
  );
  server.routes.set(
    '/shadow',
    page(`<p>Outside the component.</p><div id="host"></div>
<script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>Inside a shadow root: Positive Technologies.</p>';</script>`),
  );
  server.routes.set('/frame-inner', page('<p>In a frame: Computer Security Initiative Consultancy PTE. LTD.</p>'));
  server.routes.set('/iframe', page('<p>Outer page without names.</p><iframe src="/frame-inner" width="600" height="200"></iframe>'));
  server.routes.set(
    '/typing',
    page('<div style="height:300px"></div><p style="margin:0">Reply about Candiru here:</p><input id="q" style="display:block;width:500px;height:40px;margin:0">'),
  );
  server.routes.set('/plain', page('<p>An ordinary page about positive technologies for health, a candiru fish and the arsenal of a museum.</p>'));
}
