/**
 * Which long tasks the extension caused, in Firefox, from the Gecko profiler (what the Firefox
 * Profiler records), driven from the browser's privileged chrome scope.
 *
 * The harness starts Firefox with --remote-allow-system-access, so WebDriver BiDi lists the
 * browser's own chrome windows (browsingContext.getTree with "moz:scope": "chrome") and can run
 * script there, where `Services.profiler` starts the profiler and writes the profile of every
 * process to a file.
 *
 * Every main thread of a content process is sampled each millisecond. A sample carries:
 * - the JavaScript stack, with script URLs: the content script's frames are under
 *   moz-extension://UUID/, and native work the script asks for (a layout, a DOM call) is sampled
 *   beneath them;
 * - the thread's CPU time since the previous sample (so durations are thread times, as in the
 *   Chromium trace: waiting for a core on a shared machine does not make a task long);
 * - the event delay: how long the task running at that moment has been running, plus the time it
 *   waited in the queue. Within one task it grows with the clock; a new task starts it again.
 *
 * Release builds record no marker per task ("Runnable" markers are a Nightly feature), so tasks
 * are cut from the event delay: sample time minus event delay is when the running task was
 * queued, the same for every sample of one task; a sample where it differs starts another task.
 * (Two tasks queued at the same moment and run back to back are seen as one longer task: the
 * cut errs towards longer tasks. Sampling makes the figures estimates to a few milliseconds.)
 *
 * A task counts as the extension's when its thread time is 100 ms or more and the samples whose
 * stack holds a frame of the extension make up at least half of it, as in task-trace.ts. (A
 * frame named as the extension's where only the page's script can be is a JIT address the
 * profiler named wrongly, and does not count: gecko-stacks.ts.) Work
 * the extension causes outside its own stack (painting its highlights, a later garbage
 * collection) is not counted, there as here. installBusyExtension below gives the test a task
 * that is certainly an extension's, to show the attribution finds it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { sampleOwners, type StackTables, type Table } from './gecko-stacks';
import { removeDir } from './session';
import { LONG_TASK_MS, type TaskReport } from './task-trace';

interface BidiConnection {
  send(method: string, params: unknown): Promise<{ result: unknown }>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

/** Runs `expression` in the browser's chrome scope (awaiting a promise) and returns its value. */
export async function evaluateInChrome(browser: Browser, expression: string): Promise<unknown> {
  // puppeteer-core's BiDi browser exposes its connection, not in its public types.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('no chrome window: is Firefox running with --remote-allow-system-access?');
  const reply = (await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true })).result as EvaluateResult;
  if (reply.type !== 'success') throw new Error(`chrome-scope script failed: ${reply.exceptionDetails?.text ?? 'unknown error'}`);
  return reply.result?.value;
}

/** The origin (moz-extension://UUID) Firefox gave the installed add-on `id`. */
export async function extensionOriginOf(browser: Browser, id: string): Promise<string> {
  const host = await evaluateInChrome(browser, `WebExtensionPolicy.getByID(${JSON.stringify(id)})?.mozExtensionHostname ?? ''`);
  if (typeof host !== 'string' || !host) throw new Error(`${id} is not installed`);
  return `moz-extension://${host}`;
}

const BUSY_EXTENSION_ID = 'busy-self-check@test.local';

/**
 * A second, throw-away add-on whose content script holds the main thread for `busyMs` (by the
 * clock) once on pages whose path starts with `pathPrefix`: a long task that is certainly an
 * extension's, to prove the attribution above finds one. Returns its origin and its uninstaller.
 */
