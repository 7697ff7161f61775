// Decimal-faithful number semantics: comparisons, rounding, floor/ceil and quota counts are all
// decided on a value's 15-significant-digit decimal form, so results match a person computing in decimal.
//
// Why 15 digits: a double carries 15 significant decimal digits faithfully (every 15-digit decimal
// survives the trip through a double and back), so `x.toPrecision(15)` recovers the decimal a person
// meant when binary arithmetic left a tail (0.1 + 0.2 → 0.300000000000000). Each operation below has a
// fast path that decides without strings whenever the value is clearly away from a decision boundary;
// only values within 1e-13 (relative) of a boundary take the exact string path.

const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Relative distance beyond which the raw double and its 15-digit decimal cannot disagree. */
const TOL = 1e-13;

/** The double nearest to x's 15-significant-digit decimal form. Missing (NaN) stays missing. */
export function snap(x: number): number {
  if (x !== x || x === 0 || !Number.isFinite(x)) return x === 0 ? 0 : x;
  return Number(x.toPrecision(15));
}

/** a < b on decimal values; false when either is missing. */
export function decLt(a: number, b: number): boolean {
  if (!(a < b)) return false;
  if (b - a > TOL * (Math.abs(a) + Math.abs(b))) return true;
  return snap(a) < snap(b);
}

/** a <= b on decimal values; false when either is missing. */
export function decLe(a: number, b: number): boolean {
  if (a <= b) return true;
  if (!(a > b)) return false;
  if (a - b > TOL * (Math.abs(a) + Math.abs(b))) return false;
  return snap(a) === snap(b);
}

/** a == b on decimal values; false when either is missing. */
export function decEq(a: number, b: number): boolean {
  if (a === b) return true;
  const d = a - b;
  if (!(Math.abs(d) <= TOL * (Math.abs(a) + Math.abs(b)))) return false;
  return snap(a) === snap(b);
}

/** a != b on decimal values; false when either is missing (a comparison with missing is false). */
export function decNe(a: number, b: number): boolean {
  return a === a && b === b && !decEq(a, b);
}

/** Three-way comparison of two present numbers on their decimal values. */
export function decCompare(a: number, b: number): number {
  return decEq(a, b) ? 0 : a < b ? -1 : 1;
}

/** The 15 significant digits and decimal exponent of a positive finite x: x ≈ digits × 10^(exp − 14). */
function decimalDigits(x: number): { digits: string; exp: number } {
  const s = x.toExponential(14); // "d.dddddddddddddde±x"
  const e = s.indexOf('e');
  return { digits: s[0] + s.slice(2, e), exp: Number(s.slice(e + 1)) };
}

/** round(|x| × 10^d) half up, on the decimal digits of |x|. */
function roundScaledSlow(a: number, d: number): number {
  const { digits, exp } = decimalDigits(a);
  const keep = 15 + exp - 14 + d; // digits that stay left of the rounding point
  if (keep >= 15) return Number(digits) * POW10[keep - 15];
  if (keep < 0) return 0;
  const kept = keep === 0 ? 0 : Number(digits.slice(0, keep));
  return kept + (digits.charCodeAt(keep) >= 53 /* '5' */ ? 1 : 0);
}

/**
 * round(|x| × 10^d) half up when |x| × 10^d is within 1e-13 of a half. The usual case is an exact
 * half (12.975 to 2 places): then z = |x| × 10^(d+1) lies within about 2.2e-16 (relative) of an integer
 * zr of at most 15 digits. Accepting only |z − zr| ≤ 2.5e-16·z keeps |x| within 3.6e-16 of zr / 10^(d+1),
 * closer than half the 1e-15 spacing of 15-digit decimals, so zr is exactly |x|'s 15-digit decimal.
 * Anything else reads the digits from the string.
 */
function roundNearHalf(a: number, d: number): number {
  const z = a * POW10[d + 1];
  if (d + 1 < POW10.length && z < 1e15) {
    const zr = Math.round(z);
    if (Math.abs(z - zr) <= 2.5e-16 * z) return Math.floor(zr / 10) + (zr % 10 >= 5 ? 1 : 0);
  }
  return roundScaledSlow(a, d);
}

