/**
 * Questions about where nodes sit, asked of many nodes at once by the scanner, each answered
 * without a pass per root: a page appending fifty paragraphs at a time must not pay fifty times
 * the number of highlights on it.
 */

/** True when `node` is one of `roots` or inside one (`known` caches the answer per ancestor). */
export function insideAny(node: Node, roots: ReadonlySet<Node>, known: Map<Node, boolean>): boolean {
  const path: Node[] = [];
  let inside = false;
  for (let a: Node | null = node; a; a = a.parentNode) {
    const cached = known.get(a);
    if (cached !== undefined) {
      inside = cached;
      break;
    }
    if (roots.has(a)) {
      inside = true;
      break;
    }
    path.push(a);
  }
  for (const p of path) known.set(p, inside);
  return inside;
}

/**
 * True when `test` holds for a text node inside `root` (or `root` itself), or when `root` holds
 * more than `limit` text nodes: a large subtree is taken to hold one (the caller's fallback is
 * then cheaper than reading all of it here).
 */
export function anyTextWithin(root: Node, limit: number, test: (text: Text) => boolean): boolean {
  const doc = root.ownerDocument ?? (root as Document);
  const texts = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let n: Node | null = root.nodeType === Node.TEXT_NODE ? root : texts.nextNode(); n; n = texts.nextNode()) {
    if (++count > limit || test(n as Text)) return true;
  }
  return false;
}
