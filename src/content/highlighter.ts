/**
 * Draws mentions. With the CSS Custom Highlight API the page's DOM is left as it is: ranges go
 * into one Highlight, registered under the name of the chosen style only (content.css draws
 * each name its own way). Where the API is missing, each text-node piece of a mention is
 * wrapped in a <mark> instead.
 *
 * One name, not two: in every frame where the DOM or a highlight changed, Chromium removes and
 * adds again the markers of every range once per name the range is registered under, so a
 * second name (one that only tests read) doubled that work on busy pages.
 */
import type { HighlightStyle } from '../shared/settings';
import { NearViewport } from './near-viewport';

export const FLASH_NAME = 'listed-party-flash';
/** Fallback: the class of the <mark>s drawn where the highlight API is missing (content.css styles it). */
export const MARK_CLASS = 'listed-party-mark';
/** Fallback: added to a mention's <mark>s while it flashes. */
const MARK_FLASH_CLASS = 'listed-party-mark-flash';
const FLASH_MS = 1500;
/** The registry name of each style; whoever reads the highlights (tests, bench) looks for these. */
export const STYLE_NAMES: Readonly<Record<HighlightStyle, string>> = {
  underline: 'listed-party-underline',
  background: 'listed-party-background',
  outline: 'listed-party-outline',
};

export interface Mark {
  range: Range;
  entryIds: readonly string[];
  /** Fallback only: the <mark> elements drawn for this range. */
  wrappers?: HTMLElement[];
}

/** A page that changed its DOM this recently is taken to be changing still. */
const PAGE_BUSY_MS = 300;
/** The longest a mention waits to be drawn, from when its text was read. */
const MAX_WAIT_MS = 120;
/** On a quiet page, changes this close together are drawn together (about one frame). */
const QUIET_WAIT_MS = 16;
/**
 * On a quiet page, drawings come at most this often. Each drawing costs the next frame a rebuild
 * of every range's markers and, on a large page, a pre-paint of the whole page (25–45 ms a frame
 * on the 5 MB page), so the replies of a long first scan are drawn a few at a time. The first
 * drawing is not delayed, and a changing page is drawn with its own changes as before.
 */
const QUIET_INTERVAL_MS = 200;
/**
 * Up to this many mentions in a document, all are drawn. Beyond it, only those within a screen
 * of the viewport (near-viewport.ts): every range drawn costs each frame where the page changes
 * a rebuild of its markers, and on a page with thousands of mentions that was most of the
 * extension's cost. A hundred ranges cost a changing frame about 2 ms. The switch holds for the
 * document's life, so a page near the limit does not flip back and forth.
 */
const DRAW_ALL_UP_TO = 100;

const supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

export class Highlighter {
  private readonly highlight = supported ? new Highlight() : undefined;
  private readonly flash = supported ? new Highlight() : undefined;
  private style: HighlightStyle = 'underline';
  /** Highlight API only: the marks added and not removed, drawn or not. */
  private readonly marks = new Set<Mark>();
  /** Set once the document holds more than DRAW_ALL_UP_TO marks. */
  private near: NearViewport<Mark> | undefined;
  /**
   * Marks to hand to the observer at the next drawing. Observing an element makes Chromium draw
   * a frame to answer, so new elements are observed together, in the page's own next frame when
   * it keeps changing.
   */
  private readonly toObserve = new Set<Mark>();
  /** When each mark was due to be drawn, counted from when its text was read. */
  private readonly dueBy = new WeakMap<Mark, number>();
  private readonly toAdd = new Set<Range>();
  private readonly toDelete = new Set<Range>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private flushAt = Infinity;
  private lastPageChange = -Infinity;
  private lastDrawn = -Infinity;
  /**
   * Fallback only: runs a DOM change of ours so that the page's mutation observer can tell it
   * from the page's own changes (else each <mark> would trigger a rescan, and the rescan new
   * <mark>s, without end).
   */
  ownChange: (change: () => void) => void = (change) => change();

  constructor() {
    if (this.highlight && this.flash) {
      this.flash.priority = 1; // drawn over the ordinary highlight
      CSS.highlights.set(STYLE_NAMES[this.style], this.highlight);
      CSS.highlights.set(FLASH_NAME, this.flash);
    }
  }

  setStyle(style: HighlightStyle): void {
    if (!this.highlight || style === this.style) return;
    CSS.highlights.delete(STYLE_NAMES[this.style]);
    this.style = style;
    CSS.highlights.set(STYLE_NAMES[style], this.highlight);
  }

  /** `readAt`: when the mention's text was read (performance.now()); the wait counts from then. */
  add(mark: Mark, readAt = performance.now()): void {
    if (!this.highlight) {
      this.ownChange(() => (mark.wrappers = wrap(mark.range)));
      return;
    }
    this.marks.add(mark);
    if (!this.near && this.marks.size > DRAW_ALL_UP_TO) this.drawOnlyNearViewport();
    if (this.near) {
      this.dueBy.set(mark, readAt + MAX_WAIT_MS);
      this.toObserve.add(mark);
      this.schedule(readAt + MAX_WAIT_MS);
    } else this.draw(mark.range, readAt + MAX_WAIT_MS);
  }

  remove(mark: Mark): void {
    if (!this.highlight) {
      this.ownChange(() => {
        for (const w of mark.wrappers ?? []) unwrap(w);
      });
      return;
    }
    this.marks.delete(mark);
    this.toObserve.delete(mark);
    this.near?.delete(mark);
    // A mark never drawn (far, or not observed yet) goes without a change to the Highlight.
    if (this.highlight.has(mark.range) || this.toAdd.has(mark.range)) this.undraw(mark.range);
  }

