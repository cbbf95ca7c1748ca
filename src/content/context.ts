/**
 * What this frame has seen, for mentions that count only in context: a short form such as
 * "NSO" after "NSO Group", or a common-word alias. A context mention waits until a strong
 * mention of one of its entries has been seen anywhere in the frame (before or after it), and
 * is then shown for those entries only. Pure: no DOM.
 */
import { resolveContext, strongIds, type Mention } from '../core/mentions';

export interface ContextRecord {
  mention: Mention;
}

export class PageContext<R extends ContextRecord> {
  private readonly seen = new Set<string>();
  private readonly pending = new Set<R>();

  /**
   * Takes the records of newly found mentions; returns the ones to show now: every strong one,
   * and every waiting context one (new or older) whose entry has now been seen. A returned
   * context record's mention is narrowed to the entries that were seen.
   */
  admit(records: readonly R[]): R[] {
    strongIds(
      records.map((r) => r.mention),
      this.seen,
    );
    const show: R[] = [];
    for (const r of records) {
      if (r.mention.strength === 'strong') show.push(r);
      else this.pending.add(r);
    }
    for (const r of this.pending) {
      const [resolved] = resolveContext([r.mention], this.seen);
      if (!resolved) continue;
      r.mention = resolved;
      this.pending.delete(r);
      show.push(r);
    }
    return show;
  }

  /** A record whose text left the page no longer waits. */
  forget(record: R): void {
    this.pending.delete(record);
  }

  /** Entries named strongly in this frame so far. */
  get seenIds(): ReadonlySet<string> {
    return this.seen;
  }

  get waiting(): number {
    return this.pending.size;
  }
}
