// The reference workload of the benchmark: its 43 inputs, its weights, and a seeded generator of its data as columns.
// Every approach (Kaoping, the peers, the verifier) reads its constants from here, so all compute the same thing.

/** Peer groups (leadership teams) the records are ranked within. */
export const TEAM_COUNT = 300;

/** The three township classes; members of the enum `乡镇类别` in the workload's rules. */
export const CLASSES = ['经济型', '生态型', '复合型'] as const;

/** The year the workload's rule set and dataset are written for. */
export const WORKLOAD_YEAR = 2015;

export type DimName = 'dimA' | 'dimB' | 'dimC';

export interface Deduction {
  /** A count input (d1..d3). */
  readonly input: 'd1' | 'd2' | 'd3';
  /** Points deducted per occurrence. */
  readonly points: number;
}

export interface DimensionSpec {
  readonly name: DimName;
  /** Its indicators are `${prefix}1 .. ${prefix}${count}`. */
  readonly prefix: 'a' | 'b' | 'c';
  readonly count: number;
  /** Subtracted from the weighted sum in this order, before flooring at 0. */
  readonly deductions: readonly Deduction[];
}

export const DIMENSIONS: readonly DimensionSpec[] = [
  { name: 'dimA', prefix: 'a', count: 12, deductions: [{ input: 'd1', points: 2 }] },
  { name: 'dimB', prefix: 'b', count: 12, deductions: [{ input: 'd2', points: 1.5 }, { input: 'd1', points: 0.5 }] },
  { name: 'dimC', prefix: 'c', count: 10, deductions: [{ input: 'd3', points: 5 }] },
];

/** Indicator names of one dimension, in weight order. */
export function indicatorsOf(dim: DimensionSpec): string[] {
  return Array.from({ length: dim.count }, (_, k) => `${dim.prefix}${k + 1}`);
}

/** Every indicator input, a1..a12 b1..b12 c1..c10. */
export const INDICATORS: readonly string[] = DIMENSIONS.flatMap(indicatorsOf);

/** The numeric inputs, in column order (category and team are codes and come first). */
export const NUMBER_INPUTS: readonly string[] = ['prev_pct', ...INDICATORS, 'd1', 'd2', 'd3', 's1', 's2', 's3'];

/** category + team + the numeric inputs. */
export const INPUT_COUNT = 2 + NUMBER_INPUTS.length;

/** The six sources of the composite and their weights in basis points (1 bp = 0.01%). */
export const COMPOSITE_SOURCES: readonly { readonly name: string; readonly bp: number }[] = [
  { name: 'dimA', bp: 3000 },
  { name: 'dimB', bp: 2500 },
  { name: 'dimC', bp: 1500 },
  { name: 's1', bp: 1000 },
  { name: 's2', bp: 1000 },
  { name: 's3', bp: 1000 },
];

/** Trigger thresholds: X (bottom of the team this year and last), Y (low composite), Z (events and low dimC). */
export const TRIGGER = { pct: 0.9, prevPct: 0.9, composite: 60, d3: 2, dimC: 70 } as const;

/** Trigger names in the order of their flag bits (X = 1, Y = 2, Z = 4). */
export const TRIGGER_NAMES = ['X', 'Y', 'Z'] as const;

/** A weight in basis points as the fraction every approach multiplies by. */
export function bpToFraction(bp: number): number {
  return bp / 10000;
}

/**
 * Seeded PRNG: xoshiro128** with its state filled by splitmix32 from one seed.
 * Returns uniform doubles in [0, 1) with 32 random bits.
 */
export function makeRandom(seed: number): () => number {
  let x = seed >>> 0;
  const split = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = split(), s1 = split(), s2 = split(), s3 = split();
  return () => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return r / 4294967296;
  };
}

function rotl(v: number, k: number): number {
  return (v << k) | (v >>> (32 - k));
}

/**
 * Per-dimension, per-class weights in basis points. Each row sums to exactly 10000 (100%):
 * proportional shares are floored and the remainder goes to the largest fractional parts,
 * lowest index first on equal parts, so the rules' checker accepts every row.
 */
export const WEIGHTS_BP: Readonly<Record<DimName, readonly (readonly number[])[]>> = (() => {
  const random = makeRandom(7);
  const table = {} as Record<DimName, number[][]>;
  for (const dim of DIMENSIONS) {
    table[dim.name] = CLASSES.map(() => {
      const raw = Array.from({ length: dim.count }, () => 0.5 + random());
      const total = raw.reduce((s, v) => s + v, 0);
      const exact = raw.map(v => (v / total) * 10000);
      const bp = exact.map(Math.floor);
      const order = exact.map((v, k) => k).sort((i, j) => (exact[j] - bp[j]) - (exact[i] - bp[i]) || i - j);
      let rest = 10000 - bp.reduce((s, v) => s + v, 0);
      for (let k = 0; rest > 0; k++, rest--) bp[order[k]]++;
      return bp;
    });
  }
  return table;
})();

/** The workload's data as columns: codes for category and team, a Float64Array per numeric input. */
export interface WorkloadColumns {
  readonly n: number;
  /** Class code 0..2 of each record (the class of its team). */
  readonly category: Int32Array;
  /** Team code 0..TEAM_COUNT-1. */
  readonly team: Int32Array;
  /** Numeric inputs by name (see NUMBER_INPUTS). */
  readonly numbers: Readonly<Record<string, Float64Array>>;
}

/** Record ids: zero-padded so that code-point order equals index order. */
export function recordId(i: number): string {
  return 'P' + String(i).padStart(7, '0');
}

/** Team labels as the group column shows them. */
export function teamLabel(t: number): string {
  return 'T' + String(t).padStart(3, '0');
}

/**
 * Generates N records, deterministically from the seed. Each record draws an ability that
 * drives its indicators, sources and last year's percentile, so ranks and triggers are realistic.
 */
export function generateWorkload(n: number, seed = 2015): WorkloadColumns {
  const random = makeRandom(seed);
  const classOfTeam = Int32Array.from({ length: TEAM_COUNT }, () => Math.floor(random() * CLASSES.length));
  const category = new Int32Array(n);
  const team = new Int32Array(n);
  const numbers: Record<string, Float64Array> = {};
  for (const name of NUMBER_INPUTS) numbers[name] = new Float64Array(n);
  const indicatorColumns = INDICATORS.map(name => numbers[name]);
  const { prev_pct, d1, d2, d3, s1, s2, s3 } = numbers;
  const count = (trials: number, p: number): number => {
    let c = 0;
    for (let k = 0; k < trials; k++) if (random() < p) c++;
    return c;
  };
  for (let i = 0; i < n; i++) {
    const t = Math.floor(random() * TEAM_COUNT);
    team[i] = t;
    category[i] = classOfTeam[t];
    const ability = random();
    for (const column of indicatorColumns) column[i] = 52 + 40 * ability + 8 * random();
    d1[i] = count(4, 0.2);
    d2[i] = count(3, 0.25);
    d3[i] = count(4, 0.12);
    s1[i] = 48 + 42 * ability + 10 * random();
    s2[i] = 48 + 42 * ability + 10 * random();
    s3[i] = 48 + 42 * ability + 10 * random();
    const prev = 1 - ability + 0.25 * (random() - 0.5);
    prev_pct[i] = prev < 0 ? 0 : prev > 0.999 ? 0.999 : prev;
  }
  return { n, category, team, numbers };
}
