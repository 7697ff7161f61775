// Ranking kernel: competition ranks, positions by id, tie classes, exclusions, and agreement with a plain sort.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundaryOf, groupSizeOf, rankGroups, tieEndOf, type RankInput } from './rank.ts';

function ids(n: number): { idOrder: Int32Array; idRank: Int32Array } {
  const idOrder = new Int32Array(n), idRank = new Int32Array(n);
  for (let i = 0; i < n; i++) { idOrder[i] = i; idRank[i] = i; }
  return { idOrder, idRank };
}

describe('rankGroups', () => {
  it('ranks a five-person team with a tie: 1, 2, 2, 4, 5', () => {
    // members 0..4 with scores; ids in index order except that member 3 has the smallest id
    const key = new Float64Array([90, 85, 80, 85, 70]);
    const idOrder = new Int32Array([3, 0, 1, 2, 4]);
    const idRank = new Int32Array([1, 2, 3, 0, 4]);
    const r = rankGroups({ n: 5, key: { values: key, desc: true }, tiebreaks: [], group: null, groupCount: 1, include: null, idOrder, idRank });
    expect([...r.rank]).toEqual([1, 2, 4, 2, 5]);
    // the tie 85/85 is ordered by id: member 3 (smallest id) first
    expect([...r.pos]).toEqual([1, 3, 4, 2, 5]);
    expect([0, 1, 2, 3, 4].map(i => tieEndOf(r, i))).toEqual([1, 3, 4, 3, 5]);
    expect([0, 1, 2, 3, 4].map(i => groupSizeOf(r, i))).toEqual([5, 5, 5, 5, 5]);
  });
  it('breaks ties by the tiebreak, missing tiebreaks last', () => {
    const key = new Float64Array([80, 80, 80, 60]);
    const tb = new Float64Array([NaN, 70, 90, 50]);
    const r = rankGroups({ n: 4, key: { values: key, desc: true }, tiebreaks: [{ values: tb, desc: true }], group: null, groupCount: 1, include: null, ...ids(4) });
    expect([...r.rank]).toEqual([3, 2, 1, 4]);
  });
  it('treats decimal-equal keys as tied', () => {
    const key = new Float64Array([0.1 + 0.2, 0.3]);
    const r = rankGroups({ n: 2, key: { values: key, desc: true }, tiebreaks: [], group: null, groupCount: 1, include: null, ...ids(2) });
    expect([...r.rank]).toEqual([1, 1]);
    expect([...r.pos]).toEqual([1, 2]);
  });
  it('leaves missing keys, members without a group and those outside where unranked', () => {
    const key = new Float64Array([50, NaN, 70, 60, 40]);
    const group = new Int32Array([0, 0, 1, -1, 1]);
    const include = new Float64Array([1, 1, 1, 1, NaN]);
    const r = rankGroups({ n: 5, key: { values: key, desc: false }, tiebreaks: [], group, groupCount: 2, include, ...ids(5) });
    expect([...r.rank]).toEqual([1, NaN, 1, NaN, NaN]);
    expect([0, 1, 2, 3, 4].map(i => groupSizeOf(r, i))).toEqual([1, 0, 1, 0, 0]);
  });
  it('agrees with a comparator sort on random groups', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 })), { maxLength: 60 }), rows => {
      const n = rows.length;
      const key = new Float64Array(rows.map(r => r[1] / 2));
      const tb = new Float64Array(rows.map(r => r[2]));
      const group = new Int32Array(rows.map(r => r[0]));
      const input: RankInput = { n, key: { values: key, desc: true }, tiebreaks: [{ values: tb, desc: false }], group, groupCount: 4, include: null, ...ids(n) };
      const r = rankGroups(input);
      for (let i = 0; i < n; i++) {
        const mates = rows.map((_, j) => j).filter(j => group[j] === group[i]);
        const better = mates.filter(j => key[j] > key[i] || (key[j] === key[i] && tb[j] < tb[i])).length;
        const before = mates.filter(j => key[j] > key[i] || (key[j] === key[i] && (tb[j] < tb[i] || (tb[j] === tb[i] && j < i)))).length;
        const tied = mates.filter(j => key[j] === key[i] && tb[j] === tb[i]).length;
        expect(r.rank[i]).toBe(better + 1);
        expect(r.pos[i]).toBe(before + 1);
        expect(tieEndOf(r, i)).toBe(better + tied);
        expect(groupSizeOf(r, i)).toBe(mates.length);
      }
    }));
  });
  it('sorts large groups correctly through the packed key', () => {
    const n = 5000;
    let s = 7;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const key = new Float64Array(n);
    for (let i = 0; i < n; i++) key[i] = Math.round(rnd() * 400) / 4 + (i % 7 === 0 ? 1e-14 : 0);
    const r = rankGroups({ n, key: { values: key, desc: true }, tiebreaks: [], group: null, groupCount: 1, include: null, ...ids(n) });
    const order = [...Array(n).keys()].sort((a, b) => r.pos[a] - r.pos[b]);
    for (let k = 1; k < n; k++) {
      const a = order[k - 1], b = order[k];
      const ka = Number(key[a].toPrecision(15)), kb = Number(key[b].toPrecision(15));
      expect(ka > kb || (ka === kb && a < b)).toBe(true);
    }
  });
  it('orders large groups of mixed signs, zeros and shuffled ids like a comparator sort', () => {
    // 700 members in two groups (both above the size where radix passes replace the native sort).
    const n = 1400;
    let s = 11;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pool = [-0, 0, -3.5, 2.25, -1e-300, 1e300, -1e300, 0.1 + 0.2, 0.3, -(0.1 + 0.2), -0.3];
    const key = new Float64Array(n), tb = new Float64Array(n), group = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      key[i] = rnd() < 0.4 ? pool[Math.floor(rnd() * pool.length)] : Math.round((rnd() - 0.5) * 2000) / 8;
      tb[i] = Math.floor(rnd() * 3);
      group[i] = i % 2;
    }
    // ids in a shuffled order: idOrder lists members by id, idRank is its inverse
    const idOrder = Int32Array.from([...Array(n).keys()].map(i => [rnd(), i] as const).sort((a, b) => a[0] - b[0]).map(x => x[1]));
    const idRank = new Int32Array(n);
    idOrder.forEach((i, k) => { idRank[i] = k; });
    const dec = (x: number) => Number(x.toPrecision(15));
    for (const desc of [false, true]) {
      for (const tiebreaks of [[], [{ values: tb, desc: false }]]) {
        const r = rankGroups({ n, key: { values: key, desc }, tiebreaks, group, groupCount: 2, include: null, idOrder, idRank });
        const before = (a: number, b: number) => {
          const ka = dec(key[a]), kb = dec(key[b]);
          if (ka !== kb) return desc ? ka > kb : ka < kb;
          if (tiebreaks.length && tb[a] !== tb[b]) return tb[a] < tb[b];
          return idRank[a] < idRank[b];
        };
        for (const g of [0, 1]) {
          const members = [...Array(n).keys()].filter(i => group[i] === g).sort((a, b) => r.pos[a] - r.pos[b]);
          expect(members.map(i => r.pos[i])).toEqual(members.map((_, k) => k + 1));
          for (let k = 1; k < members.length; k++) expect(before(members[k - 1], members[k])).toBe(true);
        }
      }
    }
  });
});

