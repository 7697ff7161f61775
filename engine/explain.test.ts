// Explanations: a removal shows each sub-condition with the three years' ranks; a score goes down to cells and rows.
import { describe, expect, it } from 'vitest';
import { datasetOf, modelOf } from './testing/build.ts';
import { compile } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { explain, type Explanation } from './explain.ts';

const RULES = `ruleset "t" year 2014
input 班子: group
input 综合考核, 民主测评: points 0..100
events 效情形 { 推进工作不力 -3 }
score 年度得分 = weighted { 综合考核 60%, 民主测评 40% } + sum(效情形.分值) round 2 source "考核办法 第五条"
rank 班子排名 = 年度得分 desc within 班子
disposition 免职 severity 5
  when bottom(班子排名, 30%)@-2 and bottom(班子排名, 30%)@-1 and last(班子排名)
  because "连续两年排名靠后，当年末位"
  source "衢委办〔2013〕12号 第三条"
disposition 诫勉 severity 1 when 年度得分 < 80
`;

function team(scores: Record<string, number>) {
  return { cadres: Object.entries(scores).map(([id, s]) => ({ id, 班子: 'g', 综合考核: s, 民主测评: s })) };
}

function find(e: Explanation, pred: (x: Explanation) => boolean): Explanation | undefined {
  if (pred(e)) return e;
  for (const c of e.children) { const f = find(c, pred); if (f) return f; }
  return undefined;
}

describe('explain', () => {
  const model = modelOf(RULES);
  const years = {
    2012: team({ a: 90, b: 80, c: 85, y: 60 }),
    2013: team({ a: 88, b: 82, c: 70, y: 65 }),
    2014: { ...team({ a: 91, b: 84, c: 80, y: 75 }), rows: { 效情形: [{ owner: 'y', 日期: '2014-06-12', 情形: '推进工作不力' }] } },
  };
  const data = datasetOf(model, years);
  const compiled = compile(model);
  it('shows each sub-condition of a removal with the three years of ranks, and cites the source', () => {
    expect(evaluate(compiled, data, 2014).toYearResult().results.find(r => r.id === 'y')!.decision).toBe('免职');
    const e = explain(compiled, data, 2014, { cadre: 'y' });
    expect(e.value).toBe('免职');
    const d = e.children[0];
    expect(d.definition).toMatchObject({ name: '免职', source: '衢委办〔2013〕12号 第三条' });
    expect(d.formula).toContain('bottom(班子排名, 30%)@-2');
    expect(d.children.map(c => [c.label, c.value])).toEqual([
      ['bottom(班子排名, 30%)@-2', true], ['bottom(班子排名, 30%)@-1', true], ['last(班子排名)', true],
    ]);
    const ranks = [2012, 2013, 2014].map(y => find(d, x => x.label === '班子排名' && (x.year ?? 2014) === y)?.value);
    expect(ranks).toEqual([4, 4, 4]);
    // `bottom(…)@-2` is one node for 2012: the rank test's parts, not the call again under it.
    expect(d.children[0]).toMatchObject({ year: 2012 });
    expect(d.children[0].children.map(c => [c.label, c.value])).toEqual([['班子排名', 4], ['组内位置 / position', 4], ['组内人数 / group size', 4]]);
  });
  it('shows a definition met again as a repeat that points at its first, full node', () => {
    const e = explain(compiled, data, 2014, { cadre: 'y' });
    expect(e.children.map(c => c.definition?.name)).toEqual(['免职', '诫勉']);
    const first = find(e.children[0], x => x.label === '年度得分' && x.year === undefined)!;
    expect(first.children.length).toBeGreaterThan(0);
    const again = e.children[1].children[0];
    expect(again).toMatchObject({ label: '年度得分（见上）', value: 72, children: [] });
    expect(again.original).toBe(first);
  });
  it('goes down to input cells with their data line and to the event rows', () => {
    const e = explain(compiled, data, 2014, { cadre: 'y', value: '年度得分' });
    expect(e.value).toBe(72);
    expect(e.formula).toBe('weighted { 综合考核 60%, 民主测评 40% } + sum(效情形.分值) round 2');
    expect(e.definition?.source).toBe('考核办法 第五条');
    const cell = find(e, x => x.label === '综合考核')!;
    expect(cell).toMatchObject({ value: 75, origin: { file: 'cadres-2014.csv', line: 5 } });
    const row = find(e, x => x.label.startsWith('效情形：'))!;
    expect(row).toMatchObject({ value: -3, origin: { file: 'rows.csv', line: 2 } });
  });
  it('agrees with the evaluation on the explained value', () => {
    const fast = evaluate(compiled, data, 2014).toYearResult().results;
    for (const r of fast) expect(explain(compiled, data, 2014, { cadre: r.id, value: '班子排名' }).value).toBe(r.values.班子排名);
  });
});

