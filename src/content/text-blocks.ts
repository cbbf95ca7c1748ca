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
  /** The element the text flows in (its nearest non-inline ancestor), when there is one. */
  parent?: Element | null;
}

const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS',
  'KBD', 'LABEL', 'MARK', 'NOBR', 'Q', 'RP', 'RT', 'RUBY', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG',
  'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'ACRONYM', 'tspan', 'textPath', 'a',
]);

/** Elements whose text is not page text a reader sees, or belongs to the user. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'title', 'style', 'script']);

export const CARD_TAG = 'listed-party-card';
/** The card's tag as the DOM reports it (`tagName`, `nodeName`). */
export const CARD_NODE_NAME = CARD_TAG.toUpperCase();

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
  // The ancestors not met yet, innermost first; found without recursion, as a page can nest
  // elements deeper than the stack allows.
  const chain: Element[] = [];
  let ok = true;
  for (let a: Element | null = el; a; a = a.parentElement) {
    const known = visibility.get(a);
    if (known !== undefined) {
      ok = known;
      break;
    }
    chain.push(a);
  }
  // Usually the innermost element is shown and not editable, and then so is every ancestor:
  // one style query instead of one per level (each can cost as much as the depth in a
  // deeply nested or content-visibility-skipped tree).
  if (ok && chain.every((a) => !skippedTag(a)) && !(el as HTMLElement).isContentEditable && shown(el)) {
    for (const a of chain) {
      hiddenWhenWalked.delete(a);
      visibility.set(a, true);
    }
    return true;
  }
  // Otherwise find which ancestor hides it (its attributes are watched for a later change).
  for (let i = chain.length - 1; i >= 0; i--) {
    const a = chain[i] as Element;
    ok = ok && readableItself(a);
    visibility.set(a, ok);
  }
  return ok;
}

function skippedTag(el: Element): boolean {
  return SKIPPED.has(el.tagName) || el.tagName === CARD_NODE_NAME;
}

function shown(el: Element): boolean {
  return typeof (el as HTMLElement).checkVisibility === 'function'
    ? (el as HTMLElement).checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)
    : !(el as HTMLElement).hidden;
}

/** The element's own test, its ancestors being readable. */
function readableItself(el: Element): boolean {
  if (skippedTag(el) || (el as HTMLElement).isContentEditable) return false;
  const visible = shown(el);
  if (visible) hiddenWhenWalked.delete(el);
  else hiddenWhenWalked.add(el);
  return visible;
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
      // Every 32 nodes: a style query per element makes 256 nodes cost well over a slice.
      if ((++steps & 31) === 0 && now() > deadline) break;
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
        if (this.current) this.add(text, value); // keeps spacing between inline runs
        continue;
      }
      const parent = text.parentElement;
      if (!parent || !readable(parent)) continue;
      const block = blockAncestor(text);
      if (this.current && block !== this.currentParent) this.flush(out);
      if (!this.current) {
        this.current = { text: '', nodes: [], starts: [], parent: block };
        this.currentParent = block;
      }
      this.add(text, value);
    }
    if (this.done && this.current) this.flush(out);
    return out;
  }

  private add(text: Text, value: string): void {
    const block = this.current;
    if (!block) return;
    block.starts.push(block.text.length);
    block.nodes.push(text);
    block.text += value;
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
  return { node, offset: Math.min(offset - start, node.length) };
}

/** A DOM position: a text node and an offset in it. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** Where a mention lies on the page: its two ends and the text nodes it covers, in order. */
export interface MentionPlace {
  start: TextPoint;
  end: TextPoint;
  nodes: Text[];
}

/**
 * Where the block offsets [start, end) of a mention lie in the DOM now, or null when the text
 * changed in place since it was read (its rescan is queued already). Only the nodes' lengths and
 * the mention's own characters are compared: reading a huge node's whole text (.data) costs
 * Firefox a copy of all of it, for every mention.
 */
export function rangeOfMention(block: Block, mention: { start: number; end: number }): MentionPlace | null {
  const start = locate(block, mention.start, false);
  const end = locate(block, mention.end, true);
  if (!start || !end) return null;
  const first = block.nodes.indexOf(start.node);
  const last = block.nodes.indexOf(end.node);
  if (first < 0 || last < first) return null;
  for (let i = first; i <= last; i++) {
    const node = block.nodes[i];
    if (!node) return null;
    const from = block.starts[i] ?? 0;
    if (node.length !== (block.starts[i + 1] ?? block.text.length) - from) return null;
    const a = i === first ? start.offset : 0;
    const b = i === last ? end.offset : node.length;
    if (node.substringData(a, b - a) !== block.text.slice(from + a, from + b)) return null;
  }
  return { start, end, nodes: block.nodes.slice(first, last + 1) };
}