export async function installBusyExtension(browser: Browser, pathPrefix: string, busyMs: number): Promise<{ origin: string; uninstall(): Promise<void> }> {
  // A temporary add-on is read from its folder while installed: the folder goes with it.
  const dir = mkdtempSync(join(tmpdir(), 'listed-parties-busy-addon-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 2,
      name: 'Busy self-check',
      version: '1.0',
      browser_specific_settings: { gecko: { id: BUSY_EXTENSION_ID } },
      content_scripts: [{ matches: [`*://127.0.0.1${pathPrefix}*`], js: ['busy.js'], run_at: 'document_idle' }],
    }),
  );
  writeFileSync(join(dir, 'busy.js'), `setTimeout(function busy() { const t = performance.now(); while (performance.now() - t < ${busyMs}); }, 300);\n`);
  try {
    const id = await browser.installExtension(dir);
    const uninstall = async (): Promise<void> => {
      await browser.uninstallExtension(id).finally(() => removeDir(dir));
    };
    return { origin: await extensionOriginOf(browser, id).catch(async (err: unknown) => { await uninstall(); throw err; }), uninstall };
  } catch (err) {
    removeDir(dir);
    throw err;
  }
}

/** The parts of the Gecko profile format (meta.version 34) read here. */
interface GeckoThread extends StackTables {
  name: string;
  processType: string;
  processName?: string;
  pid: number | string;
  samples: Table;
}
interface GeckoProfile {
  /**
   * profilingStartTime: when the profiler started; contentEarliestTime: the earliest time the
   * content processes' buffers still hold (later once a full buffer drops its oldest data).
   */
  meta: { interval: number; profilingStartTime?: number; contentEarliestTime?: number };
  threads: GeckoThread[];
  processes: GeckoProfile[];
}

interface Task {
  cpuMs: number;
  extensionMs: number;
}

export class GeckoTaskProfile {
  private collected: Promise<GeckoProfile> | undefined;

  private constructor(
    private readonly browser: Browser,
    private readonly origin: string,
    private readonly dir: string,
  ) {}

  /**
   * Starts the profiler for tasks of `extensionOrigin` (one profiler per browser: one already
   * running is restarted, its data dropped).
   */
  static async start(browser: Browser, extensionOrigin: string): Promise<GeckoTaskProfile> {
    const dir = mkdtempSync(join(tmpdir(), 'listed-parties-gecko-profile-'));
    // 16 M entries: minutes of 1 ms samples of every content process. Native stacks are left
    // out ("stackwalk"): the JavaScript stack and the profiler's labels are what attribution reads.
    await evaluateInChrome(
      browser,
      `Services.profiler.StopProfiler(); Services.profiler.StartProfiler(1 << 24, 1, ['js', 'cpu'], ['GeckoMain']); true`,
    );
    return new GeckoTaskProfile(browser, extensionOrigin, dir);
  }

  /**
   * Stops the profiler (the first time) and attributes the long tasks it saw to `origin`, on the
   * main threads of the pages' processes, or of the extension's own process (its background
   * page and its own pages: no web page waits on that thread).
   */
  async report(origin = this.origin, where: ProcessKind = 'pages'): Promise<TaskReport> {
    this.collected ??= this.collect();
    return attribute(await this.collected, origin, where);
  }

  /** Stops the profiler, giving up after a while (a browser that died may never answer). */
  async stop(): Promise<void> {
    this.collected ??= this.collect();
    await Promise.race([this.collected.catch(() => undefined), new Promise((done) => setTimeout(done, 30_000))]);
  }

  private async collect(): Promise<GeckoProfile> {
    const file = join(this.dir, 'profile.json');
    try {
      await evaluateInChrome(
        this.browser,
        `(async () => { try { await Services.profiler.dumpProfileToFileAsync(${JSON.stringify(file)}); } finally { Services.profiler.StopProfiler(); } return true; })()`,
      );
      return JSON.parse(readFileSync(file, 'utf8')) as GeckoProfile;
    } finally {
      removeDir(this.dir);
    }
  }
}

export type ProcessKind = 'pages' | 'extension';

/** A gap at the start of the content processes' data larger than this means data was dropped. */
const BUFFER_SLACK_MS = 1000;

