// Decimal semantics at their boundaries: rounding half away from zero, comparisons, floor/ceil, quotas, weights.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ceilDecimal, decEq, decLe, decLt, decNe, floorDecimal, parseScaled, presentNumber, quotaCount,
  roundDecimal, scaledWeights, snap, weightedSum,
} from './decimal.ts';

describe('roundDecimal', () => {
  it('rounds the decimal value half away from zero', () => {
    expect(roundDecimal(59.995, 2)).toBe(60);
    expect(roundDecimal(1.005, 2)).toBe(1.01);
    expect(roundDecimal(1.004999, 2)).toBe(1);
    expect(roundDecimal(-1.005, 2)).toBe(-1.01);
    expect(roundDecimal(2.5, 0)).toBe(3);
    expect(roundDecimal(-2.5, 0)).toBe(-3);
    expect(roundDecimal(0.125, 2)).toBe(0.13);
    expect(roundDecimal(8.345, 2)).toBe(8.35);
    expect(roundDecimal(1.45, 1)).toBe(1.5);
    expect(roundDecimal(0.0049, 2)).toBe(0);
    expect(Object.is(roundDecimal(-0.001, 2), 0)).toBe(true);
    expect(roundDecimal(123456.785, 2)).toBe(123456.79);
  });
  it('rounds a binary tail the way the decimal reads', () => {
    expect(roundDecimal(0.1 + 0.2, 1)).toBe(0.3);
    // 88.75 reached through binary arithmetic with a tail below .75
    const x = 85.5 * 0.3 + 90.25 * 0.7;
    expect(roundDecimal(x, 1)).toBe(88.8);
  });
  it('agrees with rounding the 15-digit decimal string, near halves too', () => {
    const byString = (x: number, d: number) => {
      const [int, frac = ''] = Math.abs(x).toPrecision(15).split('.');
      const digits = (int + frac.padEnd(d + 1, '0').slice(0, d + 1));
      const q = Math.floor(Number(digits) / 10) + (Number(digits.slice(-1)) >= 5 ? 1 : 0);
      const v = q / 10 ** d;
      return v === 0 ? 0 : x < 0 ? -v : v;
    };
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999999 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), (m, d, tail) => {
      // values at, just under and just over a half, computed through binary arithmetic
      const x = (m * 10 + 5) / 10 ** (d + 1) + [0, 1e-9, -1e-9][tail];
      const y = x * 0.3 / 0.3;
      for (const v of [x, y, -x]) if (Math.abs(v) < 1e9) expect(roundDecimal(v, d)).toBe(byString(v, d));
    }));
  });
  it('keeps missing missing', () => {
    expect(roundDecimal(NaN, 2)).toBeNaN();
  });
  it('agrees with exact decimal rounding of 15-digit values', () => {
    fc.assert(fc.property(fc.integer({ min: -99999999, max: 99999999 }), fc.integer({ min: 0, max: 4 }), (m, d) => {
      // m / 10^(d+1) has exactly d+1 decimals; the last digit decides.
      const x = m / 10 ** (d + 1);
      const last = Math.abs(m) % 10;
      const q = Math.floor(Math.abs(m) / 10) + (last >= 5 ? 1 : 0);
      const want = (m < 0 ? -q : q) / 10 ** d;
      expect(roundDecimal(x, d)).toBe(want === 0 ? 0 : want);
    }));
  });
});

describe('comparisons', () => {
  it('compare decimal values', () => {
    expect(decEq(0.1 + 0.2, 0.3)).toBe(true);
    expect(decLe(0.3, 0.1 + 0.2)).toBe(true);
    expect(decLt(0.1 + 0.2, 0.3)).toBe(false);
    expect(decLt(0.3, 0.30000000001)).toBe(true);
    expect(decEq(60, 60)).toBe(true);
    expect(decLt(59.99, 60)).toBe(true);
  });
  it('are false with missing', () => {
    for (const f of [decEq, decLt, decLe, decNe]) {
      expect(f(NaN, 1)).toBe(false);
      expect(f(1, NaN)).toBe(false);
      expect(f(NaN, NaN)).toBe(false);
    }
    expect(decNe(1, 2)).toBe(true);
  });
  it('are consistent with snapped doubles', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), (a, b) => {
      expect(decLt(a, b)).toBe(snap(a) < snap(b));
      expect(decLe(a, b)).toBe(snap(a) <= snap(b));
      expect(decEq(a, b)).toBe(snap(a) === snap(b));
    }));
  });
});

describe('floor and ceil', () => {
  it('use the decimal value', () => {
    expect(floorDecimal((1.15 - 1) / 0.05)).toBe(3);
    expect(ceilDecimal(10 * 0.3)).toBe(3);
    expect(floorDecimal(2.7)).toBe(2);
    expect(ceilDecimal(2.1)).toBe(3);
    expect(floorDecimal(-0.5)).toBe(-1);
    expect(ceilDecimal(-0.5)).toBe(0);
  });
});

describe('quotaCount', () => {
  it('rounds the share of a pool as stated', () => {
    expect(quotaCount(10, 0.3, 'up')).toBe(3);
    expect(quotaCount(5, 0.3, 'up')).toBe(2);
    expect(quotaCount(5, 0.3, 'down')).toBe(1);
    expect(quotaCount(5, 0.3, 'nearest')).toBe(2);
    expect(quotaCount(7, 0.15, 'nearest')).toBe(1);
    expect(quotaCount(20, 0.15, 'down')).toBe(3);
    expect(quotaCount(0, 0.15, 'up')).toBe(0);
    expect(quotaCount(3, 2, 'up')).toBe(3);
  });
});

describe('weights', () => {
  it('parse literals exactly', () => {
    expect(parseScaled('8.34')).toEqual({ int: 834, scale: 2 });
    expect(parseScaled('-5')).toEqual({ int: -5, scale: 0 });
    expect(parseScaled('30')).toEqual({ int: 30, scale: 0 });
  });
  it('sum as by hand', () => {
    const { weights, divisor } = scaledWeights(['30', '70']);
    expect(weightedSum([85.1, 90], weights, divisor)).toBe(88.53);
    const w2 = scaledWeights(['12.5', '87.5']);
    expect(w2).toEqual({ weights: [125, 875], divisor: 1000 });
    expect(weightedSum([80, 60], w2.weights, w2.divisor)).toBe(62.5);
  });
  it('skip 0% items and propagate missing otherwise', () => {
    const { weights, divisor } = scaledWeights(['0', '100']);
    expect(weightedSum([NaN, 70], weights, divisor)).toBe(70);
    const w = scaledWeights(['50', '50']);
    expect(weightedSum([NaN, 70], w.weights, w.divisor)).toBeNaN();
  });
});

describe('presentNumber', () => {
  it('presents decimals, no negative zero, missing as null', () => {
    expect(presentNumber(0.1 + 0.2)).toBe(0.3);
    expect(Object.is(presentNumber(-0), 0)).toBe(true);
    expect(presentNumber(NaN)).toBeNull();
    expect(presentNumber(42)).toBe(42);
  });
});
