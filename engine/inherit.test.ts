// Tests of `extends`: the merged order, origins, override/remove, units refined item by item, bases by year.
import { describe, expect, it } from 'vitest';
import { parse } from '../grammar/parse.ts';
import { check } from './check.ts';

const files: Record<number, string> = {
  2013: `ruleset "衢州" year 2013
input 综合考核, 民主测评: points
score 年度得分 = 综合考核
score 效 = 民主测评
disposition 召回 severity 3 when 年度得分 < 50 because "低"
unit 乡镇 {
  input 共性指标: points
  score 总分 = 共性指标
  score 旧分 = 共性指标 * 2
}`,
  2014: `ruleset "衢州" year 2014 extends 2013
override score 年度得分 = 综合考核 * 60% + 民主测评 * 40%
remove 召回
score 新分 = 年度得分 + 效
unit 乡镇 {
  override score 总分 = 共性指标 + 1
  remove 旧分
  score 加分 = 总分 * 10%
}`,
  2015: `ruleset "衢州" year 2015 extends 2014
override score 效 = 民主测评 * 2
disposition 诫勉谈话 severity 1 when 年度得分 < 60 because "低"`,
};

function load(year: number) {
  const text = files[year];
  return text === undefined ? undefined : { path: `${year}.kp`, text };
}

function checkYear(year: number) {
  const text = files[year];
  return check(parse(text).file, { path: `${year}.kp`, text, loadBase: load });
}

describe('extends', () => {
  it('merges base first, overrides in place, removes, and appends new definitions', () => {
    const r = checkYear(2014);
    expect(r.diagnostics).toEqual([]);
    const m = r.model;
    expect(m.extendsYear).toBe(2013);
    expect(m.cadre.inputs.map(i => [i.name, i.origin.file])).toEqual([['综合考核', '2013.kp'], ['民主测评', '2013.kp']]);
    const computed = new Map(m.cadre.computed.map(c => [c.name, c]));
    expect([...computed.keys()].sort()).toEqual(['效', '年度得分', '新分'].sort());
    expect(computed.get('年度得分')?.origin).toEqual({ file: '2014.kp', year: 2014 });
    expect(computed.get('效')?.origin).toEqual({ file: '2013.kp', year: 2013 });
    expect(m.dispositions).toEqual([]);
  });

  it('refines a unit inherited without override item by item', () => {
    const unit = checkYear(2014).model.units[0];
    expect(unit.unitKind).toBe('乡镇');
    expect(unit.computed.map(c => [c.name, c.origin.year])).toEqual([['总分', 2014], ['加分', 2014]]);
    expect(unit.inputs.map(i => i.name)).toEqual(['共性指标']);
  });

  it('follows a chain of bases and keeps every file', () => {
    const r = checkYear(2015);
    expect(r.diagnostics).toEqual([]);
    expect(r.model.files.map(f => [f.file, f.year])).toEqual([['2015.kp', 2015], ['2014.kp', 2014], ['2013.kp', 2013]]);
    const computed = new Map(r.model.cadre.computed.map(c => [c.name, c.origin.year]));
    expect(computed.get('效')).toBe(2015);
    expect(computed.get('年度得分')).toBe(2014);
    expect(r.model.dispositions).toEqual(['诫勉谈话']);
  });

  it('resolves base definitions against the merged rule set', () => {
    const r = checkYear(2015);
    const newScore = r.model.cadre.computed.find(c => c.name === '新分')!;
    expect(newScore.deps).toEqual(['年度得分', '效']);
    // 年度得分 comes from 2014 and reads inputs declared in 2013.
    const total = r.model.cadre.computed.find(c => c.name === '年度得分')!;
    expect(total.deps).toEqual(['综合考核', '民主测评']);
  });

  it('reports a redefinition without override with a fix inserting it, in the file\'s keyword language', () => {
    const text = `规则集 "衢州" 年度 2014 继承 2013\n得分 年度得分 = 综合考核 * 2`;
    const r = check(parse(text).file, { path: '2014.kp', text, loadBase: load });
    expect(r.diagnostics.map(d => d.code)).toEqual(['KP505']);
    const edit = r.diagnostics[0].fix!.edits[0];
    expect(edit).toEqual({ span: { start: text.indexOf('得分 年度得分'), end: text.indexOf('得分 年度得分') }, text: '覆盖 ' });
  });

  it('does not judge override and remove when the base cannot be found', () => {
    const text = `ruleset "x" year 2014 extends 2010\noverride score a = 1\nremove b`;
    const r = check(parse(text).file, { path: 'x.kp', text, loadBase: load });
    expect(r.diagnostics.map(d => d.code)).toEqual(['KP501']);
  });

  it('summarises errors of the base at the extends clause, pointing into the base file', () => {
    const broken: Record<number, string> = { 2013: `ruleset "b" year 2013\nscore a = 不存在`, 2014: `ruleset "c" year 2014 extends 2013\nscore c = 1` };
    const text = broken[2014];
    const r = check(parse(text).file, { path: '2014.kp', text, loadBase: y => (broken[y] ? { path: `${y}.kp`, text: broken[y] } : undefined) });
    expect(r.diagnostics.map(d => d.code)).toEqual(['KP506']);
    const d = r.diagnostics[0];
    expect(text.slice(d.span.start, d.span.end)).toBe('2013');
    expect(d.related?.map(x => [x.file, broken[2013].slice(x.span.start, x.span.end)])).toEqual([['2013.kp', '不存在']]);
  });
});
