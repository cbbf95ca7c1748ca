/**
 * An HTTP proxy that records every request a browser makes through it, for the Firefox privacy
 * test: Firefox's WebDriver BiDi does not report the requests of an extension's background page,
 * but a proxy sees every request of the profile, whoever makes it. Requests to the test server
 * are passed on; anything else is recorded and refused (there is no network here anyway).
 */
import { createServer, request as httpRequest } from 'node:http';

export interface ProxiedRequest {
  method: string;
  /** Absolute URL, or `host:port` for a CONNECT (HTTPS) request. */
  url: string;
  body: string;
}

export interface RecordingProxy {
  readonly port: number;
  readonly requests: ProxiedRequest[];
  /** Firefox preferences that send all of the profile's traffic, 127.0.0.1 included, here. */
  readonly firefoxPrefs: Record<string, string | number | boolean>;
  close(): Promise<void>;
}

export async function startRecordingProxy(passTo: string): Promise<RecordingProxy> {
  const target = new URL(passTo);
  const requests: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      requests.push({ method: req.method ?? '', url, body: Buffer.concat(chunks).toString('utf8') });
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (parsed.host !== target.host) {
        res.writeHead(502, { 'content-type': 'text/plain' }).end('refused by the test proxy');
        return;
      }
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: `${parsed.pathname}${parsed.search}`, headers: req.headers },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(Buffer.concat(chunks));
    });
  });
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '', body: '' });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  const port = address.port;
  return {
    port,
    requests,
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
