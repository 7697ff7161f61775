// Aggregates: dense group ids from `within` keys, values over group members, over a member's rows,
// and the period functions (days, longest, overlap, on) over a member's periods within the year.
import type { AggFn } from './plan.ts';
import { clipMerge, covers, dayOfYear, longestRun, overlapDays, totalDays, yearEnd, yearStart } from './dates.ts';

/** Dense group ids from one or more key columns; a member with any key missing gets -1. */
export function groupIds(keys: readonly ArrayLike<number>[], n: number): { gid: Int32Array; count: number } {
  const gid = new Int32Array(n);
  if (keys.length === 0) return { gid, count: n > 0 ? 1 : 0 };
  // Keys are codes (small non-negative integers) in practice: index a table directly when small.
  if (keys.length === 1) {
    const k = keys[0];
    let max = -1, ok = true;
    for (let i = 0; i < n; i++) {
      const v = k[i];
      if (v !== v) continue;
      if (v < 0 || v !== Math.floor(v)) { ok = false; break; }
      if (v > max) max = v;
    }
    if (ok && max < 4 * n + 1024) {
      const map = new Int32Array(max + 1).fill(-1);
      let count = 0;
      for (let i = 0; i < n; i++) {
        const v = k[i];
        if (v !== v) { gid[i] = -1; continue; }
        let g = map[v];
        if (g < 0) g = map[v] = count++;
        gid[i] = g;
      }
      return { gid, count };
    }
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    let s = '', missing = false;
    for (const k of keys) {
      const v = k[i];
      if (v !== v) { missing = true; break; }
      s += v + ',';
    }
    if (missing) { gid[i] = -1; continue; }
    let g = seen.get(s);
    if (g === undefined) { g = seen.size; seen.set(s, g); }
    gid[i] = g;
  }
  return { gid, count: seen.size };
}

/** Accumulates one aggregate per bucket; `value` NaN entries are skipped (missing values do not count). */
class Acc {
  readonly sum: Float64Array;
  readonly cnt: Float64Array;
  readonly all: Float64Array;
  readonly ext: Float64Array;
  constructor(readonly fn: AggFn, size: number) {
    this.sum = new Float64Array(fn === 'sum' || fn === 'mean' ? size : 0);
    this.cnt = new Float64Array(size);
    this.all = new Float64Array(fn === 'share' ? size : 0);
    this.ext = new Float64Array(fn === 'min' || fn === 'max' ? size : 0).fill(NaN);
  }
  add(b: number, v: number, selected: boolean): void {
    if (this.fn === 'share') {
      this.all[b]++;
      if (selected) this.cnt[b]++;
      return;
    }
    if (!selected || v !== v) return;
    this.cnt[b]++;
    switch (this.fn) {
      case 'sum': case 'mean': this.sum[b] += v; break;
      case 'min': { const e = this.ext[b]; if (!(e <= v)) this.ext[b] = v; break; }
      case 'max': { const e = this.ext[b]; if (!(e >= v)) this.ext[b] = v; break; }
      default: break;
    }
  }
  /** The aggregate of a bucket: count and sum of nothing are 0; mean, min, max and share of nothing are missing. */
  result(b: number): number {
    switch (this.fn) {
      case 'count': return this.cnt[b];
      case 'sum': return this.sum[b];
      case 'mean': return this.cnt[b] > 0 ? this.sum[b] / this.cnt[b] : NaN;
      case 'min': case 'max': return this.ext[b];
      case 'share': return this.all[b] > 0 ? this.cnt[b] / this.all[b] : NaN;
    }
  }
}

/**
 * `fn(value within G where c)` for every member: over the members of its group that satisfy `where`.
 * A member without a group gets missing. For `count`/`share` without a value every member counts.
 */
