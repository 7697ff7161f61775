// The benchmark's ground truth for the reference workload (plain, obvious code) and the check every approach must pass.
import { makeOutputs, SCORE_COLUMNS, type WorkloadOutputs } from './outputs.ts';
import {
  bpToFraction, COMPOSITE_SOURCES, DIMENSIONS, indicatorsOf, TEAM_COUNT, TRIGGER, WEIGHTS_BP, type WorkloadColumns,
} from './workload/spec.ts';

/** Absolute tolerance for scores: approaches may round differently in the last bits (zen-engine computes in decimal). */
export const SCORE_TOLERANCE = 1e-9;

/**
 * Computes the workload record by record, as one would on paper: weighted sums left to right,
 * deductions in order, floor at 0; the composite; a sort of each team's members by
 * composite (desc) then id (asc); then the three triggers.
 */
export function expectedOutputs(data: WorkloadColumns): WorkloadOutputs {
  const { n } = data;
  const out = makeOutputs(n);
  for (let i = 0; i < n; i++) {
    const dims: Record<string, number> = {};
    for (const dim of DIMENSIONS) {
      const weights = WEIGHTS_BP[dim.name][data.category[i]];
      const names = indicatorsOf(dim);
      let sum = data.numbers[names[0]][i] * bpToFraction(weights[0]);
      for (let k = 1; k < names.length; k++) sum = sum + data.numbers[names[k]][i] * bpToFraction(weights[k]);
      for (const d of dim.deductions) sum = sum - data.numbers[d.input][i] * d.points;
      dims[dim.name] = Math.max(0, sum);
      out[dim.name][i] = dims[dim.name];
    }
    const value = (name: string): number => (name in dims ? dims[name] : data.numbers[name][i]);
    let composite = value(COMPOSITE_SOURCES[0].name) * bpToFraction(COMPOSITE_SOURCES[0].bp);
    for (let k = 1; k < COMPOSITE_SOURCES.length; k++) {
      composite = composite + value(COMPOSITE_SOURCES[k].name) * bpToFraction(COMPOSITE_SOURCES[k].bp);
    }
    out.composite[i] = composite;
  }
  const teams: number[][] = Array.from({ length: TEAM_COUNT }, () => []);
  for (let i = 0; i < n; i++) teams[data.team[i]].push(i);
  for (const members of teams) {
    members.sort((x, y) => (out.composite[x] !== out.composite[y] ? out.composite[y] - out.composite[x] : x - y));
    members.forEach((i, k) => {
      out.rank[i] = k + 1;
      out.pct[i] = (k + 1) / members.length;
    });
  }
  for (let i = 0; i < n; i++) {
    let flags = 0;
    if (out.pct[i] > TRIGGER.pct && data.numbers.prev_pct[i] > TRIGGER.prevPct) flags |= 1;
    if (out.composite[i] < TRIGGER.composite) flags |= 2;
    if (data.numbers.d3[i] >= TRIGGER.d3 && out.dimC[i] < TRIGGER.dimC) flags |= 4;
    out.flags[i] = flags;
  }
  return out;
}

/** The outcome of comparing one approach's outputs with the truth. */
export interface Comparison {
  readonly ok: boolean;
  readonly maxAbsDiff: number;
  readonly scoreMismatches: number;
  readonly rankMismatches: number;
  readonly flagMismatches: number;
  readonly bitIdentical: boolean;
  /** The first differing record and column, for the report. */
  readonly firstMismatch?: string;
}

/** Scores within SCORE_TOLERANCE, identical ranks, identical trigger sets. */
export function compareOutputs(expected: WorkloadOutputs, actual: WorkloadOutputs): Comparison {
  if (expected.n !== actual.n) {
    return { ok: false, maxAbsDiff: Infinity, scoreMismatches: expected.n, rankMismatches: 0, flagMismatches: 0, bitIdentical: false, firstMismatch: `N ${actual.n} instead of ${expected.n}` };
  }
  let maxAbsDiff = 0, scoreMismatches = 0, rankMismatches = 0, flagMismatches = 0, bitIdentical = true;
  let firstMismatch: string | undefined;
  const note = (i: number, what: string, want: number, got: number): void => {
    firstMismatch ??= `record ${i} ${what}: expected ${want}, got ${got}`;
  };
  for (const column of SCORE_COLUMNS) {
    const want = expected[column], got = actual[column];
    for (let i = 0; i < expected.n; i++) {
      const diff = Math.abs(want[i] - got[i]);
      if (!(diff <= SCORE_TOLERANCE)) {
        scoreMismatches++;
        note(i, column, want[i], got[i]);
      }
      if (diff > maxAbsDiff) maxAbsDiff = diff;
      if (!Object.is(want[i], got[i])) bitIdentical = false;
    }
  }
  for (let i = 0; i < expected.n; i++) {
    if (expected.rank[i] !== actual.rank[i]) {
      rankMismatches++;
      note(i, 'rank', expected.rank[i], actual.rank[i]);
    }
    if (expected.flags[i] !== actual.flags[i]) {
      flagMismatches++;
      note(i, 'trigger flags', expected.flags[i], actual.flags[i]);
    }
  }
  const ok = scoreMismatches === 0 && rankMismatches === 0 && flagMismatches === 0;
  return { ok, maxAbsDiff, scoreMismatches, rankMismatches, flagMismatches, bitIdentical, firstMismatch };
}

/** Counts of each trigger, to show that the data exercise all three. */
export function triggerCounts(o: WorkloadOutputs): { X: number; Y: number; Z: number } {
  const c = { X: 0, Y: 0, Z: 0 };
  for (let i = 0; i < o.n; i++) {
    if (o.flags[i] & 1) c.X++;
    if (o.flags[i] & 2) c.Y++;
    if (o.flags[i] & 4) c.Z++;
  }
  return c;
}
