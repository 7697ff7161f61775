// The shape every benchmarked approach takes: an untimed preparation (load) and a timed run split into phases.
import type { WorkloadOutputs } from './outputs.ts';
import type { WorkloadColumns } from './workload/spec.ts';

/** Times one phase of a run; phases with the same name add up. */
export type PhaseTimer = <T>(name: string, fn: () => T | Promise<T>) => Promise<T>;

/**
 * One approach to the reference workload. `prepare` is the load (row objects, a dataset,
 * a compiled decision) and is not timed; `run` is scoring + ranking + triggers and is.
 */
export interface Approach<Prepared = unknown> {
  readonly id: string;
  /** One line for the report. */
  readonly label: string;
  prepare(data: WorkloadColumns): Prepared | Promise<Prepared>;
  run(prepared: Prepared, out: WorkloadOutputs, phase: PhaseTimer): Promise<void>;
  /** Anything worth reporting about the preparation (compile time, calling mode). */
  readonly notes?: (prepared: Prepared) => Record<string, unknown>;
}

/** A timer that measures nothing, for correctness tests. */
export const untimed: PhaseTimer = async (_name, fn) => fn();