/**
 * `round d`: the decimal value of x rounded to d places, half away from zero
 * (59.995 → 60.00, 1.005 → 1.01, −2.5 → −3). Missing stays missing.
 */
export function roundDecimal(x: number, d: number): number {
  if (!(d >= 0 && d <= 15 && Number.isInteger(d))) throw new Error(`round: digits out of range: ${d}`);
  if (x !== x || !Number.isFinite(x)) return x;
  const a = Math.abs(x);
  const p = POW10[d];
  const y = a * p;
  if (!(y < 4503599627370496)) return x; // ≥ 2^52: already integral at this scale
  const f = Math.floor(y);
  const fr = y - f;
  const tol = TOL * y;
  let r: number;
  if (fr > 0.5 + tol) r = f + 1;
  else if (fr < 0.5 - tol) r = f;
  else r = roundNearHalf(a, d);
  const v = r / p;
  return v === 0 ? 0 : x < 0 ? -v : v;
}

/** Floor of x's decimal value: floor((115% − 100%) / 5%) is 3, not 2. */
export function floorDecimal(x: number): number {
  if (x !== x || !Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const fr = x - f;
  const tol = TOL * Math.abs(x);
  if (fr === 0) return f === 0 ? 0 : f;
  const r = fr > tol && fr < 1 - tol ? f : Math.floor(snap(x));
  return r === 0 ? 0 : r;
}

/** Ceiling of x's decimal value: ceil(10 × 30%) is 3, not 4. */
export function ceilDecimal(x: number): number {
  if (x !== x || !Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const fr = x - f;
  const tol = TOL * Math.abs(x);
  if (fr === 0) return f === 0 ? 0 : f;
  const r = fr > tol && fr < 1 - tol ? f + 1 : Math.ceil(snap(x));
  return r === 0 ? 0 : r;
}

export type QuotaRounding = 'down' | 'up' | 'nearest';

/** How many of n a share allows, rounded as stated (decimal-exact: 10 × 30% is exactly 3), within 0..n. */
export function quotaCount(n: number, share: number, rounding: QuotaRounding): number {
  const y = n * share;
  const c = rounding === 'down' ? floorDecimal(y) : rounding === 'up' ? ceilDecimal(y) : roundDecimal(y, 0);
  if (!(c > 0)) return 0;
  return c > n ? n : c;
}

/** An exact decimal written as digits: value = int / 10^scale. */
export interface ScaledInt {
  readonly int: number;
  readonly scale: number;
}

/** Parses a decimal literal as written ("8.34", "-5", "30") into an exact scaled integer. */
export function parseScaled(text: string): ScaledInt {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal literal: ${text}`);
  const frac = m[3] ?? '';
  const int = Number((m[2] || '0') + frac) * (m[1] === '-' ? -1 : 1);
  return { int: int === 0 ? 0 : int, scale: frac.length };
}

/**
 * Weights as written (percent texts such as "30", "8.34") → integers over one common divisor,
 * so Σ x·w is computed as (Σ x·W) / divisor: 85.1×30% + 90×70% = (2553 + 6300)/100 = 88.53 exactly
 * as by hand, instead of accumulating the binary error of 0.3 and 0.7.
 */
export function scaledWeights(percentTexts: readonly string[]): { weights: number[]; divisor: number } {
  const parsed = percentTexts.map(parseScaled);
  const scale = parsed.reduce((m, p) => Math.max(m, p.scale), 0);
  return {
    weights: parsed.map(p => p.int * POW10[scale - p.scale]),
    divisor: 100 * POW10[scale],
  };
}

/** Σ values[k]·weights[k] / divisor in written order, skipping 0% items ("not assessed on this"). */
export function weightedSum(values: readonly number[], weights: readonly number[], divisor: number): number {
  let s: number | undefined;
  for (let k = 0; k < values.length; k++) {
    if (weights[k] === 0) continue;
    const t = values[k] * weights[k];
    s = s === undefined ? t : s + t;
  }
  return (s ?? 0) / divisor;
}

/** A number as presented in results: its 15-digit decimal value, no negative zero; missing → null. */
export function presentNumber(x: number): number | null {
  if (x !== x) return null;
  if (x === 0) return 0;
  return Number.isInteger(x) ? x : snap(x);
}
