/**
 * Chromium performance traces, read for what the benchmark needs: the tasks of a page's main
 * thread (long tasks, total blocking time), which of them ran the extension's code, and the time
 * the extension's service worker thread was busy.
 *
 * A task is the extension's when a script of the extension's origin ran inside it: the content
 * script shares the page's main thread, and DevTools records each call into it with its URL.
 */
import type { Page } from 'puppeteer-core';
import type { TraceEvent } from '../../test/browser/harness/task-trace';

export type { TraceEvent };

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
/** Events that name the script they run. */
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.callFunction', 'v8.run']);
export const LONG_TASK_MS = 50;

export async function startTrace(page: Page): Promise<void> {
  await page.tracing.start({ categories: CATEGORIES });
}

export async function stopTrace(page: Page): Promise<TraceEvent[]> {
  const raw = await page.tracing.stop();
  if (!raw) return [];
  const parsed = JSON.parse(Buffer.from(raw).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

const scriptUrl = (e: TraceEvent): string => {
  const data = e.args?.data ?? e.args?.beginData;
  const url = data?.url ?? data?.scriptName ?? data?.fileName;
  return typeof url === 'string' ? url : '';
};
const key = (e: { pid: number; tid: number }): string => `${e.pid}/${e.tid}`;

/** The page's main thread: the renderer thread whose events name the page's main frame. */
function mainThreadOf(events: TraceEvent[], frameId: string): string | undefined {
  for (const e of events) {
    const data = e.args?.data ?? e.args?.beginData;
    if (data && data.frame === frameId && e.name !== 'TracingStartedInBrowser') return key(e);
  }
  return undefined;
}

export interface Task {
  start: number;
  ms: number;
  /** The thread's CPU time in the task, ms. */
  cpuMs: number;
  extension: boolean;
}

/** Top-level tasks of one thread, in order, each marked when extension code ran in it. */
function tasksOf(events: TraceEvent[], thread: string, origin: string): Task[] {
  const mine = events.filter((e) => key(e) === thread && e.ph === 'X');
  const tasks: Task[] = [];
  let end = -1;
  for (const e of mine.filter((x) => TASK_NAMES.has(x.name)).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue; // nested in the previous task
    end = e.ts + (e.dur ?? 0);
    tasks.push({ start: e.ts, ms: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000, extension: false });
  }
  const calls = mine.filter((e) => SCRIPT_EVENTS.has(e.name) && scriptUrl(e).startsWith(origin)).sort((a, b) => a.ts - b.ts);
  let i = 0;
  for (const call of calls) {
    while (i < tasks.length && (tasks[i]?.start ?? 0) + (tasks[i]?.ms ?? 0) * 1000 < call.ts) i++;
    const task = tasks[i];
    if (task && task.start <= call.ts) task.extension = true;
  }
  return tasks;
}

/** Time spent in extension script calls on a thread (outermost calls only), ms. */
function scriptMs(events: TraceEvent[], thread: string, origin: string): number {
  let total = 0;
  let end = -1;
  const calls = events.filter((e) => key(e) === thread && e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && scriptUrl(e).startsWith(origin));
  for (const e of calls.sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    total += (e.dur ?? 0) / 1000;
  }
  return total;
}

export interface MainThreadFigures {
  /** Σ max(0, task − 50 ms) over every task of the page's main thread. */
  totalBlockingMs: number;
  /** The part of it from tasks in which the extension's code ran. */
  extensionBlockingMs: number;
  /**
   * The same sum over each task's CPU time (its duration less the time the thread was not
   * running): on two cores a task often waits for a core longer than it works.
   */
  cpuBlockingMs: number;
  /** Every task of 50 ms or more, ms. */
  longTasks: number[];
  /** The long tasks in which the extension's code ran, ms. */
  extensionLongTasks: number[];
  /**
   * What the extension's long tasks spent their time in: per task, the events of 5 ms or more
   * inside it (outermost first, task wrappers left out), as "name ms".
   */
  extensionLongTaskParts: string[][];
  /** The longest task in which the extension's code ran, ms. */
  extensionLongestMs: number;
  /** Time in the extension's script calls on the page's main thread, ms. */
  extensionScriptMs: number;
  /**
   * CPU time of all the main thread's tasks, ms: their durations less the time the thread was
   * not running (on two cores the page waits while other threads run, and that wait counts in
   * DevTools' TaskDuration).
   */
  taskCpuMs: number;
  /** Busy time of the extension's service worker thread (its tasks), ms; 0 when not traced. */
  workerBusyMs: number;
  /** Rendering updates (frames) of the page's main thread. */
  frames: number;
  /**
   * Time in the PrePaint phase, ms. It includes Chromium's rebuild of every highlight range's
   * markers, which runs in each frame where the DOM, the styles or a registered highlight changed.
   */
  prePaintMs: number;
  /** Time in layout, paint and commit, ms (the rest of rendering). */
  layoutMs: number;
  paintMs: number;
  /**
   * Time computing IntersectionObserver answers, ms. Chromium does it inside its Commit step,
   * in every frame where layout changed, for every observed element, so it is part of paintMs.
   */
  observerMs: number;
}

/** Sum of the outermost events of these names on one thread, ms, and their count. */
function phaseMs(events: TraceEvent[], thread: string, names: ReadonlySet<string>): { ms: number; count: number } {
  let ms = 0;
  let count = 0;
  let end = -1;
  const mine = events.filter((e) => key(e) === thread && e.ph === 'X' && names.has(e.name)).sort((a, b) => a.ts - b.ts);
  for (const e of mine) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    ms += (e.dur ?? 0) / 1000;
    count++;
  }
  return { ms, count };
}

export function mainThreadFigures(events: TraceEvent[], frameId: string, extensionOrigin: string): MainThreadFigures {
  const thread = mainThreadOf(events, frameId);
  const tasks = thread ? tasksOf(events, thread, extensionOrigin) : [];
  const long = tasks.filter((t) => t.ms >= LONG_TASK_MS);
  const workerThread = events.find((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && scriptUrl(e).startsWith(`${extensionOrigin}/background`));
  const workerTasks = workerThread ? tasksOf(events, key(workerThread), extensionOrigin) : [];
  return {
    totalBlockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.ms - LONG_TASK_MS), 0),
    extensionBlockingMs: tasks.filter((t) => t.extension).reduce((sum, t) => sum + Math.max(0, t.ms - LONG_TASK_MS), 0),
    cpuBlockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.cpuMs - LONG_TASK_MS), 0),
    longTasks: long.map((t) => t.ms),
    extensionLongTasks: long.filter((t) => t.extension).map((t) => t.ms),
    extensionLongTaskParts: thread ? long.filter((t) => t.extension).map((t) => [...partsOf(events, thread, t), ...extensionCallsIn(events, thread, t, extensionOrigin)]) : [],
    extensionLongestMs: Math.max(0, ...tasks.filter((t) => t.extension).map((t) => t.ms)),
    extensionScriptMs: thread ? scriptMs(events, thread, extensionOrigin) : 0,
    taskCpuMs: tasks.reduce((sum, t) => sum + t.cpuMs, 0),
    workerBusyMs: workerTasks.reduce((sum, t) => sum + t.ms, 0),
    ...renderingOf(events, thread),
  };
}

