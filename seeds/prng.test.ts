// The seeded generator: same seed, same draws; named forks are independent of each other's use.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Prng, hashLabel, round1 } from './prng.ts';

describe('Prng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const seqA = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('gives a fork the same stream however much the parent was used', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    for (let i = 0; i < 100; i++) b.next();
    const fa = a.fork('team:2014');
    const fb = b.fork('team:2014');
    expect(Array.from({ length: 10 }, () => fa.next())).toEqual(Array.from({ length: 10 }, () => fb.next()));
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('keeps draws in range', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 30 }), (seed, lo, span) => {
      const p = new Prng(seed);
      for (let i = 0; i < 50; i++) {
        const n = p.int(lo, lo + span);
        if (n < lo || n > lo + span || !Number.isInteger(n)) return false;
        const u = p.uniform(lo, lo + span + 1);
        if (u < lo || u >= lo + span + 1) return false;
      }
      return true;
    }));
  });

  it('shuffles into a permutation and samples distinct items', () => {
    const p = new Prng(3);
    const items = Array.from({ length: 30 }, (_, i) => i);
    expect([...p.shuffle(items)].sort((x, y) => x - y)).toEqual(items);
    const s = p.sample(items, 10);
    expect(new Set(s).size).toBe(10);
  });

  it('draws roughly normal values around the mean', () => {
    const p = new Prng(11);
    const xs = Array.from({ length: 4000 }, () => p.normal(85, 4));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean - 85)).toBeLessThan(0.3);
    expect(Math.abs(sd - 4)).toBeLessThan(0.3);
  });

  it('hashes labels stably and rounds to one decimal half away from zero', () => {
    expect(hashLabel('')).toBe(0x811c9dc5);
    expect(hashLabel('叶某')).toBe(hashLabel('叶某'));
    expect(round1(0.25)).toBe(0.3);
    expect(round1(-0.25)).toBe(-0.3);
    expect(round1(80.04)).toBe(80);
  });
});
