// Unit tests of the checker: name resolution, types and units, and the contents of the checked model.
import { describe, expect, it } from 'vitest';
import type * as ast from '../grammar/ast.ts';
import { analyze } from './pipeline.ts';
import { walkExprs, definitionExprs } from './check-walk.ts';
import type { Resolution, RuleSetModel, Type } from './model.ts';

function run(src: string, loadBase?: (year: number) => { path: string; text: string } | undefined) {
  const text = `ruleset "测试" year 2014\n${src}\n`;
  const r = analyze(text, { path: 'test.kp', loadBase });
  return { ...r, text, codes: r.diagnostics.map(d => d.code), errors: r.diagnostics.filter(d => d.severity === 'error') };
}

/** Every expression of the model's definitions and tests. */
function allExprs(model: RuleSetModel): ast.Expr[] {
  const roots: ast.Expr[] = [];
  for (const level of [model.cadre, ...model.units]) for (const c of level.computed) roots.push(...definitionExprs(c.def));
  for (const t of model.tests) for (const s of t.steps) for (const a of s.assignments) roots.push(a.value);
  const out: ast.Expr[] = [];
  walkExprs(roots, e => void out.push(e));
  return out;
}

/** The first expression written exactly as `written` (by source text). */
function find(r: { model: RuleSetModel; text: string }, written: string, kind?: ast.Expr['kind']): ast.Expr {
  const e = allExprs(r.model).find(x => r.text.slice(x.span.start, x.span.end) === written && (!kind || x.kind === kind));
  if (!e) throw new Error(`no expression ${written}`);
  return e;
}

function res(r: { model: RuleSetModel; text: string }, written: string, kind?: ast.Expr['kind']): Resolution | undefined {
  return r.model.resolutions.get(find(r, written, kind));
}

function type(r: { model: RuleSetModel; text: string }, written: string, kind?: ast.Expr['kind']): Type | undefined {
  return r.model.types.get(find(r, written, kind));
}

const ENUMS = `
enum 乡镇类别 { 经济型 生态型 复合型 }
enum 部门类别 { 综合 专业 }
input 类别: 乡镇类别
input 部门: 部门类别
`;

