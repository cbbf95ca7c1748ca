/**
 * Finds and keeps the mentions of one document (or frame). Changed parts of the page are queued;
 * the queue is worked through in slices of a few milliseconds, text is sent to the background in
 * batches, and only the queued parts are scanned again. The page never waits on a long task.
 */
import { browser, requestFromBackground } from '../shared/browser';
import type { EntrySummary, FoundEntry } from '../shared/messages';
import type { Mention } from '../core/mentions';
import { BlockWalker, blockAncestor, rangeOfMention, resetVisibilityCache, wasHidden, type Block } from './text-blocks';
import type { Highlighter } from './highlighter';
import { MarkSet, type Record_ } from './marks';
import { PageContext } from './context';
import { IdleRunner, RootQueue } from './scheduler';
import { messagesOf, type PieceOf } from './pieces';
import { insideAny } from './subtree';

/** Text per `match` message: large enough to cost few messages, small enough to answer fast. */
const BATCH_CHARS = 200_000;

/** A block and the walk that read it: a later walk over the same text makes it stale. */
interface ReadBlock {
  block: Block;
  walk: number;
  /** When the walk that read it began (performance.now()). */
  readAt: number;
}

/**
 * What a later walk over the same text marks: the block's element, not each text node. A page
 * of a million text nodes would otherwise put a million keys in one WeakMap, and its growth and
 * garbage collection alone hold the page for hundreds of milliseconds at a time.
 */
function walkKey(block: Block): Node {
  return block.parent ?? (block.nodes[0] as Node);
}

function extensionGone(): boolean {
  try {
    return !browser.runtime.id;
  } catch {
    return true;
  }
}

export class Scanner {
  readonly marks = new MarkSet();
  readonly summaries = new Map<string, EntrySummary>();
  /** Open shadow roots met so far (the hover card looks inside them). */
  readonly shadowRoots: ShadowRoot[] = [];
  private readonly knownShadowRoots = new WeakSet<ShadowRoot>();
  /** The last walk that read each block (keyed by walkKey). */
  private readonly lastWalk = new WeakMap<Node, number>();
  private readonly context = new PageContext<Record_>();
  /** Fallback: the mention each <mark> of ours was drawn for (the hover card asks). */
  private readonly wrapped = new WeakMap<Element, Record_>();
  private readonly queue = new RootQueue<Node>(
    (node) => node.parentNode,
    (root) => root.ownerDocument?.body ?? root,
  );
  private readonly runner = new IdleRunner((deadline) => this.work(deadline));
  private walker: BlockWalker | null = null;
  /** Roots taken off the queue whose old mentions are dropped already, to walk next. */
  private toWalk: Node[] = [];
  private walkingRoot: Node | null = null;
  private walkStartedAt = 0;
  /** The walk count when the roots in toWalk and walkingRoot had their old mentions dropped. */
  private droppedAtWalk = 0;
  /** Roots queued because the page inserted them (see enqueue). */
  private addedRoots = new WeakSet<Node>();
  /** A root other than a newly inserted one was queued: the next batch looks at every mark. */
  private sweepDue = false;
  private walk = 0;
  private pending: ReadBlock[] = [];
  private pendingChars = 0;
  /**
   * Messages cut but not sent yet: a 20 MB text node makes 200 of them, and sending them all at
   * once would hold the page for as long as copying 20 MB takes. They go a few per slice.
   */
  private outbox: PieceOf<ReadBlock>[][] = [];
  private inFlight = 0;
  private stopped = false;

  constructor(
    readonly highlighter: Highlighter,
    private readonly onChange: () => void,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
  ) {}

  /**
   * Queues a changed node: the nearest block around it is scanned again. `added`: the node was
   * just inserted by the page (a new paragraph usually holds no mention of ours yet).
   */
  enqueue(node: Node, added = false): void {
    if (this.stopped) return;
    const root = node.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? node : (blockAncestor(node) ?? node);
    if (added && root === node) this.addedRoots.add(root);
    else this.sweepDue = true;
    if (this.queue.add(root)) this.runner.request();
  }

