/**
 * The content script: runs in every frame, highlights listed parties, shows the hover card,
 * and answers the popup's `reveal` and the background's `rescan` and `reportAgain`. Nothing
 * here may break the page: every callback the page can trigger is guarded.
 */
import { browser, closeBackgroundPort, requestFromBackground, sendToBackground } from '../shared/browser';
import type { ContentMessages } from '../shared/messages';
import { Highlighter } from './highlighter';
import { HoverCard } from './hover-card';
import { guard, trackPointer } from './pointer';
import { Scanner } from './scanner';
import { CARD_NODE_NAME } from './text-blocks';
import { adoptHighlightStyles } from './shadow-styles';
import { NEW_PARTY_MS, ReportPacer } from './report-pacer';

const highlighter = new Highlighter();
let scanner: Scanner | null = null;
let observer: MutationObserver | null = null;
// Where <mark>s stand in for the highlight API: the page's changes so far are handled, then the
// records our own change causes are taken and dropped.
highlighter.ownChange = (change) => {
  const theirs = observer?.takeRecords() ?? [];
  if (theirs.length > 0) onMutations(theirs);
  change();
  observer?.takeRecords();
};
let reportTimer: ReturnType<typeof setTimeout> | undefined;
let recountTimer: ReturnType<typeof setTimeout> | undefined;

const card = new HoverCard((entryId) => {
  sendToBackground('openDetails', { entryId }).catch(() => undefined);
});

const pacer = new ReportPacer();

/**
 * Tells the background what this frame holds (see ReportPacer). A throttle, not a debounce: on a
 * page that never stops changing, the badge still follows. `again`: the background lost this
 * frame's findings (the tab was reset), so they are sent whatever was sent before.
 */
function report(again = false): void {
  if (again) pacer.forget();
  reportTimer ??= setTimeout(() => {
    reportTimer = undefined;
    sendReport();
  }, NEW_PARTY_MS);
}

function sendReport(): void {
  const found = scanner?.found() ?? [];
  const step = pacer.decide(found, performance.now());
  if (typeof step === 'number') {
    // Only counts changed, and the last report is recent: they go later, unless a new party
    // (found in one of the page's next changes) takes them along first.
    recountTimer ??= setTimeout(() => {
      recountTimer = undefined;
      sendReport();
    }, step);
    return;
  }
  clearTimeout(recountTimer);
  recountTimer = undefined;
  if (step === 'send') requestFromBackground('reportFound', { found }).catch(() => pacer.forget());
}

/** Attribute changes that can show text that was hidden when it was walked. */
const VISIBILITY_ATTRIBUTES = ['hidden', 'open', 'class', 'style'];

// Runs for every record the page causes (a feed appending fifty paragraphs every 100 ms makes
// five hundred a second), so it reads as few DOM properties as it can: each read crosses into
// the browser. Records of one batch mostly share their target, so its test is kept.
const onMutations = guard((records: MutationRecord[]) => {
  if (!scanner) return;
  let pageChanged = false;
  let lastTarget: Node | null = null;
  let inCard = false;
  for (const r of records) {
    const target = r.target;
    if (target !== lastTarget) {
      lastTarget = target;
      inCard = target.nodeName === CARD_NODE_NAME || target.parentElement?.nodeName === CARD_NODE_NAME;
    }
    if (inCard) continue;
    pageChanged = true;
    const type = r.type;
    if (type === 'attributes') {
      scanner.attributeChanged(target as Element);
      continue;
    }
    if (type === 'childList' && r.removedNodes.length === 0) {
      // Only additions: scan what was added, not the whole container again (a feed appending
      // paragraphs would otherwise make every append re-read all the ones before it).
      const added = r.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const node = added[i] as Node;
        if (node.nodeName !== CARD_NODE_NAME) scanner.enqueue(node, true);
      }
    } else scanner.enqueue(target.nodeType === Node.TEXT_NODE ? (target.parentNode ?? target) : target);
  }
  if (pageChanged) highlighter.pageChanged();
});

