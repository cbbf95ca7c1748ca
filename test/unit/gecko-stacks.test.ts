/**
 * The Firefox long-task attribution (test/browser/harness/gecko-profile.ts, gecko-stacks.ts) on
 * small hand-made profiles: whose a sample is, and that a frame the profiler misnamed as the
 * extension's, called straight from the page's script, leaves the page's task to the page.
 */
import { describe, expect, it } from 'vitest';
import { attribute } from '../browser/harness/gecko-profile';
import { sampleOwners, type StackTables } from '../browser/harness/gecko-stacks';

const ORIGIN = 'moz-extension://0000-test';
const EXT = (name: string): string => `${name} (${ORIGIN}/content.js:10:5)`;
const PAGE_SCRIPT = 'http://127.0.0.1:8000/page.html?visit=1:15:2';

/** Stack tables holding the given stacks, each listed root first; returns each stack's index. */
function tables(stacks: string[][]): StackTables & { leaves: number[] } {
  const stringTable: string[] = [];
  const frames: (number | null)[][] = [];
  const stackRows: (number | null)[][] = [];
  const frameOf = new Map<string, number>();
  const stackOf = new Map<string, number>();
  const leaves = stacks.map((names) => {
    let prefix: number | null = null;
    for (const name of names) {
      let frame = frameOf.get(name);
      if (frame === undefined) {
        stringTable.push(name);
        frame = frames.push([stringTable.length - 1]) - 1;
        frameOf.set(name, frame);
      }
      const key = `${prefix}/${frame}`;
      let stack = stackOf.get(key);
      if (stack === undefined) {
        stack = stackRows.push([prefix, frame]) - 1;
        stackOf.set(key, stack);
      }
      prefix = stack;
    }
    return prefix as number;
  });
  return {
    stringTable,
    frameTable: { schema: { location: 0 }, data: frames },
    stackTable: { schema: { prefix: 0, frame: 1 }, data: stackRows },
    leaves,
  };
}

function ownersOf(...stacks: string[][]): { extension: boolean; misnamed: boolean }[] {
  const t = tables(stacks);
  const owner = sampleOwners(t, ORIGIN);
  return t.leaves.map((leaf) => owner(leaf));
}

describe('sampleOwners', () => {
  it('counts the extension’s frames where the browser calls them', () => {
    expect(ownersOf(['(root)', 'requestIdleCallback handler', 'js::RunScript', EXT('run'), EXT('next'), 'Element.checkVisibility'])).toEqual([
      { extension: true, misnamed: false },
    ]);
  });

  it('leaves the page’s frames to the page', () => {
    expect(ownersOf(['(root)', 'EvaluateScript', 'js::RunScript', PAGE_SCRIPT, 'Document.createTextNode'])).toEqual([
      { extension: false, misnamed: false },
    ]);
  });

  it('takes an extension frame called straight from the page’s script for a misnamed one of the page', () => {
    expect(
      ownersOf(
        ['EvaluateScript', 'js::RunScript', PAGE_SCRIPT, EXT('readable'), 'Document.createTextNode'],
        ['EvaluateScript', 'js::RunScript', PAGE_SCRIPT, '0x7f82f4b34155', EXT('readable'), EXT('shown')],
        ['EvaluateScript', 'js::RunScript', PAGE_SCRIPT, 'forEach (self-hosted:145:22)', EXT('readable')],
      ),
    ).toEqual([
      { extension: false, misnamed: true },
      { extension: false, misnamed: true },
      { extension: false, misnamed: true },
    ]);
  });

  it('believes an extension frame the browser called on the page’s behalf (an event the page dispatched)', () => {
    expect(ownersOf(['js::RunScript', PAGE_SCRIPT, 'EventTarget.dispatchEvent', EXT('onPointer')])).toEqual([
      { extension: true, misnamed: false },
    ]);
  });

  it('counts a sample as the extension’s when a believed frame of it is on the stack besides a misnamed one', () => {
    expect(ownersOf(['js::RunScript', PAGE_SCRIPT, EXT('misnamed'), 'EventTarget.dispatchEvent', EXT('listener')])).toEqual([
      { extension: true, misnamed: false },
    ]);
  });
});

describe('attribute', () => {
  /** A profile of one page process whose main thread ran one task of `ms` samples of `stack`. */
  function profileOf(stack: string[], ms: number): Parameters<typeof attribute>[0] {
    const t = tables([['(root)', 'idle'], stack]);
    const [idle, busy] = t.leaves;
    // time, eventDelay (ms since the task was queued), threadCPUDelta (ns), stack
    const data: (number | null)[][] = [[0, 0, 0, idle ?? null]];
    for (let i = 1; i <= ms; i++) data.push([1000 + i, i, 1e6, busy ?? null]);
    data.push([1000 + ms + 1, 0, 0, idle ?? null]);
    const thread = {
      name: 'GeckoMain',
      processType: 'tab',
      processName: 'Isolated Web Content',
      pid: 1,
      samples: { schema: { time: 0, eventDelay: 1, threadCPUDelta: 2, stack: 3 }, data },
      stackTable: t.stackTable,
      frameTable: t.frameTable,
      stringTable: t.stringTable,
    };
    return { meta: { interval: 1 }, threads: [], processes: [{ meta: { interval: 1 }, threads: [thread], processes: [] }] };
  }

  it('finds the extension’s long task', () => {
    const report = attribute(profileOf(['requestIdleCallback handler', 'js::RunScript', EXT('run')], 300), ORIGIN);
    expect(report.extensionLongTasks).toHaveLength(1);
    expect(report.extensionLongTasks[0]?.extensionMs).toBeGreaterThanOrEqual(290);
    expect(report.misnamedMs).toBe(0);
  });

  it('refuses a profile whose buffer dropped the start of the pages’ samples', () => {
    const profile = profileOf(['requestIdleCallback handler', 'js::RunScript', EXT('run')], 300);
    expect(() => attribute({ ...profile, meta: { interval: 1, profilingStartTime: 100, contentEarliestTime: 101 } }, ORIGIN)).not.toThrow();
    expect(() => attribute({ ...profile, meta: { interval: 1, profilingStartTime: 100, contentEarliestTime: 30_000 } }, ORIGIN)).toThrow(/ran over/);
  });

  it('leaves the page’s long task with misnamed frames to the page, and says how much it left', () => {
    const report = attribute(profileOf(['EvaluateScript', 'js::RunScript', PAGE_SCRIPT, EXT('readable'), 'Document.createTextNode'], 300), ORIGIN);
    expect(report.longTasks).toBe(1);
    expect(report.extensionLongTasks).toEqual([]);
    expect(report.misnamedMs).toBeGreaterThanOrEqual(290);
  });
});
