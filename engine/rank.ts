// Ranking within groups: competition ranks (1, 2, 2, 4), positions ordered by key, tiebreaks, then id,
// tie classes for boundary flags (and the boundary tests written in the rules). Sorts large groups by stable
// radix passes over the keys' high words, mid-sized ones with a packed key and the native sort, then an
// insertion pass repairs exactly (and alone sorts the smallest).
import type * as ast from '../grammar/ast.ts';
import type { RuleSetModel } from './model.ts';
import { decCompare, quotaCount, snap } from './decimal.ts';
import { separateColumns, type ColumnAllocator } from './arena.ts';

/** The outcome of one rank definition over one level in one year. */
export interface RankState {
  /** Competition rank (1 best; tied members share the best of their places); NaN when not ranked. Singles while exact. */
  readonly rank: Float32Array | Float64Array;
  /** Position 1..size in the total order (key, tiebreaks, id); 0 when not ranked. */
  readonly pos: Int32Array;
  /** Group of each member (null: one group), group offsets, and per sorted place the last position of its tie class. */
  readonly group: Int32Array | null;
  readonly start: Int32Array;
  readonly tieEndAt: Int32Array;
}

/** Number of ranked members in member i's group; 0 when i is not ranked. Kept as offsets, not per member, to save a column. */
export function groupSizeOf(st: RankState, i: number): number {
  if (st.pos[i] === 0) return 0;
  const g = st.group ? st.group[i] : 0;
  return st.start[g + 1] - st.start[g];
}

