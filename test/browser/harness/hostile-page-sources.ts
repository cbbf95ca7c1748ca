/**
 * The documents of the hostile pages (see hostile-pages.ts, which serves them), generated at
 * run time. Each HTML page starts with a probe script (before anything hostile runs) that keeps
 * a heartbeat.
 *
 * Sizes follow the issue (a million text nodes, 10,000 levels, one 20 MB text node, 200 frames)
 * but the pages build themselves with script, so the server sends a few kilobytes.
 */

/**
 * A party every hostile page names once, last in the document: highlighted ⇒ the scan got there.
 * Pinned in view: past a hundred mentions only those near the viewport are drawn.
 */
export const CANARY = 'NSO Group';
const CANARY_HTML = `<p id="canary" style="position: fixed; top: 0; right: 0; margin: 0; background: #fff">Canary: ${CANARY} was added to the Entity List.</p>`;

/**
 * Runs first on every HTML fixture, keeping its own references so that the page breaking
 * globals later does not blind it. (It cannot tell whose the long tasks are: Long Animation
 * Frames leave extension scripts out in Chromium. task-trace.ts does that from a trace.)
 * What it counts is read as a ProbeReport (hostile-pages.ts).
 */
const PROBE_SCRIPT = `<script>
(() => {
  const probe = { ticks: 0, longTasks: 0 };
  Object.defineProperty(window, '__probe', { value: probe });
  setInterval(() => { probe.ticks += 1; }, 50);
  const types = (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes) || [];
  if (types.includes('longtask')) {
    new PerformanceObserver((list) => { probe.longTasks += list.getEntries().length; }).observe({ type: 'longtask', buffered: true });
  }
})();
</script>`;

function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${PROBE_SCRIPT}</head>
<body>
${body}
</body></html>`;
}

/**
 * A million text nodes: 10,000 paragraphs of 100 words, each word its own text node. Building
 * them is the page's own task of about a second (in Firefox under the profiler), the one the
 * profiler once named as the extension's (see gecko-stacks.ts).
 */
export const MILLION_NODES = htmlPage(
  'A million text nodes',
  `<div id="many"></div>
<script>
(() => {
  const words = ['market', 'report', 'shares', 'export', 'license', 'policy', 'trade', 'review'];
  const frag = document.createDocumentFragment();
  for (let p = 0; p < 10000; p++) {
    const el = document.createElement('p');
    for (let i = 0; i < 100; i++) el.appendChild(document.createTextNode(words[(p + i) % words.length] + ' '));
    frag.appendChild(el);
  }
  document.getElementById('many').appendChild(frag);
  window.__textNodes = 10000 * 100;
})();
</script>
${CANARY_HTML}`,
);

/**
 * Nesting 10,000 deep: inline spans, so all of it is one block of text and every ancestor walk
 * is as long as it can be, with text at the bottom only. The nest sits in a
 * content-visibility:auto box below the fold: laid out, 10,000 nested elements crash Chromium's
 * renderer by themselves, with or without the extension. Skipped by layout, the text is still
 * there for a reader to scroll to, so the extension must read it.
 */
export const deepPage = (levels: number): string => htmlPage(
  `Nesting ${levels} deep`,
  `<div id="deep" style="content-visibility: auto; contain-intrinsic-size: 800px 500px; margin-top: 2000px"></div>
<script>
(() => {
  const levels = ${levels};
  let el = document.getElementById('deep');
  for (let depth = 0; depth < levels; depth++) {
    const span = document.createElement('span');
    el.appendChild(span);
    el = span;
  }
  el.appendChild(document.createTextNode('At the bottom of the nest: Candiru was listed.'));
})();
</script>
${CANARY_HTML}`,
);

/**
 * One 20 MB text node naming Huawei every 200,000 characters, in a content-visibility:auto box
 * below the fold (laying out 20 MB of text would be the page's own cost, not the extension's).
 */
export const HUGE_TEXT = htmlPage(
  'One 20 MB text node',
  `<div id="huge" style="content-visibility: auto; contain-intrinsic-size: 800px 5000px; margin-top: 2000px"></div>
