/**
 * When to scan: changed parts of the page wait in a queue of roots, and the work runs in
 * slices of a few milliseconds when the page is idle, so the page never waits on a long task.
 */

/**
 * Changed roots, without repeats: a root inside a queued one is already covered, and a new
 * root takes the place of the queued roots it holds. Past `limit` roots the queue collapses to
 * one root for everything (cheaper than thousands of small walks). Pure: the tree is reached
 * only through `contains`.
 */
export class RootQueue<N> {
  private readonly roots = new Set<N>();

  constructor(
    private readonly contains: (outer: N, inner: N) => boolean,
    private readonly everything: (root: N) => N,
    private readonly limit = 500,
  ) {}

  /** Returns false when `root` was already covered. */
  add(root: N): boolean {
    for (const q of this.roots) if (q === root || this.contains(q, root)) return false;
    for (const q of this.roots) if (this.contains(root, q)) this.roots.delete(q);
    if (this.roots.size >= this.limit) {
      this.roots.clear();
      this.roots.add(this.everything(root));
    } else this.roots.add(root);
    return true;
  }

  /** The oldest queued root, taken off the queue. */
  take(): N | undefined {
    const next = this.roots.values().next();
    if (next.done) return undefined;
    this.roots.delete(next.value);
    return next.value;
  }

  /** Every queued root, oldest first, taken off the queue. */
  takeAll(): N[] {
    const all = [...this.roots];
    this.roots.clear();
    return all;
  }

  get size(): number {
    return this.roots.size;
  }

  clear(): void {
    this.roots.clear();
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
