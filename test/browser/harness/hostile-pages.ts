/**
 * Pages written to break or probe the extension, served from the test server under /hostile/
 * (their documents are in hostile-page-sources.ts), and the readers the test uses on them: the
 * texts highlighted, and what the page's probe saw.
 */
import {
  BROKEN_APIS,
  CANARY,
  FRAME_CHILD,
  FRAMES_AND_SHADOWS,
  HUGE_TEXT,
  MILLION_NODES,
  NORMAL_PAGE,
  SVG_DOCUMENT,
  XML_DOCUMENT,
  deepPage,
} from './hostile-page-sources';
import type { FixtureServer } from './server';
import { LISTED_HIGHLIGHT_NAMES } from './highlights';
import type { Evaluator } from './session';

export { CANARY };

/** What the probe has seen so far (see PROBE_SCRIPT in hostile-page-sources.ts). */
export interface ProbeReport {
  /** Heartbeat ticks (every 50 ms while the page's event loop runs). */
  ticks: number;
  /** Long tasks of any origin (the page's own work included), where the browser reports them. */
  longTasks: number;
}

/** An ordinary page, opened after each hostile one: the extension must still work. */
export const NORMAL_PAGE_PATH = '/hostile/normal.html';

/**
 * An ordinary page under its own address, for the Firefox self-check of task attribution (a
 * throw-away add-on busies itself on this path only).
 */
export const SELF_CHECK_PAGE_PATH = '/hostile/self-check.html';

export const HOSTILE_PAGES = {
  millionNodes: '/hostile/million-nodes.html',
  /** `deep(n)`: nesting n levels deep. */
  deep: (levels: number) => `/hostile/deep-${levels}.html`,
  hugeText: '/hostile/huge-text.html',
  framesAndShadows: '/hostile/frames-and-shadows.html',
  brokenApis: '/hostile/broken-apis.html',
  svg: '/hostile/document.svg',
  xml: '/hostile/document.xml',
};

/** Depths served: Chromium's renderer dies by itself between 6,000 and 8,000 (see the test). */
export const DEPTHS = [5000, 10_000];

export function addHostilePages(server: FixtureServer): void {
  server.route(HOSTILE_PAGES.millionNodes, MILLION_NODES);
  for (const levels of DEPTHS) server.route(HOSTILE_PAGES.deep(levels), deepPage(levels));
  server.route(HOSTILE_PAGES.hugeText, HUGE_TEXT);
  server.route(HOSTILE_PAGES.framesAndShadows, FRAMES_AND_SHADOWS);
  server.route('/hostile/frame-child.html', FRAME_CHILD);
  server.route(HOSTILE_PAGES.brokenApis, BROKEN_APIS);
  server.route(HOSTILE_PAGES.svg, () => ({ body: SVG_DOCUMENT, contentType: 'image/svg+xml' }));
  server.route(HOSTILE_PAGES.xml, () => ({ body: XML_DOCUMENT, contentType: 'application/xml' }));
  server.route(NORMAL_PAGE_PATH, NORMAL_PAGE);
  server.route(SELF_CHECK_PAGE_PATH, NORMAL_PAGE);
}

/**
 * The texts registered under a highlight name, read with the registry and createRange the page
 * had before it broke them (where it did), else with the usual ones.
 */
export function highlightedTexts(target: Evaluator, names: readonly string[] = LISTED_HIGHLIGHT_NAMES): Promise<string[]> {
  return target.evaluate((highlightNames) => {
    type Originals = { registry: HighlightRegistry; createRange: () => Range };
    const orig = (window as unknown as { __orig?: Originals }).__orig;
    if (!orig && (typeof CSS === 'undefined' || !('highlights' in CSS))) return [];
    const registry = orig?.registry ?? CSS.highlights;
    const createRange = orig?.createRange ?? Document.prototype.createRange;
    const get = (Object.getPrototypeOf(registry) as HighlightRegistry).get;
    const texts: string[] = [];
    for (const highlightName of highlightNames) {
      get.call(registry, highlightName)?.forEach((abstract) => {
        const range = createRange.call(document);
        range.setStart(abstract.startContainer, abstract.startOffset);
        range.setEnd(abstract.endContainer, abstract.endOffset);
        texts.push(range.toString().replace(/\s+/g, ' ').trim());
      });
    }
    return texts;
  }, names);
}

export function readProbe(target: Evaluator): Promise<ProbeReport> {
  return target.evaluate(() => {
    const probe = (window as unknown as { __probe?: ProbeReport }).__probe;
    if (!probe) throw new Error('the page has no probe');
    return { ...probe };
  }, undefined);
}
