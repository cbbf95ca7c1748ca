/**
 * The only module that imports webextension-polyfill. Everything else takes `browser` and the
 * typed messaging helpers from here.
 */
import browser from 'webextension-polyfill';
import type {
  BackgroundMessages,
  ContentMessages,
  Envelope,
  MessageName,
  ReplyOf,
  RequestOf,
} from './messages';
import { PortRequests, REQUEST_PORT } from './port-requests';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';

/** Sends a typed message to the background worker and returns its typed reply. */
export async function sendToBackground<K extends MessageName<BackgroundMessages>>(
  type: K,
  payload: RequestOf<BackgroundMessages, K>,
): Promise<ReplyOf<BackgroundMessages, K>> {
  const envelope: Envelope<BackgroundMessages, K> = { type, payload };
  return (await browser.runtime.sendMessage(envelope)) as ReplyOf<BackgroundMessages, K>;
}

let portRequests: PortRequests | undefined;

/**
 * Like sendToBackground, over one port kept open while requests keep coming: for the content
 * script's frequent requests (`match` as the page changes, `reportFound`).
 */
export async function requestFromBackground<K extends MessageName<BackgroundMessages>>(
  type: K,
  payload: RequestOf<BackgroundMessages, K>,
): Promise<ReplyOf<BackgroundMessages, K>> {
  portRequests ??= new PortRequests(() => browser.runtime.connect({ name: REQUEST_PORT }));
  return (await portRequests.request(type, payload)) as ReplyOf<BackgroundMessages, K>;
}

/** Closes the port of requestFromBackground, if open; what still waits goes out on the next one. */
export function closeBackgroundPort(): void {
  portRequests?.close();
}

/** Sends a typed message to the content script of a tab (top frame unless `frameId` is given). */
export async function sendToTab<K extends MessageName<ContentMessages>>(
  tabId: number,
  type: K,
  payload: RequestOf<ContentMessages, K>,
  frameId?: number,
): Promise<ReplyOf<ContentMessages, K>> {
  const envelope: Envelope<ContentMessages, K> = { type, payload };
  const options = frameId === undefined ? undefined : { frameId };
  return (await browser.tabs.sendMessage(tabId, envelope, options)) as ReplyOf<ContentMessages, K>;
}
