// Kaoping on the reference workload: bench/workload/workload.kp checked and compiled once, then evaluated (compiled evaluator or reference interpreter).
import fs from 'node:fs';
import { analyze } from '../../engine/pipeline.ts';
import { compile, type CompiledRuleSet } from '../../engine/compile.ts';
import { evaluate } from '../../engine/evaluate.ts';
import { evaluateReference } from '../../engine/reference.ts';
import type { Dataset } from '../../engine/dataset.ts';
import type { SlotColumn } from '../../engine/evaluate.ts';
import type { RuleSetModel } from '../../engine/model.ts';
import type { YearResult } from '../../engine/result.ts';
import type { Approach } from '../harness.ts';
import { flagOf, makeOutputs, type WorkloadOutputs } from '../outputs.ts';
import { toDataset } from '../workload/dataset.ts';
import { TRIGGER_NAMES, WORKLOAD_YEAR } from '../workload/spec.ts';
import { nowMs } from '../measure.ts';
import { profile } from '../kaoping-phases.ts';

/** The workload as written in the language (kept equal to workloadRules() by a test). */
export const WORKLOAD_FILE = new URL('../workload/workload.kp', import.meta.url);

/** The names the rule file gives the workload's outputs. */
const RANK = 'teamRank';

export interface KaopingPrepared {
  readonly model: RuleSetModel;
  readonly compiled: CompiledRuleSet;
  readonly dataset: Dataset;
  readonly checkMs: number;
  readonly compileMs: number;
}

/** Checks the rule file (any error stops the benchmark: figures on a broken rule set do not count). */
export function checkedWorkload(): { model: RuleSetModel; checkMs: number } {
  const text = fs.readFileSync(WORKLOAD_FILE, 'utf8');
  const t0 = nowMs();
  const { model, diagnostics } = analyze(text, { path: 'bench/workload/workload.kp' });
  const checkMs = nowMs() - t0;
  const errors = diagnostics.filter(d => d.severity === 'error');
  if (errors.length) throw new Error(`workload.kp does not check: ${errors.map(d => `${d.code} ${d.messageEn ?? d.message}`).join('; ')}`);
  return { model, checkMs };
}

function prepare(data: Parameters<Approach['prepare']>[0]): KaopingPrepared {
  const { model, checkMs } = checkedWorkload();
  const t0 = nowMs();
  const compiled = compile(model);
  const compileMs = nowMs() - t0;
  return { model, compiled, dataset: toDataset(data), checkMs, compileMs };
}

function need<T extends SlotColumn>(column: T | undefined, name: string): T {
  if (!column) throw new Error(`the evaluation has no column ${name}`);
  return column;
}

/** The compiled evaluator: one evaluate() per run; outputs read from its result columns. */
export const kaopingCompiled: Approach<KaopingPrepared> = {
  id: 'kaoping',
  label: 'Kaoping compiled evaluator (compile(model) once; evaluate(compiled, dataset, year))',
  prepare,
  async run(p, n, phase) {
    const evaluation = await phase('evaluate', () => evaluate(p.compiled, p.dataset, WORKLOAD_YEAR));
    return () => {
      const errors = evaluation.diagnostics.filter(d => d.severity === 'error');
      if (errors.length) throw new Error(`evaluation reported ${errors.map(d => d.code).join(', ')}`);
      const c = evaluation.cadres;
      // The score, rank and fired columns are the evaluator's own arrays (no copy, so no memory the evaluator did not use).
      const flags = new Uint8Array(n);
      for (const name of TRIGGER_NAMES) {
        const fired = need(c.fired(name), name), bit = flagOf(name);
        for (let i = 0; i < n; i++) if (fired[i] === 1) flags[i] |= bit;
      }
      return {
        n, flags, rank: Int32Array.from(need(c.stored(RANK), RANK)),
        dimA: need(c.numbers('dimA'), 'dimA'), dimB: need(c.numbers('dimB'), 'dimB'), dimC: need(c.numbers('dimC'), 'dimC'),
        composite: need(c.numbers('composite'), 'composite'), pct: need(c.numbers('pct'), 'pct'),
      };
    };
  },
  profile: p => profile(p.compiled, p.dataset, WORKLOAD_YEAR),
  notes: p => ({ checkMs: p.checkMs, compileMs: p.compileMs, kernels: p.compiled.current.filter(e => e.kind === 'kernel').length, steps: p.compiled.current.length }),
};

/** Reads the presented results (cadres in id order; ids are zero-padded record indices). */
function fromYearResult(result: YearResult, n: number): WorkloadOutputs {
  const out = makeOutputs(n);
  if (result.results.length !== n) throw new Error(`reference gave ${result.results.length} results for ${n} records`);
  result.results.forEach((r, i) => {
    const num = (name: string): number => {
      const v = r.values[name];
      if (typeof v !== 'number') throw new Error(`reference: ${r.id} has no number ${name}`);
      return v;
    };
    for (const name of ['dimA', 'dimB', 'dimC', 'composite', 'pct'] as const) out[name][i] = num(name);
    out.rank[i] = num(RANK);
    for (const d of r.dispositions) out.flags[i] |= flagOf(d.name);
  });
  return out;
}

/** The reference interpreter (walks the AST per member); slow by design, measured at small N. */
export const kaopingReference: Approach<KaopingPrepared> = {
  id: 'kaoping-reference',
  label: 'Kaoping reference interpreter (evaluateReference: AST walk per member)',
  prepare,
  async run(p, n, phase) {
    const result = await phase('evaluate', () => evaluateReference(p.model, p.dataset, WORKLOAD_YEAR));
    return () => fromYearResult(result, n);
  },
};
