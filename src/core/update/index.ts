/**
 * Turns a downloaded list file into a bundle that may replace the one in use, or says in plain
 * words why not. Pure apart from WebCrypto and TextDecoder; the background does the fetching,
 * storing and swapping. Steps: signature (when a key is pinned) → decode → recognise and convert
 * (the build's own `detectAndConvert`) → plausibility against the list in use.
 */
import type { Bundle } from '../model';
import type { IsCommonWord } from '../list/ambiguity';
import { detectAndConvertWithPauses } from '../list/bundle';
import { checkNewList, DEFAULT_MAX_LOSS_SHARE } from './plausibility';
import { signatureUrlFor, verifyDetached } from './signature';

export { checkNewList, DEFAULT_MAX_LOSS_SHARE, PER_LIST_MIN_ENTRIES, effectiveMaxLossShare, type CheckResult, type PlausibilityOptions } from './plausibility';
export { base64ToBytes, SIGNATURE_MAX_BYTES, signatureUrlFor, verifyDetached } from './signature';
export * from './schedule';
export * from './status';

export interface UpdateInput {
  /** The downloaded body, exactly as received (after HTTP decompression). */
  bytes: Uint8Array;
  /** The Content-Type header, if any; only used to name a web page for what it is. */
  contentType?: string;
  /** The address the list came from: named in the bundle's origin and in errors. */
  url: string;
  /** The list in use, for the loss check; absent on a first install without one. */
  current?: Bundle;
  /** Ordinary words for ambiguity marks; `commonWordsFromBundle(embedded)` in the extension. */
  commonWords?: IsCommonWord;
  /** The pinned Ed25519 public key (raw, base64); empty or absent accepts unsigned lists. */
  publicKey?: string;
  /** The text of the `.sig` file, when one was downloaded. */
  signature?: string;
  /** Largest share of entries the new list may lose (0–1); default 0.2. */
  maxLossShare?: number;
  /**
   * Compare each source list with the list in use, not only the total (default true). Pass
   * false while the list in use is the embedded snapshot: see plausibility.ts.
   */
  comparePerList?: boolean;
  /** Milliseconds since the epoch: gives the data date of a CSV, which states none. */
  now: number;
}

export type UpdateOutcome =
  | {
      ok: true;
      bundle: Bundle;
      /** Where the list came from, in words; also written into `bundle.origin`. */
      origin: string;
      kind: 'bundle' | 'csl-json' | 'csl-csv';
      /** Records of the file that could not become entries (unknown list, no name …). */
      skipped: number;
      signed: boolean;
    }
  | { ok: false; error: string };

/** The last path segment of the address, for error messages ("consolidated.json"). */
export function fileNameOf(url: string): string {
  try {
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    return name || 'downloaded list';
  } catch {
    return 'downloaded list';
  }
}

/** Bytes → text: UTF-8 (a byte-order mark is dropped) or UTF-16 with its mark; else an error. */
export function decodeListText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if (bytes.length === 0) return { ok: false, error: 'the downloaded file is empty' };
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { ok: false, error: 'the file is compressed (gzip); serve it uncompressed, or with Content-Encoding: gzip' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { ok: false, error: 'the file is a ZIP archive, not a list' };
  let text: string;
  try {
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'the file is not UTF-8 text' };
  }
  if (text.includes('\u0000')) return { ok: false, error: 'the file is binary, not a text list' };
  return { ok: true, text };
}

/**
 * Lets queued events (a content script's `match`, an options page message) run between the
 * steps of a conversion, which pauses every few hundred entries (measured in
 * test/unit/update/measure-large.ts).
 */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function prepare(input: UpdateInput): Promise<UpdateOutcome> {
  const fail = (error: string): UpdateOutcome => ({ ok: false, error });
  const keyed = !!input.publicKey?.trim();
  // The signature is checked first, on the exact bytes: nothing unsigned is even parsed.
  if (keyed) {
    if (!input.signature?.trim()) return fail(`a signing key is set, but the list has no signature (expected at ${signatureUrlFor(input.url)})`);
    if (!(await verifyDetached(input.bytes, input.signature, input.publicKey ?? ''))) {
      return fail('the list\'s signature does not match the signing key that is set (signed with another key, or the file was changed)');
    }
  }
  const decoded = decodeListText(input.bytes);
  if (!decoded.ok) return fail(decoded.error);
  const head = decoded.text.trimStart().slice(0, 200).toLowerCase();
  if (/^(text\/html|application\/xhtml)/i.test(input.contentType?.trim() ?? '') || head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<') && head.includes('<body'))) {
    return fail('the server sent a web page instead of a list (often a login, error or "moved" page)');
  }
  if (head.startsWith('<')) return fail('the file is XML or HTML, not a list (JSON or CSV)');

  const file = fileNameOf(input.url);
  await breathe();
  const r = await detectAndConvertWithPauses(
    decoded.text,
    file,
    {
      origin: `Consolidated Screening List downloaded from ${input.url}`,
      ...(input.commonWords ? { isCommonWord: input.commonWords } : {}),
      today: new Date(input.now).toISOString().slice(0, 10),
    },
    breathe,
  );
  if (!r.ok) return fail(r.error);
  if (keyed && r.kind !== 'bundle') {
    return fail('a signing key is set, so only signed bundles made by the list script are accepted; this file is an official list (convert and sign it with npm run build-list)');
  }
  const origin = r.kind === 'bundle' ? `${r.bundle.origin}, downloaded from ${input.url}${keyed ? ' (signature checked)' : ''}` : r.bundle.origin;
  const bundle: Bundle = { ...r.bundle, origin };
  await breathe();
  // A signed list older than the one in use is refused: whoever controls the mirror or the path
  // to it could otherwise serve an old signed copy again and quietly undo later additions.
  if (keyed && input.current && bundle.dataDate < input.current.dataDate) {
    return fail(`the signed list is dated ${bundle.dataDate}, older than the list in use (${input.current.dataDate}); an older signed list is not accepted`);
  }
  const check = checkNewList(input.current, bundle, { maxLossShare: input.maxLossShare ?? DEFAULT_MAX_LOSS_SHARE, perList: input.comparePerList !== false });
  if (!check.ok) return fail(check.error);
  return { ok: true, bundle, origin, kind: r.kind, skipped: r.skipped.length, signed: keyed };
}

/** See the module comment. Never throws: an unexpected error becomes a refusal. */
export async function prepareUpdate(input: UpdateInput): Promise<UpdateOutcome> {
  try {
    return await prepare(input);
  } catch (err) {
    return { ok: false, error: `the list could not be read (${err instanceof Error ? err.message : String(err)})` };
  }
}
