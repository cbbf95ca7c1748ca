/**
 * Makes the extension's list bundle.
 *
 *   npm run build-list                               data/raw/* → extension/data/bundle.json
 *   npm run build-list -- --from FILE [--out FILE]   an official CSL download (consolidated.json
 *                                                    or the CSV) or a bundle → a bundle
 *   … --sign KEYFILE                                 also writes OUT.sig: the base64 Ed25519
 *                                                    signature of OUT's exact bytes; KEYFILE is
 *                                                    a PKCS#8 PEM (`openssl genpkey -algorithm ed25519`)
 *   npm run build-list -- --print-public-key KEYFILE the raw public key in base64, for the
 *                                                    `listPublicKey` setting or policy
 *
 * Prints what it joined, cleaned and marked ambiguous. On bad input it names the file and the
 * place, exits with status 1, and leaves the existing output untouched. The conversion itself
 * is in src/core/list/ (pure), so the extension converts downloads the same way.
 */
import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Bundle } from '../src/core/model';
import { detectAndConvert } from '../src/core/list/bundle';
import type { CleanReport, Tally } from '../src/core/list/clean';
import { ListFileError } from '../src/core/list/errors';
import { buildFromRaw, RAW_FILES } from '../src/core/list/raw';
import { loadCommonWords } from './lib/common-words';

const RAW = 'data/raw';
const DEFAULT_OUT = 'extension/data/bundle.json';

function readInput(path: string, shownAs = path): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read the file';
    throw new ListFileError(why, shownAs);
  }
}

function fromRaw(log: string[]): { bundle: Bundle; report: CleanReport } {
  const read = (f: string): string => readInput(join(RAW, f), f);
  const dir = RAW_FILES.sdnDir;
  const built = buildFromRaw(
    {
      kaist: read(RAW_FILES.kaist),
      csl: read(RAW_FILES.csl),
      spyware: read(RAW_FILES.spyware),
      dpl: read(RAW_FILES.dpl),
      sdn: { sdn: read(`${dir}/sdn.csv`), alt: read(`${dir}/alt.csv`), add: read(`${dir}/add.csv`), comments: read(`${dir}/sdn_comments.csv`) },
    },
    loadCommonWords(),
  );
  log.push(...built.log);
  return built;
}

function fromFile(file: string, log: string[]): { bundle: Bundle; report: CleanReport } {
  const r = detectAndConvert(readInput(file), basename(file), { isCommonWord: loadCommonWords() });
  if (!r.ok) throw new ListFileError(r.reason, r.file, r.place);
  log.push(`read ${file} as ${r.kind === 'bundle' ? 'a bundle (checked, written unchanged)' : r.kind === 'csl-json' ? 'an official consolidated.json' : 'an official CSL CSV'}`);
  for (const s of r.skipped) log.push(`${basename(file)} ${s.place}: skipped, ${s.reason}`);
  return r;
}

function printTally(title: string, tally: Tally): void {
  console.log(title);
  if (tally.counts.size === 0) console.log('  (none)');
  for (const [kind, n] of tally.counts) console.log(`  ${kind}: ${n}, e.g. ${(tally.examples.get(kind) ?? []).join(' | ')}`);
}

/** Writes beside the target, then renames: a failure never leaves a half-written bundle. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** An Ed25519 private key from a PEM file (what `openssl genpkey -algorithm ed25519` writes). */
function readSigningKey(path: string): KeyObject {
  const pem = readInput(path);
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new ListFileError('not a private key in PEM form (make one with: openssl genpkey -algorithm ed25519 -out KEYFILE)', path);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ListFileError(`an ${key.asymmetricKeyType ?? 'unknown'} key, not an Ed25519 key`, path);
  return key;
}

/** The raw 32-byte public key in base64: the last 32 bytes of its DER SubjectPublicKeyInfo. */
function publicKeyBase64(key: KeyObject): string {
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return spki.subarray(spki.length - 32).toString('base64');
}

function main(): void {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, out: { type: 'string' }, sign: { type: 'string' }, 'print-public-key': { type: 'string' } },
    strict: true,
  });
  if (values['print-public-key'] !== undefined) {
    console.log(publicKeyBase64(readSigningKey(values['print-public-key'])));
    return;
  }
  // The key is read before the work, so a bad key file fails fast and writes nothing.
  const signingKey = values.sign !== undefined ? readSigningKey(values.sign) : undefined;
  const out = values.out ?? DEFAULT_OUT;
  const log: string[] = [];
  const { bundle, report } = values.from ? fromFile(values.from, log) : fromRaw(log);
  const text = JSON.stringify(bundle);
  writeAtomically(out, text);
  const sigPath = `${out}.sig`;
  if (signingKey) {
    writeAtomically(sigPath, `${sign(null, Buffer.from(text, 'utf8'), signingKey).toString('base64')}\n`);
    log.push(`signed: wrote ${sigPath} (public key ${publicKeyBase64(signingKey)})`);
  } else if (existsSync(sigPath)) {
    // A signature of the previous file would now be wrong; better none than a false one.
    rmSync(sigPath);
    log.push(`removed ${sigPath}: it signed the previous file (use --sign to sign this one)`);
  }
  for (const line of log) console.log(line);
  printTally('cleaned (plainly wrong):', report.cleaned);
  printTally('marked ambiguous (flagged only in context):', report.ambiguous);
  console.log(`counts: ${Object.entries(bundle.counts).map(([k, v]) => `${k} ${v}`).join(', ')}; ${bundle.entries.length} entries`);
  console.log(`wrote ${out}: ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, data date ${bundle.dataDate}`);
}

try {
  main();
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`build-list: ${message}`);
  process.exit(1);
}
