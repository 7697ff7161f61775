// What `npm run bench` measures, in order: the full plan (under 15 minutes on 2 cores) and the --quick smoke plan.
import type { ApproachId } from './approaches.ts';

export interface WorkloadStep {
  readonly approach: ApproachId;
  readonly n: number;
  readonly warmups: number;
  readonly reps: number;
  /** Warm up on this many other records instead of the measured N (slow peers). */
  readonly warmN?: number;
}

export interface Plan {
  readonly name: 'full' | 'quick';
  readonly workload: readonly WorkloadStep[];
  /** zen-engine's two calling modes are measured at this N; only the faster runs at the larger N. */
  readonly zenChoiceN: number;
  /** N at which the faster zen-engine mode (and json-rules-engine) runs once more, when set. */
  readonly peersLargeN?: number;
  readonly parseCheck: { readonly lines: number; readonly warmups: number; readonly reps: number };
  readonly seedScale: readonly { readonly cadreYears: number; readonly warmups: number; readonly reps: number }[];
}

const K20 = 20_000, K100 = 100_000, M1 = 1_000_000;

export const FULL_PLAN: Plan = {
  name: 'full',
  workload: [
    // The reference interpreter finds group mates by scanning every member, so its cost grows as N²:
    // it is measured at two small N to show that growth, next to the compiled evaluator at the same N.
    { approach: 'kaoping-reference', n: 1_000, warmups: 1, reps: 3 },
    { approach: 'kaoping-reference', n: 2_000, warmups: 1, reps: 3 },
    { approach: 'kaoping', n: 2_000, warmups: 5, reps: 21 },
    { approach: 'kaoping', n: K20, warmups: 5, reps: 21 },
    { approach: 'hand-columnar', n: K100, warmups: 3, reps: 11 },
    { approach: 'kaoping', n: K100, warmups: 3, reps: 11 },
    { approach: 'json-rules-engine', n: K100, warmups: 1, warmN: 10_000, reps: 3 },
    { approach: 'zen-engine', n: K100, warmups: 1, warmN: 10_000, reps: 3 },
    { approach: 'zen-engine-concurrent', n: K100, warmups: 1, warmN: 10_000, reps: 3 },
    { approach: 'hand-columnar', n: M1, warmups: 2, reps: 9 },
    { approach: 'kaoping', n: M1, warmups: 2, reps: 9 },
  ],
  zenChoiceN: K100,
  peersLargeN: M1,
  parseCheck: { lines: 5000, warmups: 3, reps: 11 },
  seedScale: [
    { cadreYears: 10_000, warmups: 2, reps: 5 },
    { cadreYears: 100_000, warmups: 1, reps: 3 },
    { cadreYears: M1, warmups: 1, reps: 3 },
  ],
};

export const QUICK_PLAN: Plan = {
  name: 'quick',
  workload: [
    { approach: 'kaoping-reference', n: 1_000, warmups: 1, reps: 1 },
    { approach: 'kaoping', n: 1_000, warmups: 2, reps: 5 },
    { approach: 'hand-columnar', n: K20, warmups: 2, reps: 5 },
    { approach: 'kaoping', n: K20, warmups: 2, reps: 5 },
    { approach: 'json-rules-engine', n: K20, warmups: 1, warmN: 2_000, reps: 1 },
    { approach: 'zen-engine', n: K20, warmups: 1, warmN: 2_000, reps: 1 },
    { approach: 'zen-engine-concurrent', n: K20, warmups: 1, warmN: 2_000, reps: 1 },
  ],
  zenChoiceN: K20,
  parseCheck: { lines: 5000, warmups: 2, reps: 5 },
  seedScale: [{ cadreYears: 10_000, warmups: 1, reps: 1 }],
};