describe('name resolution', () => {
  it('resolves bare members in an enum context, qualified members, and globally unique ones', () => {
    const r = run(`${ENUMS}
define 甲 = 类别 == 经济型
define 乙 = 乡镇类别.生态型 == 类别
define 丙 = 复合型
define 丁 = 部门 in {综合, 专业}
define 戊 = 经济型 == 类别`);
    expect(r.errors).toEqual([]);
    expect(res(r, '经济型', 'NameRef')).toEqual({ kind: 'member', enumName: '乡镇类别', member: '经济型' });
    expect(res(r, '乡镇类别.生态型')).toEqual({ kind: 'member', enumName: '乡镇类别', member: '生态型' });
    expect(res(r, '复合型')).toEqual({ kind: 'member', enumName: '乡镇类别', member: '复合型' });
    expect(res(r, '专业')).toEqual({ kind: 'member', enumName: '部门类别', member: '专业' });
    expect(type(r, '复合型')).toEqual({ kind: 'enum', enumName: '乡镇类别' });
  });

  it('takes a bare member that is in two enums from its context, and reports it without one', () => {
    const r = run(`enum A { 一类 二类 }
enum B { 一类 三类 }
input a: A
define 甲 = a == 一类
define 乙 = 一类`);
    expect(res(r, '一类', 'NameRef')).toEqual({ kind: 'member', enumName: 'A', member: '一类' });
    expect(r.errors.map(d => d.code)).toEqual(['KP204']);
    expect(r.errors[0].suggestions).toEqual(['A.一类', 'B.一类']);
  });

  it('resolves situations compared with 情形 and fields inside where only', () => {
    const r = run(`events 效情形 { 推进工作不力 -3  不敢担当 -5 }
input 分值加成: points
score 次数 = count(效情形 where 情形 == 不敢担当 and 分值 < 0)
score 次数2 = count(效情形 where situation == 效情形.推进工作不力)
score 加成 = 分值加成`);
    expect(r.errors).toEqual([]);
    expect(res(r, '不敢担当')).toEqual({ kind: 'situation', table: '效情形', situation: '不敢担当' });
    expect(res(r, '情形')).toEqual({ kind: 'field', table: '效情形', field: '情形' });
    expect(res(r, 'situation')).toEqual({ kind: 'field', table: '效情形', field: '情形' });
    expect(res(r, '分值', 'NameRef')).toEqual({ kind: 'field', table: '效情形', field: '分值' });
    expect(res(r, '效情形.推进工作不力')).toEqual({ kind: 'situation', table: '效情形', situation: '推进工作不力' });
    expect(type(r, '情形')).toEqual({ kind: 'enum', enumName: '效情形' });
    expect(res(r, '分值加成', 'NameRef')).toEqual({ kind: 'input', level: 'cadre', name: '分值加成' });
  });

  it('resolves a unit value through a link, with the dependency named unitKind.name', () => {
    const r = run(`unit 乡镇 {
  input 共性指标: points
  score 总分 = 共性指标 * 2
}
input 所在乡镇: 乡镇
score 乡镇分 = 所在乡镇.总分 * 10%`);
    expect(r.errors).toEqual([]);
    expect(res(r, '所在乡镇.总分')).toEqual({ kind: 'unitValue', link: '所在乡镇', unitKind: '乡镇', name: '总分' });
    expect(type(r, '所在乡镇')).toEqual({ kind: 'unitRef', unitKind: '乡镇' });
    expect(type(r, '所在乡镇.总分 * 10%')).toEqual({ kind: 'points' });
    expect(r.model.cadre.computed.find(c => c.name === '乡镇分')?.deps).toEqual(['所在乡镇', '乡镇.总分']);
    expect(r.model.units[0]).toMatchObject({ level: 'unit', unitKind: '乡镇' });
    expect(res(r, '共性指标 * 2') ?? null).toBeNull();
    expect(res(r, '共性指标')).toEqual({ kind: 'input', level: 'unit', name: '共性指标' });
  });

  it('reads dispositions as yes/no values and as members of the decision', () => {
    const r = run(`input 分: points
disposition 免职 severity 5 when 分 < 10 because "低"
disposition 诫勉谈话 severity 1 when 分 < 60 and not 免职 because "较低"
define 被免职 = 决定 == 免职
define 去年诫勉 = 诫勉谈话@-1 ?? false`);
    expect(r.errors).toEqual([]);
    expect(res(r, '免职', 'NameRef')).toEqual({ kind: 'disposition', name: '免职' });
    expect(type(r, '免职', 'NameRef')).toEqual({ kind: 'bool' });
    expect(res(r, '决定')).toEqual({ kind: 'decision' });
    expect(type(r, '决定')).toEqual({ kind: 'enum', enumName: '决定' });
    const decided = allExprs(r.model).filter(e => e.kind === 'NameRef' && e.name.name === '免职');
    expect(decided.map(e => r.model.types.get(e))).toContainEqual({ kind: 'enum', enumName: '决定' });
    expect(r.model.dispositions).toEqual(['免职', '诫勉谈话']);
  });

  it('lets a definition hide a built-in value or function', () => {
    const r = run(`input decision: text
define 甲 = decision == "x"`);
    expect(r.errors).toEqual([]);
    expect(res(r, 'decision')).toEqual({ kind: 'input', level: 'cadre', name: 'decision' });
    const f = run(`input 合计: points
score 甲 = 合计(1)`);
    expect(f.errors.map(d => d.code)).toEqual(['KP207']);
  });

  it('resolves built-in functions in both languages', () => {
    const r = run(`input 甲, 乙: points
score 丙 = 限定(abs(甲), 0, 最大(甲, 乙))`);
    expect(r.errors).toEqual([]);
    const call = find(r, '限定(abs(甲), 0, 最大(甲, 乙))') as ast.Call;
    expect(r.model.resolutions.get(call.callee)).toEqual({ kind: 'builtinFunction', id: 'clamp' });
  });

  it('offers "did you mean" with a fix replacing the name', () => {
    const r = run(`input 综合考核: points
score 甲 = 综合考合 + 1`);
    const d = r.diagnostics.find(x => x.code === 'KP201')!;
    expect(d.suggestions).toEqual(['综合考核']);
    expect(d.fix?.edits).toEqual([{ span: d.span, text: '综合考核' }]);
    expect(r.text.slice(d.span.start, d.span.end)).toBe('综合考合');
  });
});

describe('types and units', () => {
  const UNITS = `input p: points
input c: count
input n: number
input r: percent
input b: bool
events 效情形 { 一 -1 }
input g: group`;

  const cases: [string, Type['kind']][] = [
    ['p + c', 'points'], ['c + c', 'count'], ['c + n', 'number'], ['r * p', 'points'], ['p * r', 'points'],
    ['r + r', 'percent'], ['r / r', 'number'], ['p / n', 'points'], ['p / p', 'number'], ['c / c', 'number'],
    ['sum(效情形.分值)', 'points'], ['count(效情形)', 'count'], ['share(效情形 where 分值 < 0)', 'percent'],
    ['mean(c within g)', 'number'], ['max(p within g)', 'points'], ['count(within g)', 'count'],
    ['min(r, 50%)', 'percent'], ['-p', 'points'], ['if b then p else 0', 'points'], ['p ?? 0', 'points'],
    ['tiers { r >= 90% => 2  else => missing }', 'number'],
  ];
  for (const [expr, kind] of cases) {
    it(`${expr} is ${kind}`, () => {
      const r = run(`${UNITS}\ndefine 值 = ${expr}\ndefine 用 = has(p) and has(c) and has(n) and has(r) and b and has(g)`);
      expect(r.errors).toEqual([]);
      expect(r.model.cadre.computed.find(x => x.name === '值')?.type.kind).toBe(kind);
    });
  }

  it('types missing from its sibling branches', () => {
    const r = run(`${UNITS}\ndefine 值 = if b then missing else p`);
    expect(type(r, 'missing')).toEqual({ kind: 'points' });
  });

  it('offers the fix 100 → 100% for percent against a bare number', () => {
    const r = run(`input r: percent\ndefine 未完成 = r < 100`);
    expect(r.codes).toEqual(['KP302']);
    const edit = r.diagnostics[0].fix!.edits[0];
    expect(r.text.slice(edit.span.start, edit.span.end)).toBe('100');
    expect(edit.text).toBe('100%');
  });

  it('types ranks as counts and grades as the enum of their levels', () => {
    const r = run(`input p: points
input g: group
rank 名次 = p desc within g
grade 等次 by p { 优秀 >= 90  一般 }
define 是优秀 = 等次 == 优秀`);
    expect(r.errors).toEqual([]);
    const byName = new Map(r.model.cadre.computed.map(c => [c.name, c.type]));
    expect(byName.get('名次')).toEqual({ kind: 'count' });
    expect(byName.get('等次')).toEqual({ kind: 'enum', enumName: '等次' });
    expect(res(r, '优秀')).toEqual({ kind: 'member', enumName: '等次', member: '优秀' });
  });
});

