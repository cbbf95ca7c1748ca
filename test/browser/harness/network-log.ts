/**
 * Every network request a Chromium profile makes, with who made it (issue 8, "privacy, proven").
 *
 * Attribution. playwright-core listens to the DevTools protocol's Network events of every page
 * and of every service worker of the profile, the extension's MV3 worker included, and reports
 * them all on the browser context:
 * - `request.serviceWorker()` is the worker that made the request: under the extension's origin,
 *   it is the extension's background;
 * - otherwise `request.frame()` is the document that made it: a chrome-extension:// document is
 *   one of the extension's pages (popup, options); any other is a web page — content scripts
 *   run in their page's document, so a request of theirs is filed under the page and shows up
 *   in the check that web pages reach nothing but the test server.
 */
import type { BrowserContext, Request } from 'playwright-core';

export type Maker = 'extension-worker' | 'extension-page' | 'web-page' | 'unknown';

export interface LoggedRequest {
  maker: Maker;
  method: string;
  url: string;
  /** The request body, when there is one. */
  body: string;
}

function makerOf(request: Request, extensionOrigin: string): Maker {
  const worker = request.serviceWorker();
  if (worker) return worker.url().startsWith(`${extensionOrigin}/`) ? 'extension-worker' : 'unknown';
  let frameUrl: string;
  try {
    frameUrl = request.frame().url();
  } catch {
    return 'unknown'; // a request with neither a worker nor a frame
  }
  return frameUrl.startsWith(`${extensionOrigin}/`) ? 'extension-page' : 'web-page';
}

export class NetworkLog {
  readonly requests: LoggedRequest[] = [];

  constructor(context: BrowserContext, private readonly extensionOrigin: string) {
    context.on('request', (request) => {
      this.requests.push({
        maker: makerOf(request, extensionOrigin),
        method: request.method(),
        url: request.url(),
        body: request.postData() ?? '',
      });
    });
  }

  /** Requests of the extension itself, leaving out reads of its own packaged files. */
  extensionRequests(): LoggedRequest[] {
    return this.requests.filter(
      (r) => (r.maker === 'extension-worker' || r.maker === 'extension-page') && !r.url.startsWith(`${this.extensionOrigin}/`),
    );
  }
}
