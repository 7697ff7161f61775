// The report's figures, from real evaluation: each of rules/2013–2015.kp is parsed, checked, compiled
// and evaluated on the committed seed data; the counts are taken from the results.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { analyze } from '../engine/pipeline.ts';
import { compile, type CompiledRuleSet } from '../engine/compile.ts';
import { evaluate } from '../engine/evaluate.ts';
import { explain, type Explanation } from '../engine/explain.ts';
import type { Dataset } from '../engine/dataset.ts';
import type { YearResult } from '../engine/result.ts';
import { hasErrors } from '../grammar/diagnostic.ts';
import { processIo } from '../cli/io.ts';
import { loadRules } from '../cli/load-rules.ts';
import { loadDatasetFolder } from '../cli/load-dataset.ts';
import { buildSeed, type SeedData } from '../seeds/build.ts';
import { datasetFiles } from '../seeds/write-csv.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SEEDS = path.join(ROOT, 'seeds', 'quzhou');

interface Evaluated {
  readonly compiled: CompiledRuleSet;
  readonly dataset: Dataset;
  readonly result: YearResult;
}

/** parse → check → compile → evaluate, as `kaoping eval` does, for one year with that year's rules. */
function evaluateYear(year: number): Evaluated {
  const rules = loadRules(path.join(ROOT, 'rules', `${year}.kp`), processIo);
  const analysis = analyze(rules.text, { path: rules.path, loadBase: rules.loadBase });
  expect(analysis.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
  const load = loadDatasetFolder(SEEDS, analysis.model, processIo, { year });
  expect(load.result.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
  const compiled = compile(analysis.model);
  const evaluation = evaluate(compiled, load.result.dataset!, year);
  expect(hasErrors(evaluation.diagnostics)).toBe(false);
  return { compiled, dataset: load.result.dataset!, result: evaluation.toYearResult() };
}

function collect(node: Explanation, out: Explanation[] = []): Explanation[] {
  out.push(node);
  for (const c of node.children) collect(c, out);
  return out;
}

describe('the report\'s figures, evaluated on the seed data', () => {
  const years = new Map<number, Evaluated>();
  let seed: SeedData;
  beforeAll(() => {
    for (const y of [2013, 2014, 2015]) years.set(y, evaluateYear(y));
    seed = buildSeed();
  });

  it('147 cadre-years with a disposition, 38 transferred, 53 demoted or removed', () => {
    let handled = 0;
    let transferred = 0;
    let demotedOrRemoved = 0;
    for (const { result } of years.values()) {
      for (const r of result.results) {
        if (r.dispositions.length > 0) handled++;
        if (r.decision === '调离岗位') transferred++;
        if (r.decision === '降职' || r.decision === '免职') demotedOrRemoved++;
      }
    }
    expect({ handled, transferred, demotedOrRemoved }).toEqual({ handled: 147, transferred: 38, demotedOrRemoved: 53 });
  });

  it('about 3,000 cadres a year in six county-level areas and 104 townships', () => {
    for (const { result } of years.values()) {
      expect(result.results.length).toBeGreaterThan(2900);
      expect(result.results.length).toBeLessThan(3200);
      expect(result.units.filter(u => u.unitKind === '乡镇').length).toBe(104);
    }
  });

  it('叶某 is removed in 2014 for ranking near the bottom in 2012 and 2013 and last in 2014', () => {
    const { compiled, dataset, result } = years.get(2014)!;
    const ye = result.results.filter(r => r.name === '叶某');
    expect(ye.length).toBe(1);
    expect(ye[0].decision).toBe('免职');
    expect(ye[0].values.班子排名).toBe(10);
    const tree = explain(compiled, dataset, 2014, { cadre: ye[0].id, value: '免职' });
    const ranks = collect(tree).filter(n => n.label.startsWith('班子排名'));
    const byYear = new Map(ranks.map(n => [n.year ?? 2014, n.value]));
    // The three years' team ranks behind the removal, each in a team of ten.
    expect([...byYear.keys()].sort()).toEqual([2012, 2013, 2014]);
    expect(byYear.get(2014)).toBe(10);
    expect(Number(byYear.get(2012))).toBeGreaterThanOrEqual(8);
    expect(Number(byYear.get(2013))).toBeGreaterThanOrEqual(8);
    expect(Number(byYear.get(2012))).toBeLessThan(10);
    expect(Number(byYear.get(2013))).toBeLessThan(10);
  });

  it('every cadre\'s decision is the one the generator planned (rules and plan agree cadre by cadre)', () => {
    for (const [y, { result }] of years) {
      const planned = seed.plan.cases.get(y)!;
      const got = new Map(result.results.filter(r => r.decision).map(r => [r.id, r.decision]));
      const want = new Map([...planned.values()].map(c => [c.id, c.decision]));
      expect(got).toEqual(want);
    }
  });

  it('regenerating the seed data gives byte-identical files', () => {
    const files = datasetFiles(seed);
    for (const [rel, text] of files) {
      expect(fs.readFileSync(path.join(SEEDS, rel), 'utf8'), rel).toBe(text);
    }
    const onDisk = fs.readdirSync(SEEDS, { recursive: true, withFileTypes: true })
      .filter(e => e.isFile()).map(e => path.relative(SEEDS, path.join(e.parentPath, e.name))).sort();
    expect(onDisk).toEqual([...files.keys()].sort());
  });
});