<script>
(() => {
  const piece = 'lorem ipsum dolor sit amet '.repeat(7400).slice(0, 199980);
  const chunk = piece + ' Huawei. ';
  const big = chunk.repeat(Math.ceil(20e6 / chunk.length)).slice(0, 20e6);
  document.getElementById('huge').appendChild(document.createTextNode(big));
})();
</script>
${CANARY_HTML}`,
);

/** A small page for the frames that load by address. */
export const FRAME_CHILD = htmlPage('Frame child', '<p>In a loaded frame: Positive Technologies was listed.</p>');

/**
 * 200 frames of every kind (loaded by address, srcdoc, about:blank written by script, nested),
 * and closed shadow roots the extension cannot (and must not try to) enter.
 */
export const FRAMES_AND_SHADOWS = htmlPage(
  'Frames and closed shadow roots',
  `<div id="frames"></div>
<div id="closed-host"></div>
<script>
(() => {
  const host = document.getElementById('frames');
  for (let i = 0; i < 200; i++) {
    const f = document.createElement('iframe');
    f.width = '120'; f.height = '60'; f.title = 'frame ' + i;
    if (i % 4 === 0) f.src = '/hostile/frame-child.html?i=' + i;
    else if (i % 4 === 1) f.srcdoc = '<p>srcdoc frame ' + i + ': Candiru was listed.</p>';
    else if (i % 4 === 2) f.srcdoc = '<p>outer srcdoc ' + i + '</p><iframe srcdoc="<p>nested srcdoc: Huawei</p>"></iframe>';
    host.appendChild(f);
    if (i % 4 === 3) {
      const d = f.contentDocument;
      d.open(); d.write('<p>about:blank frame ' + i + ': Candiru was listed.</p>'); d.close();
    }
  }
  // Closed roots, one inside another, with a listed name only inside.
  const outer = document.getElementById('closed-host').attachShadow({ mode: 'closed' });
  const inner = document.createElement('div');
  outer.append(Object.assign(document.createElement('p'), { textContent: 'Closed: Candiru, the spyware firm' }), inner);
  inner.attachShadow({ mode: 'closed' }).append(Object.assign(document.createElement('p'), { textContent: 'Closed twice: Huawei' }));
})();
</script>
${CANARY_HTML}`,
);

/**
 * A page that breaks every DOM API the content script uses (in its own world: the extension's
 * isolated world must not care), defines the hover card's element name itself, floods the
 * window with messages and events that look like the extension's, sends synthetic pointer
 * events, and rewrites part of itself on every animation frame.
 */
export const BROKEN_APIS = htmlPage(
  'Broken APIs, fake messages, endless rewriting',
  `<p id="rewritten">Rewritten every frame.</p>
