/**
 * Questions about where nodes sit, asked of many nodes at once by the scanner, each answered
 * without a pass per root: a page appending fifty paragraphs at a time must not pay fifty times
 * the number of highlights on it.
 */

/** True when `node` is one of `roots` or inside one (`known` caches the answer per ancestor). */
export function insideAny(node: Node, roots: ReadonlySet<Node>, known: Map<Node, boolean>): boolean {
  return heldBy(node, roots, known, parentNodeOf);
}

const parentNodeOf = (node: Node): Node | null => node.parentNode;

/** insideAny for any tree, climbed through `parentOf` (the scheduler's queue is tested on paths). */
export function heldBy<N>(node: N, roots: ReadonlySet<N>, known: Map<N, boolean>, parentOf: (node: N) => N | null): boolean {
  const path: N[] = [];
  let inside = false;
  for (let a: N | null = node; a !== null; a = parentOf(a)) {
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
