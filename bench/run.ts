// `npm run bench [-- --quick] [-- --only workload,parse-check,seed-scale] [-- --save FILE]`: runs every measurement in its own process, verifies, reports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readOutputs } from './outputs.ts';
import { FULL_PLAN, QUICK_PLAN, type Plan, type WorkloadStep } from './plan.ts';
import { formatReport, type BenchRun, type WorkloadRecord } from './report.ts';
import { compareOutputs, expectedOutputs, triggerCounts } from './verify.ts';
import { generateWorkload } from './workload/spec.ts';

const SECTIONS = ['workload', 'parse-check', 'seed-scale'] as const;
type Section = (typeof SECTIONS)[number];

interface Args {
  readonly plan: Plan;
  readonly sections: readonly Section[];
  readonly save?: string;
}

function parseArgs(argv: readonly string[]): Args {
  let plan = FULL_PLAN, sections: readonly Section[] = SECTIONS, save: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--quick') plan = QUICK_PLAN;
    else if (a === '--only') {
      const wanted = (argv[++k] ?? '').split(',');
      for (const w of wanted) if (!(SECTIONS as readonly string[]).includes(w)) throw new Error(`--only takes ${SECTIONS.join(',')}; got ${w}`);
      sections = SECTIONS.filter(s => wanted.includes(s));
    } else if (a === '--save') save = argv[++k];
    else throw new Error(`unknown option ${a}; options: --quick, --only ${SECTIONS.join(',')}, --save FILE`);
  }
  return { plan, sections, save };
}

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..');

/** Runs bench/child.ts in a fresh node; returns its RESULT object, or the reason it failed. */
function runChild(args: readonly string[]): { result?: Record<string, unknown>; error?: string; wallS: number } {
  const t0 = Date.now();
  const p = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', path.join(root, 'bin/run-ts.mjs'), path.join(here, 'child.ts'), ...args], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 24, timeout: 12 * 60 * 1000, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wallS = (Date.now() - t0) / 1000;
  const line = (p.stdout ?? '').split('\n').find(l => l.startsWith('RESULT '));
  if (!line) return { error: `exit ${p.status ?? p.signal}: ${(p.stderr ?? '').trim().split('\n').slice(-6).join(' | ')}`, wallS };
  return { result: JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>, wallS };
}

function log(s: string): void {
  process.stderr.write(s + '\n');
}

/** The truth for one N at a time (computing it for 1M takes a second or two and 400 MB). */
let truthCache: { n: number; outputs: ReturnType<typeof expectedOutputs> } | undefined;
const triggersByN: Record<number, ReturnType<typeof triggerCounts>> = {};
function truthFor(n: number): ReturnType<typeof expectedOutputs> {
  if (truthCache?.n !== n) {
    truthCache = undefined;
    truthCache = { n, outputs: expectedOutputs(generateWorkload(n)) };
    triggersByN[n] = triggerCounts(truthCache.outputs);
  }
  return truthCache.outputs;
}

function runWorkloadStep(step: WorkloadStep, outDir: string): WorkloadRecord {
  const file = path.join(outDir, `${step.approach}-${step.n}.bin`);
  const args = ['workload', '--approach', step.approach, '--n', String(step.n), '--warm', String(step.warmups), '--reps', String(step.reps), '--out', file];
  if (step.warmN) args.push('--warm-n', String(step.warmN));
  log(`· ${step.approach} N=${step.n} (${step.warmups} warm-up${step.warmN ? ` on N=${step.warmN}` : ''}, ${step.reps} reps)…`);
  const { result, error, wallS } = runChild(args);
  if (!result) {
    log(`  FAILED: ${error}`);
    return { step, error, wallS };
  }
  const verify = compareOutputs(truthFor(step.n), readOutputs(file, step.n));
  fs.rmSync(file, { force: true });
  if (verify.ok) {
    log(`  verified; ${Math.round(result.recordsPerSecond as number).toLocaleString('en-US')} records/s, peak RSS ${(result.peakRssMiB as number).toFixed(0)} MiB [${wallS.toFixed(1)} s]`);
  } else {
    log(`  MISMATCH (${verify.firstMismatch}): no figure [${wallS.toFixed(1)} s]`);
  }
  return { step, result, verify, wallS };
}

/** The zen-engine mode with the higher verified records/s at the plan's choice N. */
function fasterZen(records: readonly WorkloadRecord[], n: number): 'zen-engine' | 'zen-engine-concurrent' | undefined {
  const zen = records.filter(r => r.step.n === n && r.step.approach.startsWith('zen-engine') && r.verify?.ok && r.result);
  zen.sort((a, b) => (b.result!.recordsPerSecond as number) - (a.result!.recordsPerSecond as number));
  return zen[0]?.step.approach as 'zen-engine' | 'zen-engine-concurrent' | undefined;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { plan } = args;
  const started = new Date();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-bench-'));
  const run: BenchRun = {
    plan: plan.name,
    machine: { node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memGiB: os.totalmem() / 2 ** 30 },
    startedAt: started.toISOString(), workload: [], seedScale: [],
  };
  if (args.sections.includes('workload')) {
    for (const step of plan.workload) run.workload.push(runWorkloadStep(step, outDir));
    const zen = fasterZen(run.workload, plan.zenChoiceN);
    if (plan.peersLargeN) {
      const n = plan.peersLargeN;
      run.workload.push(runWorkloadStep({ approach: 'json-rules-engine', n, warmups: 1, warmN: 10_000, reps: 1 }, outDir));
      if (zen) run.workload.push(runWorkloadStep({ approach: zen, n, warmups: 1, warmN: 10_000, reps: 1 }, outDir));
    }
    run.triggerCounts = triggersByN;
    truthCache = undefined;
  }
  if (args.sections.includes('parse-check')) {
    const p = plan.parseCheck;
    log(`· parse+check of a ${p.lines}-line rule file…`);
    const { result, error } = runChild(['parse-check', '--lines', String(p.lines), '--warm', String(p.warmups), '--reps', String(p.reps)]);
    run.parseCheck = result ?? { error };
    log(result ? `  median ${(result.medianMs as number).toFixed(1)} ms, valid=${String(result.valid)}` : `  FAILED: ${error}`);
  }
  if (args.sections.includes('seed-scale')) {
    for (const s of plan.seedScale) {
      log(`· 2015 rule set over ${s.cadreYears} cadre-years per year, three years of history…`);
      const { result, error, wallS } = runChild(['seed-scale', '--cadre-years', String(s.cadreYears), '--warm', String(s.warmups), '--reps', String(s.reps)]);
      run.seedScale.push(result ?? { cadreYears: s.cadreYears, error });
      log(result ? `  ${Math.round(result.recordsPerSecond as number).toLocaleString('en-US')} cadre-years/s, peak RSS ${(result.peakRssMiB as number).toFixed(0)} MiB [${wallS.toFixed(1)} s]` : `  FAILED: ${error}`);
    }
  }
  run.finishedAt = new Date().toISOString();
  fs.rmSync(outDir, { recursive: true, force: true });
  process.stdout.write(formatReport(run));
  if (args.save) fs.writeFileSync(args.save, JSON.stringify(run, null, 1) + '\n');
}

await main();
