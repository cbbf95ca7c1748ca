/**
 * One page load, measured: the page's main-thread tasks from a trace, the time from the load
 * event to the first highlight and to the highlight of a listed name placed at the very end of
 * the page, and the tab's heap. Three ways to load it: without any highlighter, with the
 * extension, and with mark.js run by the page at load (the common way highlighters work:
 * wrapping each match in a <mark> element).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { EXTENSION_ORIGIN, LISTED_HIGHLIGHT_IN_PAGE, heapAfterGc, sleep, type HeapFigures } from './bench-chromium';
import { mainThreadFigures, startTrace, stopTrace, type MainThreadFigures } from './bench-trace';
import { PROJECT_ROOT } from '../../test/browser/harness/server';

/**
 * A name the extension flags on its own; the last paragraph of every measured page holds it. The
 * paragraph is last in the page's text but pinned to the bottom of the viewport: on a page with
 * more than a hundred mentions the extension draws only those near the viewport, and this one
 * must be drawn as soon as it is found.
 */
export const MARKER_NAME = 'Huawei Technologies Co., Ltd.';
export const MARKER_ID = 'bench-marker';
export const markerParagraph = `<p id="${MARKER_ID}" style="position: fixed; left: 0; bottom: 0; margin: 0; background: #fff">Last paragraph of the page: ${MARKER_NAME} is named here.</p>`;

export type Variant = { kind: 'none' } | { kind: 'extension' } | { kind: 'markjs'; label: string; names?: string[]; regexSource?: string };

export interface PageRun {
  loadMs: number;
  main: MainThreadFigures;
  /** From the load event to the first highlight drawn (extension) or mark.js finishing, ms. */
  firstHighlightMs: number | null;
  /** From the load event to the highlight of the name at the page's end, ms. */
  markerMs: number | null;
  highlights: number;
  heap?: HeapFigures;
  /** mark.js only: true when it had not finished within the time allowed. */
  timedOut?: boolean;
}

/**
 * Runs in the page before its own content: watches the highlight registry every 5 ms and notes
 * when the first highlight and the marker's highlight appear. Source text, not a function: the
 * TypeScript runner may add helpers to compiled functions that do not exist in the page.
 */
const probeInPage = `(() => {
  const probe = { first: -1, marker: -1, count: 0, lastChange: 0, markDone: -1, markCount: 0 };
  Object.defineProperty(window, '__benchProbe', { value: probe });
  setInterval(() => {
    const highlight = ${LISTED_HIGHLIGHT_IN_PAGE};
    const n = highlight ? highlight.size : 0;
    if (n === probe.count) return;
    const now = performance.now();
    probe.count = n;
    probe.lastChange = now;
    if (n > 0 && probe.first < 0) probe.first = now;
    const marker = document.getElementById('${MARKER_ID}');
    if (probe.marker < 0 && marker && highlight) {
      for (const range of highlight) if (marker.contains(range.startContainer)) probe.marker = now;
    }
  }, 5);
})();`;

/** Runs in the page after mark.js's own source: marks the names (or one RegExp) after load. */
const markAfterLoad = (names: string[] | null, regexSource: string | null): string => `(() => {
  const names = ${JSON.stringify(names)};
  const regexSource = ${JSON.stringify(regexSource)};
  addEventListener('load', () => setTimeout(() => {
    const probe = window.__benchProbe;
    const options = { separateWordSearch: false, done: (count) => { probe.markDone = performance.now(); probe.markCount = count; } };
    const instance = new Mark(document.body);
    if (regexSource) instance.markRegExp(new RegExp(regexSource, 'gi'), options);
    else instance.mark(names, options);
  }, 0));
})();`;

