// Parse+check benchmark: a generated rule file of 5,000 lines through the parser alone and through the whole checker (engine/pipeline.ts).
import { parse } from '../grammar/parse.ts';
import { analyze } from '../engine/pipeline.ts';
import { collectGarbage, median, nowMs, peakRssMiB } from './measure.ts';
import { parseCheckSource } from './parse-check-source.ts';

export interface ParseCheckOptions {
  readonly lines: number;
  readonly warmups: number;
  readonly reps: number;
}

/** The target of the language issue for 5,000 lines on this machine. */
export const PARSE_CHECK_TARGET_MS = 100;

/**
 * Median of `reps` runs after `warmups`. Back to back is how an editor re-checks while someone
 * types; with `afterFullGc` each run starts from a heap just compacted by a forced full GC, which
 * on this machine doubles the time (V8 shrinks the young generation, so the run's many small
 * tree objects cost more scavenges) — reported beside the main figure, not instead of it.
 */
function timeMedian(fn: () => void, warmups: number, reps: number, afterFullGc = false): { medianMs: number; allMs: number[] } {
  for (let k = 0; k < warmups; k++) fn();
  const allMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    if (afterFullGc) collectGarbage();
    const t0 = nowMs();
    fn();
    allMs.push(nowMs() - t0);
  }
  return { medianMs: median(allMs), allMs };
}

/**
 * Generates the file, checks once that it is valid (no error diagnostics — otherwise the
 * timing would measure error recovery, and the figure does not count), then times parse
 * alone and parse+check back to back, and parse+check after a forced full GC. Also reports
 * the first, cold run in a fresh process (what one CLI invocation pays).
 */
export async function runParseCheck(o: ParseCheckOptions): Promise<Record<string, unknown>> {
  const text = parseCheckSource(o.lines);
  const path = 'bench/parse-check.kp';
  const t0 = nowMs();
  const first = analyze(text, { path });
  const coldMs = nowMs() - t0;
  const errors = first.diagnostics.filter(d => d.severity === 'error');
  const warnings = first.diagnostics.filter(d => d.severity === 'warning');
  const parseOnly = timeMedian(() => void parse(text), o.warmups, o.reps);
  const full = timeMedian(() => void analyze(text, { path }), o.warmups, o.reps);
  const afterGc = timeMedian(() => void analyze(text, { path }), 0, o.reps, true);
  return {
    task: 'parse-check',
    lines: text.split('\n').length - 1,
    chars: text.length,
    definitions: first.model ? first.model.cadre.inputs.length + first.model.cadre.computed.length : null,
    errors: errors.length,
    firstErrors: errors.slice(0, 5).map(d => `${d.code} ${d.messageEn ?? d.message}`),
    warnings: warnings.length,
    valid: errors.length === 0,
    coldMs,
    parseMedianMs: parseOnly.medianMs,
    medianMs: full.medianMs,
    allMs: full.allMs,
    afterFullGcMedianMs: afterGc.medianMs,
    reps: o.reps,
    warmups: o.warmups,
    targetMs: PARSE_CHECK_TARGET_MS,
    peakRssMiB: peakRssMiB(),
  };
}
