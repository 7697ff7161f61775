// Language tests: givens become a dataset, expects are compared with the evaluation.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from './pipeline.ts';
import { buildTestDataset, failureDiagnostic, runLanguageTests, sameValue } from './lang-tests.ts';
import { LineMap } from '../grammar/span.ts';
import { formatLocated, locate } from '../grammar/diagnostic.ts';

const RULES = `ruleset "测试" year 2014
enum 乡镇类别 { 经济型 生态型 }
unit 乡镇 {
  input 类别: 乡镇类别
  input 总分: points 0..100
  rank 乡镇排名 = 总分 desc within 类别
}
input 班子: group
input 所在乡镇: 乡镇 optional
input 综合考核: points 0..100
input 目标完成率: percent 0..200
input 到任: date optional
events 效情形 { 推进工作不力 -3  不敢担当 -5 }
score 效 = 100 + sum(效情形.分值)
score 年度得分 = weighted { 综合考核 70%, 效 30% } round 2
rank 班子排名 = 年度得分 desc within 班子
disposition 诫勉谈话 severity 1 when 目标完成率 < 100% because "未完成年度目标"
disposition 组织调整 severity 4 when 目标完成率 < 90% and 诫勉谈话@-1 because "连续未完成"
`;

function model(tests: string) {
  const text = RULES + tests;
  const a = analyze(text, { path: 't.kp' });
  const errors = a.diagnostics.filter(d => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map(e => `${e.code} ${e.message}`).join('\n'));
  return { model: a.model, lines: new LineMap(text) };
}

describe('buildTestDataset', () => {
  it('builds each year named by a step, with owners of rows and linked units created', () => {
    const { model: m } = model(`
test "t" {
  given 2013 甲 { 班子 = "一乡", 综合考核 = 80, 目标完成率 = 95% }
  given 2014 乙 { 班子 = "一乡", 所在乡镇 = "一乡", 到任 = "2014-03-01" }
  given 2014 甲 效情形 { 日期 = "2014-06-12", 情形 = 不敢担当 }
  given 2014 甲 效情形 { date = "2014-07-01", situation = 推进工作不力, points = -1 }
  expect 2014 甲 { 效 = 94 }
}`);
    const { dataset, diagnostics } = buildTestDataset(m, m.tests[0]);
    expect(diagnostics).toEqual([]);
    expect(dataset.years.map(y => y.year)).toEqual([2013, 2014]);
    const [y13, y14] = dataset.years;
    expect(y13.cadres.ids).toEqual(['甲']);
    expect(Array.from(y13.cadres.columns.get('目标完成率')!.values)).toEqual([0.95]);
    expect(y14.cadres.ids).toEqual(['乙', '甲']);
    expect(Array.from(y14.cadres.columns.get('综合考核')!.values)).toEqual([NaN, NaN]);
    expect(y14.cadres.columns.get('到任')!.kind).toBe('date');
    expect(y14.units.get('乡镇')!.ids).toEqual(['一乡']);
    const ev = y14.rows.get('效情形')!;
    expect(Array.from(ev.owner)).toEqual([1, 1]);
    expect(Array.from(ev.columns.get('情形')!.values)).toEqual([1, 0]);
    expect(Array.from(ev.columns.get('分值')!.values)).toEqual([NaN, -1]);
  });

  it('reports a value given twice and a value that is not a constant', () => {
    const { model: m, lines } = model(`
test "t" {
  given 甲 { 综合考核 = 80, 综合考核 = 81, 目标完成率 = 50% + 40% }
  expect 甲 { 年度得分 = 86 }
}`);
    const { diagnostics } = buildTestDataset(m, m.tests[0]);
    expect(diagnostics.map(d => [d.code, lines.position(d.span.start)])).toEqual([
      ['KP805', { line: 21, column: 24 }],
      ['KP802', { line: 21, column: 43 }],
    ]);
  });
});

