/**
 * When a frame tells the background what it found. A new party should reach the badge at once;
 * more mentions of parties already reported only change the popup's counts, and a feed naming the
 * same parties several times a second would otherwise cost the page and the worker a message and
 * a storage write for each. Pure: the caller owns the timer and the clock.
 */
import type { FoundEntry } from '../shared/messages';

/** A new party reaches the badge within this time of being found (the caller's throttle). */
export const NEW_PARTY_MS = 250;
/** More mentions of parties already reported reach the popup's counts within this time. */
export const RECOUNT_MS = 2000;

export class ReportPacer {
  /** What was last sent: its parties, its counts, and when. */
  private sent: { parties: string; counts: string; at: number } | undefined;

  /** The background lost what was sent (the tab was reset, or a send failed): send in full next. */
  forget(): void {
    this.sent = undefined;
  }

  /**
   * 'send' (taken as sent at `now`), 'skip' when nothing changed, or how many ms to wait before
   * asking again when only the counts changed and the last send is recent.
   */
  decide(found: readonly FoundEntry[], now: number): 'send' | 'skip' | number {
    const sorted = [...found].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const parties = sorted.map((f) => f.id).join('\n');
    const counts = sorted.map((f) => f.count).join();
    if (this.sent?.parties === parties) {
      if (this.sent.counts === counts) return 'skip';
      const wait = this.sent.at + RECOUNT_MS - now;
      if (wait > 0) return wait;
    }
    this.sent = { parties, counts, at: now };
    return 'send';
  }
}
