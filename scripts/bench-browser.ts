/**
 * The extension measured in Chromium (headless, the built dist/chrome loaded), beside the same
 * pages without it and highlighted by mark.js. Called by scripts/bench.ts in the same run;
 * `tsx scripts/bench-browser.ts [--quick] [--no-markjs] [--no-pages] [--extension DIR]` runs it
 * alone (`--no-markjs`: the pages without mark.js; `--no-pages`: the worker and the dynamic page
 * only; for comparing two builds quickly).
 *
 * 1. Ready time inside the extension's worker (compile, load from tables) and a real cold start.
 * 2. The ten largest saved pages and synthetic pages (5 MB): tasks, blocking time, first highlight.
 * 3. A page appending 500 paragraphs a second: CPU added and highlight lag.
 * 4. Heap per tab (with minus without the extension) and the worker's heap.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBench, snapshotExtension, type BenchBrowser, type HeapFigures } from './lib/bench-chromium';
import { measureDynamic, type DynamicRun } from './lib/bench-dynamic';
import { dynamicPage, largestPages, readPage, realParagraphs, syntheticPage, withMarker } from './lib/bench-fixtures';
import { MARKER_NAME, combineRuns, measurePage, type PageRun, type Variant } from './lib/bench-pages';
import { coldStart, readyInWorker, workerHeap, type ColdStart, type WorkerReadyFigures } from './lib/bench-worker';
import { visibleText } from './lib/html-text';
import { dynamicCpu } from './lib/bench-report';
import { SAVED_PAGE_HEADERS, startServer } from '../test/browser/harness/server';

export interface DynamicFigures {
  /** Whether the page kept its newest lines in view. */
  follow: boolean;
  none: DynamicRun;
  extension: DynamicRun;
  perSecond: number;
  /** Each alternated pair run: main-thread task time without and with, the worker's, ms; this one is the median by share. */
  pairs: { noneMs: number; withMs: number; workerMs: number; share: number }[];
}

export interface PageFigures {
  page: string;
  textChars: number;
  /** Loads per variant (with and without the extension), combined by combineRuns. */
  loads: number;
  /** Total blocking time of each load, in the order run, ms: how far single loads spread. */
  blockingPerLoad: { none: number[]; extension: number[] };
  none: PageRun;
  extension: PageRun;
  markjs: { label: string; run: PageRun }[];
}

export interface BrowserFigures {
  chromium: string;
  worker: WorkerReadyFigures;
  cold: ColdStart;
  pages: PageFigures[];
  markNames: { few: number; all: number };
  /** The dynamic page appending below the view, then following its newest lines. */
  dynamic: DynamicFigures[];
  workerHeap: HeapFigures;
}

