// One measurement in its own process, so its peak RSS is its own: prints a single `RESULT {json}` line for bench/run.ts.
import { isApproachId, loadApproach } from './approaches.ts';
import { collectGarbage, measure, nowMs, peakRssMiB } from './measure.ts';
import { writeOutputs } from './outputs.ts';
import { generateWorkload } from './workload/spec.ts';

/** Seed of the warm-up data, distinct from the measured data's. */
const WARM_SEED = 4242;

function options(argv: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    if (!argv[k].startsWith('--')) throw new Error(`unexpected argument ${argv[k]}`);
    m.set(argv[k].slice(2), argv[k + 1]);
    k++;
  }
  return m;
}

function int(m: Map<string, string>, key: string, fallback?: number): number {
  const s = m.get(key);
  if (s === undefined) {
    if (fallback === undefined) throw new Error(`--${key} is required`);
    return fallback;
  }
  const v = Number(s);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${key} must be a whole number, got ${s}`);
  return v;
}

function mib(bytes: number): number {
  return bytes / 2 ** 20;
}

async function workload(m: Map<string, string>): Promise<Record<string, unknown>> {
  const id = m.get('approach') ?? '';
  if (!isApproachId(id)) throw new Error(`unknown approach ${id}`);
  const n = int(m, 'n');
  const warmN = int(m, 'warm-n', 0);
  const out = m.get('out');
  const approach = await loadApproach(id);
  const data = generateWorkload(n);
  collectGarbage();
  const rssBeforePrepareMiB = mib(process.memoryUsage().rss);
  const t0 = nowMs();
  const prepared = await approach.prepare(data);
  const prepareMs = nowMs() - t0;
  collectGarbage();
  const rssAfterLoadMiB = mib(process.memoryUsage().rss);
  const warmWith = warmN > 0 ? { prepared: await approach.prepare(generateWorkload(warmN, WARM_SEED)), n: warmN } : undefined;
  const result = await measure(approach, prepared, n, { warmups: int(m, 'warm', 1), reps: int(m, 'reps', 3), warmWith });
  if (out) writeOutputs(out, result.out);
  const peakRssTimedMiB = peakRssMiB();
  return {
    task: 'workload', approach: id, label: approach.label, n, warmN,
    reps: result.reps, warmups: result.warmups, medianMs: result.medianMs, phaseMedianMs: result.phaseMedianMs,
    allTotalsMs: result.allTotalsMs, recordsPerSecond: result.recordsPerSecond, prepareMs,
    rssBeforePrepareMiB, rssAfterLoadMiB, peakRssMiB: peakRssTimedMiB,
    notes: approach.notes ? approach.notes(prepared) : {},
    profile: approach.profile ? approach.profile(prepared) : undefined,
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const [task, ...rest] = argv;
  const m = options(rest);
  let result: Record<string, unknown>;
  if (task === 'workload') result = await workload(m);
  else if (task === 'parse-check') {
    const { runParseCheck } = await import('./parse-check.ts');
    result = await runParseCheck({ lines: int(m, 'lines', 5000), warmups: int(m, 'warm', 5), reps: int(m, 'reps', 21) });
  } else if (task === 'seed-scale') {
    const { runSeedScale } = await import('./seed-scale.ts');
    result = await runSeedScale({ cadreYears: int(m, 'cadre-years'), warmups: int(m, 'warm', 1), reps: int(m, 'reps', 3) });
  } else throw new Error(`unknown task ${task}; expected workload, parse-check or seed-scale`);
  process.stdout.write('RESULT ' + JSON.stringify(result) + '\n');
}

await main(process.argv.slice(2));
