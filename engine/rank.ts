// Ranking within groups: competition ranks (1, 2, 2, 4), positions ordered by key, tiebreaks, then id,
// tie classes for boundary flags. Sorts with a packed key and the native comparator-less sort, then repairs exactly.
import { decCompare, quotaCount } from './decimal.ts';

/** The outcome of one rank definition over one level in one year. */
export interface RankState {
  /** Competition rank (1 best; tied members share the best of their places); NaN when not ranked. */
  readonly rank: Float64Array;
  /** Position 1..size in the total order (key, tiebreaks, id); 0 when not ranked. */
  readonly pos: Int32Array;
  /** Number of ranked members in the member's group; 0 when not ranked. */
  readonly size: Int32Array;
  /** Last position of the member's tie class (first position is `rank`); 0 when not ranked. */
  readonly tieEnd: Int32Array;
}

export interface SortKeyInput {
  readonly values: ArrayLike<number>;
  readonly desc: boolean;
}

export interface RankInput {
  readonly n: number;
  readonly key: SortKeyInput;
  readonly tiebreaks: readonly SortKeyInput[];
  /** Group of each member, -1 when it has none (not ranked); null: everyone in one group. */
  readonly group: Int32Array | null;
  readonly groupCount: number;
  /** `where`: 1 includes a member; anything else (0, missing) leaves it unranked. null: everyone. */
  readonly include: ArrayLike<number> | null;
  /** Members in code-point order of id, and each member's place in that order. */
  readonly idOrder: Int32Array;
  readonly idRank: Int32Array;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const PACK_BITS = 20;
const PACK_LIMIT = 1 << PACK_BITS;

/**
 * A comparator over member indices for the full order (withId) or for tie detection.
 * Missing tiebreak values sort after present ones, whatever the direction; two missing are equal.
 */
export function memberComparator(input: RankInput, withId: boolean): (a: number, b: number) => number {
  const kv = input.key.values;
  const kd = input.key.desc ? -1 : 1;
  const tbs = input.tiebreaks;
  const idRank = input.idRank;
  return (a, b) => {
    let c = decCompare(kv[a], kv[b]) * kd;
    if (c !== 0) return c;
    for (let t = 0; t < tbs.length; t++) {
      const va = tbs[t].values[a], vb = tbs[t].values[b];
      const ma = va !== va, mb = vb !== vb;
      if (ma || mb) {
        if (ma && mb) continue;
        return ma ? 1 : -1;
      }
      c = decCompare(va, vb) * (tbs[t].desc ? -1 : 1);
      if (c !== 0) return c;
    }
    return withId ? idRank[a] - idRank[b] : 0;
  };
}

/** Ranks every group; members with a missing key, no group, or outside `where` stay unranked. */
export function rankGroups(input: RankInput): RankState {
  const { n, group, include, idOrder } = input;
  const kv = input.key.values;
  const G = group ? input.groupCount : 1;
  // Bucket included members by group, in id order (a stable counting sort over idOrder).
  const start = new Int32Array(G + 1);
  for (let i = 0; i < n; i++) {
    const g = group ? group[i] : 0;
    if (g < 0 || kv[i] !== kv[i] || (include && include[i] !== 1)) continue;
    start[g + 1]++;
  }
  for (let g = 0; g < G; g++) start[g + 1] += start[g];
  const m = start[G];
  const order = new Int32Array(m);
  const fill = start.slice(0, G);
  for (let k = 0; k < n; k++) {
    const i = idOrder[k];
    const g = group ? group[i] : 0;
    if (g < 0 || kv[i] !== kv[i] || (include && include[i] !== 1)) continue;
    order[fill[g]++] = i;
  }
  const full = memberComparator(input, true);
  const packed = new Float64Array(m);
  const words = new Uint32Array(packed.buffer);
  const seg = new Int32Array(G > 0 ? maxSegment(start, G) : 0);
  for (let g = 0; g < G; g++) {
    const s = start[g], e = start[g + 1];
    if (e - s > 1) sortSegment(order, s, e, kv, input.key.desc, packed, words, seg, full);
  }
  return assign(input, order, start, G);
}

function maxSegment(start: Int32Array, G: number): number {
  let mx = 0;
  for (let g = 0; g < G; g++) mx = Math.max(mx, start[g + 1] - start[g]);
  return mx;
}

/**
 * Sorts order[s..e) (already in id order) by the full comparator. The packed key is the signed key
 * with its low 20 mantissa bits replaced by the member's place in id order, so the native numeric sort
 * gets equal keys in id order for free; near-equal keys it may misorder are fixed by an insertion pass.
 */
function sortSegment(
  order: Int32Array, s: number, e: number, kv: ArrayLike<number>, desc: boolean,
  packed: Float64Array, words: Uint32Array, seg: Int32Array, full: (a: number, b: number) => number,
): void {
  const size = e - s;
  let packable = size < PACK_LIMIT;
  for (let k = 0; packable && k < size; k++) if (!Number.isFinite(kv[order[s + k]])) packable = false;
  if (!packable) {
    const sorted = Array.from(order.subarray(s, e)).sort(full);
    order.set(sorted, s);
    return;
  }
  for (let k = 0; k < size; k++) seg[k] = order[s + k];
  const keys = packed.subarray(s, e);
  for (let k = 0; k < size; k++) {
    const v = kv[seg[k]];
    keys[k] = desc ? -v : v;
    const w = 2 * (s + k) + LO;
    words[w] = (words[w] & 0xfff00000) | k;
  }
  keys.sort();
  for (let k = 0; k < size; k++) order[s + k] = seg[words[2 * (s + k) + LO] & 0xfffff];
  // Insertion repair: linear when the packed order is right, which it is except for near-equal keys.
  let moves = 0;
  const budget = 8 * size + 1024;
  for (let k = s + 1; k < e; k++) {
    const x = order[k];
    let j = k - 1;
    while (j >= s && full(order[j], x) > 0) {
      order[j + 1] = order[j];
      j--;
      moves++;
    }
    order[j + 1] = x;
    if (moves > budget) {
      const sorted = Array.from(order.subarray(s, e)).sort(full);
      order.set(sorted, s);
      return;
    }
  }
}

function assign(input: RankInput, order: Int32Array, start: Int32Array, G: number): RankState {
  const n = input.n;
  const rank = new Float64Array(n).fill(NaN);
  const pos = new Int32Array(n);
  const size = new Int32Array(n);
  const tieEnd = new Int32Array(n);
  const tie = memberComparator(input, false);
  const simpleKey = input.tiebreaks.length === 0;
  const kv = input.key.values;
  for (let g = 0; g < G; g++) {
    const s = start[g], e = start[g + 1], sz = e - s;
    let classStart = 0;
    for (let k = 0; k < sz; k++) {
      const i = order[s + k];
      if (k > 0) {
        const p = order[s + k - 1];
        const same = simpleKey ? decCompare(kv[p], kv[i]) === 0 : tie(p, i) === 0;
        if (!same) {
          for (let q = classStart; q < k; q++) tieEnd[order[s + q]] = k;
          classStart = k;
        }
      }
      rank[i] = classStart + 1;
      pos[i] = k + 1;
      size[i] = sz;
    }
    for (let q = classStart; q < sz; q++) tieEnd[order[s + q]] = sz;
  }
  return { rank, pos, size, tieEnd };
}

/** How many members a bottom/top test takes from a group of `size`: a share rounded up (decimal-exact), or a count. */
export function boundaryCount(size: number, amount: number, share: boolean): number {
  if (amount !== amount) return NaN;
  if (share) return quotaCount(size, amount, 'up');
  const c = Math.floor(amount);
  return c < 0 ? 0 : c > size ? size : c;
}

/**
 * The last position on the "upper" side of a test's boundary: bottom takes positions after it,
 * top positions up to it. A member's tie class straddles the boundary when rank ≤ b < tieEnd.
 */
export function boundaryOf(test: 'bottom' | 'top' | 'last' | 'first', size: number, amount: number, share: boolean): number {
  switch (test) {
    case 'bottom': return size - boundaryCount(size, amount, share);
    case 'top': return boundaryCount(size, amount, share);
    case 'last': return size - 1;
    case 'first': return 1;
  }
}
