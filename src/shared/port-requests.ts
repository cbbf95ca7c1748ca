/**
 * Requests and replies over one long-lived port, for a sender that asks often (a content script
 * on a page that keeps changing). `runtime.sendMessage` opens and closes a channel for every
 * message; on the bench's page that changes ten times a second, one open port cut the worker's
 * busy time by about a quarter and the page's share of a core by about a point. Pure: the port
 * comes from `connect`, so tests drive it with a fake.
 *
 * The port is opened at the first request and closed after IDLE_MS without traffic, so an open
 * tab never keeps the background alive, and closed when the page is hidden (it may go into the
 * back/forward cache). When the background stops (the browser unloads an idle worker), the port
 * disconnects: what was waiting is sent again, once, on a new port, which wakes the background.
 */

/** The port's name, which the background answers on. */
export const REQUEST_PORT = 'requests';
/** Time without a request or a reply after which the port is closed. */
export const IDLE_MS = 5000;

export interface PortRequest {
  id: number;
  type: string;
  payload: unknown;
}
/** A reply: `reply` for the request `id`, or `error`, a readable message. */
export interface PortReply {
  id: number;
  reply?: unknown;
  error?: string;
}

/** What this needs of `runtime.Port`. */
export interface RequestPort {
  postMessage(message: PortRequest): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

interface Waiting {
  request: PortRequest;
  resolve(reply: unknown): void;
  reject(err: Error): void;
  /** The port it went out on last; undefined before it could be sent. */
  sentOn: RequestPort | undefined;
  /** It was waiting on a port that disconnected: the next such loss fails it. */
  lostOnce: boolean;
}

function isPortReply(raw: unknown): raw is PortReply {
  if (!raw || typeof raw !== 'object') return false;
  const { id, error } = raw as Record<string, unknown>;
  return Number.isSafeInteger(id) && (error === undefined || typeof error === 'string');
}

export class PortRequests {
  private port: RequestPort | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private lastUsed = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly connect: () => RequestPort) {}

  request(type: string, payload: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const waiting: Waiting = { request: { id: this.nextId++, type, payload }, resolve, reject, sentOn: undefined, lostOnce: false };
      this.waiting.set(waiting.request.id, waiting);
      this.lastUsed = Date.now();
      this.armIdleTimer(IDLE_MS);
      this.sendWaiting();
    });
  }

  /** Sends every waiting request that has not gone out on the open port, opening one if needed. */
  private sendWaiting(): void {
    let error: unknown;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const port = (this.port ??= this.open());
        for (const waiting of this.waiting.values()) {
          if (waiting.sentOn === port) continue;
          port.postMessage(waiting.request);
          waiting.sentOn = port;
        }
        return;
      } catch (err) {
        // A port the browser has cut, before its disconnect was heard, throws: try a new one.
        this.port = undefined;
        error = err;
      }
    }
    // No port can be opened (the extension was updated or removed): nothing will be answered.
    for (const waiting of [...this.waiting.values()]) this.fail(waiting, error instanceof Error ? error : new Error(String(error)));
  }

  private open(): RequestPort {
    const port = this.connect();
    port.onMessage.addListener((raw) => this.answered(raw));
    port.onDisconnect.addListener(() => this.disconnected(port));
    return port;
  }

  private answered(raw: unknown): void {
    if (!isPortReply(raw)) return;
    const waiting = this.waiting.get(raw.id);
    if (!waiting) return;
    this.waiting.delete(raw.id);
    this.lastUsed = Date.now();
    if (raw.error !== undefined) waiting.reject(new Error(raw.error));
    else waiting.resolve(raw.reply);
  }

  /**
   * The other end went away (the background stopped): what waited on that port is sent again on
   * a new one, once; a request lost twice fails.
   */
  private disconnected(port: RequestPort): void {
    if (this.port === port) this.port = undefined;
    let resend = false;
    for (const waiting of [...this.waiting.values()]) {
      if (waiting.sentOn !== port) continue;
      if (waiting.lostOnce) this.fail(waiting, new Error('The background stopped before it answered.'));
      else {
        waiting.lostOnce = true;
        resend = true;
      }
    }
    if (resend) this.sendWaiting();
  }

  private fail(waiting: Waiting, err: Error): void {
    this.waiting.delete(waiting.request.id);
    waiting.reject(err);
  }

  /** One timer, moved on rather than set again at every request. */
  private armIdleTimer(ms: number): void {
    if (this.idleTimer !== undefined) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      const quietFor = Date.now() - this.lastUsed;
      if (this.waiting.size > 0) this.armIdleTimer(IDLE_MS);
      else if (quietFor < IDLE_MS) this.armIdleTimer(IDLE_MS - quietFor);
      else this.close();
    }, ms);
  }

  /**
   * Closes the port; the next request opens another, and what was still waiting goes out again
   * on it. For a page going into the back/forward cache, which must not hold a port open.
   */
  close(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const port = this.port;
    this.port = undefined;
    port?.disconnect();
  }
}
