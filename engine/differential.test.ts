// Differential tests: random rule sets × random data — the fast evaluator equals the reference interpreter
// on every value, disposition, decision, candidate and flag; shuffling the data changes nothing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { datasetOf, modelOf } from './testing/build.ts';
import { generateData, generateRules } from './testing/generate.ts';
import { compile } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { evaluateReference } from './reference.ts';

describe('fast evaluator = reference interpreter', () => {
  it('on random rule sets and random data', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (rs, ds) => {
      const rules = generateRules(rs);
      const model = modelOf(rules);
      const data = datasetOf(model, generateData(ds));
      const compiled = compile(model);
      for (const year of [2013, 2014]) {
        const fast = evaluate(compiled, data, year).toYearResult();
        const ref = evaluateReference(model, data, year);
        expect(fast, rules).toEqual(ref);
      }
    }), { numRuns: Number(process.env.KP_DIFF_RUNS ?? 60) });
  });
  it('exercises decisions, candidates, flags, grades and history (the generator is not trivial)', () => {
    const seen = { decision: 0, candidates: 0, flags: 0, grade: 0, history: 0 };
    for (let seed = 1; seed <= 30; seed++) {
      const model = modelOf(generateRules(seed));
      const r = evaluate(compile(model), datasetOf(model, generateData(seed)), 2014).toYearResult();
      for (const x of r.results) {
        if (x.decision) seen.decision++;
        if (x.candidates.length) seen.candidates++;
        if (x.flags.length) seen.flags++;
        if (x.values.等次 !== null) seen.grade++;
        if (x.values.上年 === true) seen.history++;
      }
    }
    for (const v of Object.values(seen)) expect(v).toBeGreaterThan(0);
  });
  it('gives the same results when every table is shuffled', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), rs => {
      const model = modelOf(generateRules(rs));
      const spec = generateData(rs);
      const shuffled = Object.fromEntries(Object.entries(spec).map(([y, s]) => [y, {
        cadres: [...s.cadres].reverse(),
        units: { 乡: [...(s.units?.乡 ?? [])].reverse() },
        rows: Object.fromEntries(Object.entries(s.rows ?? {}).map(([t, rows]) => [t, [...rows].reverse()])),
      }]));
      const compiled = compile(model);
      const a = JSON.stringify(evaluate(compiled, datasetOf(model, spec), 2014).toYearResult());
      const b = JSON.stringify(evaluate(compiled, datasetOf(model, shuffled), 2014).toYearResult());
      expect(b).toBe(a);
    }), { numRuns: 20 });
  });
});
