/**
 * The content script's work per page change stays small: changed roots are taken together,
 * marks inside them are found through a set of roots instead of a pass per root, and marks on
 * text read again through its nodes (highlighter.test.ts has how highlight changes are drawn
 * together).
 */
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../src/core/mentions';
import { MarkSet, type Record_ } from '../../src/content/marks';
import { insideAny } from '../../src/content/subtree';

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

describe('marks at the text nodes read again', () => {
  const text = (data: string): Text => ({ data }) as unknown as Text;
  const record = (nodes: Text[]): Record_ => ({ range: {} as Range, entryIds: ['x'], mention: {} as Mention, active: true, nodes });

  it('finds each mark covering any of the nodes, once, and none elsewhere', () => {
    const [a, b, c, d] = [text('a'), text('b'), text('c'), text('d')];
    const marks = new MarkSet();
    const acrossAB = record([a, b]);
    const inB = record([b]);
    const inD = record([d]);
    for (const r of [acrossAB, inB, inD]) marks.add(r);
    expect(marks.at([a, b])).toEqual([acrossAB, inB]);
    expect(marks.at([c])).toEqual([]);
    expect(marks.at([c, d])).toEqual([inD]);
  });

  it('forgets a deleted mark', () => {
    const a = text('a');
    const marks = new MarkSet();
    const rec = record([a]);
    marks.add(rec);
    marks.delete(rec);
    expect(marks.at([a])).toEqual([]);
  });
});
