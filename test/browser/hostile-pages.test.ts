/**
 * Pages written to break or probe the extension (issue 8): huge, deep, framed, self-rewriting,
 * API-breaking, message-faking, and non-HTML documents. On each: no error of the extension
 * reaches the page's console, the page keeps running (a page-side heartbeat ticks on), no task
 * of 100 ms or more (thread time) on a page's main thread was the extension's, and the extension
 * still highlights on the next ordinary page.
 *
 * Tasks are attributed from what the browser itself records while the page runs: in Chromium a
 * performance trace (harness/task-trace.ts), in Firefox the Gecko profiler's samples
 * (harness/gecko-profile.ts). A self-check in each browser shows the attribution finds an
 * extension's long task when there is one.
 */
import { beforeAll, expect, it } from 'vitest';
import { listedMentions } from './harness/highlights';
import type { FirefoxSession } from './harness/firefox';
import { GeckoTaskProfile, installBusyExtension, type ProcessKind } from './harness/gecko-profile';
import {
  CANARY,
  HOSTILE_PAGES,
  NORMAL_PAGE_PATH,
  SELF_CHECK_PAGE_PATH,
  addHostilePages,
  highlightedTexts,
  readProbe,
  type ProbeReport,
} from './harness/hostile-pages';
import { openWatched, type WatchedPage } from './harness/page-watch';
import { sleep, waitFor } from './harness/session';
import { freshUrl, inEachBrowser, useTestServer } from './harness/suite';
import type { TaskReport } from './harness/task-trace';

/** Firefox: the same profile's tasks, attributed to another origin or in another process. */
type TasksOf = (origin: string, where?: ProcessKind) => Promise<TaskReport>;

const server = useTestServer();
beforeAll(() => addHostilePages(server()));

/** How long a page is watched after its scan has reached the canary: late work shows up too. */
const SETTLE_MS = 1500;
/** Generous: the big pages are scanned in small slices on a busy 2-core machine. */
const SCAN_WAIT_MS = 60_000;
/**
 * How long the self-checks keep the main thread busy, by the clock. Long: on a loaded machine
 * the thread gets a fraction of a core, and the task must still come to 100 ms of thread time.
 */
const BUSY_MS = 1000;

