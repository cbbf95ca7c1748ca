/**
 * The dynamic page, measured: while it appends paragraphs, how much main-thread time the
 * extension adds (DevTools' TaskDuration metric, with against without the extension), how much
 * of it is the extension's own script (trace), how long the worker was busy, and how far the
 * highlights lag behind the appended text.
 */
import type { Browser, CDPSession } from 'puppeteer-core';
import { EXTENSION_ORIGIN, sleep, workerTarget } from './bench-chromium';
import { mainThreadFigures, startTrace, stopTrace, type MainThreadFigures } from './bench-trace';

export interface DynamicRun {
  seconds: number;
  appended: number;
  tagged: number;
  /** Tagged paragraphs further than a screen from the viewport once their batch came (not waited for). */
  passed: number;
  /** Tagged paragraphs scrolled away unhighlighted (their lag is the time they were near). */
  leftUnseen: number;
  /** Tagged paragraphs within a screen of the viewport at the end and never highlighted. */
  missed: number;
  /** Append → highlighted (or scrolled away unhighlighted), ms, sorted. */
  lags: number[];
  /** Main-thread task time during the run (DevTools' TaskDuration), ms. */
  taskMs: number;
  /** The extension's worker: busy (not idle) time during the run, from a CPU profile, ms; null without it. */
  workerTaskMs: number | null;
  /** Where the worker's busy time went: the functions with the most self time, ms, largest first. */
  workerTop: { name: string; ms: number }[];
  main: MainThreadFigures;
}

interface FeedResult {
  appended: number;
  tagged: number;
  passed: number;
  leftUnseen: number;
  missed: number;
  lags: number[];
}

async function taskDuration(session: CDPSession): Promise<number> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/**
 * The worker has no Performance domain: its busy time comes from a sampling CPU profile taken
 * over the run (every sample not spent idle). Null without the extension.
 */
async function startWorkerProfile(browser: Browser, withExtension: boolean): Promise<CDPSession | null> {
  if (!withExtension) return null;
  const session = await (await workerTarget(browser)).createCDPSession();
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 500 });
  await session.send('Profiler.start');
  return session;
}

async function workerBusy(session: CDPSession): Promise<{ busyMs: number; top: { name: string; ms: number }[] }> {
  const { profile } = await session.send('Profiler.stop');
  const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName || '(anonymous)'] as const));
  const selfUs = new Map<string, number>();
  let busy = 0;
  profile.samples?.forEach((id, i) => {
    const name = names.get(id) ?? '?';
    if (name === '(idle)') return;
    const delta = profile.timeDeltas?.[i] ?? 0;
    busy += delta;
    selfUs.set(name, (selfUs.get(name) ?? 0) + delta);
  });
  const top = [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, us]) => ({ name, ms: us / 1000 }));
  return { busyMs: busy / 1000, top };
}

/** `follow`: the page keeps its newest lines in view (a chat, a log); else it appends below the view. */
export async function measureDynamic(browser: Browser, withExtension: boolean, url: string, perSecond: number, seconds: number, follow: boolean): Promise<DynamicRun> {
  const page = await browser.newPage();
  const session = await page.createCDPSession();
  let worker: CDPSession | null = null;
  try {
    await session.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await sleep(1500); // the content script has started and scanned the empty feed
    await startTrace(page);
    worker = await startWorkerProfile(browser, withExtension);
    const before = await taskDuration(session);
    const started = Date.now();
    const feed = (await page.evaluate(`window.__startFeed(${perSecond}, ${seconds}, ${follow})`)) as FeedResult;
    const elapsed = Date.now() - started;
    const taskMs = (await taskDuration(session)) - before;
    const busy = worker ? await workerBusy(worker) : null;
    const frameId = (page.mainFrame() as unknown as { _id: string })._id;
    const main = mainThreadFigures(await stopTrace(page), frameId, EXTENSION_ORIGIN);
    return { seconds: elapsed / 1000, ...feed, lags: [...feed.lags].sort((a, b) => a - b), taskMs, workerTaskMs: busy?.busyMs ?? null, workerTop: busy?.top ?? [], main };
  } finally {
    await worker?.detach().catch(() => undefined);
    await session.detach().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
