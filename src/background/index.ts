/**
 * The background worker (Chrome service worker, Firefox event page). Every listener is
 * registered synchronously at the top level, so the browser can wake the worker for any event.
 */
import { browser, type Runtime } from '../shared/browser';
import type { BackgroundMessages, ReplyOf, RequestOf } from '../shared/messages';
import { isKnownMessage } from '../shared/message-checks';
import { handlers } from './handlers';
import { forgetTab, resetTab, restoreBadges } from './tab-state';
import { getBundle } from './list-store';

function dispatch<K extends keyof BackgroundMessages>(type: K, payload: RequestOf<BackgroundMessages, K>, sender: Runtime.MessageSender): Promise<ReplyOf<BackgroundMessages, K>> {
  return handlers[type](payload, sender);
}

function fromOurExtension(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  // Only the extension's own pages and content scripts; only messages of a known shape.
  if (!fromOurExtension(sender) || !isKnownMessage(raw)) return undefined;
  return dispatch(raw.type, raw.payload as never, sender).catch((err: unknown) => {
    console.error(`listed-parties: ${raw.type} failed:`, err);
    throw new Error(err instanceof Error ? err.message : 'The extension could not answer.');
  });
});

browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new page in the tab: its count starts again.
  if (change.status === 'loading') void resetTab(tabId);
});
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

browser.runtime.onInstalled.addListener(() => {
  void getBundle(); // warm up: check the embedded list once at install
});

restoreBadges().catch(() => undefined);
