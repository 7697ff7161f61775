// The seed-scale benchmark's subject is sound at small N: rules/2015.kp checks, and over generated data the compiled evaluator equals the reference interpreter.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/evaluate.ts';
import { evaluateReference } from '../engine/reference.ts';
import { generateLargeDataset } from '../seeds/generate.ts';
import { compiledSeedRules, outcomeCounts, SEED_YEAR, SEED_YEARS } from './seed-scale.ts';

describe('2015 rule set over generated data, 300 cadres × 2012–2015', () => {
  const { compiled } = compiledSeedRules();
  const { dataset } = generateLargeDataset({ cadres: 300, years: SEED_YEARS });

  it('the compiled evaluator presents exactly what the reference interpreter does', () => {
    const fast = evaluate(compiled, dataset, SEED_YEAR);
    expect(fast.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    expect(fast.toYearResult()).toEqual(evaluateReference(compiled.model, dataset, SEED_YEAR));
  });

  it('the rules decide something on these data (the benchmark is not timing an empty outcome)', () => {
    const { decided } = outcomeCounts(evaluate(compiled, dataset, SEED_YEAR));
    expect(decided).toBeGreaterThan(0);
    expect(decided).toBeLessThan(300);
  });
});
