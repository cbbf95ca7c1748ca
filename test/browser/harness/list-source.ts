/**
 * A local stand-in for the official list download (and for an organisation's mirror): the
 * official `consolidated.json` format, made from the embedded list plus named new parties, with
 * ETag / If-None-Match, and switchable failures.
 */
import { createHash, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIST_NAMES, type Bundle, type Entry, type ListCode } from '../../../src/core/model';
import { PROJECT_ROOT, type FixtureServer, type RouteReply } from './server';

export const LIST_PATH = '/csl/consolidated.json';

export type SourceMode =
  | 'ok'
  | 'not-found'
  | 'server-error'
  | 'web-page'
  | 'truncated'
  | 'empty-list'
  | 'half-the-list'
  | 'not-a-list';

const CSL_TYPES: Record<Entry['type'], string> = { entity: 'Entity', individual: 'Individual', vessel: 'Vessel', aircraft: 'Aircraft' };

function embeddedBundle(): Bundle {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, 'extension/data/bundle.json'), 'utf8')) as Bundle;
}

/** One official record, as trade.gov's consolidated.json has them. */
function record(e: Pick<Entry, 'id' | 'list' | 'type' | 'name' | 'aliases'> & { reason?: string }): Record<string, unknown> {
  return {
    _id: e.id,
    source: LIST_NAMES[e.list as ListCode] ?? LIST_NAMES.EL,
    type: CSL_TYPES[e.type],
    name: e.name,
    alt_names: e.aliases ?? [],
    ...(e.reason ? { remarks: e.reason } : {}),
  };
}

/** consolidated.json with every embedded entry and the new ones on the Entity List. */
export function officialListJson(newNames: readonly string[], keepShare = 1): string {
  const entries = embeddedBundle().entries.filter((e) => e.list !== 'CUSTOM');
  const kept = entries.slice(0, Math.floor(entries.length * keepShare));
  const added = newNames.map((name, i) => record({ id: `test-new-${i}`, list: 'EL', type: 'entity', name, reason: 'Added by the update test.' }));
  return JSON.stringify({ results: [...kept.map(({ id, list, type, name, aliases }) => record({ id, list, type, name, aliases })), ...added] });
}

/**
 * A bundle as the project's list script writes it (an organisation's mirror), with the
 * embedded entries and `extra`, and a detached Ed25519 signature of its exact bytes.
 */
export function signedBundle(extra: Entry[], privateKey: KeyObject, dataDate = new Date().toISOString().slice(0, 10)): { json: string; signature: string } {
  // Dated today by default, as a mirror signs a fresh bundle: one older than the list in use is refused.
  const bundle = embeddedBundle();
  const json = JSON.stringify({ ...bundle, dataDate, origin: 'test mirror', entries: [...bundle.entries, ...extra] });
  return { json, signature: sign(null, Buffer.from(json), privateKey).toString('base64') };
}

/** The raw 32-byte public key in base64, as `listPublicKey` takes it. */
export function rawPublicKey(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'der' }).subarray(12).toString('base64');
}

export interface ListSource {
  readonly url: string;
  mode: SourceMode;
  /** Requests seen, with the If-None-Match each carried. */
  readonly requests: { ifNoneMatch?: string }[];
  /** Replaces the list served in 'ok' mode (its ETag changes with it), and its `.sig` file. */
  serve(json: string, signature?: string): void;
}

export function startListSource(server: FixtureServer, initial: string): ListSource {
  let body = initial;
  let etag = '';
  let sig: string | undefined;
  const setBody = (json: string, signature?: string): void => {
    body = json;
    sig = signature;
    etag = `"${createHash('sha256').update(json).digest('hex').slice(0, 16)}"`;
  };
  setBody(initial);
  const source: ListSource = {
    url: server.url(LIST_PATH),
    mode: 'ok',
    requests: [],
    serve: setBody,
  };
  server.route(`${LIST_PATH}.sig`, () =>
    sig === undefined ? { status: 404, body: 'no signature', contentType: 'text/plain' } : { body: `${sig}\n`, contentType: 'text/plain' },
  );
  server.route(LIST_PATH, (request): RouteReply => {
    const ifNoneMatch = request.headers['if-none-match'];
    source.requests.push(typeof ifNoneMatch === 'string' ? { ifNoneMatch } : {});
    const json = 'application/json';
    switch (source.mode) {
      case 'not-found':
        return { status: 404, body: 'not found', contentType: 'text/plain' };
      case 'server-error':
        return { status: 500, body: 'internal error', contentType: 'text/plain' };
      case 'web-page':
        return { body: '<!doctype html><html><body><h1>Please sign in</h1></body></html>', contentType: 'text/html' };
      case 'truncated':
        return { body: body.slice(0, Math.floor(body.length / 2)), contentType: json };
      case 'empty-list':
        return { body: '{"results": []}', contentType: json };
      case 'half-the-list':
        return { body: officialListJson([], 0.5), contentType: json };
      case 'not-a-list':
        return { body: '{"message": "rate limited"}', contentType: json };
      case 'ok':
        if (ifNoneMatch === etag) return { status: 304, body: '' };
        return { body, contentType: json, headers: { etag } };
    }
  });
  return source;
}
