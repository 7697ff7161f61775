// Hand-computed cases for every evaluation semantic; each also checks the fast evaluator against the reference.
import { describe, expect, it } from 'vitest';
import { datasetOf, modelOf, type YearSpec } from './testing/build.ts';
import { compile } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { evaluateReference } from './reference.ts';
import type { EntityResult, YearResult } from './result.ts';

function run(rules: string, years: Record<number, YearSpec>, year: number): YearResult {
  const model = modelOf(rules);
  const data = datasetOf(model, years);
  const ev = evaluate(compile(model), data, year);
  const fast = ev.toYearResult();
  expect(fast).toEqual(evaluateReference(model, data, year));
  return fast;
}

const byId = (r: YearResult, id: string): EntityResult => r.results.find(x => x.id === id)!;
const col = (r: YearResult, name: string) => Object.fromEntries(r.results.map(x => [x.id, x.values[name]]));

const TEAM = `ruleset "t" year 2014
input 班子: group
input 得分: points 0..100
input 测评: points 0..100 optional
rank 班子排名 = 得分 desc within 班子
rank 排名2 = 得分 desc within 班子 tiebreak 测评 desc
define 靠后 = bottom(班子排名, 30%)
define 末位 = last(班子排名)
define 前二 = top(班子排名, 2)
score 人数 = size(班子排名)
`;

describe('ranks, ties and positions', () => {
  const team = { cadres: [
    { id: 'c1', 班子: 'g', 得分: 90, 测评: 70 }, { id: 'c2', 班子: 'g', 得分: 85, 测评: 60 },
    { id: 'c3', 班子: 'g', 得分: 85, 测评: 80 }, { id: 'c4', 班子: 'g', 得分: 80, 测评: 50 },
    { id: 'c5', 班子: 'g', 得分: 70, 测评: null },
  ] };
  it('gives a five-person team with a tie the ranks 1, 2, 2, 4, 5', () => {
    const r = run(TEAM, { 2014: team }, 2014);
    expect(col(r, '班子排名')).toEqual({ c1: 1, c2: 2, c3: 2, c4: 4, c5: 5 });
    expect(col(r, '排名2')).toEqual({ c1: 1, c2: 3, c3: 2, c4: 4, c5: 5 });
    // bottom 30% of 5 = ceil(1.5) = 2 places: positions 4 and 5
    expect(col(r, '靠后')).toEqual({ c1: false, c2: false, c3: false, c4: true, c5: true });
    expect(col(r, '末位')).toEqual({ c1: false, c2: false, c3: false, c4: false, c5: true });
    expect(col(r, '人数')).toEqual({ c1: 5, c2: 5, c3: 5, c4: 5, c5: 5 });
  });
  it('flags a top boundary that falls inside a tie and orders the tie by id', () => {
    const r = run(TEAM, { 2014: team }, 2014);
    // top 2: c1, then the tie c2/c3 at places 2–3 is cut by id: c2 in, c3 out
    expect(col(r, '前二')).toEqual({ c1: true, c2: true, c3: false, c4: false, c5: false });
    expect(byId(r, 'c2').flags.map(f => f.code)).toEqual(['tie-at-boundary']);
    const model = modelOf(TEAM);
    const out = evaluate(compile(model), datasetOf(model, { 2014: team }), 2014).cadres;
    expect(out.flags(out.ids.indexOf('c3')).map(f => f.definition)).toEqual(['班子排名']);
    expect(Array.from(out.numbers('班子排名')!)).toEqual([1, 2, 2, 4, 5]);
    expect(byId(r, 'c3').flags[0].message).toContain('top(班子排名, 2)');
    expect(byId(r, 'c1').flags).toEqual([]);
  });
  it('leaves members with a missing key unranked, outside n', () => {
    const r = run(TEAM, { 2014: { cadres: [{ id: 'a', 班子: 'g', 得分: 50 }, { id: 'b', 班子: 'g', 得分: null }, { id: 'c', 班子: 'h', 得分: 60 }] } }, 2014);
    expect(col(r, '班子排名')).toEqual({ a: 1, b: null, c: 1 });
    expect(col(r, '人数')).toEqual({ a: 1, b: null, c: 1 });
    expect(col(r, '末位')).toEqual({ a: true, b: null, c: true });
  });
});

