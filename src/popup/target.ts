/**
 * Which tab the popup speaks about.
 * `popup.html?tab=<id>` shows a given tab (so the popup can be opened in a tab and tested);
 * `&entry=<id>` opens one entry's explanation (the hover card's "Why listed" link).
 */
import { browser } from '../shared/browser';
import { readParams } from './page-kind';

export interface PopupTarget {
  tabId: number;
  /** The tab's URL where the browser tells it (it does not for its own pages). */
  url?: string;
  entryId?: string;
}

export async function resolveTarget(search: string): Promise<PopupTarget | undefined> {
  const { tabId, entryId } = readParams(search);
  if (tabId !== undefined) {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return { tabId, url: tab?.url, entryId };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined) return undefined;
  return { tabId: active.id, url: active.url, entryId };
}
