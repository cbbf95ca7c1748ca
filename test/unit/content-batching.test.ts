/**
 * The content script's work per page change stays small: changed roots are taken together,
 * marks inside them are found through a set of roots instead of a pass per root (highlighter.test.ts
 * has how highlight changes are drawn together).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { anyTextWithin, insideAny } from '../../src/content/subtree';

/** A minimal node: a parent link, and a name to read failures by. */
interface FakeNode {
  name: string;
  parentNode: FakeNode | null;
}
const node = (name: string, parent: FakeNode | null = null): FakeNode => ({ name, parentNode: parent });

describe('marks inside any of several roots', () => {
  const body = node('body');
  const feed = node('feed', body);
  const p1 = node('p1', feed);
  const p2 = node('p2', feed);
  const text1 = node('#text1', p1);
  const text2 = node('#text2', p2);
  const aside = node('aside', body);
  const text3 = node('#text3', aside);
  const asNode = (n: FakeNode): Node => n as unknown as Node;

  it('finds a node inside one of the roots, or equal to one, and not a node outside them', () => {
    const roots = new Set([asNode(p1), asNode(aside)]);
    const known = new Map<Node, boolean>();
    expect(insideAny(asNode(text1), roots, known)).toBe(true);
    expect(insideAny(asNode(text3), roots, known)).toBe(true);
    expect(insideAny(asNode(text2), roots, known)).toBe(false);
    expect(insideAny(asNode(aside), roots, known)).toBe(true);
    expect(insideAny(asNode(body), roots, known)).toBe(false);
  });

  it('remembers the answer for ancestors, so marks sharing them do not climb again', () => {
    const roots = new Set([asNode(feed)]);
    const known = new Map<Node, boolean>();
    insideAny(asNode(text1), roots, known);
    expect(known.get(asNode(p1))).toBe(true);
    expect(known.has(asNode(body))).toBe(false); // the climb stopped at the root
    // A later answer reuses the cache: a node whose parent is known is answered from it.
    const orphan = node('#late', p1);
    expect(insideAny(asNode(orphan), new Set(), known)).toBe(true);
  });

  it('answers false for a detached node with no roots', () => {
    expect(insideAny(asNode(node('#alone')), new Set(), new Map())).toBe(false);
  });
});

describe('text nodes of an inserted root', () => {
  beforeEach(() => {
    vi.stubGlobal('NodeFilter', { SHOW_TEXT: 4 });
    vi.stubGlobal('Node', { TEXT_NODE: 3 });
  });
  afterEach(() => vi.unstubAllGlobals());

  // A stand-in for a document: createTreeWalker walks a list of text nodes.
  const rootWith = (texts: string[]): Node => {
    const doc = {
      createTreeWalker: () => {
        let i = 0;
        return { nextNode: () => (i < texts.length ? ({ data: texts[i++] } as unknown as Node) : null) };
      },
    };
    return { nodeType: 1, ownerDocument: doc } as unknown as Node;
  };

  it('finds a text node that passes the test', () => {
    expect(anyTextWithin(rootWith(['a', 'marked', 'b']), 10, (t) => t.data === 'marked')).toBe(true);
    expect(anyTextWithin(rootWith(['a', 'b']), 10, (t) => t.data === 'marked')).toBe(false);
  });

  it('takes a root with more text nodes than the limit to hold one', () => {
    expect(anyTextWithin(rootWith(['a', 'b', 'c']), 2, () => false)).toBe(true);
    expect(anyTextWithin(rootWith(['a', 'b']), 2, () => false)).toBe(false);
  });
});
