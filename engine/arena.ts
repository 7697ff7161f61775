// Memory for the large columns of one evaluated year, carved out of big shared buffers.
// The C allocator serves blocks of a few MB from its heap and keeps them after they are freed, so a
// process that evaluates again and again (the editor on every edit, the benchmark's repetitions)
// crept upward by tens of MB; blocks above its mapping threshold (32 MiB at most) go back to the
// system when the last column viewing them is dropped. Small columns keep buffers of their own.

/** Where an evaluation gets its columns. */
export interface ColumnAllocator {
  float64(n: number): Float64Array;
  float32(n: number): Float32Array;
  int32(n: number): Int32Array;
  uint8(n: number): Uint8Array;
}

/** Columns below this size get buffers of their own. */
const SHARED_MIN_BYTES = 1 << 20;
/** Size of a shared buffer; a column larger than half of it gets its own (already above the mapping threshold). */
const CHUNK_BYTES = 64 << 20;

/** Each column its own buffer. */
export const separateColumns: ColumnAllocator = {
  float64: n => new Float64Array(n),
  float32: n => new Float32Array(n),
  int32: n => new Int32Array(n),
  uint8: n => new Uint8Array(n),
};

/** Bytes a column of `bytes` takes in a shared buffer (0: it gets a buffer of its own). */
export function sharedBytes(bytes: number): number {
  return bytes < SHARED_MIN_BYTES || bytes > CHUNK_BYTES / 2 ? 0 : Math.ceil(bytes / 8) * 8;
}

/**
 * Large columns from shared buffers, which live as long as any of their columns; memory comes zeroed.
 * The first buffer has the size the caller plans to use (when it knows), so that an evaluation asks
 * the system for what it needs and no more: V8 counts every byte of an ArrayBuffer, used or not, and
 * starts a full collection once an evaluation has allocated more than 64 MiB.
 */
export class ColumnArena implements ColumnAllocator {
  private chunk: ArrayBuffer | undefined;
  private used = 0;

  constructor(private planned = 0) {}

  float64(n: number): Float64Array {
    const at = this.place(8 * n);
    return at ? new Float64Array(at.buffer, at.offset, n) : new Float64Array(n);
  }

  float32(n: number): Float32Array {
    const at = this.place(4 * n);
    return at ? new Float32Array(at.buffer, at.offset, n) : new Float32Array(n);
  }

  int32(n: number): Int32Array {
    const at = this.place(4 * n);
    return at ? new Int32Array(at.buffer, at.offset, n) : new Int32Array(n);
  }

  uint8(n: number): Uint8Array {
    const at = this.place(n);
    return at ? new Uint8Array(at.buffer, at.offset, n) : new Uint8Array(n);
  }

  /** A place of `bytes` (8-byte aligned) in a shared buffer, or undefined for a buffer of its own. */
  private place(bytes: number): { buffer: ArrayBuffer; offset: number } | undefined {
    const size = sharedBytes(bytes);
    if (size === 0) return undefined;
    if (!this.chunk || this.used + size > this.chunk.byteLength) {
      this.chunk = new ArrayBuffer(this.planned >= size ? this.planned : CHUNK_BYTES);
      this.planned = 0;
      this.used = 0;
    }
    const offset = this.used;
    this.used += size;
    return { buffer: this.chunk, offset };
  }
}
