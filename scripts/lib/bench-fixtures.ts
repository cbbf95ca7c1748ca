/**
 * The pages the browser benchmark loads: the largest saved real pages (each with one paragraph
 * naming a listed party added at its very end, so that "highlighted" always has a last, worst
 * case mention to wait for), a synthetic page of a given size made of real page text, and a
 * dynamic page that keeps appending paragraphs.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_PAGES_DIR } from '../../test/browser/harness/server';
import { visibleText } from './html-text';
import { LISTED_HIGHLIGHT_IN_PAGE } from './bench-chromium';
import { MARKER_ID, MARKER_NAME, markerParagraph } from './bench-pages';

export function largestPages(count: number): string[] {
  return readdirSync(SHARED_PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ f, size: statSync(join(SHARED_PAGES_DIR, f)).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, count)
    .map((x) => x.f);
}

export function readPage(file: string): string {
  return readFileSync(join(SHARED_PAGES_DIR, file), 'utf8');
}

/** The saved page with the marker paragraph as the last thing in its body. */
export function withMarker(html: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? `${html}${markerParagraph}` : `${html.slice(0, at)}${markerParagraph}${html.slice(at)}`;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Paragraphs of real visible text (from every saved page), 200 to 800 characters each. */
export function realParagraphs(): string[] {
  const files = readdirSync(SHARED_PAGES_DIR).filter((f) => f.endsWith('.html'));
  const out: string[] = [];
  for (const f of files) {
    let current = '';
    for (const line of visibleText(readPage(f)).split('\n')) {
      const words = line.trim();
      if (!words) continue;
      current = current ? `${current} ${words}` : words;
      if (current.length >= 200) {
        out.push(current.slice(0, 800));
        current = '';
      }
    }
  }
  return out;
}

/**
 * About `chars` characters of HTML: real paragraphs under headings, one in forty naming a listed
 * party in passing (`names`, in turn), and the marker paragraph last.
 */
export function syntheticPage(chars: number, paragraphs: string[], names: string[]): string {
  const parts = ['<!doctype html><html><head><meta charset="utf-8"><title>Synthetic page</title></head><body><main>'];
  let size = parts[0]?.length ?? 0;
  for (let i = 0; size < chars; i++) {
    const text = paragraphs[i % paragraphs.length] ?? '';
    const name = i % 40 === 39 ? ` Among the suppliers named was ${names[(i / 40) % names.length | 0] ?? MARKER_NAME}.` : '';
    const part = `${i % 25 === 0 ? `<h2>Section ${i / 25 + 1}</h2>` : ''}<p>${escapeHtml(text + name)}</p>\n`;
    parts.push(part);
    size += part.length;
  }
  parts.push(`</main>${markerParagraph}</body></html>`);
  return parts.join('');
}

/**
 * A page that appends `perSecond` paragraphs a second (in ten batches) for `seconds` when
 * `__startFeed()` is called; with `follow` it keeps its newest lines in view, as a chat or a log
 * does, else they go below the view. Every tenth paragraph names the marker party. Its lag is
 * how long it stayed within a screen of the viewport without a highlight: from its append to the
 * first highlight covering it, or to when the page scrolled it away unhighlighted (then counted
 * apart too). Those already further than a screen once their batch came are counted as scrolled
 * past: the extension draws no others, and nobody could see them.
 */
export function dynamicPage(paragraphs: string[]): string {
  const script = `
const feedTexts = ${JSON.stringify(paragraphs.slice(0, 400)).replace(/</g, '\\u003c')};
window.__feed = { appended: 0, tagged: 0, passed: 0, leftUnseen: 0, lags: [], pending: new Map() };
window.__startFeed = (perSecond, seconds, follow) => new Promise((done) => {
  const feed = document.getElementById('feed');
  const state = window.__feed;
  let ticks = 0;
  const watch = setInterval(() => {
    const highlight = ${LISTED_HIGHLIGHT_IN_PAGE};
    if (!highlight || state.pending.size === 0) return;
    const now = performance.now();
    for (const range of highlight) {
      const p = range.startContainer.parentElement;
      const t = state.pending.get(p);
      if (t !== undefined) { state.lags.push(now - t); state.pending.delete(p); }
    }
  }, 5);
  const timer = setInterval(() => {
    const now = performance.now();
    const fresh = [];
    for (let i = 0; i < perSecond / 10; i++) {
      const n = state.appended++;
      const p = document.createElement('p');
      p.textContent = feedTexts[n % feedTexts.length] + (n % 10 === 0 ? ' Shipments to ${MARKER_NAME} resumed.' : '');
      if (n % 10 === 0) { fresh.push(p); state.tagged++; }
      feed.appendChild(p);
    }
    const scroller = document.scrollingElement;
    if (follow) scroller.scrollTop = scroller.scrollHeight;
    const near = (p) => {
      const box = p.getBoundingClientRect();
      return box.bottom > -innerHeight && box.top < 2 * innerHeight;
    };
    for (const [p, t] of state.pending) {
      if (near(p)) continue;
      state.lags.push(now - t);
      state.leftUnseen++;
      state.pending.delete(p);
    }
    for (const p of fresh) {
      if (near(p)) state.pending.set(p, now);
      else state.passed++;
    }
    if (++ticks >= seconds * 10) {
      clearInterval(timer);
      setTimeout(() => { clearInterval(watch); done({ appended: state.appended, tagged: state.tagged, passed: state.passed, leftUnseen: state.leftUnseen, missed: state.pending.size, lags: state.lags }); }, 2000);
    }
  }, 100);
});`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Dynamic page</title></head><body><h1>Live feed</h1><div id="feed"></div><p id="${MARKER_ID}">Feed below.</p><script>${script}</script></body></html>`;
}
