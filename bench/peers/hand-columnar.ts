// Hand-written columnar baseline for the reference workload: the formulas typed out over Float64Array columns, packed-key ranking.
import type { Approach } from '../harness.ts';
import { makeOutputs, type WorkloadOutputs } from '../outputs.ts';
import { bpToFraction, COMPOSITE_SOURCES, TEAM_COUNT, TRIGGER, WEIGHTS_BP, type DimName, type WorkloadColumns } from '../workload/spec.ts';
import { indexTeams, rankPacked } from './rank-packed.ts';

/** One dimension's weights for all classes, flattened: class c's row starts at c * count. */
function flatWeights(dim: DimName): Float64Array {
  return Float64Array.from(WEIGHTS_BP[dim].flat(), bpToFraction);
}

const WA = flatWeights('dimA'), WB = flatWeights('dimB'), WC = flatWeights('dimC');
const [K_A, K_B, K_C, K_S1, K_S2, K_S3] = COMPOSITE_SOURCES.map(s => bpToFraction(s.bp));

/** Three dimensions and the composite, record by record, in the same operation order as the verifier. */
export function scoreColumns(data: WorkloadColumns, out: WorkloadOutputs): void {
  const { category } = data;
  const { a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12 } = data.numbers;
  const { b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12 } = data.numbers;
  const { c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 } = data.numbers;
  const { d1, d2, d3, s1, s2, s3 } = data.numbers;
  const { dimA, dimB, dimC, composite } = out;
  for (let i = 0; i < data.n; i++) {
    const c = category[i];
    const a = c * 12, b = c * 12, k = c * 10;
    let x = a1[i] * WA[a] + a2[i] * WA[a + 1] + a3[i] * WA[a + 2] + a4[i] * WA[a + 3] + a5[i] * WA[a + 4] +
      a6[i] * WA[a + 5] + a7[i] * WA[a + 6] + a8[i] * WA[a + 7] + a9[i] * WA[a + 8] + a10[i] * WA[a + 9] +
      a11[i] * WA[a + 10] + a12[i] * WA[a + 11] - d1[i] * 2;
    const da = x > 0 ? x : 0;
    x = b1[i] * WB[b] + b2[i] * WB[b + 1] + b3[i] * WB[b + 2] + b4[i] * WB[b + 3] + b5[i] * WB[b + 4] +
      b6[i] * WB[b + 5] + b7[i] * WB[b + 6] + b8[i] * WB[b + 7] + b9[i] * WB[b + 8] + b10[i] * WB[b + 9] +
      b11[i] * WB[b + 10] + b12[i] * WB[b + 11] - d2[i] * 1.5 - d1[i] * 0.5;
    const db = x > 0 ? x : 0;
    x = c1[i] * WC[k] + c2[i] * WC[k + 1] + c3[i] * WC[k + 2] + c4[i] * WC[k + 3] + c5[i] * WC[k + 4] +
      c6[i] * WC[k + 5] + c7[i] * WC[k + 6] + c8[i] * WC[k + 7] + c9[i] * WC[k + 8] + c10[i] * WC[k + 9] -
      d3[i] * 5;
    const dc = x > 0 ? x : 0;
    dimA[i] = da;
    dimB[i] = db;
    dimC[i] = dc;
    composite[i] = da * K_A + db * K_B + dc * K_C + s1[i] * K_S1 + s2[i] * K_S2 + s3[i] * K_S3;
  }
}

/** Flags X (bottom this year and last), Y (low composite), Z (events and low dimC). */
export function triggerColumns(data: WorkloadColumns, out: WorkloadOutputs): void {
  const { prev_pct, d3 } = data.numbers;
  const { pct, composite, dimC, flags } = out;
  for (let i = 0; i < data.n; i++) {
    let f = 0;
    if (pct[i] > TRIGGER.pct && prev_pct[i] > TRIGGER.prevPct) f |= 1;
    if (composite[i] < TRIGGER.composite) f |= 2;
    if (d3[i] >= TRIGGER.d3 && dimC[i] < TRIGGER.dimC) f |= 4;
    flags[i] = f;
  }
}

/** The baseline as a benchmarked approach; bucketing records by team counts as ranking. */
export const handColumnar: Approach<WorkloadColumns> = {
  id: 'hand-columnar',
  label: 'hand-written columnar code (Float64Array, packed-key native sort)',
  prepare: data => data,
  async run(data, n, phase) {
    const out = makeOutputs(n);
    await phase('score', () => scoreColumns(data, out));
    await phase('rank', () => rankPacked(out.composite, indexTeams(data.team, TEAM_COUNT), out));
    await phase('trigger', () => triggerColumns(data, out));
    return () => out;
  },
};
