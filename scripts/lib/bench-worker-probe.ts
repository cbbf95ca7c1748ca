/**
 * Bundled on the fly and evaluated inside the extension's own service worker (through DevTools),
 * so that ready time is measured where the extension really builds its matcher: the embedded
 * list read and inflated the way the worker reads it, the matcher compiled, and the same matcher
 * loaded again from its serialised tables. The same code as the extension's, from src/core.
 */
import { parseBundle } from '../../src/core/list/bundle';
import { compileMatcher, loadMatcher } from '../../src/core/matcher';
import { includeFor } from '../../src/core/selection';
import { defaults } from '../../src/shared/settings';

export interface WorkerReadyFigures {
  fetchAndInflateMs: number;
  validateMs: number;
  compileMs: number;
  serializeMs: number;
  /** Serialised tables as JSON, characters. */
  tablesChars: number;
  /** JSON.parse of the tables and loadMatcher, together. */
  loadMs: number;
  /** The loaded matcher finds what the compiled one finds (a check that the load is real). */
  sameMentions: boolean;
}

async function probe(): Promise<WorkerReadyFigures> {
  let t = performance.now();
  const response = await fetch(chrome.runtime.getURL('data/bundle.json.gz'));
  if (!response.body) throw new Error('no bundle');
  const raw: unknown = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).json();
  const fetchAndInflateMs = performance.now() - t;
  t = performance.now();
  const parsed = parseBundle(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  const validateMs = performance.now() - t;
  const include = includeFor(defaults);
  t = performance.now();
  const matcher = compileMatcher(parsed.bundle.entries, { include });
  const compileMs = performance.now() - t;
  t = performance.now();
  const tables = JSON.stringify(matcher.serialize());
  const serializeMs = performance.now() - t;
  t = performance.now();
  const loaded = loadMatcher(JSON.parse(tables), parsed.bundle.entries, { include });
  const loadMs = performance.now() - t;
  const sample = 'Shipments to Huawei Technologies Co., Ltd. and NSO Group were stopped.';
  const sameMentions = JSON.stringify(loaded.find(sample)) === JSON.stringify(matcher.find(sample)) && matcher.find(sample).length > 0;
  return { fetchAndInflateMs, validateMs, compileMs, serializeMs, tablesChars: tables.length, loadMs, sameMentions };
}

Object.defineProperty(globalThis, '__benchWorkerProbe', { value: probe, configurable: true });
