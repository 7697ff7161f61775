// The CSV result: one row per cadre, every value, decision and candidates; quoting by RFC 4180.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, formatResultCsv, formatUnitCsv } from './format-csv.ts';
import { fixtureModelWithValues } from '../dataset/testing/fixture-model.ts';
import { sampleResult } from './testing/sample-result.ts';

describe('formatResultCsv', () => {
  it('writes every value with percent in points, yes/no, missing as empty', () => {
    const text = formatResultCsv(fixtureModelWithValues(), sampleResult(), 'zh');
    expect(text.split('\n')).toEqual([
      '编号,姓名,综合考核,目标完成率,受处分,系数,年度得分,完成度,班子排名,等次,诫勉谈话,决定,候选',
      'c01,甲,85,120%,是,1,90.25,100%,1,优秀,否,,',
      'c02,欧阳建国,70,88%,否,1.2,61.5,30%,2,基本称职,是,诫勉谈话,',
      'c10,"Smith, ""Jr""",90,,,,,,,,否,,调离岗位|降职',
      '',
    ]);
  });

  it('reads back as the same table with a CSV parser, in English too', () => {
    const text = formatResultCsv(fixtureModelWithValues(), sampleResult(), 'en');
    const rows = parse(text) as string[][];
    expect(rows[0].slice(0, 2)).toEqual(['id', 'name']);
    expect(rows[0].slice(-2)).toEqual(['decision', 'candidates']);
    expect(rows[3][1]).toBe('Smith, "Jr"');
    expect(rows[1][4]).toBe('true');
  });

  it('writes units with their kind', () => {
    expect(formatUnitCsv(fixtureModelWithValues(), sampleResult(), 'zh')).toBe('单位类别,编号,名称,类别,总分,决定,候选\n乡镇,t1,一乡,经济型,82.5,,\n');
  });

  it('quotes only where needed', () => {
    expect(csvCell('a')).toBe('a');
    expect(csvCell(' a')).toBe('" a"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });
});
