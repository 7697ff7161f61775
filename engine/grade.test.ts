// Grades with quotas: the boundary, overflow to the next level, gates, pools, ties at the boundary.
import { describe, expect, it } from 'vitest';
import { gradeMembers, type GradeLevelInput } from './grade.ts';

/** Ids in index order: the id order and each member's place in it. */
function ids(n: number): { idOrder: Int32Array; idRank: Int32Array } {
  return { idOrder: Int32Array.from({ length: n }, (_, i) => i), idRank: Int32Array.from({ length: n }, (_, i) => i) };
}

describe('gradeMembers', () => {
  // 优秀 >= 90 quota 20% (down) ; 称职 >= 70 ; 基本称职 >= 60 ; 不称职
  const levels = (pool: Int32Array, poolCount: number, gate?: Float64Array): GradeLevelInput[] => [
    { op: '>=', threshold: 90, gate, quota: { share: 0.2, rounding: 'down', pool, poolCount } },
    { op: '>=', threshold: 70 },
    { op: '>=', threshold: 60 },
    {},
  ];
  it('gives the quota to the best, the rest fall to the next level they reach', () => {
    // ten members in one pool: 20% of 10 = 2 places for 优秀
    const by = new Float64Array([95, 93, 91, 90, 72, 65, 50, 88, 70, 59.99]);
    const g = gradeMembers({ n: 10, by, graded: new Uint8Array(10).fill(1), levels: levels(new Int32Array(10), 1), ...ids(10) });
    expect([...g.level]).toEqual([0, 0, 1, 1, 1, 2, 3, 1, 1, 3]);
    expect(g.tieFlags.size).toBe(0);
  });
  it('flags a quota boundary inside a tie and resolves it by id', () => {
    const by = new Float64Array([95, 92, 92, 80, 80]);
    const g = gradeMembers({ n: 5, by, graded: new Uint8Array(5).fill(1), levels: [
      { op: '>=', threshold: 90, quota: { share: 0.4, rounding: 'down', pool: new Int32Array(5), poolCount: 1 } }, {},
    ], idOrder: new Int32Array([0, 2, 1, 3, 4]), idRank: new Int32Array([0, 2, 1, 3, 4]) });
    // 40% of 5 = 2: member 0, then the tie 1/2 broken by id (member 2 has the smaller id)
    expect([...g.level]).toEqual([0, 1, 0, 1, 1]);
    expect([...g.tieFlags.keys()].sort()).toEqual([1, 2]);
  });
  it('computes quotas per pool on the pool size and honours gates', () => {
    const by = new Float64Array([99, 98, 97, 96, 95, 94]);
    const pool = new Int32Array([0, 0, 0, 1, 1, 1]);
    const gate = new Float64Array([1, 0, 0, 0, 0, 0]);
    const g = gradeMembers({ n: 6, by, graded: new Uint8Array(6).fill(1), levels: [
      { op: '>=', threshold: 90, gate, quota: { share: 0.34, rounding: 'up', pool, poolCount: 2 } }, {},
    ], ...ids(6) });
    // ceil(3 × 34%) = 2 places per pool; member 0 is gated out of 优秀
    expect([...g.level]).toEqual([1, 0, 0, 0, 0, 1]);
  });
  it('leaves ungraded members and members below every threshold without a grade', () => {
    const by = new Float64Array([95, 40]);
    const graded = new Uint8Array([0, 1]);
    const g = gradeMembers({ n: 2, by, graded, levels: [{ op: '>=', threshold: 60 }, { op: '>', threshold: 50 }], ...ids(2) });
    expect([...g.level]).toEqual([NaN, NaN]);
  });
  it('counts quotas given as a number and compares thresholds as decimals', () => {
    const by = new Float64Array([0.1 + 0.2, 0.3, 0.5]);
    const g = gradeMembers({ n: 3, by, graded: new Uint8Array(3).fill(1), levels: [
      { op: '>', threshold: 0.3, quota: { count: 5, rounding: 'down', pool: new Int32Array(3), poolCount: 1 } },
      { op: '>=', threshold: 0.3 }, {},
    ], ...ids(3) });
    expect([...g.level]).toEqual([1, 1, 0]);
  });
  it('agrees with a plain sort per pool on large pools full of ties', () => {
    // 4,000 members in 3 pools of unequal size (the largest has ~580 candidates for the quota level,
    // enough for the ranking's radix passes), integer scores (many ties), ids in a shuffled order.
    const n = 4000;
    let seed = 5;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const by = Float64Array.from({ length: n }, () => 60 + Math.floor(rnd() * 41));
    const pool = Int32Array.from({ length: n }, (_, i) => (i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2));
    const idOrder = Int32Array.from([...Array(n).keys()].map(i => [rnd(), i] as const).sort((a, b) => a[0] - b[0]).map(x => x[1]));
    const idRank = new Int32Array(n);
    idOrder.forEach((i, k) => { idRank[i] = k; });
    const graded = Uint8Array.from({ length: n }, () => (rnd() < 0.9 ? 1 : 0));
    const g = gradeMembers({ n, by, graded, levels: levels(pool, 3), idOrder, idRank });
    for (let p = 0; p < 3; p++) {
      const members = [...Array(n).keys()].filter(i => pool[i] === p && graded[i] === 1);
      const cap = Math.floor(members.length * 0.2);
      const cands = members.filter(i => by[i] >= 90).sort((a, b) => by[b] - by[a] || idRank[a] - idRank[b]);
      const top = new Set(cands.slice(0, cap));
      for (const i of members) expect(g.level[i]).toBe(top.has(i) ? 0 : by[i] >= 70 ? 1 : 2);
      const straddles = cap > 0 && cap < cands.length && by[cands[cap - 1]] === by[cands[cap]];
      for (const i of members) expect(g.tieFlags.get(i)).toBe(straddles && by[i] === by[cands[cap]] ? 0 : undefined);
    }
  });
});
