// The full 2015 rule set (rules/2015.kp, extending 2014 and 2013) over generated data of growing size with three years of history: speed, memory, growth.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../engine/pipeline.ts';
import { compile, type CompiledRuleSet } from '../engine/compile.ts';
import { evaluate, type Evaluation } from '../engine/evaluate.ts';
import { loadRules } from '../cli/load-rules.ts';
import { processIo } from '../cli/io.ts';
import { generateLargeDataset } from '../seeds/generate.ts';
import { profile } from './kaoping-phases.ts';
import { collectGarbage, median, nowMs, peakRssMiB } from './measure.ts';

/** The evaluated year; the generated data hold it and the three years before it. */
export const SEED_YEAR = 2015;
export const SEED_YEARS = [2012, 2013, 2014, 2015] as const;

const RULES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'rules', '2015.kp');

/** rules/2015.kp with its bases, checked (an error stops the benchmark) and compiled. */
export function compiledSeedRules(): { compiled: CompiledRuleSet; checkMs: number; compileMs: number; definitions: number } {
  const rules = loadRules(RULES, processIo);
  let t0 = nowMs();
  const { model, diagnostics } = analyze(rules.text, { path: rules.path, loadBase: rules.loadBase });
  const checkMs = nowMs() - t0;
  const errors = diagnostics.filter(d => d.severity === 'error');
  if (errors.length) throw new Error(`rules/2015.kp does not check: ${errors.map(d => `${d.code} ${d.messageEn ?? d.message}`).join('; ')}`);
  t0 = nowMs();
  const compiled = compile(model);
  return { compiled, checkMs, compileMs: nowMs() - t0, definitions: model.cadre.computed.length + model.units.reduce((s, u) => s + u.computed.length, 0) };
}

/** Cadres with a decided disposition, and with a candidate set to confirm instead, in one evaluation. */
export function outcomeCounts(evaluation: Evaluation): { decided: number; candidates: number } {
  const c = evaluation.cadres;
  let decided = 0, candidates = 0;
  for (let i = 0; i < c.size; i++) {
    if (c.decision(i) !== null) decided++;
    else if (c.candidates(i).length) candidates++;
  }
  return { decided, candidates };
}

export interface SeedScaleOptions {
  readonly cadreYears: number;
  readonly warmups: number;
  readonly reps: number;
}

/**
 * Generates `cadreYears` cadres for each of 2012–2015 (the load, not timed) and times
 * evaluate(compiled, dataset, 2015) from a fresh session each time, so every run also
 * evaluates the earlier years the 2015 rules read through history.
 */
export async function runSeedScale(o: SeedScaleOptions): Promise<Record<string, unknown>> {
  const { compiled, checkMs, compileMs, definitions } = compiledSeedRules();
  let t0 = nowMs();
  const { dataset } = generateLargeDataset({ cadres: o.cadreYears, years: SEED_YEARS });
  const generateMs = nowMs() - t0;
  collectGarbage();
  const rssAfterLoadMiB = process.memoryUsage().rss / 2 ** 20;
  for (let k = 0; k < o.warmups; k++) evaluate(compiled, dataset, SEED_YEAR);
  const allMs: number[] = [];
  let last: Evaluation | undefined;
  for (let r = 0; r < o.reps; r++) {
    last = undefined;
    collectGarbage();
    t0 = nowMs();
    last = evaluate(compiled, dataset, SEED_YEAR);
    allMs.push(nowMs() - t0);
    const errors = last.diagnostics.filter(d => d.severity === 'error');
    if (errors.length) throw new Error(`evaluation reported ${errors.map(d => `${d.code} ${d.messageEn ?? d.message}`).join('; ')}`);
  }
  const peakRssTimedMiB = peakRssMiB();
  const outcomes = outcomeCounts(last!);
  last = undefined;
  const medianMs = median(allMs);
  const cadres = dataset.years.find(y => y.year === SEED_YEAR)!.cadres.ids.length;
  return {
    task: 'seed-scale', cadreYears: cadres, evaluated: SEED_YEAR, years: `${SEED_YEARS[0]}–${SEED_YEARS[SEED_YEARS.length - 1]}`,
    datasetCadreYears: dataset.years.reduce((s, y) => s + y.cadres.ids.length, 0),
    definitions, checkMs, compileMs, generateMs, warmups: o.warmups, reps: o.reps, medianMs, allMs,
    recordsPerSecond: cadres / (medianMs / 1000),
    rssAfterLoadMiB, peakRssMiB: peakRssTimedMiB,
    outcomes,
    // One profiled evaluation at the largest size keeps the whole benchmark inside its time budget.
    profile: profile(compiled, dataset, SEED_YEAR, o.cadreYears >= 1_000_000 ? 1 : 3).slice(0, 8),
  };
}