/** The long tasks of the main threads of one kind of content process, attributed to `origin` or not. */
export function attribute(profile: GeckoProfile, origin: string, where: ProcessKind = 'pages'): TaskReport {
  const { profilingStartTime: started, contentEarliestTime: earliest } = profile.meta;
  if (started !== undefined && earliest !== undefined && earliest - started > BUFFER_SLACK_MS) {
    throw new Error(`the profiler's buffer ran over: the first ${Math.round((earliest - started) / 1000)} s of the pages' samples are lost`);
  }
  const report: TaskReport = { longTasks: 0, extensionLongTasks: [], extensionRuns: 0, longestExtensionRunMs: 0, misnamedMs: 0 };
  for (const thread of profile.processes.flatMap((p) => p.threads)) {
    if (thread.processType !== 'tab' || thread.name !== 'GeckoMain') continue;
    if ((thread.processName === 'WebExtensions') !== (where === 'extension')) continue;
    const { tasks, runs, misnamedMs } = tasksOf(thread, origin);
    report.extensionRuns += runs;
    report.misnamedMs = (report.misnamedMs ?? 0) + Math.round(misnamedMs);
    for (const task of tasks) {
      report.longestExtensionRunMs = Math.max(report.longestExtensionRunMs, Math.round(task.extensionMs));
      if (task.cpuMs < LONG_TASK_MS) continue;
      report.longTasks += 1;
      if (task.extensionMs >= task.cpuMs / 2) {
        report.extensionLongTasks.push({ durationMs: Math.round(task.cpuMs), extensionMs: Math.round(task.extensionMs) });
      }
    }
  }
  return report;
}

/** Cuts one thread's samples into tasks (see the file comment); `runs`: tasks the extension ran in. */
function tasksOf(thread: GeckoThread, origin: string): { tasks: Task[]; runs: number; misnamedMs: number } {
  const { samples } = thread;
  const ownerOf = sampleOwners(thread, origin);
  let misnamedMs = 0;

  const at = samples.schema;
  const tasks: Task[] = [];
  let current: (Task & { extension: boolean }) | undefined;
  let previous: { began: number; inExtension: boolean } | undefined;
  let runs = 0;
  for (const row of samples.data) {
    const time = Number(row[at.time ?? 1]);
    const recordedDelay = row[at.eventDelay ?? 2];
    const cpuMs = Number(row[at.threadCPUDelta ?? 4] ?? 0) / 1e6; // nanoseconds
    const owner = ownerOf(row[at.stack ?? 0] ?? null);
    const extension = owner.extension;
    if (owner.misnamed) misnamedMs += cpuMs;
    // No delay is recorded where the thread has not run since the sample before (the profiler
    // copies that sample): nothing new is known, the sample stays with the task before.
    const delay = recordedDelay === null || recordedDelay === undefined ? undefined : Number(recordedDelay);
    // When the running task was queued: fixed for the whole of one task.
    const began = delay === undefined ? previous?.began ?? time : time - delay;
    const sameTask = current && previous && (delay === undefined || (delay > 0 && Math.abs(began - previous.began) < 1));
    if (!sameTask || !current || !previous) {
      if (current?.extension) runs += 1;
      // The CPU time since the sample before may be the previous task's: no more than this
      // task's age is counted, and it is the extension's if this sample is.
      const ownMs = Math.min(cpuMs, delay ?? 0);
      current = { cpuMs: ownMs, extensionMs: extension ? ownMs : 0, extension };
      tasks.push(current);
    } else {
      // Between two samples of one task (usually 1 ms apart, more when the sampler waited for
      // a core) the time is shared between what the two samples saw.
      current.cpuMs += cpuMs;
      current.extensionMs += (cpuMs * (Number(extension) + Number(previous.inExtension))) / 2;
      current.extension ||= extension;
    }
    previous = { began, inExtension: extension };
  }
  if (current?.extension) runs += 1;
  return { tasks, runs, misnamedMs };
}
