/**
 * The content script: runs in every frame, highlights listed parties, shows the hover card,
 * and answers the popup's `reveal` and the background's `rescan`. Nothing here may break the
 * page: every callback the page can trigger is guarded.
 */
import { browser, sendToBackground } from '../shared/browser';
import type { ContentMessages } from '../shared/messages';
import type { HighlightStyle } from '../shared/settings';
import { Highlighter } from './highlighter';
import { HoverCard } from './hover-card';
import { Scanner } from './scanner';
import { CARD_TAG } from './text-blocks';
import { adoptHighlightStyles } from './shadow-styles';

const highlighter = new Highlighter();
let scanner: Scanner | null = null;
let observer: MutationObserver | null = null;
let reportTimer: ReturnType<typeof setTimeout> | undefined;

const card = new HoverCard((entryId) => {
  sendToBackground('openDetails', { entryId }).catch(() => undefined);
});

function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (err) {
      console.error('listed-parties:', err);
    }
  };
}

function report(): void {
  clearTimeout(reportTimer);
  reportTimer = setTimeout(() => {
    const found = scanner?.found() ?? [];
    sendToBackground('reportFound', { found }).catch(() => undefined);
  }, 250);
}

const onMutations = guard((records: MutationRecord[]) => {
  if (!scanner) return;
  for (const r of records) {
    const target = r.target;
    if (target.nodeName === CARD_TAG.toUpperCase() || target.parentElement?.tagName === CARD_TAG.toUpperCase()) continue;
    scanner.enqueue(target.nodeType === Node.TEXT_NODE ? (target.parentNode ?? target) : target);
  }
});

function observe(root: Node): void {
  observer?.observe(root, { childList: true, characterData: true, subtree: true });
}

async function start(): Promise<void> {
  const config = await sendToBackground('getPageConfig', { url: location.href });
  stop();
  if (!config.active) {
    report();
    return;
  }
  highlighter.setStyle(config.highlightStyle as HighlightStyle);
  scanner = new Scanner(highlighter, report, (shadow) => {
    adoptHighlightStyles(shadow);
    observe(shadow);
  });
  observer = new MutationObserver(onMutations);
  const root = document.body ?? document.documentElement;
  if (!root) return;
  observe(root);
  scanner.enqueue(root);
}

function stop(): void {
  observer?.disconnect();
  observer = null;
  scanner?.stop();
  scanner = null;
  card.hide();
}

/** Scrolls to the n-th mention of an entry and flashes it. */
function reveal(entryId: string, index = 0): boolean {
  const marks = (scanner?.marks ?? []).filter((m) => m.active && m.entryIds.includes(entryId));
  const mark = marks[((index % marks.length) + marks.length) % marks.length];
  if (!mark) return false;
  const el = mark.range.startContainer.parentElement;
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  highlighter.flashRange(mark.range);
  return true;
}

browser.runtime.onMessage.addListener((raw: unknown) => {
  if (!raw || typeof raw !== 'object') return undefined;
  const { type, payload } = raw as { type?: keyof ContentMessages; payload?: Record<string, unknown> };
  if (type === 'reveal' && payload && typeof payload.entryId === 'string') {
    const index = typeof payload.index === 'number' ? payload.index : 0;
    return Promise.resolve({ ok: reveal(payload.entryId, index) });
  }
  if (type === 'rescan') {
    start().catch((err: unknown) => console.error('listed-parties:', err));
    return Promise.resolve({ ok: true });
  }
  return undefined;
});

/** The hover card: follows the pointer over highlighted names. */
let lastMove = 0;
const caretAt = (x: number, y: number): { node: Node; offset: number } | null => {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
};

function onPointer(x: number, y: number, target: EventTarget | null): void {
  if (!scanner) return;
  if (card.contains(target)) return;
  const caret = caretAt(x, y);
  const node = caret?.node;
  const hit =
    node && node.nodeType === Node.TEXT_NODE
      ? scanner.marksAt(node as Text).find((m) => {
          if (!m.active) return false;
          return [...m.range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
        })
      : undefined;
  if (hit) {
    if (card.visibleFor !== hit.range) {
      const entries = hit.entryIds.map((id) => scanner?.summaries.get(id)).filter((s) => s !== undefined);
      card.show(hit.range, entries);
    }
  } else if (card.visibleFor) card.hide();
}

/** At most one look-up per 40 ms, and always one for where the pointer came to rest. */
let pendingPointer: { x: number; y: number; target: EventTarget | null } | null = null;
let pointerTimer: ReturnType<typeof setTimeout> | undefined;
document.addEventListener(
  'mousemove',
  guard((event: MouseEvent) => {
    if (!scanner) return;
    pendingPointer = { x: event.clientX, y: event.clientY, target: event.target };
    if (pointerTimer !== undefined) return;
    const wait = Math.max(0, 40 - (event.timeStamp - lastMove));
    pointerTimer = setTimeout(
      guard(() => {
        pointerTimer = undefined;
        lastMove = performance.now();
        const p = pendingPointer;
        pendingPointer = null;
        if (p) onPointer(p.x, p.y, p.target);
      }),
      wait,
    );
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

start().catch((err: unknown) => console.error('listed-parties: could not start', err));
