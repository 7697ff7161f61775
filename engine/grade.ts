// Grades: levels tried from the top, thresholds on the `by` value, gates, quotas per pool with their
// rounding, overflow to the next level, and flags where a quota boundary falls inside a tie.
import { decLe, decLt, quotaCount } from './decimal.ts';
import { rankGroups, tieEndOf } from './rank.ts';
import { separateColumns, type ColumnAllocator } from './arena.ts';

export interface GradeLevelInput {
  readonly op?: '>=' | '>';
  /** Threshold per member (or a constant); absent for a level everyone reaches. */
  readonly threshold?: ArrayLike<number> | number;
  /** 1 blocks the level for that member. */
  readonly gate?: ArrayLike<number>;
  readonly quota?: {
    readonly share?: number;
    readonly count?: number;
    readonly rounding: 'down' | 'up' | 'nearest';
    /** Pool of each member (-1: no pool — the quota level is out of its reach). */
    readonly pool: Int32Array;
    readonly poolCount: number;
  };
}

export interface GradeInput {
  readonly n: number;
  readonly by: ArrayLike<number>;
  /** 1 for members to grade (in `where`, not `ungraded`, `by` present). */
  readonly graded: Uint8Array;
  readonly levels: readonly GradeLevelInput[];
  /** Members in code-point order of id, and each member's place in that order (see rank.ts). */
  readonly idOrder: Int32Array;
  readonly idRank: Int32Array;
  /** Where the level column comes from (the evaluated year's arena); a separate buffer by default. */
  readonly columns?: ColumnAllocator;
}

export interface GradeOutput {
  /** Level index per member, NaN when ungraded or no level applies. */
  readonly level: Float64Array;
  /** Members whose quota place was decided inside a tie on `by`: member → level index. */
  readonly tieFlags: Map<number, number>;
}

function qualifies(l: GradeLevelInput, by: number, i: number): boolean {
  if (l.gate && l.gate[i] === 1) return false;
  if (l.threshold === undefined) return true;
  const t = typeof l.threshold === 'number' ? l.threshold : l.threshold[i];
  return l.op === '>' ? decLt(t, by) : decLe(t, by);
}

/** Grades every member; see the language reference, "Grades and quotas". */
export function gradeMembers(input: GradeInput): GradeOutput {
  const { n, by, graded, idOrder, idRank } = input;
  const columns = input.columns ?? separateColumns;
  const level = columns.float64(n).fill(NaN);
  const tieFlags = new Map<number, number>();
  for (let L = 0; L < input.levels.length; L++) {
    const l = input.levels[L];
    const cands: number[] = [];
    for (let i = 0; i < n; i++) if (graded[i] === 1 && level[i] !== level[i] && qualifies(l, by[i], i)) cands.push(i);
    if (!l.quota) {
      for (const i of cands) level[i] = L;
      continue;
    }
    const q = l.quota;
    const poolSize = new Float64Array(q.poolCount);
    for (let i = 0; i < n; i++) if (graded[i] === 1 && q.pool[i] >= 0) poolSize[q.pool[i]]++;
    const cap = Float64Array.from(poolSize, size => q.share !== undefined ? quotaCount(size, q.share, q.rounding) : Math.max(0, Math.floor(q.count ?? 0)));
    // The candidates of each pool in order (by descending, decimal ties by id), as a ranking orders them.
    // Scratch of this level only: separate buffers, freed as soon as the level is placed.
    const candidate = new Uint8Array(n);
    for (const i of cands) candidate[i] = 1;
    const order = rankGroups({ n, key: { values: by, desc: true }, tiebreaks: [], group: q.pool, groupCount: q.poolCount, include: candidate, idOrder, idRank });
    for (const i of cands) {
      const p = q.pool[i];
      if (p < 0) continue;
      if (order.pos[i] <= cap[p]) level[i] = L;
      // The quota's boundary falls inside i's tie class: places there went by id.
      if (order.rank[i] <= cap[p] && cap[p] < tieEndOf(order, i)) tieFlags.set(i, L);
    }
  }
  return { level, tieFlags };
}