  private draw(range: Range, latest: number): void {
    this.toDelete.delete(range);
    this.toAdd.add(range);
    this.schedule(latest);
  }

  private undraw(range: Range): void {
    this.toAdd.delete(range);
    this.toDelete.add(range);
    this.schedule(performance.now() + MAX_WAIT_MS);
  }

  /**
   * From now on marks are drawn while near the viewport. Those drawn already stay until the
   * observer's first answer for them.
   */
  private drawOnlyNearViewport(): void {
    // A new mark is drawn by the time it was due anyway; one that comes near later, as soon as
    // a drawing may be (a quiet page draws at most every QUIET_INTERVAL_MS).
    const near = new NearViewport<Mark>((mark, isNear) => {
      if (isNear) this.draw(mark.range, Math.max(performance.now(), this.dueBy.get(mark) ?? 0));
      else this.undraw(mark.range);
    });
    this.near = near;
    for (const mark of this.marks) near.add(mark, mark.range.startContainer);
  }

  /**
   * The page changed its DOM (called from the mutation observer, before the page's next frame).
   * Chromium rebuilds the markers of every registered range in each frame where the DOM or a
   * highlight changed, so changes that wait are drawn now, in the frame the page pays for anyway.
   */
  pageChanged(): void {
    this.lastPageChange = performance.now();
    if (this.waiting > 0) this.flush();
  }

  /** Draws the waiting changes now. */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.flushAt = Infinity;
    if (!this.highlight) return;
    // Far from the viewport, or not known yet: drawn when the observer says it is near.
    for (const mark of this.toObserve) if (this.near?.add(mark, mark.range.startContainer) === true) this.toAdd.add(mark.range);
    this.toObserve.clear();
    if (this.toAdd.size + this.toDelete.size > 0) this.lastDrawn = performance.now();
    for (const range of this.toDelete) this.highlight.delete(range);
    for (const range of this.toAdd) this.highlight.add(range);
    this.toDelete.clear();
    this.toAdd.clear();
  }

  /** Changes not drawn yet: ranges to add or remove, marks to observe. */
  get waiting(): number {
    return this.toAdd.size + this.toDelete.size + this.toObserve.size;
  }

  /**
   * Changes are drawn together: every change to a Highlight makes the next frame re-mark every
   * range on the page. While the page itself keeps changing, they wait for its next change (until
   * `latest`), so that one frame carries both; otherwise those of the next QUIET_WAIT_MS go
   * together, and at most one drawing per QUIET_INTERVAL_MS. A timer, not an
   * animation frame: a callback of ours inside the page's frame task would make the page's own
   * style and layout work there count as the extension's task.
   */
  private schedule(latest: number): void {
    const now = performance.now();
    const pageBusy = now - this.lastPageChange < PAGE_BUSY_MS;
    let due = pageBusy ? latest : Math.min(latest, now + QUIET_WAIT_MS);
    if (!pageBusy) due = Math.max(due, this.lastDrawn + QUIET_INTERVAL_MS);
    if (due >= this.flushAt) return;
    clearTimeout(this.flushTimer);
    this.flushAt = due;
    this.flushTimer = setTimeout(() => this.flush(), Math.max(0, due - now));
  }

  /** Flashes a mention for a moment ("show on page" in the popup). */
  flashMark(mark: Mark): void {
    if (!this.flash) {
      const wrappers = mark.wrappers ?? [];
      this.ownChange(() => wrappers.forEach((w) => w.classList.add(MARK_FLASH_CLASS)));
      setTimeout(() => this.ownChange(() => wrappers.forEach((w) => w.classList.remove(MARK_FLASH_CLASS))), FLASH_MS);
      return;
    }
    const range = mark.range;
    this.flash.clear();
    this.flash.add(range);
    setTimeout(() => this.flash?.delete(range), FLASH_MS);
  }
}

/** Fallback: wraps each text-node piece of the range in a <mark>. */
function wrap(range: Range): HTMLElement[] {
  const doc = range.startContainer.ownerDocument;
  if (!doc) return [];
  const pieces: { node: Text; start: number; end: number }[] = [];
  const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  let node: Node | null = range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer : walker.nextNode();
  walker.currentNode = node ?? range.startContainer;
  while (node) {
    const t = node as Text;
    if (range.intersectsNode(t)) {
      const start = t === range.startContainer ? range.startOffset : 0;
      const end = t === range.endContainer ? range.endOffset : t.data.length;
      if (end > start) pieces.push({ node: t, start, end });
    }
    if (t === range.endContainer) break;
    node = walker.nextNode();
  }
  return pieces.map(({ node: t, start, end }) => {
    const middle = t.splitText(start);
    middle.splitText(end - start);
    const mark = doc.createElement('mark');
    mark.className = MARK_CLASS;
    middle.replaceWith(mark);
    mark.append(middle);
    return mark;
  });
}

/**
 * Fallback: takes a <mark> away and joins the text that wrap() split back into the page's own
 * text node (the one before it), so the page's DOM is as it was.
 */
function unwrap(mark: HTMLElement): void {
  const before = mark.previousSibling;
  const after = mark.nextSibling;
  const inner = mark.firstChild;
  mark.replaceWith(...mark.childNodes);
  if (!inner || inner.nextSibling !== after || !isText(inner)) return;
  let whole = inner;
  if (before && isText(before)) {
    before.appendData(inner.data);
    inner.remove();
    whole = before;
  }
  if (after && isText(after)) {
    whole.appendData(after.data);
    after.remove();
  }
}

const isText = (node: Node): node is Text => node.nodeType === Node.TEXT_NODE;