  /**
   * An element's class, style, `hidden` or `open` changed. Only an element that hid its text
   * when walked (or a <details> opening) is scanned again: pages change classes all the time,
   * and each rescan costs a match.
   */
  attributeChanged(el: Element): void {
    if (el.tagName === 'DETAILS' || wasHidden(el)) this.enqueue(el);
  }

  /** The drawn mentions that cover part of this text node. */
  marksAt(node: Text): Record_[] {
    return this.marks.drawnAt(node);
  }

  /** Fallback: the drawn mention a <mark> of ours belongs to. */
  markWrappedBy(wrapper: Element): Record_ | undefined {
    const rec = this.wrapped.get(wrapper);
    return rec?.active ? rec : undefined;
  }

  stop(): void {
    this.stopped = true;
    this.runner.stop();
    this.queue.clear();
    this.walker = null;
    this.walkingRoot = null;
    this.toWalk = [];
    this.pending = [];
    this.outbox = [];
    for (const r of this.marks) this.drop(r);
    this.highlighter.flush();
  }

  /** Distinct entries drawn in this frame, with how often each is mentioned. */
  found(): FoundEntry[] {
    return this.marks.found();
  }

  get busy(): boolean {
    return this.inFlight > 0 || this.walker !== null || this.toWalk.length > 0 || this.queue.size > 0 || this.outbox.length > 0;
  }

  /** One slice: walks queued roots until the deadline; returns true while work remains. */
  private work(deadline: number): boolean {
    while (performance.now() < deadline) {
      if (!this.walker) {
        if (this.toWalk.length === 0) {
          // Everything queued is taken at once, and its old mentions dropped in one pass over
          // the marks: a feed appending fifty paragraphs queues fifty roots, and a pass per root
          // made every append cost fifty times the number of highlights on the page.
          this.toWalk = this.queue.takeAll().filter((r) => r.isConnected);
          // Roots the page has just inserted are left out of this pass: they hold no mark of
          // ours unless their text was moved here, and then the marks go as it is read (below).
          if (this.sweepDue || this.toWalk.some((r) => !this.addedRoots.has(r))) {
            this.sweepDue = false;
            this.dropWithin(this.toWalk);
          }
          this.droppedAtWalk = this.walk;
          resetVisibilityCache();
        }
        const root = this.toWalk.shift();
        if (root === undefined) break;
        if (!root.isConnected) continue;
        this.walk++;
        this.walker = new BlockWalker(root);
        this.walkingRoot = root;
        this.walkStartedAt = performance.now();
      }
      for (const block of this.walker.next(deadline, () => performance.now())) {
        // Text read again loses the mentions found in it before; the reply brings its own.
        for (const rec of this.marks.at(block.nodes)) this.drop(rec);
        this.lastWalk.set(walkKey(block), this.walk);
        this.pending.push({ block, walk: this.walk, readAt: this.walkStartedAt });
        this.pendingChars += block.text.length;
      }
      for (const shadow of this.walker.shadowRoots.splice(0)) {
        if (!this.knownShadowRoots.has(shadow)) {
          this.knownShadowRoots.add(shadow);
          this.shadowRoots.push(shadow);
          this.onShadowRoot(shadow);
        }
        this.enqueue(shadow);
      }
      if (this.walker.done) {
        this.walker = null;
        this.walkingRoot = null;
      }
      if (this.pendingChars >= BATCH_CHARS) this.send();
    }
    const walking = this.walker !== null || this.toWalk.length > 0 || this.queue.size > 0;
    // Send what is read when the walk ends, when a batch is full, or when nothing is on its way:
    // the first highlights then come after one slice, not after a whole batch of text.
    if (!walking || this.inFlight === 0) this.send();
    // At least one message per slice, so the outbox always drains.
    do {
      const message = this.outbox.shift();
      if (message) this.sendMessage(message);
    } while (this.outbox.length > 0 && performance.now() < deadline);
    return walking || this.outbox.length > 0;
  }

