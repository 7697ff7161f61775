// The generator's catalogues and weights agree with the rule files, so the data it plans for is the
// data the rules read: 德 items by class, 效 situations and points, township indicators and weights.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as ast from '../grammar/ast.ts';
import { analyze } from '../engine/pipeline.ts';
import type { RuleSetModel } from '../engine/model.ts';
import { processIo } from '../cli/io.ts';
import { loadRules } from '../cli/load-rules.ts';
import {
  ABILITY_WEIGHTS, CHARACTERISTIC, COMMON_INDICATORS, ECO_DIFFICULTY, MORAL_CLASSES, POSTS, SITUATIONS, VETO_TYPES,
} from './catalogue.ts';
import { compositeWeights } from './mirror-scores.ts';

const RULES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'rules');

function model(year: number): RuleSetModel {
  const r = loadRules(path.join(RULES, `${year}.kp`), processIo);
  const a = analyze(r.text, { path: r.path, loadBase: r.loadBase });
  expect(a.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
  return a.model;
}

function computed(m: RuleSetModel, name: string, unitKind?: string) {
  const level = unitKind ? m.units.find(u => u.unitKind === unitKind)! : m.cadre;
  const c = level.computed.find(x => x.name === name);
  if (!c) throw new Error(`no definition ${name}`);
  return c.def;
}

/** Every name that appears inside `属于 { … }` sets of an expression. */
function setMembers(e: ast.Node): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    const node = n as { kind?: string };
    if (node.kind === 'InSet') {
      for (const x of (node as ast.InSet).set) if (x.kind === 'NameRef') out.push(x.name.name);
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'span') continue;
      if (Array.isArray(v)) v.forEach(walk);
      else walk(v);
    }
  };
  walk(e);
  return out;
}

function weightsRows(def: ast.Definition): Record<string, Record<string, number>> {
  if (def.kind !== 'WeightsDef') throw new Error('not a weights table');
  const out: Record<string, Record<string, number>> = {};
  for (const row of def.rows) {
    out[row.member.name] = Object.fromEntries(row.items.map(i => [(i.expr as ast.NameRef).name.name, i.weight.value]));
  }
  return out;
}

function weightedItems(def: ast.Definition): number[] {
  if (def.kind !== 'ScoreDef' || def.expr.kind !== 'Weighted') throw new Error('not a weighted score');
  return def.expr.items!.map(i => i.weight.value);
}

describe('catalogues agree with rules/2013.kp', () => {
  const m = model(2013);

  it('德: 36 items in 4 classes, in the enum and in each class score', () => {
    const items = m.enums.find(e => e.name === '德项目')!.members;
    expect(items).toEqual(MORAL_CLASSES.flatMap(c => c.items));
    expect(items.length).toBe(36);
    for (const cls of MORAL_CLASSES) expect(setMembers(computed(m, cls.name) as ast.Node)).toEqual(cls.items);
    expect(weightedItems(computed(m, '德'))).toEqual(MORAL_CLASSES.map(c => c.weight));
  });

  it('效: 38 situations with the catalogue\'s points, in order', () => {
    const table = m.cadre.tables.find(t => t.name === '效情形')!;
    expect(table.situations.map(s => [s.name, s.points])).toEqual(SITUATIONS.map(s => [s.name, s.points]));
    expect(new Set(SITUATIONS.map(s => s.aspect)).size).toBe(10);
  });

  it('townships: common indicators, characteristic weights by class, veto items', () => {
    const unit = m.units.find(u => u.unitKind === '乡镇')!;
    for (const c of COMMON_INDICATORS) expect(unit.inputs.find(i => i.name === c.name)?.range).toEqual({ low: 0, high: c.max });
    expect(COMMON_INDICATORS.reduce((s, c) => s + c.max, 0)).toBe(40);
    const rows = weightsRows(computed(m, '特色权重', '乡镇'));
    for (const [cls, list] of Object.entries(CHARACTERISTIC)) {
      expect(rows[cls]).toEqual(Object.fromEntries(list.map(c => [c.name, c.weight])));
    }
    expect(m.enums.find(e => e.name === '否决类型')!.members).toEqual(VETO_TYPES);
  });

  it('能 of township cadres: weights by class and the ecological coefficient', () => {
    const rows = weightsRows(computed(m, '乡镇能权重'));
    for (const [cls, w] of Object.entries(ABILITY_WEIGHTS)) expect(rows[cls]).toEqual({ 共性指标: w.common, 特色指标: w.characteristic });
    const table = computed(m, '难度系数');
    expect(table.kind === 'TableDef' && table.rows.map(r => (r.value as ast.NumberLit).value)).toEqual([ECO_DIFFICULTY, 1]);
    expect(m.enums.find(e => e.name === '岗位类别')!.members).toEqual(POSTS);
  });
});

describe('the six-source weights the generator assumes', () => {
  it.each([2013, 2014, 2015] as const)('match rules/%i.kp', year => {
    expect(weightedItems(computed(model(year), '年度得分'))).toEqual([...compositeWeights(year)]);
  });
});
