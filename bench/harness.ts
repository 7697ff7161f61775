// The shape every benchmarked approach takes: an untimed preparation (load) and a timed run split into phases.
import type { WorkloadOutputs } from './outputs.ts';
import type { WorkloadColumns } from './workload/spec.ts';

/** Times one phase of a run; phases with the same name add up. */
export type PhaseTimer = <T>(name: string, fn: () => T | Promise<T>) => Promise<T>;

/** Hands over a run's outputs in the common shape; called after the timing stops. */
export type Collect = () => WorkloadOutputs;

/**
 * One approach to the reference workload. `prepare` is the load (row objects, a dataset,
 * a compiled decision) and is not timed; `run` is scoring + ranking + triggers and is.
 * Each approach keeps its results in its own form (Kaoping: the evaluator's columns);
 * `collect` turns them into WorkloadOutputs for the cross-check, untimed.
 */
export interface Approach<Prepared = unknown> {
  readonly id: string;
  /** One line for the report. */
  readonly label: string;
  prepare(data: WorkloadColumns): Prepared | Promise<Prepared>;
  run(prepared: Prepared, n: number, phase: PhaseTimer): Promise<Collect>;
  /** Anything worth reporting about the preparation (compile time, calling mode). */
  readonly notes?: (prepared: Prepared) => Record<string, unknown>;
  /** Where a run's time goes, part by part (median ms), measured after the timed runs. */
  readonly profile?: (prepared: Prepared) => { part: string; ms: number }[];
}

/** A timer that measures nothing, for correctness tests. */
export const untimed: PhaseTimer = async (_name, fn) => fn();

/** Runs an approach once, untimed, and returns its outputs (correctness tests). */
export async function outputsOf<P>(approach: Approach<P>, data: WorkloadColumns): Promise<WorkloadOutputs> {
  const collect = await approach.run(await approach.prepare(data), data.n, untimed);
  return collect();
}
