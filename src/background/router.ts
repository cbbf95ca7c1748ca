/**
 * The background's message router: only the extension's own pages and content scripts are
 * heard, every message is shape-checked before a handler sees it, and a failure goes back to
 * the sender as a plain Error with a readable message (never an internal object).
 */
import type { Runtime } from '../shared/browser';
import type { BackgroundMessages, ReplyOf, RequestOf } from '../shared/messages';
import { isKnownMessage } from '../shared/message-checks';
import { REQUEST_PORT, type PortReply } from '../shared/port-requests';
import { handlers } from './handlers';

function dispatch<K extends keyof BackgroundMessages>(
  type: K,
  payload: RequestOf<BackgroundMessages, K>,
  sender: Runtime.MessageSender,
): Promise<ReplyOf<BackgroundMessages, K>> {
  return handlers[type](payload, sender);
}

/**
 * Answers one message, or returns undefined for a message that is not ours to answer (another
 * extension, an unknown type, a malformed payload), so the browser treats it as unhandled.
 */
export function route(raw: unknown, sender: Runtime.MessageSender, ownId: string): Promise<unknown> | undefined {
  if (sender.id !== ownId || !isKnownMessage(raw)) return undefined;
  // The shape check above is what makes this payload a RequestOf<type>.
  return dispatch(raw.type, raw.payload as never, sender).catch((err: unknown) => {
    console.error(`listed-parties: ${raw.type} failed:`, err);
    throw new Error(err instanceof Error ? err.message : 'The extension could not answer.');
  });
}

/**
 * Answers the requests that come on a content script's port (`requestFromBackground`), each
 * through `route` like a message. A port of another name or from elsewhere is left alone.
 */
export function answerPort(port: Runtime.Port, ownId: string): void {
  const sender = port.sender;
  if (port.name !== REQUEST_PORT || !sender || sender.id !== ownId) return;
  const post = (reply: PortReply): void => {
    try {
      port.postMessage(reply);
    } catch {
      // The page went away while its request was answered: nobody is left to tell.
    }
  };
  port.onMessage.addListener((raw: unknown) => {
    if (!raw || typeof raw !== 'object') return;
    const { id, type, payload } = raw as { id?: unknown; type?: unknown; payload?: unknown };
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return;
    const answer = route({ type, payload }, sender, ownId);
    if (!answer) post({ id, error: 'The extension does not answer this request.' });
    else answer.then((reply) => post({ id, reply }), (err: unknown) => post({ id, error: err instanceof Error ? err.message : String(err) }));
  });
}