inEachBrowser((kind, browser) => {
  /**
   * Opens `path` watched. In Chromium the watch traces the page's tasks itself; in Firefox the
   * Gecko profiler runs from before the page opens until it closes, and its tasks are
   * attributed to `taskOrigin` (the extension's, unless a self-check says otherwise).
   */
  async function open(path: string, taskOrigin = browser().extensionOrigin): Promise<WatchedPage & { tasksOf?: TasksOf }> {
    const url = freshUrl(server(), path);
    if (kind !== 'firefox') return openWatched(browser(), url);
    const session = browser() as FirefoxSession;
    const profile = await GeckoTaskProfile.start(session.browser, taskOrigin);
    let page: WatchedPage;
    try {
      page = await openWatched(session, url);
    } catch (err) {
      await profile.stop();
      throw err;
    }
    return {
      ...page,
      tasks: () => profile.report(),
      tasksOf: (origin, where) => profile.report(origin, where),
      close: async () => {
        await profile.stop();
        await page.close();
      },
    };
  }

  /** The canary is highlighted once the scan has walked the whole page (it comes last). */
  async function waitForCanary(page: WatchedPage, ms = SCAN_WAIT_MS): Promise<string[]> {
    const started = Date.now();
    const texts = await waitFor(() => highlightedTexts(page), (found) => found.includes(CANARY), ms);
    console.info(`[${kind}] ${page.address}: canary highlighted after ${Math.round((Date.now() - started) / 1000)} s`);
    return texts;
  }

  /**
   * The page ran on, the extension logged nothing and no task of 100 ms or more was the
   * extension's (and the record of tasks did see the extension at work).
   */
  async function expectUnharmed(page: WatchedPage, before: ProbeReport): Promise<void> {
    await sleep(SETTLE_MS);
    const after = await readProbe(page);
    expect(after.ticks, 'the page heartbeat stopped').toBeGreaterThan(before.ticks);
    expect(page.extensionErrors()).toEqual([]);
    const tasks = await taskReport(page);
    console.info(`[${kind}] ${page.address}: ${describeTasks(tasks)}; page's own errors: ${page.pageErrors().length}${await ownProcess(page)}`);
    expect(tasks.extensionLongTasks).toEqual([]);
    // The record did see the extension at work: the check above is not blind.
    expect(tasks.extensionRuns).toBeGreaterThan(0);
  }

  /** Firefox: the longest task of the extension's own process meanwhile (told, not checked). */
  async function ownProcess(page: WatchedPage & { tasksOf?: TasksOf }): Promise<string> {
    const own = await page.tasksOf?.(browser().extensionOrigin, 'extension');
    return own ? `; in the extension's own process (background), its longest time within one task ${own.longestExtensionRunMs} ms` : '';
  }

  async function taskReport(page: WatchedPage): Promise<TaskReport> {
    const tasks = await page.tasks?.();
    if (!tasks) throw new Error(`${kind}: the page's tasks were not recorded`);
    return tasks;
  }

  function describeTasks(tasks: TaskReport): string {
    const unit = kind === 'chromium' ? 'run of its script' : 'time within one task';
    // Firefox: samples the profiler named as the extension's inside the page's own script
    // (harness/gecko-stacks.ts), left to the page; said, so that a change there is seen.
    const misnamed = tasks.misnamedMs ? `; ${tasks.misnamedMs} ms of the page's samples bore misnamed extension frames` : '';
    return (
      `${tasks.longTasks} tasks of 100 ms or more (any origin), ${tasks.extensionLongTasks.length} of the extension; ` +
      `its longest ${unit} ${tasks.longestExtensionRunMs} ms, in ${tasks.extensionRuns} ${kind === 'chromium' ? 'runs' : 'tasks'}${misnamed}`
    );
  }

  /** Opens a hostile page, runs the checks, closes it whatever happens, then tries a normal page. */
  async function within(path: string, checks: (page: WatchedPage, before: ProbeReport) => Promise<void>): Promise<void> {
    const page = await open(path);
    try {
      await checks(page, await readProbe(page));
    } finally {
      await page.close();
    }
    await expectStillWorks();
  }

  async function expectStillWorks(): Promise<void> {
    const normal = await browser().open(freshUrl(server(), NORMAL_PAGE_PATH));
    // Generous: after the biggest pages Firefox is still writing the profile and winding down.
    expect(await waitFor(() => listedMentions(normal), (m) => m.length > 0, SCAN_WAIT_MS)).toEqual([CANARY]);
    await normal.close();
  }

  if (kind === 'chromium') {
    it('the watch sees the content script’s own world: its console errors and its long tasks (self-check)', async () => {
      const page = await open(NORMAL_PAGE_PATH);
      await waitForCanary(page);
      await page.runInContentScript?.(
        `setTimeout(function busy() { console.error('listed-parties: self-check'); const t = performance.now(); while (performance.now() - t < ${BUSY_MS}); }, 0)`,
      );
      const seen = await waitFor(async () => page.extensionErrors(), (e) => e.length > 0, 5000);
      expect(seen.map((e) => e.text)).toEqual(['listed-parties: self-check']);
      const tasks = await page.tasks?.();
      expect(tasks?.extensionLongTasks).toHaveLength(1);
      expect(tasks?.extensionLongTasks[0]?.extensionMs).toBeGreaterThanOrEqual(100);
      await page.close();
    });
  }

  if (kind === 'firefox') {
    it('the profile sees an extension’s long task: a throw-away add-on busy for a while (self-check)', async () => {
      const session = browser() as FirefoxSession;
      // No driver runs code in a content script in Firefox: a second add-on's content script
      // holds the main thread instead, on this one page.
      const busy = await installBusyExtension(session.browser, SELF_CHECK_PAGE_PATH, BUSY_MS);
      try {
        const page = await open(SELF_CHECK_PAGE_PATH, busy.origin);
        try {
          await waitForCanary(page);
          await sleep(SETTLE_MS);
          const tasks = await taskReport(page);
          expect(tasks.extensionLongTasks).toHaveLength(1);
          expect(tasks.extensionLongTasks[0]?.extensionMs).toBeGreaterThanOrEqual(100);
          // The same profile, read for this project's extension: it ran, and held nothing.
          const ours = await page.tasksOf?.(session.extensionOrigin);
          expect(ours?.extensionRuns).toBeGreaterThan(0);
          expect(ours?.extensionLongTasks).toEqual([]);
        } finally {
          await page.close();
        }
      } finally {
        await busy.uninstall();
      }
    });
  }

  // Firefox walks a million text nodes in about a minute with the profiler sampling every
  // millisecond on an idle machine, and took three minutes while other browsers shared its two
  // cores: its wait and the test's time are longer.
  const millionWaitMs = kind === 'firefox' ? 6 * SCAN_WAIT_MS : SCAN_WAIT_MS;
  it('a million text nodes: scanned to the end without holding the page', async () => {
    await within(HOSTILE_PAGES.millionNodes, async (page, before) => {
      expect(await waitForCanary(page, millionWaitMs)).toEqual([CANARY]);
      await expectUnharmed(page, before);
    });
  }, millionWaitMs + 120_000);

  // Chromium's renderer crashes by itself somewhere between 6,000 and 8,000 nested elements
  // (checked without the extension), so there the nest is 5,000 deep; Firefox gets 10,000.
  const depth = kind === 'chromium' ? 5000 : 10_000;
  it(`nesting ${depth.toLocaleString('en')} deep: the text at the bottom is read`, async () => {
    await within(HOSTILE_PAGES.deep(depth), async (page, before) => {
      const texts = await waitForCanary(page);
      expect(texts.filter((t) => t === 'Candiru')).toHaveLength(1);
      await expectUnharmed(page, before);
    });
  });

  it('one 20 MB text node: read in pieces, every mention found once', async () => {
    await within(HOSTILE_PAGES.hugeText, async (page, before) => {
      await waitForCanary(page);
      // 101 mentions, more than are drawn at once: only those near the viewport are (none of
      // the text's, far below), so they are counted where the badge counts them.
      const tabId = await browser().tabIdOf(page);
      const state = await waitFor(() => browser().message('getTabState', { tabId }), (s) => s.found.some((f) => f.count === 100));
      expect(state.found.map((f) => f.count).sort((a, b) => a - b)).toEqual([1, 100]);
      await expectUnharmed(page, before);
    });
  });

  it('200 frames (loaded, srcdoc, about:blank, nested) and closed shadow roots', async () => {
    await within(HOSTILE_PAGES.framesAndShadows, async (page, before) => {
      await waitForCanary(page);
      // Every kind of frame gets the content script and is scanned in its own document.
      const perFrame = await waitFor(
        () => Promise.all(page.childFrames().map((frame) => highlightedTexts(frame).catch(() => []))),
        (frames) => frames.filter((texts) => texts.length > 0).length >= 200,
        SCAN_WAIT_MS,
      );
      const found = perFrame.flat();
      expect(found.filter((t) => t === 'Positive Technologies')).toHaveLength(50);
      expect(found.filter((t) => t === 'Candiru')).toHaveLength(100);
      expect(found.filter((t) => t === 'Huawei')).toHaveLength(50);
      await expectUnharmed(page, before);
    });
  });

  it('a page that breaks the DOM APIs, takes the card’s tag, fakes messages and rewrites itself every frame', async () => {
    await within(HOSTILE_PAGES.brokenApis, async (page, before) => {
      // (Text rewritten on every frame is never highlighted: a match that returns after its
      // text changed is dropped, by design. The canary, which stays, is.)
      expect(await waitForCanary(page)).toContain(CANARY);
      // A real pointer over the canary: the hover card's path runs despite the page.
      const box = await page.evaluate(() => {
        const r = document.getElementById('canary')?.getBoundingClientRect();
        return r ? { x: r.left + 60, y: r.top + r.height / 2 } : null;
      }, undefined);
      if (box) await page.mouseMove(box.x, box.y);
      await sleep(3000); // the page keeps rewriting and faking meanwhile
      await expectUnharmed(page, before);
      expect(await highlightedTexts(page)).toContain(CANARY);
      // The fake setSettings / setPaused messages changed nothing.
      expect((await browser().message('getSettings', {})).settings.paused).toBe(false);
    });
  });

  it('an SVG document and an XML document', async () => {
    for (const path of [HOSTILE_PAGES.svg, HOSTILE_PAGES.xml]) {
      const page = await open(path);
      try {
        // They run no script of their own (no probe): watch the console while the scan runs.
        await sleep(3000);
        expect(page.extensionErrors()).toEqual([]);
        const tasks = await taskReport(page);
        console.info(`[${kind}] ${page.address}: ${describeTasks(tasks)}`);
        expect(tasks.extensionLongTasks).toEqual([]);
      } finally {
        await page.close();
      }
    }
    await expectStillWorks();
  });
});
