/** Pure helpers about the popup's address and the tab's page (unit-tested). */

export function readParams(search: string): { tabId?: number; entryId?: string } {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  const tabId = tab !== null && /^\d+$/.test(tab) ? Number(tab) : undefined;
  const entryId = params.get('entry') || undefined;
  return { tabId, entryId };
}

/** Pages where browsers never run extension content scripts. */
const CLOSED_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/**
 * 'web' for ordinary pages; 'closed' for browser pages, other extensions and the add-on stores,
 * which no extension may read; 'unknown' when the browser does not say.
 */
export function pageKind(url: string | undefined): 'web' | 'closed' | 'unknown' {
  if (!url) return 'unknown';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'unknown';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return 'closed';
  if (CLOSED_HOSTS.includes(u.hostname) && (u.hostname !== 'chrome.google.com' || u.pathname.startsWith('/webstore'))) {
    return 'closed';
  }
  return 'web';
}
