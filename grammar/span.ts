// Source ranges as offsets, and the one place where offsets become lines and columns.

/** A half-open range of UTF-16 offsets into the source text: [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A 1-based line and column (columns count UTF-16 code units, as editors do). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export const emptySpan: Span = { start: 0, end: 0 };

export function span(start: number, end: number): Span {
  return { start, end };
}

/** The smallest span covering both. */
export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/**
 * Chevrotain reports `endOffset` inclusive; every conversion from a token goes
 * through here so the +1 lives in one function.
 */
export function spanOfToken(token: { startOffset: number; endOffset?: number; image: string }): Span {
  const end = token.endOffset !== undefined && !Number.isNaN(token.endOffset)
    ? token.endOffset + 1
    : token.startOffset + token.image.length;
  return { start: token.startOffset, end };
}

/** Maps offsets to line/column; build once per text, then query many times. */
export class LineMap {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo] + 1 };
  }

  offset(pos: Position): number {
    const start = this.lineStarts[Math.max(0, Math.min(pos.line - 1, this.lineStarts.length - 1))];
    return Math.min(start + pos.column - 1, this.text.length);
  }
}