describe('explain of a choice', () => {
  const model = modelOf(`ruleset "c" year 2014
enum 岗位类 { 甲 乙 丙 }
input 岗位: 岗位类 optional
input 完成: bool
input a, b, c, d: points 0..100 optional
score 能 = match 岗位 { 甲 => a + b  乙, 丙 => c + d }
score 奖 = if 完成 then a else b
score 档 = tiers { a >= 90 => 3  b >= 80 => 2  c >= 70 => 1  else => 0 }
score 重 = a + a + b
score 补 = d ?? a
define 低 = a < 60
define 组合 = 完成 and (a < 60 or b > 100)
disposition 提醒 severity 1 when 低 or d > 0 or 低
`);
  const compiled = compile(model);
  const data = datasetOf(model, {
    2014: {
      cadres: [
        { id: 'p', 岗位: '丙', 完成: false, a: 85, b: 85, c: 75, d: 5 },
        { id: 'q', 岗位: '甲', 完成: true, a: 50, b: 60, c: 60 },
        { id: 'r', 完成: false, a: 70, b: 70, c: 60, d: 1 },
      ],
    },
  });
  const of = (id: string, value: string) => explain(compiled, data, 2014, { cadre: id, value });
  const labels = (e: Explanation) => e.children.map(c => [c.label, c.value]);
  const all = (e: Explanation): string[] => [e.label, ...e.children.flatMap(all)];

  it('match: the subject and only the arm taken, naming the pattern that matched', () => {
    const p = of('p', '能');
    expect(p.value).toBe(80);
    expect(labels(p)).toEqual([['岗位', '丙'], ['匹配 丙：c + d', 80]]);
    expect(labels(p.children[1])).toEqual([['c', 75], ['d', 5]]);
    expect(all(p)).not.toContain('a');
    const q = of('q', '能');
    expect(labels(q)).toEqual([['岗位', '甲'], ['匹配 甲：a + b', 110]]);
    expect(all(q)).not.toContain('c');
    // A missing subject takes no arm: the subject alone says why the value is missing.
    expect(labels(of('r', '能'))).toEqual([['岗位', null]]);
  });

  it('if: the condition and the branch taken', () => {
    expect(labels(of('p', '奖'))).toEqual([['完成', false], ['否则：b', 85]]);
    const q = of('q', '奖');
    expect(labels(q)).toEqual([['完成', true], ['则：a', 50]]);
    expect(all(q)).not.toContain('b');
  });

  it('tiers: the conditions tried up to the one that held, and its value', () => {
    const p = of('p', '档');
    expect(labels(p)).toEqual([['a >= 90', false], ['b >= 80', true], ['第 2 档：2', 2]]);
    expect(labels(p.children[0])).toEqual([['a', 85]]);
    expect(labels(of('q', '档'))).toEqual([['a >= 90', false], ['b >= 80', false], ['c >= 70', false], ['否则：0', 0]]);
  });

  it('x ?? d: the default only when x is missing', () => {
    expect(labels(of('p', '补'))).toEqual([['d', 5]]);
    expect(labels(of('q', '补'))).toEqual([['d', null], ['a', 50]]);
  });

  it('an identical child (same definition, year and value) appears once under one node; and/or keep every other operand', () => {
    expect(labels(of('p', '重'))).toEqual([['a', 85], ['b', 85]]);
    const e = explain(compiled, data, 2014, { cadre: 'q' });
    expect(e.value).toBe('提醒');
    const when = e.children[0];
    expect(labels(when)).toEqual([['低', true], ['d > 0', false]]);
  });

  it('a defined condition shows its and/or operands, nested ones too, each with its value', () => {
    const e = of('q', '组合');
    expect(labels(e)).toEqual([['完成', true], ['a < 60 or b > 100', true]]);
    expect(labels(e.children[1])).toEqual([['a < 60', true], ['b > 100', false]]);
    expect(labels(e.children[1].children[1])).toEqual([['b', 60]]);
  });
});

