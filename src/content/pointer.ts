/**
 * Follows the pointer over highlighted names and shows or hides the hover card. The page's
 * events reach these listeners, so each is guarded: nothing here may throw into the page.
 */
import type { EntrySummary } from '../shared/messages';
import type { HoverCard } from './hover-card';
import type { Record_ } from './marks';
import { MARK_CLASS } from './highlighter';

export interface PointerSource {
  marksAt(node: Text): Record_[];
  /** Fallback: the drawn mention a <mark> of ours belongs to. */
  markWrappedBy(wrapper: Element): Record_ | undefined;
  summaries: ReadonlyMap<string, EntrySummary>;
  /** Open shadow roots met so far: caret look-ups must be told about them to look inside. */
  shadowRoots: readonly ShadowRoot[];
}

export function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (err) {
      console.error('listed-parties:', err);
    }
  };
}

function textNodeAt(x: number, y: number, shadowRoots: readonly ShadowRoot[]): Text | null {
  let node: Node | null | undefined;
  if (typeof document.caretPositionFromPoint === 'function') {
    node = document.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] })?.offsetNode;
  } else {
    node = document.caretRangeFromPoint?.(x, y)?.startContainer;
  }
  return node && node.nodeType === Node.TEXT_NODE ? (node as Text) : null;
}

const inside = (x: number, y: number, r: DOMRect): boolean => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;

/** The drawn mention under the pointer, with the highlight API. */
function highlightedAt(src: PointerSource, node: Text, x: number, y: number): { range: Range; entryIds: readonly string[] } | undefined {
  return src.marksAt(node).find((m) => m.active && [...m.range.getClientRects()].some((r) => inside(x, y, r)));
}

/**
 * Fallback: the mention whose <mark> holds the text under the pointer. Its own range collapsed
 * when the text was wrapped, so the card is placed by a range over the <mark>, one per <mark>
 * (the card tells a new name from the one it shows by its range).
 */
const rangeOfWrapper = new WeakMap<Element, Range>();
function wrappedAt(src: PointerSource, node: Text): { range: Range; entryIds: readonly string[] } | undefined {
  const wrapper = node.parentElement;
  if (!wrapper || wrapper.localName !== 'mark' || !wrapper.classList.contains(MARK_CLASS)) return undefined;
  const rec = src.markWrappedBy(wrapper);
  if (!rec) return undefined;
  let range = rangeOfWrapper.get(wrapper);
  if (!range) {
    range = document.createRange();
    range.selectNodeContents(wrapper);
    rangeOfWrapper.set(wrapper, range);
  }
  return { range, entryIds: rec.entryIds };
}

/** Installs the listeners; `source()` is null while the page is not scanned (paused, excluded). */
export function trackPointer(card: HoverCard, source: () => PointerSource | null): void {
  const lookAt = (x: number, y: number, target: EventTarget | null): void => {
    const src = source();
    if (!src || card.contains(target)) return;
    const node = textNodeAt(x, y, src.shadowRoots);
    const hit = node ? (highlightedAt(src, node, x, y) ?? wrappedAt(src, node)) : undefined;
    if (hit) {
      if (card.visibleFor !== hit.range) {
        const entries = hit.entryIds.map((id) => src.summaries.get(id)).filter((s) => s !== undefined);
        card.show(hit.range, entries);
      }
    } else if (card.visibleFor) card.hide();
  };

  // At most one look-up per 40 ms, and always one for where the pointer came to rest.
  let pending: { x: number; y: number; target: EventTarget | null } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  document.addEventListener(
    'mousemove',
    guard((event: MouseEvent) => {
      if (!source()) return;
      pending = { x: event.clientX, y: event.clientY, target: event.target };
      if (timer !== undefined) return;
      timer = setTimeout(
        guard(() => {
          timer = undefined;
          last = performance.now();
          const p = pending;
          pending = null;
          if (p) lookAt(p.x, p.y, p.target);
        }),
        Math.max(0, 40 - (event.timeStamp - last)),
      );
    }),
    { passive: true, capture: true },
  );

  // The pointer left the window: no later mousemove will hide the card.
  document.addEventListener(
    'mouseout',
    guard((event: MouseEvent) => {
      if (event.relatedTarget === null && card.visibleFor) card.hide();
    }),
    { passive: true, capture: true },
  );

  document.addEventListener(
    'keydown',
    guard((event: KeyboardEvent) => {
      if (event.key === 'Escape' && card.visibleFor) card.hide();
    }),
    { capture: true },
  );
}
