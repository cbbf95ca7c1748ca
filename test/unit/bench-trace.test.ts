/** How the benchmark reads a Chromium trace: tasks, blocking time, and which tasks are the extension's. */
import { describe, expect, it } from 'vitest';
import { mainThreadFigures, type TraceEvent } from '../../scripts/lib/bench-trace';

const ORIGIN = 'chrome-extension://abc';
const FRAME = 'F1';
const PAGE = { pid: 1, tid: 1 };
const WORKER = { pid: 2, tid: 7 };

const task = (startMs: number, ms: number, at = PAGE): TraceEvent => ({ name: 'RunTask', cat: 'toplevel', ph: 'X', ts: startMs * 1000, dur: ms * 1000, ...at });
const call = (startMs: number, ms: number, url: string, at = PAGE): TraceEvent => ({
  name: 'FunctionCall', cat: 'devtools.timeline', ph: 'X', ts: startMs * 1000, dur: ms * 1000, ...at, args: { data: { url, frame: FRAME } },
});

describe('mainThreadFigures', () => {
  const events: TraceEvent[] = [
    { name: 'ParseHTML', cat: 'devtools.timeline', ph: 'X', ts: 0, dur: 1000, ...PAGE, args: { beginData: { frame: FRAME } } },
    task(0, 120), // the page's own long task
    call(10, 100, 'http://127.0.0.1/page.js'),
    task(200, 80), // a long task running the content script
    call(210, 60, `${ORIGIN}/content.js`),
    { ...task(300, 30), tdur: 12_000 }, // a short one running it; the thread ran for 12 ms of its 30
    call(305, 20, `${ORIGIN}/content.js`),
    task(400, 90, { pid: 1, tid: 2 }), // another thread: not the page's
    task(0, 40, WORKER),
    call(1, 30, `${ORIGIN}/background.js`, WORKER),
  ];
  const f = mainThreadFigures(events, FRAME, ORIGIN);

  it('counts the blocking time of every task of the page main thread only', () => {
    expect(f.totalBlockingMs).toBeCloseTo(70 + 30);
    expect(f.longTasks).toEqual([120, 80]);
  });

  it('attributes to the extension only the tasks its scripts ran in', () => {
    expect(f.extensionLongTasks).toEqual([80]);
    expect(f.extensionLongestMs).toBe(80);
    expect(f.extensionBlockingMs).toBeCloseTo(30);
    expect(f.extensionScriptMs).toBeCloseTo(80);
  });

  it('sums the CPU time of the page main thread\'s tasks, the duration where no thread time is given', () => {
    expect(f.taskCpuMs).toBeCloseTo(120 + 80 + 12);
  });

  it('counts blocking time in CPU time too, where a long task spent part of its time waiting', () => {
    const waited = mainThreadFigures([events[0] as TraceEvent, { ...task(0, 120), tdur: 45_000 }, { ...task(200, 80), tdur: 70_000 }], FRAME, ORIGIN);
    expect(waited.totalBlockingMs).toBeCloseTo(70 + 30);
    expect(waited.cpuBlockingMs).toBeCloseTo(20);
  });

  it('finds the worker thread by its script and sums its tasks', () => {
    expect(f.workerBusyMs).toBeCloseTo(40);
  });

  it('counts frames and rendering phases on the page main thread, and the observers inside Commit', () => {
    const phase = (name: string, startMs: number, ms: number, at = PAGE): TraceEvent => ({ name, cat: 'devtools.timeline', ph: 'X', ts: startMs * 1000, dur: ms * 1000, ...at });
    const frames = mainThreadFigures(
      [
        ...events,
        phase('PrePaint', 500, 3),
        phase('Paint', 504, 2),
        phase('Commit', 507, 6),
        phase('IntersectionObserverController::computeIntersections', 508, 4),
        phase('PrePaint', 520, 1),
        phase('Commit', 522, 2),
        phase('IntersectionObserverController::computeIntersections', 522, 1, { pid: 1, tid: 2 }), // not the page's thread
      ],
      FRAME,
      ORIGIN,
    );
    expect(frames.frames).toBe(2);
    expect(frames.prePaintMs).toBeCloseTo(4);
    expect(frames.paintMs).toBeCloseTo(10);
    expect(frames.observerMs).toBeCloseTo(4);
  });

  it('reports nothing for a frame the trace does not show', () => {
    const none = mainThreadFigures(events, 'other', ORIGIN);
    expect(none.totalBlockingMs).toBe(0);
    expect(none.extensionLongTasks).toEqual([]);
  });
});
