// Where Kaoping's evaluation time goes: runs the compiled schedule of one year exec by exec (bind, each fused kernel, each rank/aggregate/history step) and times each.
import type { CompiledRuleSet, Exec } from '../engine/compile.ts';
import type { Dataset } from '../engine/dataset.ts';
import { Session, YearContext } from '../engine/evaluate.ts';
import { collectGarbage, median, nowMs } from './measure.ts';

/** A readable name for one scheduled exec: what kind, and which slots it fills. */
function execLabel(compiled: CompiledRuleSet, e: Exec, k: number): string {
  const slots = compiled.plan.levels[e.kind === 'kernel' ? e.level : e.step.level].slots;
  if (e.kind === 'kernel') {
    const names = e.writes.map(s => slots[s].name);
    const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')} … (${names.length} values)` : names.join(', ');
    return `${k}. fused kernel: ${shown}`;
  }
  return `${k}. ${e.step.kind}: ${slots[e.step.slot].name}`;
}

/**
 * One evaluation of `year` split into its parts, as evaluate() runs it: binding the year's
 * columns (YearContext construction), then every exec of the current schedule in order.
 * History steps evaluate earlier years inside their own time. Milliseconds per part.
 */
export function profileOnce(compiled: CompiledRuleSet, dataset: Dataset, year: number): Map<string, number> {
  const times = new Map<string, number>();
  const session = new Session(compiled, dataset);
  let t0 = nowMs();
  const ctx = new YearContext(session, year, dataset.years.find(y => y.year === year), 'current');
  times.set('0. bind columns', nowMs() - t0);
  compiled.current.forEach((e, k) => {
    t0 = nowMs();
    ctx.run([e]);
    times.set(execLabel(compiled, e, k + 1), nowMs() - t0);
  });
  return times;
}

/** Median per part over `reps` profiled evaluations, largest first. Call it after the timed runs, which warmed the code up. */
export function profile(compiled: CompiledRuleSet, dataset: Dataset, year: number, reps = 5): { part: string; ms: number }[] {
  const runs: Map<string, number>[] = [];
  for (let r = 0; r < reps; r++) {
    collectGarbage();
    runs.push(profileOnce(compiled, dataset, year));
  }
  const parts = [...runs[0].keys()];
  return parts.map(part => ({ part, ms: median(runs.map(m => m.get(part) ?? 0)) })).sort((a, b) => b.ms - a.ms);
}