describe('numbers and rounding', () => {
  const rules = `ruleset "t" year 2014
input x, y: points 0..100
score s = weighted { x 30%, y 70% } round 2
score r1 = x round 2
define 及格 = r1 >= 60
score q = floor((y - 100) / 5)
define 相等 = 0.1 + 0.2 == 0.3
`;
  it('rounds half away from zero in decimal and compares the rounded value', () => {
    const r = run(rules, { 2014: { cadres: [
      { id: 'a', x: 59.995, y: 85 }, { id: 'b', x: 1.005, y: 90.25 }, { id: 'c', x: 85.1, y: 90 }, { id: 'd', x: 59.994, y: 115 },
    ] } }, 2014);
    expect(col(r, 'r1')).toEqual({ a: 60, b: 1.01, c: 85.1, d: 59.99 });
    expect(col(r, '及格')).toEqual({ a: true, b: false, c: true, d: false });
    // 85.1×30% + 90×70% = 25.53 + 63 = 88.53; 1.005×30% + 90.25×70% = 0.3015 + 63.175 = 63.4765 → 63.48
    expect(col(r, 's')).toEqual({ a: 77.5, b: 63.48, c: 88.53, d: 98.5 });
    expect(col(r, 'q')).toEqual({ a: -3, b: -2, c: -2, d: 3 });
    expect(col(r, '相等').a).toBe(true);
  });
});

describe('missing values', () => {
  const rules = `ruleset "t" year 2014
input a: points 0..100 optional
input b: bool optional
score plus = a + 1
define lt = a < 50
define ne = a != 50
define both = b and true
define either = b or true
define neg = not b
score dflt = a ?? 7
define there = has(a)
score ratio = 10 / a
`;
  it('propagates through arithmetic, makes comparisons false, and defaults with ??', () => {
    const r = run(rules, { 2014: { cadres: [{ id: 'm', a: null, b: null }, { id: 'z', a: 0, b: false }] } }, 2014);
    expect(byId(r, 'm').values).toMatchObject({ plus: null, lt: false, ne: false, both: false, either: true, neg: null, dflt: 7, there: false, ratio: null });
    expect(byId(r, 'z').values).toMatchObject({ plus: 1, lt: true, ne: true, both: false, neg: true, dflt: 0, there: true, ratio: null });
  });
});

describe('weights tables and parameter tables', () => {
  it('choose the row by the township class; a missing class gives missing', () => {
    const r = run(`ruleset "t" year 2014
enum 乡镇类别 { 经济型 生态型 复合型 }
input 类别: 乡镇类别 optional
input 共性指标, 特色指标: points 0..100
weights 能权重 by 类别 {
  经济型: 共性指标 60%, 特色指标 40%
  生态型: 共性指标 40%, 特色指标 60%
  复合型: 共性指标 50%, 特色指标 50%
}
score 能 = weighted 能权重
table 系数 by 类别 { 经济型: 1.0, 生态型: 1.2, else: 1.1 }
score 调整 = 能 * 系数 round 1
`, { 2014: { cadres: [
      { id: 'e', 类别: '经济型', 共性指标: 80, 特色指标: 70 }, { id: 's', 类别: '生态型', 共性指标: 80, 特色指标: 70 },
      { id: 'f', 类别: '复合型', 共性指标: 80, 特色指标: 70 }, { id: 'n', 类别: null, 共性指标: 80, 特色指标: 70 },
    ] } }, 2014);
    expect(col(r, '能')).toEqual({ e: 76, s: 74, f: 75, n: null });
    expect(col(r, '调整')).toEqual({ e: 76, s: 88.8, f: 82.5, n: null });
  });
});

describe('aggregates over rows', () => {
  const rules = `ruleset "t" year 2014
events 效情形 {
  推进工作不力 -3 "推进重点工作不力"
  不敢担当 -5
}
records 测评票 { 票: number }
score 扣分 = sum(效情形.分值)
score 六月 = count(效情形 where month(日期) == 6)
score 二季度 = sum(效情形.分值 where quarter(日期) == 2)
score 担当 = count(效情形 where 情形 == 不敢担当)
score 效 = clamp(100 + sum(效情形.分值), 0, 100)
score 平均票 = mean(测评票.票)
score 好票占比 = share(测评票 where 票 >= 90)
score 下半年 = count(效情形 where 日期 >= "2014-07-01")
`;
  it('sum and count events by month and quarter; catalogue points unless the row has its own', () => {
    const r = run(rules, { 2014: {
      cadres: [{ id: 'a' }, { id: 'b' }],
      rows: {
        效情形: [
          { owner: 'a', 日期: '2014-06-12', 情形: '推进工作不力' },
          { owner: 'a', 日期: '2014-06-30', 情形: '不敢担当', 分值: -4 },
          { owner: 'a', 日期: '2014-07-01', 情形: '不敢担当' },
        ],
        测评票: [{ owner: 'a', 票: 95 }, { owner: 'a', 票: 80 }, { owner: 'a', 票: 90 }, { owner: 'a', 票: null }],
      },
    } }, 2014);
    expect(byId(r, 'a').values).toMatchObject({ 扣分: -12, 六月: 2, 二季度: -7, 担当: 2, 效: 88, 平均票: 88.3333333333333, 好票占比: 0.5, 下半年: 1 });
    // no rows: count and sum are 0, mean and share are missing
    expect(byId(r, 'b').values).toMatchObject({ 扣分: 0, 六月: 0, 效: 100, 平均票: null, 好票占比: null });
  });
});

