/**
 * Detached Ed25519 signatures over the exact bytes of a list file.
 *
 * Where the signature lives: beside the list, at the list's address with `.sig` added to the
 * path (`https://host/lists/bundle.json?x=1` → `https://host/lists/bundle.json.sig?x=1`). The
 * `.sig` file is the 64-byte signature in base64, as text; surrounding white space (a trailing
 * newline) is allowed. `npm run build-list -- --from F --out F --sign KEY` writes it.
 *
 * Only WebCrypto is used (`crypto.subtle`, Ed25519), which service workers, Firefox's background
 * page and Node 20 all provide, so this module stays pure.
 */
import { ed25519KeyBase64 } from '../../shared/settings';

/** Longest `.sig` file worth reading: a signature is 88 base64 characters. */
export const SIGNATURE_MAX_BYTES = 1024;

const ED25519 = { name: 'Ed25519' } as const;

/** The address of the signature that belongs to the list at `listUrl`. */
export function signatureUrlFor(listUrl: string): string {
  try {
    const url = new URL(listUrl);
    url.pathname += '.sig';
    return url.href;
  } catch {
    return `${listUrl}.sig`;
  }
}

/** Strict base64 (white space ignored) to bytes, or undefined for anything else. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const b64 = text.replace(/\s+/g, '');
  if (b64.length === 0 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
  try {
    const binary = atob(b64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** The bytes on a plain ArrayBuffer (copied only when shared): what WebCrypto accepts. */
function plain(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (bytes.buffer instanceof ArrayBuffer) return bytes as Uint8Array<ArrayBuffer>;
  const copy = new Uint8Array(new ArrayBuffer(bytes.byteLength));
  copy.set(bytes);
  return copy;
}

/**
 * True when `signatureBase64` is a valid Ed25519 signature of exactly `bytes` under the public
 * key (the raw 32-byte key in base64; the SPKI form `openssl pkey -pubout` writes is accepted
 * too). False for everything else, including malformed base64, a key or signature of the wrong
 * length and a runtime without Ed25519 support. Never throws.
 */
export async function verifyDetached(bytes: Uint8Array, signatureBase64: string, publicKeyBase64: string): Promise<boolean> {
  try {
    const keyText = ed25519KeyBase64(publicKeyBase64);
    const key = keyText ? base64ToBytes(keyText) : undefined;
    const signature = base64ToBytes(signatureBase64);
    if (!key || key.length !== 32 || !signature || signature.length !== 64) return false;
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) return false;
    const cryptoKey = await subtle.importKey('raw', plain(key), ED25519, false, ['verify']);
    return await subtle.verify(ED25519, cryptoKey, plain(signature), plain(bytes));
  } catch {
    return false;
  }
}