export interface BrowserBenchOptions {
  quick: boolean;
  /** The names the extension flags with default settings (for mark.js). */
  names: string[];
  log: (line: string) => void;
  /** A build of the extension other than dist/chrome. */
  extensionDir?: string;
  /** Leave out mark.js on the pages. */
  noMarkjs?: boolean;
  /** Leave out the pages (the worker and the dynamic page only). */
  noPages?: boolean;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function runBrowserBench({ quick, names, log, extensionDir, noMarkjs = false, noPages = false }: BrowserBenchOptions): Promise<BrowserFigures> {
  const extension = snapshotExtension(extensionDir);
  const server = await startServer();
  const browsers: BenchBrowser[] = [];
  try {
    const paragraphs = realParagraphs();
    const pages = noPages ? [] : quick ? largestPages(10).slice(-1) : largestPages(10);
    const syntheticSizes = noPages ? [] : quick ? [200_000] : [1_000_000, 5_000_000];
    const targets: { page: string; path: string; textChars: number }[] = [];
    for (const file of pages) {
      const html = withMarker(readPage(file));
      server.route(`/bench/${file}`, () => ({ body: html, headers: SAVED_PAGE_HEADERS }));
      targets.push({ page: file, path: `/bench/${file}`, textChars: visibleText(html).length });
    }
    for (const size of syntheticSizes) {
      const html = syntheticPage(size, paragraphs, names.filter((n) => n.length > 12).slice(0, 50));
      const name = `synthetic-${size / 1e6}MB.html`;
      server.route(`/bench/${name}`, () => ({ body: html, headers: SAVED_PAGE_HEADERS }));
      targets.push({ page: name, path: `/bench/${name}`, textChars: visibleText(html).length });
    }
    server.route('/bench/dynamic.html', dynamicPage(paragraphs));

    // mark.js runs one pass over the page per name; a hundred names is what users of such
    // highlighters typically give it. Every name at once only fits as one regular expression.
    const few = [MARKER_NAME, ...names.slice(0, 99)];
    const fewVariant: Variant = { kind: 'markjs', label: `mark.js mark(), ${few.length} names`, names: few };
    const allVariant: Variant = {
      kind: 'markjs',
      label: `mark.js markRegExp(), all ${names.length} names as one RegExp`,
      regexSource: `\\b(?:${[...names].sort((a, b) => b.length - a.length).map(escapeRegex).join('|')})\\b`,
    };
    const markVariants = noMarkjs ? [] : quick ? [fewVariant] : [fewVariant, allVariant];

    const withExt = await launchBench(extension.dir);
    browsers.push(withExt);
    const without = await launchBench(null);
    browsers.push(without);
    const chromium = await withExt.browser.version();
    log(`browser: ${chromium}, headless, extension from ${extensionDir ?? 'dist/chrome'}`);

    log('worker: timing compile and load inside the service worker, then a cold start');
    const worker = await readyInWorker(withExt.browser);
    const cold = await coldStart(withExt.browser);

    // Five each: the first layout of a large page alone moves by ±100 ms from load to load here.
    const loads = quick ? 1 : 5;
    const options = { patienceMs: quick ? 20_000 : 60_000, quietMs: 1000 };
    const markOptions = { patienceMs: 300_000, quietMs: 0 };
    const figures: PageFigures[] = [];
    for (const t of targets) {
      log(`page ${t.page} (${(t.textChars / 1e3).toFixed(0)} k chars of text)`);
      const url = server.url(t.path);
      const noneRuns: PageRun[] = [];
      const extRuns: PageRun[] = [];
      // Alternated, so that a busy spell of the machine does not fall on one variant only.
      for (let i = 0; i < loads; i++) {
        noneRuns.push(await measurePage(without.browser, url, { kind: 'none' }, options));
        extRuns.push(await measurePage(withExt.browser, url, { kind: 'extension' }, options));
      }
      const none = combineRuns(noneRuns);
      const ext = combineRuns(extRuns);
      const markjs: { label: string; run: PageRun }[] = [];
      for (const v of markVariants) {
        if (v.kind === 'markjs') markjs.push({ label: v.label, run: await measurePage(without.browser, url, v, markOptions) });
      }
      const blockingPerLoad = { none: noneRuns.map((r) => r.main.totalBlockingMs), extension: extRuns.map((r) => r.main.totalBlockingMs) };
      figures.push({ page: t.page, textChars: t.textChars, loads, blockingPerLoad, none, extension: ext, markjs });
    }

    const perSecond = 500;
    const seconds = quick ? 2 : 10;
    log(`dynamic page: ${perSecond} paragraphs/s for ${seconds} s, without and with the extension`);
    const dynamicUrl = server.url('/bench/dynamic.html');
    // The share varies from run to run by more than the target's size (two cores, one shared
    // with the other browser): each variant runs in alternated pairs, and the median pair is kept.
    const dynamic: DynamicFigures[] = [];
    for (const follow of [false, true]) {
      const runs: { none: DynamicRun; extension: DynamicRun; share: number }[] = [];
      for (let i = 0; i < (quick ? 1 : 5); i++) {
        const none = await measureDynamic(without.browser, false, dynamicUrl, perSecond, seconds, follow);
        const extension = await measureDynamic(withExt.browser, true, dynamicUrl, perSecond, seconds, follow);
        runs.push({ none, extension, share: dynamicCpu({ none, extension }).total });
      }
      const pairs = runs.map((r) => ({ noneMs: r.none.taskMs, withMs: r.extension.taskMs, workerMs: r.extension.workerTaskMs ?? 0, share: r.share }));
      const median = [...runs].sort((a, b) => a.share - b.share)[Math.floor(runs.length / 2)];
      if (median) dynamic.push({ follow, none: median.none, extension: median.extension, perSecond, pairs });
    }
    const heap = await workerHeap(withExt.browser);
    return { chromium, worker, cold, pages: figures, markNames: { few: few.length, all: names.length }, dynamic, workerHeap: heap };
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
    extension.remove();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, extension: { type: 'string' }, 'no-markjs': { type: 'boolean', default: false }, 'no-pages': { type: 'boolean', default: false } },
  });
  const { defaultNames } = await import('./lib/bench-names');
  const figures = await runBrowserBench({
    quick: values.quick ?? false,
    names: defaultNames(),
    log: console.log,
    extensionDir: values.extension,
    noMarkjs: values['no-markjs'],
    noPages: values['no-pages'],
  });
  const { browserTargets, printBrowserFigures, printTargets } = await import('./lib/bench-report');
  printBrowserFigures(figures, console.log);
  printTargets(browserTargets(figures), console.log);
}
