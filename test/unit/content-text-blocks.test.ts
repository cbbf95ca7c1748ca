import { describe, expect, it } from 'vitest';
import { locate, type Block } from '../../src/content/text-blocks';

/** A block as the walker builds it, from plain strings standing in for text nodes. */
function blockOf(...pieces: string[]): Block {
  const nodes = pieces.map((data) => ({ data, length: data.length }) as Text);
  const starts: number[] = [];
  let text = '';
  for (const p of pieces) {
    starts.push(text.length);
    text += p;
  }
  return { text, nodes, starts };
}

describe('block offsets back to text nodes', () => {
  // "<b>NSO</b> Group was listed": one block over two text nodes.
  const block = blockOf('NSO', ' Group was listed');

  it('maps a mention that spans inline markup to its first and last text node', () => {
    const start = block.text.indexOf('NSO Group');
    const end = start + 'NSO Group'.length;
    expect(locate(block, start, false)).toEqual({ node: block.nodes[0], offset: 0 });
    expect(locate(block, end, true)).toEqual({ node: block.nodes[1], offset: ' Group'.length });
  });

  it('puts a start on a node boundary in the later node, and an end there in the earlier one', () => {
    expect(locate(block, 3, false)).toEqual({ node: block.nodes[1], offset: 0 });
    expect(locate(block, 3, true)).toEqual({ node: block.nodes[0], offset: 3 });
  });

  it('skips empty text nodes at a boundary', () => {
    const withEmpty = blockOf('Candiru', '', ' said');
    expect(locate(withEmpty, 7, false)).toEqual({ node: withEmpty.nodes[2], offset: 0 });
    expect(locate(withEmpty, 7, true)).toEqual({ node: withEmpty.nodes[0], offset: 7 });
  });

  it('finds every offset of a many-node block in the right node', () => {
    const pieces = ['a', 'bc', 'def', 'ghij', 'k'];
    const many = blockOf(...pieces);
    for (let offset = 0; offset < many.text.length; offset++) {
      const at = locate(many, offset, false);
      expect(at?.node.data[at.offset]).toBe(many.text[offset]);
    }
  });

  it('never points past the end of a node', () => {
    const at = locate(block, block.text.length + 5, true);
    expect(at).toEqual({ node: block.nodes[1], offset: block.nodes[1]!.data.length });
  });

  it('has nothing to say about an empty block', () => {
    expect(locate({ text: '', nodes: [], starts: [] }, 0, false)).toBeNull();
  });
});
