/**
 * Builds the unpacked extension for each browser: `dist/chrome/` and `dist/firefox/`.
 *
 *   npm run build                      both browsers, minified
 *   npm run build -- --browser firefox one browser
 *   npm run build -- --debug           with source maps, not minified (same checks, same code)
 *
 * The manifest is `manifest.json` plus a small per-browser overlay (`manifest.<browser>.json`);
 * the version comes from package.json.
 */
import { build, type BuildOptions } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { contentCss } from '../src/content/highlight-css';

export const BROWSERS = ['chrome', 'firefox'] as const;
export type Browser = (typeof BROWSERS)[number];

const ENTRY_POINTS = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  popup: 'src/popup/index.tsx',
  options: 'src/options/index.tsx',
};

type Json = Record<string, unknown>;

/** Overlay values replace base values, except objects, which are merged key by key. */
function merge(base: Json, overlay: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(overlay)) {
    const b = out[k];
    const bothObjects = v && b && typeof v === 'object' && typeof b === 'object' && !Array.isArray(v) && !Array.isArray(b);
    out[k] = bothObjects ? merge(b as Json, v as Json) : v;
  }
  return out;
}

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

export function manifestFor(browser: Browser): Json {
  const pkg = readJson('package.json');
  const manifest = merge(readJson('manifest.json'), readJson(`manifest.${browser}.json`));
  manifest.version = pkg.version;
  return manifest;
}

/** How each script is bundled; the bench bundles the matcher the same way (scripts/lib/shipped-matcher.ts). */
export function bundleOptions(browser: Browser, debug: boolean): BuildOptions {
  return {
    bundle: true,
    format: 'iife',
    target: browser === 'chrome' ? ['chrome120'] : ['firefox140'],
    minify: !debug,
    sourcemap: debug ? 'linked' : false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  };
}

export async function buildBrowser(browser: Browser, debug: boolean): Promise<string> {
  const out = join('dist', browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  if (!existsSync('extension/data/bundle.json')) {
    throw new Error('extension/data/bundle.json is missing: run `npm run build-list` first');
  }
  cpSync('extension', out, { recursive: true, filter: (src) => !src.endsWith('bundle.json') });
  // The list ships compressed (about a fifth of its size); the worker inflates it with
  // DecompressionStream. Store linters also refuse JSON files of several megabytes.
  const bundleText = readFileSync('extension/data/bundle.json');
  writeFileSync(join(out, 'data/bundle.json.gz'), gzipSync(bundleText, { level: 9 }));
  // The worker compares a downloaded list with its own by date before it inflates its own.
  const embeddedDataDate = (JSON.parse(bundleText.toString('utf8')) as { dataDate?: unknown }).dataDate;
  if (typeof embeddedDataDate !== 'string') throw new Error('extension/data/bundle.json has no dataDate');
  await build({
    ...bundleOptions(browser, debug),
    entryPoints: ENTRY_POINTS,
    outdir: out,
    define: { __BROWSER__: JSON.stringify(browser), __EMBEDDED_DATA_DATE__: JSON.stringify(embeddedDataDate) },
  });
  writeFileSync(join(out, 'content.css'), contentCss(browser));
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifestFor(browser), null, 2)}\n`);
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      browser: { type: 'string', default: 'all' },
      debug: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const wanted = values.browser === 'all' ? [...BROWSERS] : [values.browser];
  for (const b of wanted) {
    if (!(BROWSERS as readonly string[]).includes(b ?? '')) {
      throw new Error(`--browser must be chrome, firefox or all, not "${b}"`);
    }
  }
  for (const b of wanted as Browser[]) {
    const out = await buildBrowser(b, values.debug);
    console.log(`built ${out}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
