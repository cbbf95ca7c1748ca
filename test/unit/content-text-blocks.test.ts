import { describe, expect, it } from 'vitest';
import { locate, rangeOfMention, type Block } from '../../src/content/text-blocks';

/** A stand-in for a Text node: its text, length and substringData, changeable in place. */
function textNode(data: string): Text {
  const node = {
    data,
    get length() {
      return node.data.length;
    },
    substringData: (offset: number, count: number) => node.data.slice(offset, offset + count),
  };
  return node as unknown as Text;
}

/** A block as the walker builds it, from plain strings standing in for text nodes. */
function blockOf(...pieces: string[]): Block {
  const nodes = pieces.map((data) => textNode(data));
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

describe('a mention back to its place on the page', () => {
  it('gives both ends and every text node a mention covers', () => {
    const block = blockOf('Say ', 'NSO', ' Gr', 'oup was listed');
    const start = block.text.indexOf('NSO Group');
    const place = rangeOfMention(block, { start, end: start + 'NSO Group'.length });
    expect(place).toEqual({
      start: { node: block.nodes[1], offset: 0 },
      end: { node: block.nodes[3], offset: 'oup'.length },
      nodes: block.nodes.slice(1, 4),
    });
  });

  it('finds a mention inside one node', () => {
    const block = blockOf('The firm Candiru was listed');
    const start = block.text.indexOf('Candiru');
    expect(rangeOfMention(block, { start, end: start + 7 })).toEqual({
      start: { node: block.nodes[0], offset: start },
      end: { node: block.nodes[0], offset: start + 7 },
      nodes: [block.nodes[0]],
    });
  });

  it('gives nothing when a covered node changed its length since it was read', () => {
    const block = blockOf('NSO', ' Group was listed');
    (block.nodes[1] as unknown as { data: string }).data = ' Group is listed';
    expect(rangeOfMention(block, { start: 0, end: 'NSO Group'.length })).toBeNull();
  });

  it('gives nothing when the mention’s own characters changed, the length kept', () => {
    const block = blockOf('NSO', ' Group was listed');
    (block.nodes[1] as unknown as { data: string }).data = ' Grape was listed';
    expect(rangeOfMention(block, { start: 0, end: 'NSO Group'.length })).toBeNull();
  });

  it('compares only the mention’s characters in a node it shares with other text', () => {
    // A change elsewhere in a node of the same length does not hide the mention: its rescan
    // is queued anyway, and reading all of a huge node per mention is what this avoids.
    const block = blockOf('Huawei and others');
    (block.nodes[0] as unknown as { data: string }).data = 'Huawei and OTHERS';
    expect(rangeOfMention(block, { start: 0, end: 6 })?.nodes).toEqual([block.nodes[0]]);
  });

  it('has no place for a mention in an empty block', () => {
    expect(rangeOfMention({ text: '', nodes: [], starts: [] }, { start: 0, end: 3 })).toBeNull();
  });
});