function renderingOf(events: TraceEvent[], thread: string | undefined): Pick<MainThreadFigures, 'frames' | 'prePaintMs' | 'layoutMs' | 'paintMs' | 'observerMs'> {
  if (!thread) return { frames: 0, prePaintMs: 0, layoutMs: 0, paintMs: 0, observerMs: 0 };
  const prePaint = phaseMs(events, thread, new Set(['PrePaint']));
  return {
    frames: prePaint.count,
    prePaintMs: prePaint.ms,
    layoutMs: phaseMs(events, thread, new Set(['Layout'])).ms,
    paintMs: phaseMs(events, thread, new Set(['Paint', 'Commit'])).ms,
    observerMs: phaseMs(events, thread, new Set(['IntersectionObserverController::computeIntersections'])).ms,
  };
}

const WRAPPERS = new Set([...TASK_NAMES, 'AsyncTask Run', 'v8.callFunction', 'Receive mojo message']);

/** Events of 5 ms or more inside a task, in order, nested ones indented by one space per level. */
function partsOf(events: TraceEvent[], thread: string, task: Task): string[] {
  const end = task.start + task.ms * 1000;
  const inside = events
    .filter((e) => key(e) === thread && e.ph === 'X' && e.ts >= task.start && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) >= 5000 && !WRAPPERS.has(e.name))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const open: number[] = [];
  const parts: string[] = [];
  for (const e of inside) {
    while (open.length > 0 && (open.at(-1) ?? 0) <= e.ts) open.pop();
    if (open.length < 4) parts.push(`${' '.repeat(open.length)}${e.name} ${((e.dur ?? 0) / 1000).toFixed(0)}`);
    open.push(e.ts + (e.dur ?? 0));
  }
  return parts.slice(0, 12);
}

/**
 * The extension's own calls in a task, however short, each with what called it (an event's
 * type, a timer, an idle callback), as "extension <ms> in <caller>": a long task may be the
 * page's own work (a layout) joined by a tiny listener of the extension's.
 */
function extensionCallsIn(events: TraceEvent[], thread: string, task: Task, origin: string): string[] {
  const end = task.start + task.ms * 1000;
  const inside = events.filter((e) => key(e) === thread && e.ph === 'X' && e.ts >= task.start && e.ts + (e.dur ?? 0) <= end);
  const calls = inside.filter((e) => SCRIPT_EVENTS.has(e.name) && scriptUrl(e).startsWith(origin));
  const callers = inside.filter((e) => !SCRIPT_EVENTS.has(e.name) && !WRAPPERS.has(e.name));
  const described: string[] = [];
  let lastEnd = -1;
  for (const call of calls.sort((a, b) => a.ts - b.ts)) {
    if (call.ts < lastEnd) continue; // nested in the previous call
    lastEnd = call.ts + (call.dur ?? 0);
    const caller = callers
      .filter((e) => e.ts <= call.ts && e.ts + (e.dur ?? 0) >= lastEnd)
      .sort((a, b) => (a.dur ?? 0) - (b.dur ?? 0))[0];
    const type = caller?.args?.data?.type;
    const by = caller ? `${caller.name}${typeof type === 'string' ? `(${type})` : ''}` : 'the task';
    described.push(`extension ${((call.dur ?? 0) / 1000).toFixed(1)} ms in ${by}`);
  }
  return described.length > 3 ? [...described.slice(0, 3), `… ${described.length - 3} more calls`] : described;
}