describe('explain: a grade by what decided it', () => {
  const GRADES = `ruleset "g" year 2014
input 单位: group
input 得分: points 0..100
input 受处分: bool
input 任职月数: count 0..12
grade 等次 by 得分 {
  优秀 >= 90 quota 2 within 单位 unless 受处分
  称职 >= 70
  不称职
  ungraded when 任职月数 < 6
}
`;
  const model = modelOf(GRADES);
  const compiled = compile(model);
  const person = (id: string, 得分: number, 受处分 = false, 任职月数 = 12) => ({ id, 单位: 'u', 得分, 受处分, 任职月数 });
  // a, b, c all reach 90; the quota of 2 goes to the best two clean ones; d is blocked by the gate.
  const data = datasetOf(model, { 2014: { cadres: [
    person('a', 96), person('b', 94), person('c', 92), person('d', 99, true), person('e', 75), person('f', 95, false, 3),
  ] } });
  const grades = (id: string) => explain(compiled, data, 2014, { cadre: id, value: '等次' });
  const steps = (e: Explanation) => e.children.map(c => [c.label.split('：')[0].split(' / ')[0], c.value]);

  it('a gate that holds passes the top level over, with the gate and its value', () => {
    const e = grades('d');
    expect(e.value).toBe('称职');
    expect(steps(e)).toEqual([['得分', 99], ['跳过 优秀 >= 90', false], ['评定 称职 >= 70', '称职']]);
    expect(e.children[1].label).toContain('gate held');
    expect(e.children[1].children.map(c => [c.label, c.value])).toEqual([['受处分', true]]);
  });
  it('a full quota pushes a member down, with the pool, its size, the quota count and the member place', () => {
    const e = grades('c');
    expect(evaluate(compiled, data, 2014).toYearResult().results.find(r => r.id === 'c')!.values['等次']).toBe('称职');
    expect(e.value).toBe('称职');
    expect(steps(e)).toEqual([['得分', 92], ['跳过 优秀 >= 90', false], ['评定 称职 >= 70', '称职']]);
    expect(e.children[1].label).toContain('quota full');
    // Pool: a b c d e are graded (f is not): 5 members, quota 2, c third among the clean candidates a b c.
    expect(e.children[1].children.map(c => [c.label.split(' / ')[0], c.value])).toEqual([
      ['单位', 'u'], ['组内参评人数', 5], ['名额', 2], ['候选位次', 3],
    ]);
    const a = grades('a');
    expect(a.value).toBe('优秀');
    expect(steps(a)).toEqual([['得分', 96], ['评定 优秀 >= 90', '优秀']]);
  });
  it('plain: thresholds not reached down to the level given; ungraded when it applied', () => {
    const e = grades('e');
    expect(steps(e)).toEqual([['得分', 75], ['跳过 优秀 >= 90', false], ['评定 称职 >= 70', '称职']]);
    expect(e.children[1].label).toContain('threshold not reached');
    const f = grades('f');
    expect(f.value).toBe(null);
    expect(steps(f)).toEqual([['得分', 95], ['不定等次 当 任职月数 < 6', null]]);
    expect(f.children[1].children.map(c => [c.label, c.value])).toEqual([['任职月数 < 6', true]]);
  });
});