<script>
(() => {
  const say = (what) => () => { throw new Error('hostile page: ' + what + ' is broken here'); };
  // Kept for the page's own rewriting loop below.
  const raf = window.requestAnimationFrame.bind(window);
  const setText = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').set;
  const setAttr = Element.prototype.setAttribute;
  const rewritten = document.getElementById('rewritten');
  let frame = 0;
  const names = ['NSO Group', 'Candiru', 'nothing listed', 'Huawei'];
  const rewrite = () => {
    frame += 1;
    setText.call(rewritten, 'Frame ' + frame + ': ' + names[frame % names.length] + ' in the news.');
    setAttr.call(rewritten, 'class', 'c' + (frame % 3));
    setAttr.call(rewritten, 'style', frame % 2 ? 'color: #222' : 'color: #333');
    raf(rewrite);
  };
  raf(rewrite);
  const fakes = [
    { type: 'match', payload: { texts: ['NSO Group'] } },
    { type: 'setSettings', payload: { paused: true } },
    { type: 'setPaused', payload: { paused: true, scope: 'global' } },
    { type: 'reveal', payload: { entryId: 'EL-0', index: 0 } },
    { type: 'rescan', payload: {} },
    { type: 'reportFound', payload: { found: [{ id: 'EL-0', count: 999 }] } },
  ];
  setInterval(() => {
    for (const f of fakes) {
      window.postMessage(f, '*');
      window.postMessage(JSON.stringify(f), '*');
      document.dispatchEvent(new CustomEvent(f.type, { detail: f }));
      document.dispatchEvent(new CustomEvent('listed-parties:' + f.type, { detail: f }));
    }
    // The extension declares no externally_connectable: a page cannot reach it this way.
    try { if (window.chrome && chrome.runtime && chrome.runtime.sendMessage) chrome.runtime.sendMessage('bbfkmeefeddgdbldelfbiahcjfbplmai', fakes[1]); } catch (e) { /* expected */ }
    // Synthetic pointer and key events, aimed at the canary.
    const c = document.getElementById('canary');
    if (c) {
      const r = c.getBoundingClientRect();
      document.dispatchEvent(new MouseEvent('mousemove', { clientX: r.left + 60, clientY: r.top + r.height / 2, bubbles: true }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    }
  }, 100);
  // The hover card's tag, taken by the page: its constructor opens a shadow root and throws.
  customElements.define('listed-party-card', class extends HTMLElement {
    constructor() { super(); this.attachShadow({ mode: 'open' }); window.__cardHijacks = (window.__cardHijacks || 0) + 1; }
  });
  // The test reads the highlights with these (the page breaks the usual way in).
  Object.defineProperty(window, '__orig', { value: { registry: CSS.highlights, createRange: Document.prototype.createRange } });
  // Every API the content script uses, broken in the page's world.
  window.MutationObserver = say('MutationObserver');
  window.Range = say('Range');
  window.StaticRange = say('StaticRange');
  window.Highlight = say('Highlight');
  window.requestIdleCallback = () => 0;
  window.cancelIdleCallback = () => undefined;
  Document.prototype.createRange = say('createRange');
  Document.prototype.createTreeWalker = say('createTreeWalker');
  Document.prototype.caretPositionFromPoint = say('caretPositionFromPoint');
  Document.prototype.caretRangeFromPoint = say('caretRangeFromPoint');
  Element.prototype.attachShadow = say('attachShadow');
  Element.prototype.checkVisibility = say('checkVisibility');
  Element.prototype.getClientRects = say('getClientRects');
  for (const m of ['appendChild', 'insertBefore', 'removeChild', 'replaceChild', 'contains', 'compareDocumentPosition']) Node.prototype[m] = say('Node.' + m);
  for (const p of ['isConnected', 'parentNode', 'parentElement', 'nodeType', 'textContent']) Object.defineProperty(Node.prototype, p, { get: say('Node.' + p), configurable: true });
  for (const m of ['set', 'get', 'delete', 'clear', 'has']) { try { CSS.highlights[m] = say('CSS.highlights.' + m); } catch (e) { /* frozen */ } }
  Object.defineProperty(CSS, 'highlights', { get: say('CSS.highlights') });
})();
</script>
${CANARY_HTML}`,
);

/** A standalone SVG document (the content script runs with no <body>). */
export const SVG_DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="200" viewBox="0 0 800 200">
  <text x="10" y="40" font-size="20">An SVG document naming NSO Group and Candiru.</text>
  <text x="10" y="80" font-size="20"><tspan>Split across </tspan><tspan>tspans: Huawei</tspan></text>
  <foreignObject x="10" y="100" width="700" height="80">
    <p xmlns="http://www.w3.org/1999/xhtml">XHTML inside SVG: Positive Technologies.</p>
  </foreignObject>
</svg>`;

/** A standalone XML document with no HTML or SVG at all. */
export const XML_DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?>
<feed>
  <entry><title>NSO Group added to the Entity List</title><summary>Candiru too.</summary></entry>
  <entry><title><![CDATA[<b>Huawei</b> & partners]]></title></entry>
</feed>`;

/** An ordinary page, opened after each hostile one: the extension must still work. */
export const NORMAL_PAGE = htmlPage('An ordinary page', `<p>The Commerce Department added ${CANARY} to the Entity List.</p>`);