function observe(root: Node): void {
  observer?.observe(root, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: VISIBILITY_ATTRIBUTES });
}

/**
 * The address whose settings apply here. An about:blank or srcdoc frame has no host of its own:
 * it belongs to the page that made it (its origin is inherited), so a paused site stays paused
 * in its blank frames.
 */
function pageUrl(): string {
  if (location.protocol !== 'about:' || origin === 'null') return location.href;
  return `${origin}/`;
}

async function start(): Promise<void> {
  const config = await sendToBackground('getPageConfig', { url: pageUrl() });
  stop();
  if (!config.active) {
    report();
    return;
  }
  highlighter.setStyle(config.highlightStyle);
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

/** Page order of two ranges; ranges in different trees (shadow roots) keep their order. */
function inPageOrder(a: { range: Range }, b: { range: Range }): number {
  try {
    return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
  } catch {
    return 0;
  }
}

/**
 * Scrolls to the n-th mention of an entry in this frame and flashes it. Frames without the
 * entry stay silent (undefined), so that the frame that has it is the one whose answer counts.
 */
function reveal(entryId: string, index: number): { ok: true } | undefined {
  const marks = [...(scanner?.marks ?? [])].filter((m) => m.active && m.entryIds.includes(entryId)).sort(inPageOrder);
  const mark = marks[((index % marks.length) + marks.length) % marks.length];
  if (!mark) return undefined;
  // With <mark>s drawn instead of highlights, the range has collapsed beside them.
  const el = mark.wrappers?.[0] ?? mark.range.startContainer.parentElement;
  // Smoothly only where it is seen: Firefox drops a smooth scroll begun in a hidden tab (the
  // popup's page opened in a tab of its own leaves this one hidden).
  el?.scrollIntoView({ block: 'center', behavior: document.visibilityState === 'visible' ? 'smooth' : 'instant' });
  highlighter.flashMark(mark);
  return { ok: true };
}

browser.runtime.onMessage.addListener((raw: unknown) => {
  if (!raw || typeof raw !== 'object') return undefined;
  const { type, payload } = raw as { type?: keyof ContentMessages; payload?: Record<string, unknown> };
  if (type === 'reveal' && payload && typeof payload.entryId === 'string') {
    const index = typeof payload.index === 'number' && Number.isInteger(payload.index) ? payload.index : 0;
    let reply: { ok: true } | undefined;
    try {
      reply = reveal(payload.entryId, index);
    } catch (err) {
      console.error('listed-parties: reveal failed', err);
    }
    if (reply) return Promise.resolve(reply);
    // The first answer wins: the top frame says "not here" only after a frame that has the
    // entry has had time to answer.
    return window === window.top ? new Promise((resolve) => setTimeout(() => resolve({ ok: false }), 300)) : undefined;
  }
  if (type === 'rescan') {
    start().catch((err: unknown) => console.error('listed-parties:', err));
    return Promise.resolve({ ok: true });
  }
  if (type === 'reportAgain') {
    report(true);
    return Promise.resolve({ ok: true });
  }
  return undefined;
});

trackPointer(card, () => scanner);

// A page brought back from the back/forward cache keeps its highlights, but the tab's state
// was reset when the tab navigated away: tell the background again. Only a page that was hidden
// can come back, so the listener waits for a pagehide: a pageshow listener present at load runs
// in the task that ends the load, and Chromium then counts the page's first style and layout in
// that task as the extension's (59 ms on a saved news page in the bench). The port to the
// background is closed on the way out: a page in that cache must not hold one open.
addEventListener(
  'pagehide',
  () => {
    closeBackgroundPort();
    addEventListener(
      'pageshow',
      guard((event: PageTransitionEvent) => {
        if (event.persisted) report(true);
      }),
      { once: true },
    );
  },
);

start().catch((err: unknown) => console.error('listed-parties: could not start', err));
