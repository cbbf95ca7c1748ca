import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_MS, PortRequests, type PortRequest, type RequestPort } from '../../src/shared/port-requests';

/** A port whose other end the test plays: it sees what was posted and answers or hangs up. */
class FakePort implements RequestPort {
  posted: PortRequest[] = [];
  closed = false;
  /** Throws on postMessage, as a port the browser has cut does. */
  cut = false;
  private readonly messageListeners: ((m: unknown) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];
  onMessage = { addListener: (l: (m: unknown) => void) => void this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => void this.disconnectListeners.push(l) };
  postMessage(message: PortRequest): void {
    if (this.cut) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
  }
  disconnect(): void {
    this.closed = true;
  }
  reply(message: unknown): void {
    for (const l of this.messageListeners) l(message);
  }
  hangUp(): void {
    for (const l of this.disconnectListeners) l();
  }
}

function setUp(): { requests: PortRequests; ports: FakePort[] } {
  const ports: FakePort[] = [];
  const requests = new PortRequests(() => {
    const port = new FakePort();
    ports.push(port);
    return port;
  });
  return { requests, ports };
}

describe('requests over one port', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('opens one port for many requests and pairs each reply with its request, in any order', async () => {
    const { requests, ports } = setUp();
    const first = requests.request('match', { texts: ['a'] });
    const second = requests.request('match', { texts: ['b'] });
    expect(ports).toHaveLength(1);
    const [a, b] = ports[0]?.posted ?? [];
    expect(a?.type).toBe('match');
    expect(a?.id).not.toBe(b?.id);
    ports[0]?.reply({ id: b?.id, reply: 'for b' });
    ports[0]?.reply({ id: a?.id, reply: 'for a' });
    await expect(first).resolves.toBe('for a');
    await expect(second).resolves.toBe('for b');
  });

  it('turns an error reply into a rejection with its message, and ignores replies that are not its own', async () => {
    const { requests, ports } = setUp();
    const pending = requests.request('match', { texts: [] });
    const id = ports[0]?.posted[0]?.id;
    ports[0]?.reply({ id: id === undefined ? 0 : id + 100, reply: 'stray' });
    ports[0]?.reply('not a reply');
    ports[0]?.reply({ id, error: 'The list could not be read.' });
    await expect(pending).rejects.toThrow('The list could not be read.');
  });

  it('sends what was waiting again on a new port when the background stops, once', async () => {
    const { requests, ports } = setUp();
    const pending = requests.request('match', { texts: ['a'] });
    ports[0]?.hangUp();
    expect(ports).toHaveLength(2);
    expect(ports[1]?.posted[0]?.payload).toEqual({ texts: ['a'] });
    ports[1]?.hangUp();
    await expect(pending).rejects.toThrow(/stopped before it answered/);
    // The next request still gets through.
    const later = requests.request('reportFound', { found: [] });
    expect(ports).toHaveLength(3);
    ports[2]?.reply({ id: ports[2]?.posted[0]?.id, reply: { ok: true } });
    await expect(later).resolves.toEqual({ ok: true });
  });

  it('opens a new port when the old one was cut before its disconnect was heard', async () => {
    const { requests, ports } = setUp();
    const first = requests.request('match', { texts: ['a'] });
    if (ports[0]) ports[0].cut = true;
    const second = requests.request('match', { texts: ['b'] });
    expect(ports).toHaveLength(2);
    // Both go out on the new port: the cut one will answer neither.
    const posted = ports[1]?.posted ?? [];
    expect(posted.map((m) => m.payload)).toEqual([{ texts: ['a'] }, { texts: ['b'] }]);
    for (const m of posted) ports[1]?.reply({ id: m.id, reply: (m.payload as { texts: string[] }).texts[0] });
    await expect(first).resolves.toBe('a');
    await expect(second).resolves.toBe('b');
  });

  it('closed while a request waits (the page hidden), sends it again on the next port it opens', async () => {
    const { requests, ports } = setUp();
    const first = requests.request('match', { texts: ['a'] });
    requests.close();
    expect(ports[0]?.closed).toBe(true);
    const second = requests.request('reportFound', { found: [] });
    expect(ports).toHaveLength(2);
    const posted = ports[1]?.posted ?? [];
    expect(posted.map((m) => m.type)).toEqual(['match', 'reportFound']);
    for (const m of posted) ports[1]?.reply({ id: m.id, reply: m.type });
    await expect(first).resolves.toBe('match');
    await expect(second).resolves.toBe('reportFound');
  });

  it('rejects when no port can be opened (the extension was removed)', async () => {
    const requests = new PortRequests(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(requests.request('match', { texts: [] })).rejects.toThrow('Extension context invalidated.');
  });

  it('closes the port after a quiet spell, not while a request waits, and opens another when asked again', async () => {
    const { requests, ports } = setUp();
    const pending = requests.request('match', { texts: ['a'] });
    await vi.advanceTimersByTimeAsync(IDLE_MS * 2);
    expect(ports[0]?.closed).toBe(false); // still waiting for its reply
    ports[0]?.reply({ id: ports[0]?.posted[0]?.id, reply: 'a' });
    await pending;
    await vi.advanceTimersByTimeAsync(IDLE_MS - 1000);
    void requests.request('match', { texts: ['b'] }).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(IDLE_MS - 1000);
    expect(ports[0]?.closed).toBe(false); // the second request moved the quiet spell on
    await vi.advanceTimersByTimeAsync(2000);
    expect(ports[0]?.closed).toBe(false); // and it has not been answered
    ports[0]?.reply({ id: ports[0]?.posted[1]?.id, reply: 'b' });
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(ports[0]?.closed).toBe(true);
    void requests.request('match', { texts: ['c'] }).catch(() => undefined);
    expect(ports).toHaveLength(2);
  });
});
