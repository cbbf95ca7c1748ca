/**
 * Property test of how the content script cuts a long block for the background (pieces.ts):
 * the pieces fit the background's limits, their owned ranges tile the text exactly, and every
 * name of up to half the overlap that starts in a piece ends inside that piece's text.
 */
import { expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { PIECE_CHARS, PIECE_OVERLAP, piecesOf } from '../../src/content/pieces';

// Thousands of cases per property: more than the default 5 s when the whole suite runs at once.
vi.setConfig({ testTimeout: 120_000 });

it('pieces are small, tile the text, and hold every short name they own whole', () => {
  const lengths = fc.oneof(fc.integer({ min: 0, max: PIECE_CHARS + 10 }), fc.integer({ min: PIECE_CHARS - 10, max: 25 * PIECE_CHARS }));
  fc.assert(
    fc.property(lengths, fc.integer({ min: 1, max: PIECE_OVERLAP / 2 }), (length, nameLength) => {
      const text = 'x'.repeat(length);
      const pieces = piecesOf(text);
      let next = 0;
      for (const p of pieces) {
        expect(p.text.length).toBeLessThanOrEqual(PIECE_CHARS);
        expect(p.text).toBe(text.slice(p.offset, p.offset + p.text.length));
        expect(p.ownStart).toBe(next);
        next = p.ownEnd;
        // The last start a piece owns still has room for the whole name inside the piece.
        if (p.ownEnd > p.ownStart && p.ownEnd < length) expect(p.ownEnd - 1 + nameLength).toBeLessThanOrEqual(p.offset + p.text.length);
      }
      expect(next).toBe(length);
    }),
    { seed: 20261129, numRuns: 2000 },
  );
});
