import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../src/shared/browser';
import { REQUEST_PORT, type PortReply } from '../../src/shared/port-requests';

const handled: { type: string; payload: unknown; tab?: number }[] = [];

vi.mock('../../src/shared/browser', () => ({ browser: {} }));
vi.mock('../../src/background/handlers', () => ({
  handlers: {
    match: async (payload: { texts: string[] }, sender: Runtime.MessageSender) => {
      handled.push({ type: 'match', payload, tab: sender.tab?.id });
      if (payload.texts.includes('fail')) throw new Error('The list could not be read.');
      return { mentions: payload.texts.map(() => []), entries: {} };
    },
  },
}));

const { answerPort } = await import('../../src/background/router');

const OWN_ID = 'own-id';

/** The background's end of a content script's port: the test sends requests and reads replies. */
function portFrom(name: string, senderId: string): { port: Runtime.Port; send(m: unknown): void; replies: PortReply[] } {
  const replies: PortReply[] = [];
  let listener: ((m: unknown) => void) | undefined;
  const port = {
    name,
    sender: { id: senderId, tab: { id: 7 } },
    postMessage: (m: PortReply) => void replies.push(m),
    disconnect: () => undefined,
    onMessage: { addListener: (l: (m: unknown) => void) => void (listener = l) },
    onDisconnect: { addListener: () => undefined },
  } as unknown as Runtime.Port;
  return { port, send: (m) => listener?.(m), replies };
}

const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 0));

describe('requests on a content script’s port', () => {
  it('answers each request through the handlers, with the port’s sender, under the request’s id', async () => {
    const { port, send, replies } = portFrom(REQUEST_PORT, OWN_ID);
    answerPort(port, OWN_ID);
    send({ id: 4, type: 'match', payload: { texts: ['a', 'b'] } });
    await settle();
    expect(replies).toEqual([{ id: 4, reply: { mentions: [[], []], entries: {} } }]);
    expect(handled.at(-1)).toEqual({ type: 'match', payload: { texts: ['a', 'b'] }, tab: 7 });
  });

  it('answers a failure, an unknown request and a malformed one with a readable error', async () => {
    const { port, send, replies } = portFrom(REQUEST_PORT, OWN_ID);
    answerPort(port, OWN_ID);
    send({ id: 1, type: 'match', payload: { texts: ['fail'] } });
    send({ id: 2, type: 'shutDown', payload: {} });
    send({ id: 3, type: 'match', payload: { texts: 'not a list' } });
    send({ type: 'match', payload: { texts: [] } }); // no id: nobody to answer
    await settle();
    expect(replies.map((r) => r.id).sort()).toEqual([1, 2, 3]);
    expect(replies.find((r) => r.id === 1)?.error).toBe('The list could not be read.');
    expect(replies.find((r) => r.id === 2)?.error).toMatch(/does not answer/);
    expect(replies.find((r) => r.id === 3)?.error).toMatch(/does not answer/);
  });

  it('leaves alone ports of another name and ports from elsewhere', async () => {
    const before = handled.length;
    for (const { port, send, replies } of [portFrom('other', OWN_ID), portFrom(REQUEST_PORT, 'another-extension')]) {
      answerPort(port, OWN_ID);
      send({ id: 1, type: 'match', payload: { texts: ['a'] } });
      await settle();
      expect(replies).toEqual([]);
    }
    expect(handled.length).toBe(before);
  });
});
