/**
 * Reading what the content script highlighted, from the page world. The CSS Custom Highlight
 * registry belongs to the document, so the content script's highlights are visible to a page
 * script, as is the hover card's host element (its contents sit in a closed shadow root).
 */
import type { Evaluator, TestPage } from './session';

/**
 * Names the content script registers (src/content/highlighter.ts); the tests must agree with
 * them. Its highlight is registered under one name, that of the chosen style, so a reader looks
 * for any of these.
 */
export const LISTED_HIGHLIGHT_NAMES: readonly string[] = ['listed-party-underline', 'listed-party-background', 'listed-party-outline'];
export const FLASH_HIGHLIGHT = 'listed-party-flash';
export const HOVER_CARD_TAG = 'listed-party-card';

/** Whitespace runs to one space, ends trimmed: how a mention is compared with an expected name. */
export function normalizeMention(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every registered highlight by name, each as the text of its ranges (in registry order). */
export type HighlightSnapshot = Record<string, string[]>;

/** Runs in the page: self-contained, it is sent as source text. */
function snapshotInPage(): HighlightSnapshot {
  const snapshot: HighlightSnapshot = {};
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return snapshot;
  CSS.highlights.forEach((highlight, name) => {
    const texts: string[] = [];
    highlight.forEach((abstract) => {
      // A Highlight may hold StaticRanges, which have no toString: read through a live Range.
      const range = document.createRange();
      range.setStart(abstract.startContainer, abstract.startOffset);
      range.setEnd(abstract.endContainer, abstract.endOffset);
      texts.push(range.toString().replace(/\s+/g, ' ').trim());
    });
    snapshot[String(name)] = texts;
  });
  return snapshot;
}

export function readHighlightSnapshot(target: Evaluator): Promise<HighlightSnapshot> {
  return target.evaluate(snapshotInPage, undefined);
}

/**
 * The texts highlighted as listed parties, from a snapshot. The highlight stands under one
 * style's name; a second one there at the same time would be a bug, and fails the caller's
 * checks by doubling the texts.
 */
export function listedIn(snapshot: HighlightSnapshot): string[] {
  return LISTED_HIGHLIGHT_NAMES.flatMap((name) => snapshot[name] ?? []);
}

/** The texts highlighted as listed parties in one document (page or frame). */
export async function listedMentions(target: Evaluator): Promise<string[]> {
  return listedIn(await readHighlightSnapshot(target));
}

/** The same, for the page and for each of its frames, keyed by the frame's address. */
export async function listedMentionsByFrame(page: TestPage): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>([[page.address, await listedMentions(page)]]);
  for (const frame of page.childFrames()) result.set(frame.url, await listedMentions(frame));
  return result;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Scrolls the first mention highlighted as `text` under one of `highlightNames` into view and
 * returns the box of its first line (a name may wrap), in viewport coordinates; null when there
 * is none.
 */
export function mentionBox(target: Evaluator, text: string, highlightNames = LISTED_HIGHLIGHT_NAMES): Promise<Box | null> {
  return target.evaluate(
    ({ wanted, names }) => {
      const ranges = names.flatMap((name) => [...(CSS.highlights.get(name) ?? [])]);
      for (const abstract of ranges) {
        const range = document.createRange();
        range.setStart(abstract.startContainer, abstract.startOffset);
        range.setEnd(abstract.endContainer, abstract.endOffset);
        if (range.toString().replace(/\s+/g, ' ').trim() !== wanted) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const first = range.getClientRects()[0];
        return first ? { x: first.left, y: first.top, width: first.width, height: first.height } : null;
      }
      return null;
    },
    { wanted: text, names: [...highlightNames] },
  );
}

export interface HoverCardState {
  /** How many card hosts are in the document. */
  count: number;
  /**
   * Whether the card is drawn next to `near` (within 160 px above or below it). The card's
   * contents are closed to the page, but hit testing still finds their host: a point where the
   * card is drawn answers `elementFromPoint` with the host element.
   */
  drawnNear: boolean;
}

export function hoverCardState(target: Evaluator, near: Box): Promise<HoverCardState> {
  return target.evaluate(
    ({ tag, box }) => {
      const count = document.querySelectorAll(tag).length;
      for (let dy = -160; dy <= box.height + 160; dy += 8) {
        for (let dx = -20; dx <= 340; dx += 20) {
          const hit = document.elementFromPoint(box.x + dx, box.y + dy);
          if (hit && hit.localName === tag) return { count, drawnNear: true };
        }
      }
      return { count, drawnNear: false };
    },
    { tag: HOVER_CARD_TAG, box: near },
  );
}
