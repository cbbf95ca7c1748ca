/**
 * Cutting a block's text for the background: one text node can hold megabytes, and the
 * background refuses a `match` of more than 4 MB (src/shared/message-checks.ts). Pure.
 */

/** A block longer than this is sent as overlapping pieces. */
export const PIECE_CHARS = 100_000;
/**
 * Pieces overlap by this much. A mention belongs to the piece that owns its start; a piece owns
 * all but the outer half-overlaps, so a name of up to 500 characters starting in a piece ends
 * inside it, and the matcher saw it whole.
 */
export const PIECE_OVERLAP = 1_000;

/** Part of a block's text, `offset` characters into it. */
export interface Piece {
  offset: number;
  text: string;
  /** Mentions starting in [ownStart, ownEnd) of the block's text are this piece's to report. */
  ownStart: number;
  ownEnd: number;
}

/** Cuts `text` into pieces of at most PIECE_CHARS (a short text is one piece). Pure. */
export function piecesOf(text: string): Piece[] {
  if (text.length <= PIECE_CHARS) return [{ offset: 0, text, ownStart: 0, ownEnd: text.length }];
  const step = PIECE_CHARS - PIECE_OVERLAP;
  const pieces: Piece[] = [];
  for (let offset = 0; ; offset += step) {
    const last = offset + PIECE_CHARS >= text.length;
    pieces.push({
      offset,
      text: text.slice(offset, offset + PIECE_CHARS),
      ownStart: offset === 0 ? 0 : offset + PIECE_OVERLAP / 2,
      ownEnd: last ? text.length : offset + PIECE_CHARS - PIECE_OVERLAP / 2,
    });
    if (last) return pieces;
  }
}
