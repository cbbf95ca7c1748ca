/** The toolbar badge: how many distinct listed parties the tab holds. */
import { browser } from '../shared/browser';

const BADGE_COLOUR = '#8a4b00';

export function badgeText(distinctParties: number): string {
  if (distinctParties <= 0) return '';
  return distinctParties > 99 ? '99+' : String(distinctParties);
}

export async function showCount(tabId: number, distinctParties: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: badgeText(distinctParties) });
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
  } catch {
    // the tab closed meanwhile
  }
}
