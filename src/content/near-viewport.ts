/**
 * Which items (mentions) sit near the viewport, told through an IntersectionObserver on an
 * element around each one (its anchor). Items that share an anchor share its answer, so a
 * paragraph naming three parties costs one observed element.
 *
 * Why: in every frame where the page's DOM changed, Chromium removes and adds again the markers
 * of every range in every registered highlight. On a page with thousands of mentions that is
 * most of the cost of highlighting, and only the ones near the viewport can be seen.
 */

/** How far beyond the viewport, above and below, an item counts as near: one screen each way. */
const MARGIN = '100% 0px 100% 0px';

interface Anchor<T> {
  items: Set<T>;
  /** Unknown until the observer's first answer for this element. */
  near: boolean | undefined;
}

export class NearViewport<T> {
  private readonly anchors = new Map<Element, Anchor<T>>();
  private readonly anchorOf = new Map<T, Element>();
  private readonly observer: IntersectionObserver;

  /** `changed` hears of each item whose nearness changed, including its first answer. */
  constructor(private readonly changed: (item: T, near: boolean) => void) {
    this.observer = new IntersectionObserver((entries) => this.update(entries), { rootMargin: MARGIN });
  }

  /**
   * Starts watching an item. Returns its nearness when its anchor already has an answer, else
   * undefined: the answer then comes through `changed`, after the page's next frame.
   */
  add(item: T, node: Node): boolean | undefined {
    const element = elementAround(node);
    if (!element) return true; // nothing to observe: treat it as always near
    let anchor = this.anchors.get(element);
    if (!anchor) {
      anchor = { items: new Set(), near: undefined };
      this.anchors.set(element, anchor);
      this.observer.observe(element);
    }
    anchor.items.add(item);
    this.anchorOf.set(item, element);
    return anchor.near;
  }

  /** Stops watching an item. */
  delete(item: T): void {
    const element = this.anchorOf.get(item);
    if (!element) return;
    this.anchorOf.delete(item);
    const anchor = this.anchors.get(element);
    if (!anchor) return;
    anchor.items.delete(item);
    if (anchor.items.size === 0) {
      this.anchors.delete(element);
      this.observer.unobserve(element);
    }
  }

  private update(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const element = entry.target;
      const anchor = this.anchors.get(element);
      if (!anchor) continue;
      const box = entry.boundingClientRect;
      if (!entry.isIntersecting && box.width === 0 && box.height === 0 && element.isConnected) {
        // No box of its own (display: contents) though it holds visible text: ask its parent.
        this.moveUp(element, anchor);
        continue;
      }
      if (anchor.near === entry.isIntersecting) continue;
      anchor.near = entry.isIntersecting;
      for (const item of anchor.items) this.changed(item, entry.isIntersecting);
    }
  }

  private moveUp(element: Element, anchor: Anchor<T>): void {
    this.anchors.delete(element);
    this.observer.unobserve(element);
    const parent = element.parentNode;
    for (const item of anchor.items) {
      this.anchorOf.delete(item);
      const near = parent ? this.add(item, parent) : true;
      if (near !== undefined && near !== anchor.near) this.changed(item, near);
    }
  }
}

/** The element whose box stands for a node: the node itself, its parent, or a shadow root's host. */
function elementAround(node: Node): Element | null {
  if (node.nodeType === Node.ELEMENT_NODE) return node as Element;
  if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return (node as ShadowRoot).host ?? null;
  if (node.parentElement) return node.parentElement;
  return node.parentNode ? elementAround(node.parentNode) : null;
}
