/**
 * Cutting a block's text for the background: one text node can hold megabytes, and the
 * background refuses a `match` of more than 4 MB (src/shared/message-checks.ts), and many short
 * blocks are better sent together. Pure.
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

/** A piece of the text of `source` (a block as the scanner read it). */
export interface PieceOf<T> {
  source: T;
  piece: Piece;
}

/**
 * The texts of `sources`, in order, cut into messages of about `limit` characters: a message
 * ends once it holds `limit` characters or more, and a text longer than a piece is cut into
 * pieces (piecesOf) that may go in several messages. Pure.
 */
export function messagesOf<T>(sources: readonly T[], textOf: (source: T) => string, limit: number): PieceOf<T>[][] {
  const messages: PieceOf<T>[][] = [];
  let message: PieceOf<T>[] = [];
  let chars = 0;
  for (const source of sources) {
    for (const piece of piecesOf(textOf(source))) {
      message.push({ source, piece });
      chars += piece.text.length;
      if (chars >= limit) {
        messages.push(message);
        message = [];
        chars = 0;
      }
    }
  }
  if (message.length > 0) messages.push(message);
  return messages;
}
