/**
 * The matcher as the extension ships it, for the bench: src/core/matcher.ts bundled with the
 * extension's own esbuild options (one minified script, the module-level names of every file in
 * one function scope), then run here. How code is packaged changes how V8 reads those names in
 * the scan's loops: the same source bundled as one ES module instead ran about a fifth slower.
 * Bundled as the extension bundles it, it ran as fast as the source files loaded one by one.
 */
import { build } from 'esbuild';
import { runInThisContext } from 'node:vm';
import { bundleOptions } from '../build';

type MatcherModule = typeof import('../../src/core/matcher');

const GLOBAL_NAME = 'shippedMatcher';

export async function shippedMatcher(): Promise<MatcherModule> {
  const result = await build({ ...bundleOptions('chrome', false), entryPoints: ['src/core/matcher.ts'], globalName: GLOBAL_NAME, write: false });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild wrote no matcher bundle');
  runInThisContext(code, { filename: 'shipped-matcher.js' });
  return (globalThis as unknown as Record<string, MatcherModule>)[GLOBAL_NAME] as MatcherModule;
}
