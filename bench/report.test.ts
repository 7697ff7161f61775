// The report counts a figure only when its outputs were verified, takes ratios within one N, and says NO for a missed target.
import { describe, expect, it } from 'vitest';
import { formatReport, ratios, type BenchRun, type WorkloadRecord } from './report.ts';
import type { ApproachId } from './approaches.ts';

function record(approach: ApproachId, n: number, recordsPerSecond: number, ok = true): WorkloadRecord {
  return {
    step: { approach, n, warmups: 1, reps: 3 },
    result: { recordsPerSecond, medianMs: (n / recordsPerSecond) * 1000, phaseMedianMs: { evaluate: 1 }, peakRssMiB: 500, rssAfterLoadMiB: 400 },
    verify: { ok, maxAbsDiff: 0, scoreMismatches: ok ? 0 : 1, rankMismatches: 0, flagMismatches: 0, bitIdentical: ok, firstMismatch: ok ? undefined : 'record 3 dimA: expected 1, got 2' },
    wallS: 1,
  };
}

function run(workload: WorkloadRecord[]): BenchRun {
  return {
    plan: 'full', machine: { node: 'v20', cpu: 'cpu', cores: 2, memGiB: 8 }, startedAt: 'start', finishedAt: 'end',
    workload, seedScale: [], parseCheck: { valid: true, medianMs: 80, lines: 5000, chars: 1, definitions: 1, errors: 0, warnings: 0, reps: 3, warmups: 1, parseMedianMs: 50, coldMs: 100, afterFullGcMedianMs: 120 },
  };
}

describe('benchmark report', () => {
  it('divides Kaoping by each verified approach at the same N only', () => {
    const r = run([
      record('kaoping', 100_000, 4e6), record('json-rules-engine', 100_000, 1e4), record('zen-engine', 1_000_000, 1e4),
      record('kaoping', 1_000_000, 3.8e6), record('zen-engine-concurrent', 100_000, 2e4, false),
    ]);
    expect(ratios(r)).toEqual([
      { n: 100_000, peer: 'json-rules-engine', ratio: 400 },
      { n: 1_000_000, peer: 'zen-engine', ratio: 380 },
    ]);
  });

  it('prints no figure for an approach whose outputs differ, and names the difference', () => {
    const text = formatReport(run([record('kaoping', 1_000_000, 5e6, false)]));
    expect(text).toContain('MISMATCH: record 3 dimA: expected 1, got 2 — figure does not count');
    expect(text).not.toContain('5.00 M');
    expect(text).toMatch(/≥ 3\.7 M records\/s \(Kaoping\) \| — \| not measured/);
  });

  it('marks targets met and missed from the measured figures', () => {
    const text = formatReport(run([record('kaoping', 1_000_000, 3.0e6), record('json-rules-engine', 1_000_000, 1e4)]));
    expect(text).toMatch(/≥ 3\.7 M records\/s \(Kaoping, largest N = 1,000,000\) \| 3\.00 M \| NO/);
    // Ratio targets are against the reference figures (3.0 M ÷ 16.1 k = 186×), this run's ratio beside them.
    expect(text).toContain('| ≥ 230× json-rules-engine (its 16.1 k records/s at 1M in the reference figures) | 186×; in this run 300× at N=1,000,000 (vs json-rules-engine) | NO |');
    expect(text).toContain('| ≥ 420× zen-engine (its 8.8 k records/s at 1M in the reference figures) | 341×; not run here | NO |');
    expect(text).toMatch(/parse\+check of 5000 lines < 100 ms \| 80\.0 ms \| yes/);
  });
});