describe('group aggregates', () => {
  it('read the group members, with where', () => {
    const r = run(`ruleset "t" year 2014
input 组: group optional
input x: points 0..100
input 干部: bool
score 相对 = x / max(x within 组) * 100 round 1
score 人数 = count(within 组 where 干部)
score 均值 = mean(x within 组 where 干部)
define 在g组 = 组 == "g"
`, { 2014: { cadres: [
      { id: 'a', 组: 'g', x: 80, 干部: true }, { id: 'b', 组: 'g', x: 40, 干部: false }, { id: 'c', 组: 'h', x: 30, 干部: true }, { id: 'd', 组: null, x: 10, 干部: true },
    ] } }, 2014);
    expect(col(r, '相对')).toEqual({ a: 100, b: 50, c: 100, d: null });
    expect(col(r, '人数')).toEqual({ a: 1, b: 1, c: 1, d: null });
    expect(col(r, '均值')).toEqual({ a: 80, b: 80, c: 30, d: null });
    expect(col(r, '在g组')).toEqual({ a: true, b: true, c: false, d: false });
  });
});

describe('grades and quotas', () => {
  const rules = `ruleset "t" year 2014
input 单位: group
input 分: points 0..100
input 受处分: bool
grade 等次 by 分 {
  优秀 >= 90 quota 20% within 单位 unless 受处分
  称职 >= 70
  基本称职 >= 60
  不称职
}
`;
  it('gives the quota to the best of each pool; the rest fall to the next level; gates block', () => {
    const cadres = [95, 93, 91, 90, 72, 65, 50, 88, 70, 99].map((分, k) => ({ id: `c${k}`, 单位: 'u', 分, 受处分: k === 9 }));
    const r = run(rules, { 2014: { cadres } }, 2014);
    // pool of 10 → 2 places; c9 (99) is gated; c0 and c1 get 优秀
    expect(col(r, '等次')).toEqual({ c0: '优秀', c1: '优秀', c2: '称职', c3: '称职', c4: '称职', c5: '基本称职', c6: '不称职', c7: '称职', c8: '称职', c9: '称职' });
  });
  it('flags a quota boundary inside a tie', () => {
    const cadres = [95, 92, 92, 80, 80].map((分, k) => ({ id: `c${k}`, 单位: 'u', 分, 受处分: false }));
    const r = run(rules.replace('20%', '40%'), { 2014: { cadres } }, 2014);
    expect(col(r, '等次')).toMatchObject({ c0: '优秀', c1: '优秀', c2: '称职' });
    expect(byId(r, 'c2').flags.map(f => f.code)).toEqual(['quota-tie']);
    expect(byId(r, 'c1').flags.map(f => f.definition)).toEqual(['等次']);
  });
});

