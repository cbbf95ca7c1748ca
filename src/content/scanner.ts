/**
 * Finds and keeps the mentions of one document (or frame). Changed parts of the page are queued;
 * the queue is worked through in slices of a few milliseconds, text is sent to the background in
 * batches, and only the queued parts are scanned again. The page never waits on a long task.
 */
import { sendToBackground } from '../shared/browser';
import type { EntrySummary, FoundEntry } from '../shared/messages';
import type { Mention } from '../core/mentions';
import { BlockWalker, blockAncestor, locate, resetVisibilityCache, type Block } from './text-blocks';
import { Highlighter, type Mark } from './highlighter';

const SLICE_MS = 8;
const BATCH_CHARS = 200_000;

export interface Record_ extends Mark {
  strength: Mention['strength'];
  active: boolean;
}

export class Scanner {
  readonly marks: Record_[] = [];
  readonly summaries = new Map<string, EntrySummary>();
  private readonly byNode = new WeakMap<Text, Record_[]>();
  private readonly seen = new Set<string>();
  private readonly queue = new Set<Node>();
  private walker: BlockWalker | null = null;
  private pending: Block[] = [];
  private pendingChars = 0;
  private scheduled = false;
  private inFlight = 0;
  private stopped = false;

  constructor(
    readonly highlighter: Highlighter,
    private readonly onChange: () => void,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
  ) {}

  /** Queues a changed node: the nearest block around it is scanned again. */
  enqueue(node: Node): void {
    if (this.stopped) return;
    const root = node.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? node : blockAncestor(node) ?? node;
    for (const q of this.queue) if (q === root || q.contains(root)) return;
    if (this.queue.size > 500) {
      this.queue.clear();
      this.queue.add(root.ownerDocument?.body ?? root);
    } else this.queue.add(root);
    this.schedule();
  }

  marksAt(node: Text): Record_[] {
    return this.byNode.get(node) ?? [];
  }

  stop(): void {
    this.stopped = true;
    this.queue.clear();
    this.walker = null;
    this.pending = [];
    for (const m of this.marks) if (m.active) this.highlighter.remove(m);
    this.marks.length = 0;
    this.seen.clear();
  }

  found(): FoundEntry[] {
    const counts = new Map<string, number>();
    for (const m of this.marks) {
      const id = m.entryIds[0];
      if (m.active && id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts].map(([id, count]) => ({ id, count }));
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const run = (): void => {
      this.scheduled = false;
      try {
        this.work();
      } catch (err) {
        console.error('listed-parties: scan failed', err);
      }
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 100 });
    else setTimeout(run, 0);
  }

  private work(): void {
    const deadline = performance.now() + SLICE_MS;
    while (performance.now() < deadline) {
      if (!this.walker) {
        const next = this.queue.values().next();
        if (next.done) break;
        this.queue.delete(next.value);
        if (!next.value.isConnected) continue;
        this.dropMarksWithin(next.value);
        resetVisibilityCache();
        this.walker = new BlockWalker(next.value);
      }
      const blocks = this.walker.next(deadline, () => performance.now());
      for (const b of blocks) {
        this.pending.push(b);
        this.pendingChars += b.text.length;
      }
      for (const shadow of this.walker.shadowRoots.splice(0)) {
        this.onShadowRoot(shadow);
        this.enqueue(shadow);
      }
      if (this.walker.done) this.walker = null;
      if (this.pendingChars >= BATCH_CHARS) this.send();
    }
    if (!this.walker && this.queue.size === 0) this.send();
    if (this.walker || this.queue.size > 0) this.schedule();
  }

  private send(): void {
    if (this.pending.length === 0) return;
    const blocks = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    this.inFlight++;
    sendToBackground('match', { texts: blocks.map((b) => b.text) })
      .then((reply) => {
        if (this.stopped) return;
        for (const [id, s] of Object.entries(reply.entries)) this.summaries.set(id, s);
        reply.mentions.forEach((mentions, i) => {
          const block = blocks[i];
          if (block) for (const m of mentions) this.addMention(block, m);
        });
        this.activate();
      })
      .catch((err: unknown) => console.error('listed-parties: matching failed', err))
      .finally(() => {
        this.inFlight--;
        this.onChange();
      });
  }

  private addMention(block: Block, m: Mention): void {
    const start = locate(block, m.start, false);
    const end = locate(block, m.end, true);
    if (!start || !end || !start.node.isConnected || !end.node.isConnected) return;
    const range = new Range();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    const rec: Record_ = { range, entryIds: m.entryIds, strength: m.strength, active: false };
    this.marks.push(rec);
    for (const node of block.nodes.slice(block.nodes.indexOf(start.node), block.nodes.indexOf(end.node) + 1)) {
      const list = this.byNode.get(node) ?? [];
      list.push(rec);
      this.byNode.set(node, list);
    }
    if (m.strength === 'strong') for (const id of m.entryIds) this.seen.add(id);
  }

  /** Context mentions ("NSO" after "NSO Group") light up once their party is seen strongly. */
  private activate(): void {
    for (const rec of this.marks) {
      if (rec.active) continue;
      if (rec.strength === 'context') {
        const ids = rec.entryIds.filter((id) => this.seen.has(id));
        if (ids.length === 0) continue;
        rec.entryIds = ids;
      }
      rec.active = true;
      this.highlighter.add(rec);
    }
  }

  private dropMarksWithin(root: Node): void {
    for (let i = this.marks.length - 1; i >= 0; i--) {
      const rec = this.marks[i] as Record_;
      const node = rec.range.startContainer;
      if (!node.isConnected || root.contains(node)) {
        if (rec.active) this.highlighter.remove(rec);
        this.marks.splice(i, 1);
      }
    }
  }

  get busy(): boolean {
    return this.inFlight > 0 || this.walker !== null || this.queue.size > 0;
  }
}