  private send(): void {
    if (this.pending.length === 0) return;
    // Messages of about BATCH_CHARS each; a long block is cut into pieces across several.
    this.outbox.push(...messagesOf(this.pending, (read) => read.block.text, BATCH_CHARS));
    this.pending = [];
    this.pendingChars = 0;
  }

  private sendMessage(batch: PieceOf<ReadBlock>[]): void {
    if (batch.length === 0) return;
    this.inFlight++;
    requestFromBackground('match', { texts: batch.map((b) => b.piece.text) })
      .then((reply) => {
        if (this.stopped) return;
        // No reply means the background refused or could not answer: nothing to draw.
        if (!reply || !Array.isArray(reply.mentions)) return;
        for (const [id, s] of Object.entries(reply.entries)) this.summaries.set(id, s);
        const added: Record_[] = [];
        const rereading = this.rereading();
        const readAt = batch.reduce((t, b) => Math.min(t, b.source.readAt), Infinity);
        reply.mentions.forEach((mentions, i) => {
          const item = batch[i];
          // Most texts of a batch name no one: their staleness need not be checked.
          if (!item || mentions.length === 0 || !this.current(item.source, rereading)) return;
          const { source: read, piece } = item;
          for (const m of mentions) {
            const start = m.start + piece.offset;
            if (start < piece.ownStart || start >= piece.ownEnd) continue; // the neighbour's
            const rec = this.record(read.block, piece.offset === 0 ? m : { ...m, start, end: m.end + piece.offset });
            if (rec) added.push(rec);
          }
        });
        for (const rec of this.context.admit(added)) {
          rec.entryIds = rec.mention.entryIds;
          rec.active = true;
          this.highlighter.add(rec, readAt);
          for (const w of rec.wrappers ?? []) this.wrapped.set(w, rec);
        }
      })
      .catch((err: unknown) => {
        // An updated or removed extension leaves this script behind, cut off: it stops quietly.
        if (extensionGone()) this.stop();
        else console.error('listed-parties: matching failed', err);
      })
      .finally(() => {
        this.inFlight--;
        this.onChange();
      });
  }

  /** The roots whose old mentions are dropped and which are read again now or next. */
  private rereading(): { roots: Set<Node>; known: Map<Node, boolean> } {
    const roots = new Set(this.toWalk);
    if (this.walkingRoot) roots.add(this.walkingRoot);
    return { roots, known: new Map() };
  }

  /**
   * False when the block's text was read again (or changed) while its match was on the way, or
   * is about to be read again (its old mentions were dropped, and the new reading brings its own).
   */
  private current({ block, walk }: ReadBlock, rereading: { roots: Set<Node>; known: Map<Node, boolean> }): boolean {
    if (this.lastWalk.get(walkKey(block)) !== walk || !block.nodes.every((n) => n.isConnected)) return false;
    // Read before the roots being read again had their mentions dropped, and inside one of them.
    const first = block.nodes[0];
    return walk > this.droppedAtWalk || rereading.roots.size === 0 || !first || !insideAny(first, rereading.roots, rereading.known);
  }

  private record(block: Block, m: Mention): Record_ | null {
    const place = rangeOfMention(block, m);
    if (!place) return null;
    const range = new Range();
    range.setStart(place.start.node, place.start.offset);
    range.setEnd(place.end.node, place.end.offset);
    const rec: Record_ = { range, entryIds: m.entryIds, mention: m, active: false, nodes: place.nodes };
    this.marks.add(rec);
    return rec;
  }

  private drop(rec: Record_): void {
    for (const w of rec.wrappers ?? []) this.wrapped.delete(w);
    if (rec.active) this.highlighter.remove(rec);
    rec.active = false;
    this.marks.delete(rec);
    this.context.forget(rec);
  }

  /** Forgets the mentions inside any of `roots` (about to be read again) and those that left the page. */
  private dropWithin(roots: readonly Node[]): void {
    for (const rec of this.marks.within(roots)) this.drop(rec);
  }
}