describe('the checked model', () => {
  const SRC = `enum 乡镇类别 { 经济型 生态型 }
input 类别: 乡镇类别
input 综合考核, 民主测评: points 0..100
input 目标完成率: percent 0..200
events 效情形 { 推进工作不力 -3 "推进重点工作不力" }
score 年度得分 = 能 * 50% + 综合考核 * 50%
score 能 = weighted 能权重
weights 能权重 by 类别 { 经济型: 综合考核 60%, 民主测评 40%; 生态型: 综合考核 40%, 民主测评 60% }
score 效 = sum(效情形.分值)
disposition 组织调整 severity 4 when 目标完成率 < 80% because "严重"
disposition 诫勉谈话 severity 1 when 目标完成率 < 100% and 目标完成率 >= 80% because "未完成"
disposition 免职 severity 5 priority 1 when 年度得分 < 10 because "极低"
test "例" { given 甲 { 类别 = 经济型 } expect 甲 { 决定 = 组织调整 } }`;

  it('orders computed definitions after what they read, with their same-year reads', () => {
    const r = run(SRC);
    expect(r.errors).toEqual([]);
    const names = r.model.cadre.computed.map(c => c.name);
    expect(names.indexOf('能权重')).toBeLessThan(names.indexOf('能'));
    expect(names.indexOf('能')).toBeLessThan(names.indexOf('年度得分'));
    expect(names.indexOf('年度得分')).toBeLessThan(names.indexOf('免职'));
    expect(r.model.cadre.computed.find(c => c.name === '年度得分')?.deps).toEqual(['能', '综合考核']);
    expect(r.model.dispositions).toEqual(['免职', '组织调整', '诫勉谈话']);
  });

  it('holds inputs with ranges in their own unit, tables with implicit fields, enums, tests and files', () => {
    const r = run(SRC);
    const m = r.model;
    expect(m.title).toBe('测试');
    expect(m.year).toBe(2014);
    expect(m.cadre.inputs.find(i => i.name === '目标完成率')?.range).toEqual({ low: 0, high: 2 });
    expect(m.cadre.inputs.find(i => i.name === '民主测评')).toMatchObject({ type: { kind: 'points' }, range: { low: 0, high: 100 }, origin: { file: 'test.kp', year: 2014 } });
    const events = m.cadre.tables[0];
    expect(events.fields.map(f => [f.name, f.type.kind])).toEqual([['日期', 'date'], ['情形', 'enum'], ['分值', 'points']]);
    expect(events.situations).toEqual([{ name: '推进工作不力', points: -3, description: '推进重点工作不力' }]);
    expect(m.enums.map(e => [e.name, e.members])).toEqual([['乡镇类别', ['经济型', '生态型']]]);
    expect(m.tests).toHaveLength(1);
    expect(m.files).toEqual([{ file: 'test.kp', year: 2014, text: r.text }]);
  });

  it('types every expression node and resolves every name in a clean file', () => {
    const r = run(SRC);
    const exprs = allExprs(r.model);
    expect(exprs.filter(e => !r.model.types.has(e))).toEqual([]);
    const names = exprs.filter(e => e.kind === 'NameRef');
    expect(names.filter(e => !r.model.resolutions.has(e)).map(e => (e as ast.NameRef).name.name)).toEqual([]);
  });

  it('is produced even when the file has errors', () => {
    const r = run(`input a: points\nscore b = a + 不存在\nscore c = b * 2\ndisposition d severity 1 when c > 1 because "x"`);
    expect(r.codes).toContain('KP201');
    expect(r.model.cadre.computed.map(c => c.name)).toEqual(['b', 'c', 'd']);
    expect(r.model.cadre.computed[1].type).toEqual({ kind: 'error' });
    expect(r.model.dispositions).toEqual(['d']);
  });
});
