/**
 * How the content script cuts what it read into `match` messages (src/content/pieces.ts
 * messagesOf): in order, about a limit each, long texts in pieces across messages.
 */
import { describe, expect, it } from 'vitest';
import { PIECE_CHARS, messagesOf } from '../../src/content/pieces';

const textOf = (s: string): string => s;

describe('messages of read text', () => {
  it('sends short texts together until a message reaches the limit', () => {
    const messages = messagesOf(['aaaa', 'bbbb', 'cccc', 'dd'], textOf, 8);
    expect(messages.map((m) => m.map((p) => p.piece.text))).toEqual([['aaaa', 'bbbb'], ['cccc', 'dd']]);
    expect(messages.flat().map((p) => p.source)).toEqual(['aaaa', 'bbbb', 'cccc', 'dd']);
  });

  it('cuts a text longer than a piece into pieces that spread over several messages', () => {
    const long = 'x'.repeat(PIECE_CHARS * 2 + 10);
    const messages = messagesOf(['short', long], textOf, PIECE_CHARS);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    const pieces = messages.flat();
    expect(pieces[0]?.source).toBe('short');
    expect(pieces.slice(1).every((p) => p.source === long && p.piece.text.length <= PIECE_CHARS)).toBe(true);
    // The pieces cover the long text from its start to its end.
    expect(pieces[1]?.piece.offset).toBe(0);
    const last = pieces.at(-1)?.piece;
    expect((last?.offset ?? 0) + (last?.text.length ?? 0)).toBe(long.length);
  });

  it('makes no message of nothing', () => {
    expect(messagesOf([], textOf, 10)).toEqual([]);
  });
});
