/**
 * When to scan: changed parts of the page wait in a queue of roots, and the work runs in
 * slices of a few milliseconds when the page is idle, so the page never waits on a long task.
 */
import { heldBy } from './subtree';

/**
 * Changed roots, without repeats: a root inside a queued one is already covered, and a queued
 * root inside a newer one is skipped when taken. Both checks walk up from a root through a set,
 * and roots that share a parent share its walk, so a feed queueing fifty paragraphs costs one short
 * walk, not fifty times fifty `contains`. Past `limit` roots the queue collapses to one root for
 * everything (cheaper than thousands of small walks). Pure: the tree is reached only through
 * `parentOf`.
 */
export class RootQueue<N> {
  private readonly roots = new Set<N>();
  /**
   * A node with no queued root at or above it, known from the last climb. The paragraphs a feed
   * appends share their parent, so the climb from it is made once, not fifty times. Roots added
   * below it keep it true (a child is no ancestor); any other change forgets it.
   */
  private clearAbove: N | null = null;

  constructor(
    private readonly parentOf: (node: N) => N | null,
    private readonly everything: (root: N) => N,
    private readonly limit = 500,
  ) {}

  /** Returns false when `root` was already covered. */
  add(root: N): boolean {
    if (this.roots.has(root)) return false;
    const parent = this.parentOf(root);
    if (parent === null || parent !== this.clearAbove) {
      if (parent !== null && heldBy(parent, this.roots, new Map(), this.parentOf)) return false;
      this.clearAbove = parent; // a root with no parent may hold the node known before
    }
    if (this.roots.size >= this.limit) {
      this.roots.clear();
      this.roots.add(this.everything(root));
      this.clearAbove = null;
    } else this.roots.add(root);
    return true;
  }

  /** Every queued root, oldest first, taken off the queue. */
  takeAll(): N[] {
    const known = new Map<N, boolean>(); // siblings share their parent's answer
    const all = [...this.roots].filter((root) => {
      const parent = this.parentOf(root);
      return parent === null || !heldBy(parent, this.roots, known, this.parentOf);
    });
    this.clear();
    return all;
  }

  /** Roots queued, counting those a newer root holds (they are dropped when taken). */
  get size(): number {
    return this.roots.size;
  }

  clear(): void {
    this.roots.clear();
    this.clearAbove = null;
  }
}

/** The time one slice of work may take on the page's main thread. */
export const SLICE_MS = 8;

/**
 * Runs `work(deadline)` in idle time, again and again while it returns true (more to do).
 * `request()` is cheap to call often: one run is pending at most.
 */
export class IdleRunner {
  private scheduled = false;
  private stopped = false;

  constructor(private readonly work: (deadline: number) => boolean) {}

  request(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const run = (): void => {
      this.scheduled = false;
      if (this.stopped) return;
      let more = false;
      try {
        more = this.work(performance.now() + SLICE_MS);
      } catch (err) {
        console.error('listed-parties: scan failed', err);
      }
      if (more) this.request();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 100 });
    else setTimeout(run, 0);
  }

  stop(): void {
    this.stopped = true;
  }
}
