/**
 * Which long tasks the extension caused, in Chromium, from a performance trace of the page
 * (the same events the DevTools Performance panel draws).
 *
 * Long Animation Frames would be simpler, but Chromium leaves extension scripts out of their
 * script attribution (checked: a content script busy for seconds never appears there), so they
 * cannot tell the extension's work from the page's. The trace can: every task the renderer's
 * main thread runs is a `RunTask` event with its duration, and every call into JavaScript inside
 * it is a `FunctionCall` / `EvaluateScript` event naming the script's URL — for the content
 * script, chrome-extension://ID/content.js.
 *
 * A task counts as the extension's when the main thread ran it for 100 ms or more and the
 * extension's own script time inside it is at least half of that. Durations are the trace's
 * thread times, not wall-clock times: on a machine shared with other work, a task is not made
 * long by the time the thread spent waiting for a core. Nothing here is timed by the test.
 */
import type { CDPSession } from 'playwright-core';

export const LONG_TASK_MS = 100;

export interface TaskReport {
  /** Tasks of 100 ms or more on the page's renderer main thread, whoever caused them. */
  longTasks: number;
  /** Those the extension caused, with their duration and the extension's part (ms). */
  extensionLongTasks: { durationMs: number; extensionMs: number }[];
  /** How many runs of the extension's script the trace saw: 0 would mean it saw nothing at all. */
  extensionRuns: number;
  /** The longest single run of the extension's script (ms). */
  longestExtensionRunMs: number;
  /**
   * Firefox only: thread time (ms) of samples whose only extension frames were misnamed, and
   * which were counted as the page's (see gecko-stacks.ts). Printed, so that it is seen.
   */
  misnamedMs?: number;
}

/** One event of a Chromium trace, as DevTools hands it over (the bench reads them too). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time, µs: what the thread itself ran, without the time the machine gave to others. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const SCRIPT_NAMES = new Set(['FunctionCall', 'EvaluateScript', 'v8.callFunction', 'TimerFire', 'FireIdleCallback']);

export class TaskTrace {
  private readonly mainThreads = new Set<string>();
  private readonly tasks: TraceEvent[] = [];
  private readonly scripts: TraceEvent[] = [];
  private finished: Promise<TaskReport> | undefined;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly origin: string,
  ) {}

  static async start(cdp: CDPSession, extensionOrigin: string): Promise<TaskTrace> {
    const trace = new TaskTrace(cdp, extensionOrigin);
    cdp.on('Tracing.dataCollected', ({ value }) => trace.take(value as unknown as TraceEvent[]));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
      transferMode: 'ReportEvents',
    });
    return trace;
  }

  /** Keeps only what attribution needs: the trace of a big page is large. */
  private take(events: TraceEvent[]): void {
    for (const e of events) {
      const key = `${e.pid}:${e.tid}`;
      if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') this.mainThreads.add(key);
      if (e.ph !== 'X' || e.dur === undefined) continue;
      if (TASK_NAMES.has(e.name) && cpu(e) >= LONG_TASK_MS * 1000) this.tasks.push(e);
      else if (SCRIPT_NAMES.has(e.name) && String(e.args?.data?.url ?? '').startsWith(this.origin)) this.scripts.push(e);
    }
  }

  /** Ends the trace (once) and attributes its long tasks. */
  report(): Promise<TaskReport> {
    this.finished ??= this.finish();
    return this.finished;
  }

  /** Ends the trace, giving up after a while (a crashed page may never answer). */
  async stop(): Promise<void> {
    await Promise.race([this.report().catch(() => undefined), new Promise((done) => setTimeout(done, 10_000))]);
  }

  private async finish(): Promise<TaskReport> {
    const complete = new Promise<void>((done) => this.cdp.once('Tracing.tracingComplete', () => done()));
    await this.cdp.send('Tracing.end');
    await complete;
    await this.cdp.detach().catch(() => undefined);

    const onMain = (e: TraceEvent): boolean => this.mainThreads.has(`${e.pid}:${e.tid}`);
    // RunTask and ThreadControllerImpl::RunTask wrap the same task: keep the outermost.
    const tasks = this.tasks.filter(onMain).sort((a, b) => a.ts - b.ts);
    const outer: TraceEvent[] = [];
    for (const t of tasks) {
      const last = outer.at(-1);
      if (last && last.pid === t.pid && last.tid === t.tid && t.ts < last.ts + (last.dur ?? 0)) continue;
      outer.push(t);
    }
    const scripts = this.scripts.filter(onMain);
    const extensionLongTasks = outer
      .map((t) => {
        const end = t.ts + (t.dur ?? 0);
        const inside = outermost(scripts.filter((s) => s.pid === t.pid && s.tid === t.tid && s.ts >= t.ts && s.ts < end));
        return { durationMs: Math.round(cpu(t) / 1000), extensionMs: Math.round(inside.reduce((n, s) => n + cpu(s), 0) / 1000) };
      })
      .filter((t) => t.extensionMs >= t.durationMs / 2);
    return {
      longTasks: outer.length,
      extensionLongTasks,
      extensionRuns: scripts.length,
      longestExtensionRunMs: Math.round(Math.max(0, ...scripts.map(cpu)) / 1000),
    };
  }
}

/** The event's thread time where the trace gives it, else its duration (µs). */
function cpu(e: TraceEvent): number {
  return e.tdur ?? e.dur ?? 0;
}

/** The events not nested in another of them (so none is counted twice). */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let reach = -Infinity;
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    const end = e.ts + (e.dur ?? 0);
    if (end <= reach) continue;
    out.push(e);
    reach = end;
  }
  return out;
}
