/**
 * The background worker (Chrome service worker, Firefox event page). Every listener is
 * registered synchronously at the top level, so the browser can wake the worker for any event.
 */
import { browser, sendToTab, type Runtime } from '../shared/browser';
import { route } from './router';
import { forgetTab, resetTab, restoreBadges } from './tab-state';
import { warmUp } from './list-store';
import { rescanAllTabs } from './handlers';
import { onPolicyChanged } from './policy-store';

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => route(raw, sender, browser.runtime.id));

browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new page in the tab: its count starts again.
  if (change.status === 'loading') void resetTab(tabId);
  // Same-document navigations (#links, history.pushState) also pass through 'loading', but the
  // page and its highlights stay: once loaded, whatever frames are there report again. A new
  // document that is not scanning yet does not answer, and reports by itself when it has.
  if (change.status === 'complete') sendToTab(tabId, 'reportAgain', {}).catch(() => undefined);
});
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

// Build the matcher as soon as the worker starts, so the first page's `match` waits little.
browser.runtime.onInstalled.addListener(warmUp);
browser.runtime.onStartup.addListener(warmUp);

// An administrator changed the policy: pages follow at once (custom entries, excluded sites).
onPolicyChanged(() => void rescanAllTabs());

restoreBadges().catch(() => undefined);
