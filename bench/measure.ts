// Timing for the benchmark: warm-up, repetitions, medians per phase, and the process's peak RSS.
import type { Approach, Collect, PhaseTimer } from './harness.ts';
import type { WorkloadOutputs } from './outputs.ts';

/** The median of a non-empty list (mean of the middle two for even lengths). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds since an arbitrary origin, from the monotonic clock. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Peak resident set size of this process so far, in MiB (getrusage's maxRSS). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Collects garbage when node runs with --expose-gc, so one repetition's garbage does not bill the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/**
 * Lets the event loop turn once, then collects garbage. Node frees the backing stores of dead typed
 * arrays only after the event loop turns, so in a loop of synchronous runs each run's peak RSS would
 * also hold the previous run's outputs (measured at 1M: one whole extra evaluation for every approach).
 */
async function settle(): Promise<void> {
  await new Promise<void>(resolve => setImmediate(resolve));
  collectGarbage();
}

export interface RunTiming {
  readonly totalMs: number;
  readonly phasesMs: Record<string, number>;
}

/** Runs `approach` once on prepared data, timing every phase and the whole; outputs are collected after the clock stops. */
export async function timeOnce<P>(approach: Approach<P>, prepared: P, n: number): Promise<{ collect: Collect; timing: RunTiming }> {
  const phasesMs: Record<string, number> = {};
  const phase: PhaseTimer = async (name, fn) => {
    const t0 = nowMs();
    const result = await fn();
    phasesMs[name] = (phasesMs[name] ?? 0) + nowMs() - t0;
    return result;
  };
  const t0 = nowMs();
  const collect = await approach.run(prepared, n, phase);
  return { collect, timing: { totalMs: nowMs() - t0, phasesMs } };
}

export interface Measurement {
  readonly reps: number;
  readonly warmups: number;
  /** Median of the repetitions' totals. */
  readonly medianMs: number;
  /** Median of each phase separately (they need not add up to the median total). */
  readonly phaseMedianMs: Record<string, number>;
  readonly allTotalsMs: readonly number[];
  readonly recordsPerSecond: number;
  /** Outputs of the last repetition, for the cross-check. */
  readonly out: WorkloadOutputs;
}

export interface MeasureOptions {
  readonly warmups: number;
  readonly reps: number;
  /** Warm up on other (smaller) prepared data instead of the measured data; for the slow peers. */
  readonly warmWith?: { readonly prepared: unknown; readonly n: number };
}

/** Warm-up runs, then `reps` timed runs, each run after a turn of the event loop and a full GC; figures are medians. */
export async function measure<P>(approach: Approach<P>, prepared: P, n: number, options: MeasureOptions): Promise<Measurement> {
  for (let k = 0; k < options.warmups; k++) {
    await settle();
    if (options.warmWith) await timeOnce(approach, options.warmWith.prepared as P, options.warmWith.n);
    else await timeOnce(approach, prepared, n);
  }
  const timings: RunTiming[] = [];
  let collect: Collect | undefined;
  // Declared outside the loop and cleared before the GC: a `const` inside the loop stays alive in the
  // async frame until the next assignment, keeping the previous repetition's outputs through its GC.
  let run: { collect: Collect; timing: RunTiming } | undefined;
  for (let r = 0; r < options.reps; r++) {
    collect = undefined;
    run = undefined;
    await settle();
    run = await timeOnce(approach, prepared, n);
    timings.push(run.timing);
    collect = run.collect;
  }
  run = undefined;
  if (!collect) throw new Error('measure needs at least one repetition');
  const out = collect();
  const totals = timings.map(t => t.totalMs);
  const names = [...new Set(timings.flatMap(t => Object.keys(t.phasesMs)))];
  const phaseMedianMs = Object.fromEntries(names.map(k => [k, median(timings.map(t => t.phasesMs[k] ?? 0))]));
  const medianMs = median(totals);
  return {
    reps: options.reps, warmups: options.warmups, medianMs, phaseMedianMs, allTotalsMs: totals,
    recordsPerSecond: n / (medianMs / 1000), out,
  };
}
