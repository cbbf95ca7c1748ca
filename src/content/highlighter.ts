/**
 * Draws mentions. With the CSS Custom Highlight API the page's DOM is left as it is: ranges go
 * into a Highlight registered under `listed-party` (and under the name of the chosen style,
 * which content.css draws). Where the API is missing, each text-node piece of a mention is
 * wrapped in a <mark> instead.
 */
import type { HighlightStyle } from '../shared/settings';

export const HIGHLIGHT_NAME = 'listed-party';
export const FLASH_NAME = 'listed-party-flash';
const STYLE_NAMES: Record<HighlightStyle, string> = {
  underline: 'listed-party-underline',
  background: 'listed-party-background',
  outline: 'listed-party-outline',
};

export interface Mark {
  range: Range;
  entryIds: string[];
  /** Fallback only: the <mark> elements drawn for this range. */
  wrappers?: HTMLElement[];
}

const supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

export class Highlighter {
  private readonly highlight = supported ? new Highlight() : undefined;
  private readonly flash = supported ? new Highlight() : undefined;
  private style: HighlightStyle = 'underline';
  /**
   * Fallback only: runs a DOM change of ours so that the page's mutation observer can tell it
   * from the page's own changes (else each <mark> would trigger a rescan, and the rescan new
   * <mark>s, without end).
   */
  ownChange: (change: () => void) => void = (change) => change();

  constructor() {
    if (this.highlight && this.flash) {
      this.flash.priority = 1; // drawn over the ordinary highlight
      CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
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

  add(mark: Mark): void {
    if (this.highlight) this.highlight.add(mark.range);
    else this.ownChange(() => (mark.wrappers = wrap(mark.range)));
  }

  remove(mark: Mark): void {
    if (this.highlight) this.highlight.delete(mark.range);
    else this.ownChange(() => {
      for (const w of mark.wrappers ?? []) unwrap(w);
    });
  }

  flashRange(range: Range): void {
    if (!this.flash) return;
    this.flash.clear();
    this.flash.add(range);
    setTimeout(() => this.flash?.delete(range), 1500);
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
    mark.className = 'listed-party-mark';
    middle.replaceWith(mark);
    mark.append(middle);
    return mark;
  });
}

function unwrap(mark: HTMLElement): void {
  mark.replaceWith(...mark.childNodes);
}