describe('runLanguageTests', () => {
  it('passes when every expectation holds, across years and levels', () => {
    const { model: m } = model(`
test "组织调整" {
  given 2013 甲 { 班子 = "一乡", 综合考核 = 80, 目标完成率 = 95% }
  given 2014 甲 { 班子 = "一乡", 综合考核 = 80, 目标完成率 = 85% }
  given 2014 甲 效情形 { 日期 = "2014-06-12", 情形 = 推进工作不力 }
  given 2014 乙 { 班子 = "一乡", 综合考核 = 90, 目标完成率 = 100% }
  expect 2013 甲 { 决定 = 诫勉谈话 }
  expect 2014 甲 { 效 = 97, 年度得分 = 85.1, 班子排名 = 2, 决定 = 组织调整, 诫勉谈话 = 是 }
  expect 2014 乙 { 决定 = 缺失, 目标完成率 = 100% }
}
test "单位" {
  given unit 乡镇 一乡 { 类别 = 经济型, 总分 = 80 }
  given unit 乡镇 二乡 { 类别 = 经济型, 总分 = 85 }
  expect unit 乡镇 一乡 { 乡镇排名 = 2 }
}`);
    const outcomes = runLanguageTests(m);
    expect(outcomes.map(o => [o.title, o.passed, o.failures.length, o.diagnostics.length])).toEqual([['组织调整', true, 0, 0], ['单位', true, 0, 0]]);
  });

  it('fails with each differing value, the expected and actual values and where they were expected', () => {
    const { model: m, lines } = model(`
test "有误" {
  given 甲 { 班子 = "一乡", 综合考核 = 80, 目标完成率 = 95% }
  expect 甲 { 年度得分 = 86, 效 = 99, 决定 = 组织调整, 诫勉谈话 = 否 }
  expect 丁 { 效 = 100 }
}
test "无预期" {
  given 甲 { 综合考核 = 1 }
}`);
    const [bad, empty] = runLanguageTests(m);
    expect(bad.passed).toBe(false);
    expect(bad.failures.map(f => [f.name, f.expected, f.actual, lines.position(f.span.start).line])).toEqual([
      ['效', 99, 100, 22],
      ['决定', '组织调整', '诫勉谈话', 22],
      ['诫勉谈话', false, true, 22],
    ]);
    expect(bad.diagnostics.map(d => d.code)).toEqual(['KP803']);
    expect(empty.passed).toBe(true);
    expect(empty.diagnostics.map(d => [d.code, d.severity])).toEqual([['KP806', 'warning']]);
  });
});

describe('sameValue', () => {
  it('compares numbers on their decimal value and everything else exactly', () => {
    expect(sameValue(0.3, 0.1 + 0.2)).toBe(true);
    expect(sameValue(61.5, 61.49)).toBe(false);
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue(null, 0)).toBe(false);
    expect(sameValue('优秀', '优秀')).toBe(true);
    expect(sameValue(true, 1 as unknown as boolean)).toBe(false);
  });
});

describe('KP8xx examples in docs/diagnostics.md', () => {
  const doc = readFileSync(path.join(import.meta.dirname, '..', 'docs', 'diagnostics.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## KP8xx'));
  const parts = section.split(/^### /m).slice(1);

  it('has an example for every language-test code', () => {
    expect(parts.map(p => p.slice(0, 5))).toEqual(['KP801', 'KP802', 'KP803', 'KP804', 'KP805', 'KP806']);
  });

  for (const part of parts) {
    const code = part.slice(0, 5);
    it(`${code} reports the quoted lines`, () => {
      const text = /```kp\n([\s\S]*?)```/.exec(part)![1];
      const quotes = [...part.matchAll(/^> (.+)$/gm)].map(m => m[1]);
      const a = analyze(text, { path: 'example.kp' });
      expect(a.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
      const lines = new LineMap(text);
      const reported = runLanguageTests(a.model).flatMap(o => [...o.diagnostics, ...o.failures.map(f => failureDiagnostic(f))]);
      const shown = reported.flatMap(d => [formatLocated(locate('example.kp', lines, d, 'zh')), formatLocated(locate('example.kp', lines, d, 'en'))]);
      expect(quotes.length).toBeGreaterThan(0);
      expect(quotes.filter(q => !shown.includes(q))).toEqual([]);
      expect(reported.some(d => d.code === code)).toBe(true);
    });
  }
});
