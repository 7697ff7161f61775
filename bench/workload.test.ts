// The workload's data and rule file: exact weights, deterministic columns, the committed .kp in step with its generator.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCheckSource } from './parse-check-source.ts';
import { percentText, workloadRules } from './workload/workload-kp.ts';
import { CLASSES, DIMENSIONS, generateWorkload, INPUT_COUNT, NUMBER_INPUTS, recordId, WEIGHTS_BP } from './workload/spec.ts';

describe('workload spec', () => {
  it('has 43 inputs', () => {
    expect(INPUT_COUNT).toBe(43);
    expect(new Set(NUMBER_INPUTS).size).toBe(NUMBER_INPUTS.length);
  });

  it('every weights row sums to exactly 100.00%', () => {
    for (const dim of DIMENSIONS) {
      expect(WEIGHTS_BP[dim.name]).toHaveLength(CLASSES.length);
      for (const row of WEIGHTS_BP[dim.name]) {
        expect(row).toHaveLength(dim.count);
        expect(row.reduce((s, w) => s + w, 0)).toBe(10000);
        for (const w of row) expect(Number.isInteger(w) && w > 0).toBe(true);
      }
    }
  });

  it('generates the same columns for the same seed, other columns for another', () => {
    const a = generateWorkload(500), b = generateWorkload(500), c = generateWorkload(500, 1);
    expect(Array.from(a.numbers.a7)).toEqual(Array.from(b.numbers.a7));
    expect(Array.from(a.team)).toEqual(Array.from(b.team));
    expect(Array.from(a.numbers.a7)).not.toEqual(Array.from(c.numbers.a7));
  });

  it('keeps inputs inside their declared ranges and a team inside one class', () => {
    const d = generateWorkload(3000);
    const outside = NUMBER_INPUTS.filter(name => d.numbers[name].some(v => !(v >= 0 && v <= 100)));
    expect(outside).toEqual([]);
    const classOf = new Map<number, number>();
    for (let i = 0; i < d.n; i++) {
      expect(classOf.get(d.team[i]) ?? d.category[i]).toBe(d.category[i]);
      classOf.set(d.team[i], d.category[i]);
    }
  });

  it('record ids sort by code point in index order', () => {
    const ids = [0, 9, 10, 99, 100, 123456, 9999999].map(recordId);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('workload rule file', () => {
  it('bench/workload/workload.kp is the generator output', () => {
    const committed = fs.readFileSync(new URL('./workload/workload.kp', import.meta.url), 'utf8');
    expect(committed).toBe(workloadRules());
  });

  it('writes weights as two-decimal percentages', () => {
    expect(percentText(834)).toBe('8.34%');
    expect(percentText(1110)).toBe('11.10%');
    expect(percentText(5)).toBe('0.05%');
    expect(percentText(3000)).toBe('30%');
  });
});

describe('parse+check source', () => {
  it('has exactly the asked number of lines', () => {
    for (const lines of [200, 5000]) expect(parseCheckSource(lines).split('\n').length - 1).toBe(lines);
  });
});
