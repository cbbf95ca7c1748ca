/**
 * A small static server for browser tests, on 127.0.0.1 and a port the OS picks. It serves:
 * - routes registered at run time (built pages, or handlers for dynamic fixtures);
 * - files from folders mounted under a prefix (the real pages under /pages/).
 * The query string never selects a route, so tests can make each tab's address unique.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
/** Saved real pages; a sibling of the project, present in CI too. */
export const SHARED_PAGES_DIR = resolve(PROJECT_ROOT, '../shared/data/pages');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface RouteReply {
  body: string | Buffer;
  /** Defaults to HTML. */
  contentType?: string;
  status?: number;
  headers?: Record<string, string>;
}

/** A fixed body (HTML unless the path's extension says otherwise), or a function of the request. */
export type Route = string | ((request: IncomingMessage, url: URL) => RouteReply | Promise<RouteReply>);

export interface FixtureServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The absolute address of a path on this server. */
  url(path: string): string;
  route(path: string, route: Route): void;
  /** Serves the files of `dir` under `prefix` (e.g. '/pages/'), with extra response headers. */
  mount(prefix: string, dir: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/**
 * Saved real pages are shown as saved: their own scripts and remote resources are blocked by a
 * Content Security Policy. There is no network here, and the live sites' scripts would redirect
 * or rewrite the page, so what a test sees would depend on them. Extension content scripts are
 * not subject to the page's policy.
 */
export const SAVED_PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:",
};

export async function startServer(): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const mounts: { prefix: string; dir: string; headers: Record<string, string> }[] = [
    { prefix: '/pages/', dir: SHARED_PAGES_DIR, headers: SAVED_PAGE_HEADERS },
  ];

  async function answer(request: IncomingMessage): Promise<RouteReply> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const route = routes.get(path);
    if (typeof route === 'string') return { body: route, contentType: extname(path) ? contentTypeOf(path) : CONTENT_TYPES['.html'] };
    if (route) return route(request, url);
    for (const { prefix, dir, headers } of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = resolve(dir, `.${sep}${path.slice(prefix.length)}`);
      // Never outside the mounted folder, whatever the request says.
      if (!file.startsWith(dir + sep)) return { status: 403, body: 'forbidden', contentType: 'text/plain' };
      try {
        return { body: await readFile(file), contentType: contentTypeOf(file), headers };
      } catch {
        break;
      }
    }
    return { status: 404, body: 'not found', contentType: 'text/plain' };
  }

  const server = createServer((request, response) => {
    answer(request)
      .then((reply) => {
        response.writeHead(reply.status ?? 200, {
          'content-type': reply.contentType ?? CONTENT_TYPES['.html'],
          'cache-control': 'no-store',
          ...reply.headers,
        });
        response.end(reply.body);
      })
      .catch((err: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(err));
      });
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test server has no port');
  const origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    url: (path) => new URL(path, origin).href,
    route: (path, route) => void routes.set(path, route),
    mount: (prefix, dir, headers = {}) => void mounts.push({ prefix, dir: resolve(dir), headers }),
    close: () =>
      new Promise((done) => {
        // Browsers keep connections alive; drop them so close() does not wait for their timeout.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