export function groupAggregate(
  fn: AggFn, n: number, gid: Int32Array, groupCount: number,
  value: ArrayLike<number> | null, where: ArrayLike<number> | null,
): Float64Array {
  const acc = new Acc(fn, groupCount);
  for (let i = 0; i < n; i++) {
    const g = gid[i];
    if (g < 0) continue;
    const sel = where ? where[i] === 1 : true;
    const v = value ? value[i] : 0;
    if (fn === 'share') acc.add(g, 0, sel);
    else acc.add(g, v, sel);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = gid[i] < 0 ? NaN : acc.result(gid[i]);
  return out;
}

/**
 * `fn(rows.value where c)` for every owner: over the rows it owns that satisfy `where`.
 * `share(rows where c)` is the fraction of the owner's rows that satisfy c (missing without rows).
 */
export function rowAggregate(
  fn: AggFn, owners: number, owner: Int32Array,
  value: ArrayLike<number> | null, where: ArrayLike<number> | null,
): Float64Array {
  const acc = new Acc(fn, owners);
  const m = owner.length;
  for (let r = 0; r < m; r++) {
    const o = owner[r];
    if (o < 0 || o >= owners) continue;
    const sel = where ? where[r] === 1 : true;
    acc.add(o, value ? value[r] : 0, sel);
  }
  const out = new Float64Array(owners);
  for (let i = 0; i < owners; i++) out[i] = acc.result(i);
  return out;
}

/** Row indices grouped by owner (CSR): rows of owner i are idx[start[i] .. start[i+1]), in row order. */
export function rowsByOwner(owners: number, owner: Int32Array): { start: Int32Array; idx: Int32Array } {
  const start = new Int32Array(owners + 1);
  for (let r = 0; r < owner.length; r++) { const o = owner[r]; if (o >= 0 && o < owners) start[o + 1]++; }
  for (let i = 0; i < owners; i++) start[i + 1] += start[i];
  const fill = start.slice(0, owners);
  const idx = new Int32Array(start[owners]);
  for (let r = 0; r < owner.length; r++) { const o = owner[r]; if (o >= 0 && o < owners) idx[fill[o]++] = r; }
  return { start, idx };
}

export interface PeriodRows {
  readonly owner: Int32Array;
  readonly from: ArrayLike<number>;
  readonly to: ArrayLike<number>;
  readonly where: ArrayLike<number> | null;
}

function runsOf(p: PeriodRows, csr: { start: Int32Array; idx: Int32Array }, i: number, lo: number, hi: number): number[] {
  const f: number[] = [], t: number[] = [];
  for (let k = csr.start[i]; k < csr.start[i + 1]; k++) {
    const r = csr.idx[k];
    if (p.where && p.where[r] !== 1) continue;
    f.push(p.from[r]);
    t.push(p.to[r]);
  }
  return clipMerge(f, t, lo, hi);
}

/**
 * The period functions for every owner in `year`: days covered, longest unbroken run, days covered by
 * both sets (overlap), or whether the day `monthDay` of the year is covered (on: 1/0; missing if no such day).
 */
export function periodAggregate(
  fn: 'days' | 'longest' | 'overlap' | 'on', year: number, owners: number,
  a: PeriodRows, b: PeriodRows | null, monthDay: string | undefined,
): Float64Array {
  const lo = yearStart(year), hi = yearEnd(year);
  const ca = rowsByOwner(owners, a.owner);
  const cb = b ? (b.owner === a.owner ? ca : rowsByOwner(owners, b.owner)) : null;
  const day = fn === 'on' ? dayOfYear(year, monthDay ?? '') : NaN;
  const out = new Float64Array(owners);
  for (let i = 0; i < owners; i++) {
    const runs = runsOf(a, ca, i, lo, hi);
    switch (fn) {
      case 'days': out[i] = totalDays(runs); break;
      case 'longest': out[i] = longestRun(runs); break;
      case 'overlap': out[i] = b && cb ? overlapDays(runs, runsOf(b, cb, i, lo, hi)) : 0; break;
      case 'on': out[i] = day !== day ? NaN : covers(runs, day) ? 1 : 0; break;
    }
  }
  return out;
}
