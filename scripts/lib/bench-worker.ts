/**
 * The extension's service worker, measured in Chromium: ready time of the matcher inside the
 * worker (compile from the bundle, load from serialised tables), the real cold start (a stopped
 * worker woken by a page's `match` message), and the worker's heap.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { evaluateIn, extensionPage, heapAfterGc, stopWorkers, workerTarget, type HeapFigures } from './bench-chromium';
import type { WorkerReadyFigures } from './bench-worker-probe';
import { PROJECT_ROOT } from '../../test/browser/harness/server';

export type { WorkerReadyFigures };

async function probeSource(): Promise<string> {
  const out = await build({
    entryPoints: [join(PROJECT_ROOT, 'scripts/lib/bench-worker-probe.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('the worker probe did not build');
  return file.text;
}

/** Compile and load timed inside the running worker. */
export async function readyInWorker(browser: Browser): Promise<WorkerReadyFigures> {
  const session = await (await workerTarget(browser)).createCDPSession();
  try {
    await evaluateIn(session, await probeSource());
    return await evaluateIn<WorkerReadyFigures>(session, 'globalThis.__benchWorkerProbe()');
  } finally {
    await session.detach().catch(() => undefined);
  }
}

export interface ColdStart {
  /** A stopped worker woken by `match`: start, list read and inflated, matcher compiled, reply. */
  firstMatchMs: number;
  /** The next `match`, with everything ready. */
  warmMatchMs: number;
  mentions: number;
}

const MATCH_SAMPLE = 'Shipments to Huawei Technologies Co., Ltd. were stopped.';

/** Times a `match` message sent from an extension page, the way a content script sends it. */
const timedMatch = `(async () => {
  const t = performance.now();
  const reply = await chrome.runtime.sendMessage({ type: 'match', payload: { texts: [${JSON.stringify(MATCH_SAMPLE)}] } });
  return { ms: performance.now() - t, mentions: reply && reply.mentions ? reply.mentions[0].length : -1 };
})()`;

export async function coldStart(browser: Browser): Promise<ColdStart> {
  const page = await extensionPage(browser);
  try {
    await stopWorkers(page);
    const first = (await page.evaluate(timedMatch)) as { ms: number; mentions: number };
    const warm = (await page.evaluate(timedMatch)) as { ms: number; mentions: number };
    return { firstMatchMs: first.ms, warmMatchMs: warm.ms, mentions: first.mentions };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** The worker's heap after a full collection (its matcher and list in memory). */
export async function workerHeap(browser: Browser): Promise<HeapFigures> {
  const session = await (await workerTarget(browser)).createCDPSession();
  try {
    return await heapAfterGc(session);
  } finally {
    await session.detach().catch(() => undefined);
  }
}
