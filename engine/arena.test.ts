// Column arena: large columns share big buffers without overlapping, come zeroed, and small ones stay separate.
import { describe, expect, it } from 'vitest';
import { ColumnArena } from './arena.ts';

describe('ColumnArena', () => {
  it('places large columns side by side in one buffer, aligned and zeroed', () => {
    const arena = new ColumnArena();
    const a = arena.float64(1 << 18), b = arena.uint8(3 << 20), c = arena.int32(1 << 18), d = arena.float32(1 << 18);
    expect(a.buffer).toBe(b.buffer);
    expect(c.buffer).toBe(a.buffer);
    expect([a, b, c, d].every(x => x.byteOffset % 8 === 0)).toBe(true);
    expect(b.byteOffset).toBe(a.byteLength);
    expect(c.byteOffset).toBeGreaterThanOrEqual(b.byteOffset + b.byteLength);
    expect([a, b, c, d].every(x => x.every(v => v === 0))).toBe(true);
    // Writing one column leaves its neighbours alone.
    a.fill(1); c.fill(-1);
    expect(b.every(v => v === 0)).toBe(true);
    expect(d.every(v => v === 0)).toBe(true);
  });
  it('gives small columns, and columns of more than half a buffer, buffers of their own', () => {
    const arena = new ColumnArena();
    const small = arena.float64(1000), other = arena.float64(1000);
    expect(small.buffer).not.toBe(other.buffer);
    expect(small.byteOffset).toBe(0);
    const huge = arena.uint8(40 << 20);
    expect(huge.byteOffset).toBe(0);
    expect(huge.buffer.byteLength).toBe(40 << 20);
  });
  it('starts a new buffer when the current one is full', () => {
    const arena = new ColumnArena();
    const cols = Array.from({ length: 9 }, () => arena.float64(1 << 20)); // 8 MiB each, 64 MiB buffers
    expect(new Set(cols.slice(0, 8).map(c => c.buffer)).size).toBe(1);
    expect(cols[8].buffer).not.toBe(cols[0].buffer);
    expect(cols[8].byteOffset).toBe(0);
  });
  it('sizes its first buffer as planned, and later ones at the default size', () => {
    const arena = new ColumnArena(3 * 8 * (1 << 18) + (2 << 20));
    const cols = [arena.float64(1 << 18), arena.float64(1 << 18), arena.float64(1 << 18), arena.uint8(2 << 20)];
    expect(new Set(cols.map(c => c.buffer)).size).toBe(1);
    expect(cols[0].buffer.byteLength).toBe(8 << 20);
    const more = arena.float64(1 << 18);
    expect(more.buffer).not.toBe(cols[0].buffer);
    expect(more.buffer.byteLength).toBe(64 << 20);
  });
});

