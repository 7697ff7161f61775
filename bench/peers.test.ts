// The benchmark's own approaches agree with the verifier at small N, and the verifier catches a wrong answer.
import { describe, expect, it } from 'vitest';
import { outputsOf } from './harness.ts';
import { makeOutputs, type WorkloadOutputs } from './outputs.ts';
import { handColumnar } from './peers/hand-columnar.ts';
import { jsonRulesEngine } from './peers/json-rules-engine.ts';
import { kaopingCompiled, kaopingReference } from './peers/kaoping.ts';
import { indexTeams, rankPacked } from './peers/rank-packed.ts';
import { rankPlain } from './peers/rank-plain.ts';
import { zenEngine } from './peers/zen-engine.ts';
import { compareOutputs, expectedOutputs, triggerCounts } from './verify.ts';
import { generateWorkload, TEAM_COUNT } from './workload/spec.ts';
import type { Approach } from './harness.ts';

const N = 2000;
const data = generateWorkload(N);
const truth = expectedOutputs(data);


describe('every approach on the reference workload, N = 2,000', () => {
  it('the data exercise every trigger', () => {
    const c = triggerCounts(truth);
    expect(c.X).toBeGreaterThan(20);
    expect(c.Y).toBeGreaterThan(20);
    expect(c.Z).toBeGreaterThan(20);
  });

  it.each([
    ['Kaoping compiled evaluator', kaopingCompiled],
    ['hand-columnar', handColumnar],
    ['json-rules-engine', jsonRulesEngine],
    ['zen-engine loop mode', zenEngine('loop')],
    ['zen-engine concurrent calls', zenEngine('concurrent')],
  ] as [string, Approach<unknown>][])('%s equals the verifier', async (_name, approach) => {
    const cmp = compareOutputs(truth, await outputsOf(approach, data));
    expect(cmp.firstMismatch).toBeUndefined();
    expect(cmp.ok).toBe(true);
  });

  it('the Kaoping reference interpreter equals the verifier (N = 300: its cost grows as N²)', async () => {
    const small = generateWorkload(300);
    const cmp = compareOutputs(expectedOutputs(small), await outputsOf(kaopingReference, small));
    expect(cmp.firstMismatch).toBeUndefined();
    expect(cmp.ok).toBe(true);
  });

  it('the verifier rejects a swapped rank, a shifted score and a lost trigger', async () => {
    for (const spoil of [
      (o: WorkloadOutputs) => { o.rank[7] += 1; },
      (o: WorkloadOutputs) => { o.composite[3] += 1e-6; },
      (o: WorkloadOutputs) => { o.flags[o.flags.findIndex(f => f !== 0)] = 0; },
    ]) {
      const out = await outputsOf(handColumnar, data);
      spoil(out);
      expect(compareOutputs(truth, out).ok).toBe(false);
    }
  });
});

describe('team ranking', () => {
  // Exact ties and scores one ulp apart: the packed key must fall back on the exact order.
  const n = 600;
  const team = Int32Array.from({ length: n }, (_, i) => i % 7);
  const composite = Float64Array.from({ length: n }, (_, i) => 50 + (Math.floor(i / 7) % 5) + (i % 3 === 1 ? Number.EPSILON * 64 : 0));

  function rankedBy(rank: (out: WorkloadOutputs) => void): WorkloadOutputs {
    const out = makeOutputs(n);
    out.composite.set(composite);
    rank(out);
    return out;
  }

  it('packed-key ranking equals a comparator sort, ties by index', () => {
    const packed = rankedBy(out => rankPacked(out.composite, indexTeams(team, 7), out));
    const plain = rankedBy(out => rankPlain(team, 7, out));
    expect(Array.from(packed.rank)).toEqual(Array.from(plain.rank));
    expect(Array.from(packed.pct)).toEqual(Array.from(plain.pct));
    // the data hold exact ties and near-ties inside one team, so both the index tiebreak and the repair pass run
    const team0 = Array.from({ length: n }, (_, i) => i).filter(i => team[i] === 0).map(i => composite[i]);
    expect(new Set(team0).size).toBeLessThan(team0.length);
    expect(team0.some(x => team0.some(y => x !== y && Math.abs(x - y) < 1e-13))).toBe(true);
  });

  it('ranks every team 1..size', () => {
    const out = makeOutputs(N);
    out.composite.set(truth.composite);
    rankPacked(out.composite, indexTeams(data.team, TEAM_COUNT), out);
    const seen = new Map<number, number[]>();
    for (let i = 0; i < N; i++) seen.set(data.team[i], [...(seen.get(data.team[i]) ?? []), out.rank[i]]);
    for (const ranks of seen.values()) expect([...ranks].sort((a, b) => a - b)).toEqual(ranks.map((_, k) => k + 1));
  });
});