/** Last position of member i's tie class (its first position is its rank); 0 when not ranked. */
export function tieEndOf(st: RankState, i: number): number {
  const p = st.pos[i];
  if (p === 0) return 0;
  return st.tieEndAt[st.start[st.group ? st.group[i] : 0] + p - 1];
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
  /** Where the per-member results come from (the evaluated year's arena); separate buffers by default. */
  readonly columns?: ColumnAllocator;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = 1 - LO;
const PACK_LIMIT = 1 << 20;
const SINGLE_EXACT = 1 << 24;
/** Groups at least this large are ordered by radix passes (below it the native sort's call is cheaper). */
const RADIX_MIN = 256;
/** Groups this small are ordered by insertion alone (a leadership team is typically 5 to 15 people). */
const INSERTION_MAX = 16;

/** Compares tiebreak values (missing after present, whatever the direction; two missing are equal). */
function compareTiebreaks(tbs: readonly SortKeyInput[], a: number, b: number): number {
  for (let t = 0; t < tbs.length; t++) {
    const va = tbs[t].values[a], vb = tbs[t].values[b];
    const ma = va !== va, mb = vb !== vb;
    if (ma || mb) {
      if (ma && mb) continue;
      return ma ? 1 : -1;
    }
    const c = decCompare(va, vb) * (tbs[t].desc ? -1 : 1);
    if (c !== 0) return c;
  }
  return 0;
}

/** Group of member i when it takes part (a group, a key, inside `where`), else -1. */
function memberGroup(input: RankInput, i: number): number {
  const g = input.group ? input.group[i] : 0;
  const v = input.key.values[i];
  return g < 0 || v !== v || (input.include && input.include[i] !== 1) ? -1 : g;
}

/**
 * Members of each group in id order: `start` holds the group offsets, `order` the members (a stable
 * counting sort over the id order).
 */
function membersByGroup(input: RankInput, groupCount: number, columns: ColumnAllocator): { start: Int32Array; order: Int32Array; largest: number } {
  const { n, idOrder } = input;
  const start = new Int32Array(groupCount + 1);
  for (let i = 0; i < n; i++) {
    const g = memberGroup(input, i);
    if (g >= 0) start[g + 1]++;
  }
  let largest = 0;
  for (let g = 0; g < groupCount; g++) { largest = Math.max(largest, start[g + 1]); start[g + 1] += start[g]; }
  const order = columns.int32(start[groupCount]);
  const fill = start.slice(0, groupCount);
  for (let k = 0; k < n; k++) {
    const i = idOrder[k];
    const g = memberGroup(input, i);
    if (g >= 0) order[fill[g]++] = i;
  }
  return { start, order, largest };
}

/**
 * Ranks every group; members with a missing key, no group, or outside `where` stay unranked.
 * Work is done per group on local copies (keys gathered once), so memory is touched at random only
 * to gather keys and to scatter rank and position.
 */
export function rankGroups(input: RankInput): RankState {
  const { n, group, tiebreaks } = input;
  const kv = input.key.values;
  const desc = input.key.desc;
  const G = group ? input.groupCount : 1;
  const columns = input.columns ?? separateColumns;
  const { start, order, largest } = membersByGroup(input, G, columns);
  // Ranks are whole numbers up to n: singles hold them exactly below 2^24, in half the memory.
  const rank = (n < SINGLE_EXACT ? columns.float32(n) : columns.float64(n)).fill(NaN);
  const pos = columns.int32(n);
  // A group reads only its own slice of `order`, so once it is ranked its tie ends take that slice:
  // one array serves both (a column less at the size of the level).
  const tieEndAt = order;
  const keys = new Float64Array(largest);
  const packed = new Float64Array(largest);
  const words = new Uint32Array(packed.buffer);
  const perm = new Int32Array(largest);
  const tieEnd = new Int32Array(largest);
  const radix: RadixScratch = { other: new Int32Array(largest >= RADIX_MIN ? largest : 0), counts: new Int32Array(4 * 256) };
  const cmp = new LocalOrder(keys, desc, tiebreaks, order);
  for (let g = 0; g < G; g++) {
    const s = start[g], size = start[g + 1] - s;
    if (size === 0) continue;
    for (let k = 0; k < size; k++) keys[k] = kv[order[s + k]];
    cmp.base = s;
    sortLocal(size, keys, desc, packed, words, perm, cmp, tiebreaks.length === 0, radix);
    let classStart = 0;
    for (let k = 0; k < size; k++) {
      const a = perm[k];
      if (k > 0) {
        const b = perm[k - 1];
        const ka = keys[a], kb = keys[b];
        const near = ka === kb || !(Math.abs(ka - kb) > 1e-13 * (Math.abs(ka) + Math.abs(kb)));
        const same = near && decCompare(ka, kb) === 0 && (tiebreaks.length === 0 || compareTiebreaks(tiebreaks, order[s + a], order[s + b]) === 0);
        if (!same) {
          for (let q = classStart; q < k; q++) tieEnd[q] = k;
          classStart = k;
        }
      }
      const i = order[s + a];
      rank[i] = classStart + 1;
      pos[i] = k + 1;
    }
    for (let q = classStart; q < size; q++) tieEnd[q] = size;
    for (let q = 0; q < size; q++) tieEndAt[s + q] = tieEnd[q];
  }
  return { rank, pos, group, start, tieEndAt };
}

/**
 * The exact order of a group's members by local index: key (decimal), tiebreaks, then local index
 * (which is id order). One object serves every group (`base` is the group's offset in `order`): a
 * closure per group cost more than the sort of a small team.
 */
class LocalOrder {
  base = 0;
  constructor(
    private readonly keys: Float64Array, private readonly desc: boolean,
    private readonly tiebreaks: readonly SortKeyInput[], private readonly order: Int32Array,
  ) {}

  compare(a: number, b: number): number {
    const c = decCompare(this.keys[a], this.keys[b]);
    if (c !== 0) return this.desc ? -c : c;
    if (this.tiebreaks.length) {
      const t = compareTiebreaks(this.tiebreaks, this.order[this.base + a], this.order[this.base + b]);
      if (t !== 0) return t;
    }
    return a - b;
  }

  /** Sorts perm[0..size) outright with the comparator (keys that cannot be packed, or too much disorder). */
  sortAll(perm: Int32Array, size: number): void {
    perm.set(Array.from(perm.subarray(0, size)).sort((a, b) => this.compare(a, b)));
  }
}

/**
 * Sorts local indices 0..size by `cmp` into perm. Mid-sized groups: the packed key is the signed key with
 * its low 20 mantissa bits replaced by the local index (which is id order), so the native comparator-less
 * sort gets equal keys in id order for free. Groups of RADIX_MIN or more are ordered by radix passes
 * instead (measured at 1M members in 300 teams: the native sort took ~60 of the ranking's ~145 ms, the
 * passes about a third of that). Either may leave near-equal keys misordered; the insertion pass fixes
 * them, and sorts groups of up to INSERTION_MAX by itself. `plain` (no tiebreaks) lets it order equal
 * keys by index without calling `cmp`.
 */
function sortLocal(
  size: number, keys: Float64Array, desc: boolean, packed: Float64Array, words: Uint32Array, perm: Int32Array,
  cmp: LocalOrder, plain: boolean, radix: RadixScratch,
): void {
  let packable = size < PACK_LIMIT;
  for (let k = 0; packable && k < size; k++) if (!Number.isFinite(keys[k])) packable = false;
  if (!packable) {
    for (let k = 0; k < size; k++) perm[k] = k;
    cmp.sortAll(perm, size);
    return;
  }
  if (size <= INSERTION_MAX) {
    // A handful of members: the repair pass below sorts them outright, cheaper than a sort call.
    for (let k = 0; k < size; k++) perm[k] = k;
  } else if (size >= RADIX_MIN) {
    for (let k = 0; k < size; k++) packed[k] = desc ? -keys[k] : keys[k];
    radixOrder(size, words, perm, radix);
  } else {
    for (let k = 0; k < size; k++) {
      packed[k] = desc ? -keys[k] : keys[k];
      const w = 2 * k + LO;
      words[w] = (words[w] & 0xfff00000) | k;
    }
    packed.subarray(0, size).sort();
    for (let k = 0; k < size; k++) perm[k] = words[2 * k + LO] & 0xfffff;
  }
  let moves = 0;
  const budget = 8 * size + 1024;
  for (let k = 1; k < size; k++) {
    const x = perm[k];
    let j = k - 1;
    const kx = keys[x];
    while (j >= 0) {
      const y = perm[j], ky = keys[y];
      if (ky === kx && plain) {
        // Equal keys and no tiebreaks: local index (id order) decides, as the comparator would.
        if (y < x) break;
      } else {
        // Clearly in order, or clearly not, on the key alone (the common cases): no comparator call.
        const gap = desc ? ky - kx : kx - ky;
        const near = 1e-13 * (Math.abs(kx) + Math.abs(ky));
        if (gap > near) break;
        if (gap >= -near && cmp.compare(y, x) <= 0) break;
      }
      perm[j + 1] = perm[j];
      j--;
      moves++;
    }
    perm[j + 1] = x;
    if (moves > budget) {
      cmp.sortAll(perm, size);
      return;
    }
  }
}

/** Scratch of the radix passes, allocated once per ranking: the second index buffer and 4 byte histograms. */
interface RadixScratch {
  readonly other: Int32Array;
  readonly counts: Int32Array;
}

/**
 * Orders local indices 0..size by the high 32 bits of the finite doubles in `words` (two words per
 * double), ascending, in stable LSD passes of one byte each, so equal doubles keep index (id) order.
 * The high word is sign, exponent and 20 bits of mantissa: scores a hundred apart by 1e-4 already
 * differ there, and doubles that agree on it are left, like decimally equal neighbours and -0
 * before 0, to the exact repair pass (its move budget bounds the worst case). The words are first
 * made sortable as unsigned integers (negatives: every bit flipped; others: the sign bit set). A pass
 * whose byte is the same for every member is skipped (typically the sign and exponent byte).
 */
function radixOrder(size: number, words: Uint32Array, perm: Int32Array, scratch: RadixScratch): void {
  const counts = scratch.counts;
  counts.fill(0);
  for (let k = 0; k < size; k++) {
    let hi = words[2 * k + HI];
    hi = hi & 0x80000000 ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
    words[2 * k + HI] = hi;
    counts[hi & 255]++; counts[256 + ((hi >>> 8) & 255)]++; counts[512 + ((hi >>> 16) & 255)]++; counts[768 + (hi >>> 24)]++;
    perm[k] = k;
  }
  let from = perm, to = scratch.other;
  for (let p = 0; p < 4; p++) {
    const base = p * 256, shift = p * 8;
    // Skip a pass that would not move anything: every member has the same byte here.
    let trivial = false;
    for (let b = 0; b < 256; b++) {
      const c = counts[base + b];
      if (c === size) { trivial = true; break; }
      if (c !== 0) break;
    }
    if (trivial) continue;
    let sum = 0;
    for (let b = 0; b < 256; b++) { const c = counts[base + b]; counts[base + b] = sum; sum += c; }
    for (let k = 0; k < size; k++) {
      const x = from[k];
      const b = (words[2 * x + HI] >>> shift) & 255;
      to[counts[base + b]++] = x;
    }
    const t = from; from = to; to = t;
  }
  if (from !== perm) perm.set(from.subarray(0, size));
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

/** A rank test written in the rules with a constant amount, found by walking every definition. */
export interface SiteInfo {
  /** The rank's level: undefined for cadres, else the unit kind. */
  readonly unitKind?: string;
  readonly rank: string;
  readonly test: 'bottom' | 'top' | 'last' | 'first';
  readonly amount?: number;
  readonly share: boolean;
  /** Canonical text, e.g. `bottom(班子排名, 30%)`. */
  readonly text: string;
}

/** Visits every node below `node` (objects with a `kind`), depth first. */
export function walkNodes(node: unknown, visit: (n: ast.Node) => void): void {
  if (Array.isArray(node)) { for (const x of node) walkNodes(x, visit); return; }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (typeof o.kind === 'string') visit(o as unknown as ast.Node);
  for (const k of Object.keys(o)) if (k !== 'span') walkNodes(o[k], visit);
}

/** Every distinct bottom/top/last/first test on a rank with a constant (or no) amount. */
export function collectSites(model: RuleSetModel): SiteInfo[] {
  const out: SiteInfo[] = [];
  for (const lm of [model.cadre, ...model.units]) {
    for (const c of lm.computed) {
      walkNodes(c.def, n => {
        if (n.kind !== 'Call') return;
        const r = model.resolutions.get(n.callee);
        if (r?.kind !== 'builtinFunction' || !['bottom', 'top', 'last', 'first'].includes(r.id)) return;
        const target = n.args[0];
        const t = target ? model.resolutions.get(target) : undefined;
        let unitKind: string | undefined, rank: string;
        if (t?.kind === 'computed') { unitKind = lm.unitKind; rank = t.name; } else if (t?.kind === 'unitValue') { unitKind = t.unitKind; rank = t.name; } else return;
        const a = n.args[1];
        const inner = a && a.kind === 'Paren' ? a.expr : a;
        if (inner && inner.kind !== 'NumberLit' && inner.kind !== 'PercentLit') return;
        const amount = inner ? inner.value : undefined;
        const share = inner?.kind === 'PercentLit';
        const test = r.id as SiteInfo['test'];
        if (out.some(s => s.unitKind === unitKind && s.rank === rank && s.test === test && s.amount === amount && s.share === share)) return;
        const amountText = amount === undefined ? '' : share ? `, ${snap(amount * 100)}%` : `, ${amount}`;
        out.push({ unitKind, rank, test, amount, share, text: `${test}(${rank}${amountText})` });
      });
    }
  }
  return out;
}