let markSource: string | undefined;
function markJs(): string {
  markSource ??= readFileSync(join(PROJECT_ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  return markSource;
}

interface ProbeState {
  first: number;
  marker: number;
  count: number;
  lastChange: number;
  markDone: number;
  markCount: number;
  load: number;
  marks: number;
}

const readProbe = `(() => {
  const p = window.__benchProbe;
  const nav = performance.getEntriesByType('navigation')[0];
  return { ...p, load: nav ? nav.loadEventEnd : 0, marks: document.getElementsByTagName('mark').length };
})()`;

export interface MeasureOptions {
  /** How long to wait for the marker's highlight (or mark.js), ms. */
  patienceMs: number;
  /** Quiet time after the last change before the run ends, ms. */
  quietMs: number;
}

export async function measurePage(browser: Browser, url: string, variant: Variant, options: MeasureOptions): Promise<PageRun> {
  const page = await browser.newPage();
  const session = await page.createCDPSession();
  try {
    await page.evaluateOnNewDocument(probeInPage);
    if (variant.kind === 'markjs') {
      await page.evaluateOnNewDocument(markJs());
      await page.evaluateOnNewDocument(markAfterLoad(variant.names ?? null, variant.regexSource ?? null));
    }
    await startTrace(page);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const deadline = Date.now() + options.patienceMs;
    let state = (await page.evaluate(readProbe)) as ProbeState;
    let timedOut = false;
    for (;;) {
      const now = (await page.evaluate('performance.now()')) as number;
      const done =
        variant.kind === 'none'
          ? now - state.load > options.quietMs
          : variant.kind === 'markjs'
            ? state.markDone >= 0
            : state.marker >= 0 && now - state.lastChange > options.quietMs;
      if (done) break;
      if (Date.now() > deadline) {
        timedOut = true;
        break;
      }
      await sleep(50);
      state = (await page.evaluate(readProbe)) as ProbeState;
    }
    const frameId = (page.mainFrame() as unknown as { _id: string })._id;
    const main = mainThreadFigures(await stopTrace(page), frameId, EXTENSION_ORIGIN);
    const since = (t: number): number | null => (t >= 0 ? t - state.load : null);
    const isMark = variant.kind === 'markjs';
    return {
      loadMs: state.load,
      main,
      firstHighlightMs: isMark ? since(state.markDone) : since(state.first),
      markerMs: isMark ? since(state.markDone) : since(state.marker),
      highlights: isMark ? state.marks : state.count,
      ...(variant.kind === 'markjs' ? { timedOut } : { heap: await heapAfterGc(session) }),
    };
  } finally {
    await session.detach().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const medianOrNull = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : median(xs as number[]));

/**
 * Several loads of one page as one: the median for blocking time, load and highlight times and
 * heap (a shared machine makes single loads noisy), the worst for the extension's own tasks.
 */
export function combineRuns(runs: PageRun[]): PageRun {
  const byBlocking = [...runs].sort((a, b) => a.main.totalBlockingMs - b.main.totalBlockingMs);
  const base = byBlocking[Math.floor((runs.length - 1) / 2)];
  if (!base) throw new Error('no runs to combine');
  const heaps = runs.map((r) => r.heap).filter((h): h is HeapFigures => h !== undefined);
  return {
    ...base,
    loadMs: median(runs.map((r) => r.loadMs)),
    firstHighlightMs: medianOrNull(runs.map((r) => r.firstHighlightMs)),
    markerMs: medianOrNull(runs.map((r) => r.markerMs)),
    main: {
      ...base.main,
      extensionLongestMs: Math.max(...runs.map((r) => r.main.extensionLongestMs)),
      extensionLongTasks: runs.flatMap((r) => r.main.extensionLongTasks),
      extensionLongTaskParts: runs.flatMap((r) => r.main.extensionLongTaskParts),
      extensionBlockingMs: median(runs.map((r) => r.main.extensionBlockingMs)),
      cpuBlockingMs: median(runs.map((r) => r.main.cpuBlockingMs)),
    },
    ...(heaps.length > 0 ? { heap: { js: median(heaps.map((h) => h.js)), buffers: median(heaps.map((h) => h.buffers)), embedder: median(heaps.map((h) => h.embedder)) } } : {}),
  };
}
