// Large synthetic datasets: built in memory for rules/2015.kp, deterministic, and writable as a
// dataset folder that the loader reads back to the same evaluation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { analyze } from '../engine/pipeline.ts';
import { compile, type CompiledRuleSet } from '../engine/compile.ts';
import { evaluate } from '../engine/evaluate.ts';
import type { RuleSetModel } from '../engine/model.ts';
import { hasErrors } from '../grammar/diagnostic.ts';
import { processIo } from '../cli/io.ts';
import { loadRules } from '../cli/load-rules.ts';
import { loadDatasetFolder } from '../cli/load-dataset.ts';
import { generateLargeDataset, LARGE_BOOL_COLUMNS, LARGE_PERCENT_COLUMNS } from './large.ts';
import { writeColumnarDataset } from './write-columnar.ts';

const RULES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'rules', '2015.kp');

describe('generateLargeDataset', () => {
  let model: RuleSetModel;
  let compiled: CompiledRuleSet;
  beforeAll(() => {
    const r = loadRules(RULES, processIo);
    const a = analyze(r.text, { path: r.path, loadBase: r.loadBase });
    model = a.model;
    compiled = compile(model);
  });

  it('has every input of rules/2015.kp, and the 2015 rules evaluate it', () => {
    const { dataset } = generateLargeDataset({ cadres: 3000, seed: 5 });
    expect(dataset.years.map(y => y.year)).toEqual([2012, 2013, 2014, 2015]);
    const cols = dataset.years[3].cadres.columns;
    for (const input of model.cadre.inputs) {
      if (input.type.kind !== 'rows') expect(cols.has(input.name), input.name).toBe(true);
    }
    for (const t of model.cadre.tables) expect(dataset.years[3].rows.has(t.name), t.name).toBe(true);
    const ev = evaluate(compiled, dataset, 2015);
    expect(hasErrors(ev.diagnostics)).toBe(false);
    const result = ev.toYearResult();
    expect(result.results.length).toBe(3000);
    const handled = result.results.filter(r => r.dispositions.length > 0).length;
    expect(handled).toBeGreaterThan(0);
    expect(handled).toBeLessThan(3000);
  });

  it('is the same for the same seed', () => {
    const a = generateLargeDataset({ cadres: 500, years: [2014, 2015], seed: 9 }).dataset;
    const b = generateLargeDataset({ cadres: 500, years: [2014, 2015], seed: 9 }).dataset;
    const col = (d: typeof a) => d.years[1].cadres.columns.get('民主测评');
    expect(col(a)).toEqual(col(b));
    expect(a.years[1].rows.get('效情形')!.owner).toEqual(b.years[1].rows.get('效情形')!.owner);
  });

  it('written as a folder, loads back to the same results', () => {
    const { dataset } = generateLargeDataset({ cadres: 400, years: [2014, 2015], seed: 3 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-large-'));
    try {
      writeColumnarDataset(dataset, dir, { bools: LARGE_BOOL_COLUMNS, percents: LARGE_PERCENT_COLUMNS, owners: new Map([['否决事项', '乡镇']]) });
      const load = loadDatasetFolder(dir, model, processIo, { year: 2015 });
      expect(load.result.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
      const fromFiles = evaluate(compiled, load.result.dataset!, 2015).toYearResult();
      const inMemory = evaluate(compiled, dataset, 2015).toYearResult();
      expect(fromFiles.results.map(r => [r.id, r.decision, r.values.年度得分]))
        .toEqual(inMemory.results.map(r => [r.id, r.decision, r.values.年度得分]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