describe('history', () => {
  const rules = `ruleset "t" year 2014
input 班子: group
input 分: points 0..100
rank 排名 = 分 desc within 班子
score 去年 = 分@-1
score 连续 = streak(分 >= 80)
score 三年 = years(last(排名), -2..0)
disposition 免职 severity 5 when bottom(排名, 30%)@-2 and bottom(排名, 30%)@-1 and last(排名) because "连续两年排名靠后，当年末位"
disposition 诫勉谈话 severity 1 when 分 < 60 because "未完成"
define 去年诫勉 = 诫勉谈话@-1
define 去年决定 = 决定@-1 == 诫勉谈话
`;
  const team = (year: number, scores: Record<string, number>) => ({ cadres: Object.entries(scores).map(([id, 分]) => ({ id, 班子: 'g', 分 })) });
  it('reads earlier years by id, counts streaks and windows, and leaves a cadre with no earlier year missing', () => {
    const r = run(rules, {
      2012: team(2012, { a: 90, b: 80, y: 50 }),
      2013: team(2013, { a: 85, b: 70, y: 55 }),
      2014: team(2014, { a: 95, b: 90, y: 40, n: 99 }),
    }, 2014);
    expect(col(r, '去年')).toEqual({ a: 85, b: 70, n: null, y: 55 });
    expect(col(r, '连续')).toEqual({ a: 3, b: 1, n: 1, y: 0 });
    expect(col(r, '三年')).toEqual({ a: 0, b: 0, n: 0, y: 3 });
    expect(byId(r, 'y').decision).toBe('免职');
    expect(byId(r, 'y').dispositions.map(d => d.name)).toEqual(['免职', '诫勉谈话']);
    // last year y was admonished and nothing heavier fired, so 诫勉谈话 was the decision
    expect(byId(r, 'y').values).toMatchObject({ 去年诫勉: true, 去年决定: true });
    expect(byId(r, 'a').values).toMatchObject({ 去年诫勉: false, 去年决定: false });
    expect(byId(r, 'n').values).toMatchObject({ 去年诫勉: null, 去年决定: false });
  });
});

describe('dispositions', () => {
  it('record all that fire; a decider with candidates proposes instead of deciding', () => {
    const r = run(`ruleset "t" year 2014
input 完成率: percent 0..200
disposition 诫勉谈话 severity 1 when 完成率 < 100% because "未完成年度目标"
disposition 组织调整 severity 4 when 完成率 < 80% because "情节严重"
disposition 不适宜担任现职 severity 4 priority 1 when 完成率 < 60% candidates 调离岗位, 降职 because "经组织认定"
disposition 调离岗位 severity 3 when false
disposition 降职 severity 2 when false
`, { 2014: { cadres: [{ id: 'a', 完成率: 0.5 }, { id: 'b', 完成率: 0.7 }, { id: 'c', 完成率: 1 }] } }, 2014);
    expect(byId(r, 'a')).toMatchObject({ decision: null, candidates: ['调离岗位', '降职'] });
    expect(byId(r, 'a').dispositions.map(d => d.name)).toEqual(['不适宜担任现职', '组织调整', '诫勉谈话']);
    expect(byId(r, 'b')).toMatchObject({ decision: '组织调整', candidates: [] });
    expect(byId(r, 'c')).toMatchObject({ decision: null, dispositions: [] });
  });
});

describe('units', () => {
  const rules = `ruleset "t" year 2014
unit 乡镇 {
  input 总分: points 0..100
  rank 乡镇排名 = 总分 desc
}
input 所在乡镇: 乡镇 optional
input 是主要负责人: bool
score 乡镇分 = 所在乡镇.总分
disposition 免职 severity 5 when 是主要负责人 and last(所在乡镇.乡镇排名) and last(所在乡镇.乡镇排名)@-1 because "乡镇连续末位"
`;
  it('rank units among themselves; cadres read them through the link, history follows the cadre', () => {
    const r = run(rules, {
      2013: { cadres: [{ id: 'h1', 所在乡镇: 'x', 是主要负责人: true }, { id: 'h2', 所在乡镇: 'y', 是主要负责人: true }], units: { 乡镇: [{ id: 'x', 总分: 60 }, { id: 'y', 总分: 70 }] } },
      2014: {
        cadres: [{ id: 'h1', 所在乡镇: 'x', 是主要负责人: true }, { id: 'h2', 所在乡镇: 'x', 是主要负责人: true }, { id: 'h3', 所在乡镇: null, 是主要负责人: false }],
        units: { 乡镇: [{ id: 'x', 总分: 50 }, { id: 'y', 总分: 80 }] },
      },
    }, 2014);
    expect(col(r, '乡镇分')).toEqual({ h1: 50, h2: 50, h3: null });
    // h2 moved to x this year: last year he headed y, which was not last
    expect(byId(r, 'h1').decision).toBe('免职');
    expect(byId(r, 'h2').decision).toBe(null);
    expect(r.units.map(u => [u.id, u.values.乡镇排名])).toEqual([['x', 2], ['y', 1]]);
  });
});

