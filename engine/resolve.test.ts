// Tests of the symbol tables: edit distance, "did you mean", and what each level can see.
import { describe, expect, it } from 'vitest';
import { parse } from '../grammar/parse.ts';
import { mergeItems } from './inherit.ts';
import { buildScope, editDistance, lookupField, suggest } from './resolve.ts';

describe('editDistance', () => {
  it('counts code points, so one wrong Chinese character is one edit', () => {
    expect(editDistance('综合考核', '综合考合')).toBe(1);
    expect(editDistance('年度得分', '年度得分')).toBe(0);
    expect(editDistance('abc', 'abd')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('𠀀a', 'a')).toBe(1);
  });

  it('stops early above the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('suggest', () => {
  it('returns close names, best first, ties by code point', () => {
    expect(suggest('综合考合', ['综合考核', '民主测评', '综合考评', '综'])).toEqual(['综合考核', '综合考评']);
    // A one-character name is never "close" to a different one-character name.
    expect(suggest('效', ['能', '效情形'])).toEqual([]);
    expect(suggest('效情', ['效情形', '能'])).toEqual(['效情形']);
    expect(suggest('xyz', ['abc'])).toEqual([]);
  });

  it('never offers the name itself', () => {
    expect(suggest('能', ['能'])).toEqual([]);
  });
});

describe('scopes', () => {
  const text = `ruleset "x" year 2014
enum 类别 { 甲 乙 }
input 分: points
events 效情形 { 一 -1 }
grade 等次 by 分 { 好 >= 60  差 }
unit 乡镇 {
  input 总分: points
  enum 乡镇级 { 大 小 }
}`;
  const file = parse(text).file;
  const merged = mergeItems(undefined, file.items, { file: 'x.kp', year: 2014 }, 'zh', () => {});
  const root = buildScope(merged.entries, 'cadre');
  const unit = root.lookup('乡镇');

  it('holds each definition once, and members of enums and grades', () => {
    expect(root.order.map(s => `${s.kind}:${s.name}`)).toEqual(['enum:类别', 'input:分', 'rows:效情形', 'computed:等次', 'unit:乡镇']);
    expect(root.memberCandidates('甲')).toEqual([{ enumName: '类别', member: '甲' }]);
    expect(root.memberCandidates('好')).toEqual([{ enumName: '等次', member: '好' }]);
  });

  it('lets a unit see the top level enums and unit kinds but not cadre values', () => {
    if (unit?.kind !== 'unit') throw new Error('no unit');
    expect(unit.scope.lookup('总分')?.kind).toBe('input');
    expect(unit.scope.lookup('类别')?.kind).toBe('enum');
    expect(unit.scope.lookup('分')).toBeUndefined();
    expect(unit.scope.memberCandidates('甲')).toEqual([{ enumName: '类别', member: '甲' }]);
    expect(unit.scope.memberCandidates('大')).toEqual([{ enumName: '乡镇级', member: '大' }]);
    expect(root.memberCandidates('大')).toEqual([]);
  });

  it('finds implicit row fields in either language', () => {
    const rows = root.lookup('效情形');
    if (rows?.kind !== 'rows') throw new Error('no rows');
    expect(lookupField(rows, 'situation')?.name).toBe('情形');
    expect(lookupField(rows, '日期')?.name).toBe('日期');
    expect(lookupField(rows, 'points')?.name).toBe('分值');
    expect(lookupField(rows, '起')).toBeUndefined();
  });
});
