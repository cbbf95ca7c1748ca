/**
 * The background's message router: only the extension's own pages and content scripts are
 * heard, every message is shape-checked before a handler sees it, and a failure goes back to
 * the sender as a plain Error with a readable message (never an internal object).
 */
import type { Runtime } from '../shared/browser';
import type { BackgroundMessages, ReplyOf, RequestOf } from '../shared/messages';
import { isKnownMessage } from '../shared/message-checks';
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