describe('unit history', () => {
  it('follows the unit by id inside its block, whoever leads it', () => {
    const r = run(`ruleset "t" year 2014
unit 乡镇 {
  input 总分: points 0..100
  rank 乡镇排名 = 总分 desc
  score 连续末位 = streak(last(乡镇排名))
}
input 所在乡镇: 乡镇 optional
score 乡连续末位 = 所在乡镇.连续末位
`, {
      2012: { cadres: [], units: { 乡镇: [{ id: 'x', 总分: 40 }, { id: 'y', 总分: 70 }] } },
      2013: { cadres: [], units: { 乡镇: [{ id: 'x', 总分: 50 }, { id: 'y', 总分: 60 }, { id: 'z', 总分: 90 }] } },
      2014: { cadres: [{ id: 'new', 所在乡镇: 'x' }], units: { 乡镇: [{ id: 'x', 总分: 45 }, { id: 'y', 总分: 80 }] } },
    }, 2014);
    expect(r.units.map(u => [u.id, u.values.连续末位])).toEqual([['x', 3], ['y', 0]]);
    expect(col(r, '乡连续末位')).toEqual({ new: 3 });
  });
});

describe('periods', () => {
  it('clip to the year, merge overlaps, and measure overlap and presence on a day', () => {
    const r = run(`ruleset "t" year 2014
enum 职务类别 { 书记 乡镇长 }
periods 任职 { 职务: 职务类别 }
score 书记天数 = days(任职 where 职务 == 书记)
score 最长 = longest(任职)
score 同时 = overlap(任职 where 职务 == 书记, 任职)
score 兼任 = overlap(任职 where 职务 == 书记, 任职 where 职务 == 乡镇长)
define 年末在任 = on(任职 where 职务 == 乡镇长, "12-31")
`, { 2014: {
      cadres: [{ id: 'a' }, { id: 'b' }],
      rows: { 任职: [
        { owner: 'a', 起: '2013-10-01', 止: '2014-03-31', 职务: '书记' },
        { owner: 'a', 起: '2014-03-01', 止: '2014-06-30', 职务: '书记' },
        { owner: 'a', 起: '2014-06-01', 止: null, 职务: '乡镇长' },
      ] },
    } }, 2014);
    expect(byId(r, 'a').values).toMatchObject({ 书记天数: 181, 最长: 365, 同时: 181, 兼任: 30, 年末在任: true });
    expect(byId(r, 'b').values).toMatchObject({ 书记天数: 0, 最长: 0, 年末在任: false });
  });
});

describe('determinism', () => {
  it('gives byte-identical results on repeated runs and with shuffled rows', () => {
    const rules = TEAM + 'events 事 { 迟到 -1 }\nscore 扣 = sum(事.分值)\n';
    const model = modelOf(rules);
    const cadres = Array.from({ length: 40 }, (_, k) => ({ id: `c${String((k * 17) % 40).padStart(2, '0')}`, 班子: `g${k % 3}`, 得分: 60 + ((k * 7) % 9), 测评: k % 5 }));
    const events = Array.from({ length: 30 }, (_, k) => ({ owner: cadres[(k * 11) % 40].id, 日期: `2014-0${1 + (k % 9)}-1${k % 10}`, 情形: '迟到' }));
    const a = datasetOf(model, { 2014: { cadres, rows: { 事: events } } });
    const b = datasetOf(model, { 2014: { cadres: [...cadres].reverse(), rows: { 事: [...events].reverse() } } });
    const c = compile(model);
    const ja = JSON.stringify(evaluate(c, a, 2014).toYearResult());
    expect(JSON.stringify(evaluate(compile(model), a, 2014).toYearResult())).toBe(ja);
    expect(JSON.stringify(evaluate(c, b, 2014).toYearResult())).toBe(ja);
  });
  it('reports data that does not fit the rules, at the declaration, and treats it as missing', () => {
    const rules = 'ruleset "t" year 2014\nenum 类 { 甲 乙 }\ninput 类别: 类 optional\ninput 分: points 0..100 optional\nscore s = 分 + 1\n';
    const model = modelOf(rules);
    const data = datasetOf(model, { 2014: { cadres: [{ id: 'a', 类别: '丁' }] } });
    const ev = evaluate(compile(model), data, 2014);
    const codes = ev.diagnostics.map(d => d.code).sort();
    expect(codes).toEqual(['KP702', 'KP705']);
    const d = ev.diagnostics.find(x => x.code === 'KP705')!;
    expect(rules.slice(d.span.start, d.span.end)).toContain('input 类别');
    expect(ev.toYearResult().results[0].values).toEqual({ 类别: null, 分: null, s: null });
  });
  it('reports a year absent from the data', () => {
    const model = modelOf(TEAM);
    const ev = evaluate(compile(model), datasetOf(model, { 2014: { cadres: [] } }), 2020);
    expect(ev.diagnostics.map(d => d.code)).toContain('KP701');
    expect(ev.toYearResult().results).toEqual([]);
  });
});
