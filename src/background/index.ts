/**
 * The background worker (Chrome service worker, Firefox event page). Every listener is
 * registered synchronously at the top level, so the browser can wake the worker for any event.
 */
import { browser, sendToTab, type Runtime } from '../shared/browser';
import { answerPort, route } from './router';
import { forgetTab, redrawBadge, resetTab, restoreBadges } from './tab-state';
import { useSavedBundle, warmUp } from './list-store';
import { rescanAllTabs } from './handlers';
import { onPolicyChanged } from './policy-store';
import { onSettingsChanged } from './settings-store';
import { checkForUpdate, isUpdateAlarm, dropOutdatedDownload, savedBundle, scheduleNextCheck } from './updater';

// A list brought by an earlier update is used before the embedded one.
useSavedBundle(savedBundle);

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => route(raw, sender, browser.runtime.id));
browser.runtime.onConnect.addListener((port) => answerPort(port, browser.runtime.id));

browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new page in the tab: its count starts again.
  if (change.status === 'loading') void resetTab(tabId);
  // Same-document navigations (#links, history.pushState) also pass through 'loading', but the
  // page and its highlights stay: once loaded, whatever frames are there report again. A new
  // document that is not scanning yet does not answer, and reports by itself when it has.
  if (change.status === 'complete') sendToTab(tabId, 'reportAgain', {}).catch(() => undefined);
});
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
// A tab brought to the front shows its count even if the browser dropped the badge meanwhile
// (Firefox does when it unloads an idle event page).
browser.tabs.onActivated.addListener(({ tabId }) => void redrawBadge(tabId).catch(() => undefined));

const logFailure = (what: string) => (err: unknown) => console.error(`listed-parties: ${what}`, err);

function onStart(): void {
  // Build the matcher as soon as the worker starts, so the first page's `match` waits little.
  warmUp();
  scheduleNextCheck().catch(logFailure('could not schedule the list update'));
}
browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'update') dropOutdatedDownload().catch(logFailure('could not remove an outdated list')).finally(onStart);
  else onStart();
});
browser.runtime.onStartup.addListener(onStart);

browser.alarms.onAlarm.addListener((alarm) => {
  if (isUpdateAlarm(alarm.name)) checkForUpdate(rescanAllTabs).catch(logFailure('the list update failed'));
});

// The source or the interval may have changed (the user's settings or the policy's).
onSettingsChanged(() => void scheduleNextCheck().catch(logFailure('could not schedule the list update')));
// An administrator changed the policy: pages follow at once (custom entries, excluded sites).
onPolicyChanged(() => void rescanAllTabs());

restoreBadges().catch(() => undefined);
