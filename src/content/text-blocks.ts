/**
 * Collects the visible text of a subtree as blocks: text that flows together (across inline
 * elements such as <b> or <a>) is one block, so "<b>NSO</b> Group" reads "NSO Group". Each
 * block keeps where its text nodes start, to turn offsets back into DOM positions.
 */

export interface Block {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in text. */
  starts: number[];
}

const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS',
  'KBD', 'LABEL', 'MARK', 'NOBR', 'Q', 'RP', 'RT', 'RUBY', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG',
  'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'ACRONYM', 'tspan', 'textPath', 'a',
]);

/** Elements whose text is not page text a reader sees, or belongs to the user. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'title', 'style', 'script']);

export const CARD_TAG = 'listed-party-card';

export function isInline(el: Element): boolean {
  return INLINE.has(el.tagName);
}

/** The nearest ancestor that is not inline: text below it flows together. */
export function blockAncestor(node: Node): Element | null {
  let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && isInline(el) && el.parentElement) el = el.parentElement;
  return el;
}

let visibility = new WeakMap<Element, boolean>();
/**
 * Elements that were the outermost hidden one when last walked. Unlike the cache this lasts:
 * a later change to one of their attributes (a class, `hidden`, a style) may show their text.
 */
const hiddenWhenWalked = new WeakSet<Element>();

/** Hidden, skipped or editable elements contribute no text. Cached per element for one pass. */
function readable(el: Element): boolean {
  const cached = visibility.get(el);
  if (cached !== undefined) return cached;
  let ok = !SKIPPED.has(el.tagName) && el.tagName !== CARD_TAG.toUpperCase() && !(el as HTMLElement).isContentEditable;
  if (ok && el.parentElement) ok = readable(el.parentElement);
  if (ok) {
    const shown =
      typeof (el as HTMLElement).checkVisibility === 'function'
        ? (el as HTMLElement).checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)
        : !(el as HTMLElement).hidden;
    if (shown) hiddenWhenWalked.delete(el);
    else hiddenWhenWalked.add(el);
    ok = shown;
  }
  visibility.set(el, ok);
  return ok;
}

/** True when `el` hid its text the last time it was walked. */
export function wasHidden(el: Element): boolean {
  return hiddenWhenWalked.has(el);
}

/** Forget cached visibility (styles may have changed since the last pass). */
export function resetVisibilityCache(): void {
  visibility = new WeakMap();
}

/**
 * Walks `root` in chunks. `next(deadline)` returns the blocks completed so far and whether the
 * walk is finished; open shadow roots met on the way are returned for the caller to walk too.
 */
export class BlockWalker {
  private readonly walker: TreeWalker;
  private current: Block | null = null;
  private currentParent: Element | null = null;
  readonly shadowRoots: ShadowRoot[] = [];
  done = false;

  constructor(root: Node) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  }

  next(deadline: number, now: () => number): Block[] {
    const out: Block[] = [];
    let steps = 0;
    while (!this.done) {
      if ((++steps & 255) === 0 && now() > deadline) break;
      const node = this.walker.nextNode();
      if (!node) {
        this.done = true;
        break;
      }
      if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        const shadow = (el as HTMLElement).shadowRoot;
        if (shadow && readable(el)) this.shadowRoots.push(shadow);
        if (el.tagName === 'BR' && this.current) this.flush(out);
        continue;
      }
      const text = node as Text;
      const value = text.data;
      if (value.length === 0 || !/\S/.test(value)) {
        if (this.current) this.add(text); // keeps spacing between inline runs
        continue;
      }
      const parent = text.parentElement;
      if (!parent || !readable(parent)) continue;
      const block = blockAncestor(text);
      if (this.current && block !== this.currentParent) this.flush(out);
      if (!this.current) {
        this.current = { text: '', nodes: [], starts: [] };
        this.currentParent = block;
      }
      this.add(text);
    }
    if (this.done && this.current) this.flush(out);
    return out;
  }

  private add(text: Text): void {
    const block = this.current;
    if (!block) return;
    block.starts.push(block.text.length);
    block.nodes.push(text);
    block.text += text.data;
  }

  private flush(out: Block[]): void {
    if (this.current && /\S/.test(this.current.text)) out.push(this.current);
    this.current = null;
    this.currentParent = null;
  }
}

/** The text node and offset of a block offset (binary search over node starts). */
export function locate(block: Block, offset: number, preferEnd: boolean): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = block.starts[mid] as number;
    if (s < offset || (!preferEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = block.nodes[lo];
  const start = block.starts[lo];
  if (!node || start === undefined) return null;
  return { node, offset: Math.min(offset - start, node.data.length) };
}