describe('rankGroups on keys the radix passes cannot tell apart', () => {
  // The passes look at the high 32 bits of each key only; keys that agree there are ordered by the
  // repair pass. These groups (above the radix size) are built so that many keys share high words.
  const check = (key: Float64Array, desc: boolean) => {
    const n = key.length;
    const r = rankGroups({ n, key: { values: key, desc }, tiebreaks: [], group: null, groupCount: 1, include: null, ...ids(n) });
    const expected = [...Array(n).keys()].sort((a, b) => (key[a] === key[b] ? a - b : (key[a] < key[b]) === !desc ? -1 : 1));
    expect([...Array(n).keys()].sort((a, b) => r.pos[a] - r.pos[b])).toEqual(expected);
  };
  it('orders keys that differ only in the low word, in both directions', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 300, maxLength: 700 }), fc.boolean(), (steps, desc) => {
      check(Float64Array.from(steps, k => 80 + k * 1e-9), desc);
    }), { numRuns: 30 });
  });
  it('falls back to a full sort when nearly every key shares one high word', () => {
    const n = 3000;
    check(Float64Array.from({ length: n }, (_, i) => 50 + ((i * 7919) % n) * 1e-12), true);
    check(Float64Array.from({ length: n }, (_, i) => -50 - ((i * 7919) % n) * 1e-12), false);
  });
});

describe('boundaryOf', () => {
  it('puts the bottom 30% of five at the last two (1.5 rounded up)', () => {
    expect(boundaryOf('bottom', 5, 0.3, true)).toBe(3);
    expect(boundaryOf('bottom', 10, 0.3, true)).toBe(7);
    expect(boundaryOf('bottom', 5, 2, false)).toBe(3);
    expect(boundaryOf('top', 7, 0.15, true)).toBe(2);
    expect(boundaryOf('last', 5, NaN, false)).toBe(4);
    expect(boundaryOf('first', 5, NaN, false)).toBe(1);
  });
});
