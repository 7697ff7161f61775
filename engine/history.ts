// Years side by side: members in code-point order of id, and alignment of one year's members to
// another's by id (computed once per pair of id lists and remembered).

/** Members in code-point order of id, and each member's place in that order. */
export interface IdOrder {
  readonly order: Int32Array;
  readonly rank: Int32Array;
}

const orders = new WeakMap<readonly string[], IdOrder>();
const alignments = new WeakMap<readonly string[], WeakMap<readonly string[], Int32Array>>();

/** The code-point order of ids (never locale collation); linear when the ids are already sorted. */
export function idOrder(ids: readonly string[]): IdOrder {
  const memo = orders.get(ids);
  if (memo) return memo;
  const n = ids.length;
  const order = new Int32Array(n);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (!(ids[i - 1] < ids[i])) sorted = false;
  for (let i = 0; i < n; i++) order[i] = i;
  // Ids already in order (the usual case): order and rank are the same identity, so one array serves
  // both (both are only read), which saves 4 bytes per member for as long as the ids live.
  if (sorted) {
    const out = { order, rank: order };
    orders.set(ids, out);
    return out;
  }
  order.set(Array.from(order).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b)));
  const rank = new Int32Array(n);
  for (let k = 0; k < n; k++) rank[order[k]] = k;
  const out = { order, rank };
  orders.set(ids, out);
  return out;
}

/** For each id of `to`, its index in `from`, or -1 when absent. */
export function alignByIds(from: readonly string[], to: readonly string[]): Int32Array {
  let inner = alignments.get(from);
  const memo = inner?.get(to);
  if (memo) return memo;
  const out = new Int32Array(to.length);
  let same = from.length === to.length;
  for (let i = 0; same && i < to.length; i++) if (from[i] !== to[i]) same = false;
  if (same) {
    for (let i = 0; i < to.length; i++) out[i] = i;
  } else {
    const index = new Map<string, number>();
    for (let j = 0; j < from.length; j++) if (!index.has(from[j])) index.set(from[j], j);
    for (let i = 0; i < to.length; i++) out[i] = index.get(to[i]) ?? -1;
  }
  if (!inner) { inner = new WeakMap(); alignments.set(from, inner); }
  inner.set(to, out);
  return out;
}

/** `x@-k` for every member: the earlier year's value of the member with the same id, missing if absent. */
export function fetchAligned(values: ArrayLike<number> | undefined, align: Int32Array): Float64Array {
  const out = new Float64Array(align.length);
  for (let i = 0; i < align.length; i++) {
    const j = align[i];
    out[i] = j < 0 || !values ? NaN : values[j];
  }
  return out;
}

/**
 * `streak(cond)`: 1 + last year's streak where cond holds this year (1 exactly), else 0. A member absent
 * last year (or a year absent from the data) contributes 0.
 */
export function streakStep(cond: ArrayLike<number>, previous: ArrayLike<number> | undefined, align: Int32Array | undefined): Float64Array {
  const n = cond.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (cond[i] !== 1) continue;
    const j = align ? align[i] : -1;
    const p = j >= 0 && previous ? previous[j] : 0;
    out[i] = 1 + (p === p ? p : 0);
  }
  return out;
}
